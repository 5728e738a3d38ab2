"""A funder's members cannot open a youth organisation's pages of their own funder by typing
the address, and a youth organisation's members cannot open a funder's pages: each gets a
plain 403 that says where their own pages are. Every named URL is tried, so new pages are
covered as soon as they exist."""

from html import unescape

from django.urls import reverse

from digikind.funders.models import Round
from digikind.orgs import services as org_services
from digikind.orgs.roles import MemberRole, OrganisationKind
from digikind.records.models import Entry
from digikind.test import BaseTestCase, make_person
from tests.url_patterns import build_url, named_patterns

YOUTH_APPS = ("records", "policies", "register", "reviews", "agreements", "gaps", "reports")
FUNDER_PAGES = ("funders:portfolio", "funders:add_grantee", "funders:invite_grantee")
GRANTEE_PAGES = ("funders:requests", "funders:request", "funders:withdraw")


def patterns_in(prefixes: tuple[str, ...]) -> list:
    return [
        (name, pattern)
        for name, pattern in named_patterns()
        if name.startswith(prefixes) and "org_slug" in pattern.pattern.regex.groupindex
    ]


class OrgKindTests(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.funder = org_services.create_organisation(
            "Northfield Fund", kind=OrganisationKind.FUNDER
        )
        self.funder_people = [
            make_person("morgan@fund.example", self.funder, MemberRole.LEAD),
            make_person("sol@fund.example", self.funder, MemberRole.STAFF),
            make_person("tess@fund.example", self.funder, MemberRole.TRUSTEE),
            make_person("val@fund.example", self.funder, MemberRole.VOLUNTEER),
        ]

    def refused(self, slug: str, prefixes: tuple[str, ...]) -> list[tuple[str, str]]:
        """Every page under these names, asked for with GET and POST; returns (url, body) of
        each refusal, failing on anything but a 403 (or 405 where only the other method
        exists)."""
        seen = []
        for name, pattern in patterns_in(prefixes):
            url = build_url(name, pattern, slug, {})
            self.assertIsNotNone(url, name)
            answered = []
            for method in (self.client.get, self.client.post):
                response = method(url)
                if response.status_code == 405:
                    continue
                self.assertEqual(response.status_code, 403, f"{method.__name__.upper()} {url}")
                answered.append(unescape(response.content.decode()))
            self.assertTrue(answered, f"{url} answered neither GET nor POST")
            seen += [(url, body) for body in answered]
        return seen

    def test_every_youth_page_of_a_funder_says_no_and_points_to_the_portfolio(self):
        portfolio = reverse("funders:portfolio", args=[self.funder.slug])
        for person in self.funder_people:
            self.client.force_login(person)
            refusals = self.refused(self.funder.slug, YOUTH_APPS)
            self.assertGreater(len(refusals), 40)
            for url, body in refusals:
                self.assertIn("This page is not part of Northfield Fund's Digikind", body, url)
                self.assertIn("Northfield Fund is a funder.", body, url)
                self.assertIn(f'href="{portfolio}">Go to your portfolio</a>', body, url)
                self.assertNotIn("Your role in this organisation", body, url)
        self.assertFalse(Entry.objects.filter(organisation=self.funder).exists())

    def test_the_refusal_keeps_the_funders_own_menu(self):
        self.client.force_login(self.funder_people[0])
        response = self.client.get(reverse("records:home", args=[self.funder.slug]))
        nav = [item.label for item in response.context["service_nav"].items]
        self.assertEqual(nav, ["Portfolio", "People"])

    def test_a_funder_still_has_its_home_and_its_people(self):
        self.client.force_login(self.funder_people[0])
        home = self.client.get(reverse("orgs:dashboard", args=[self.funder.slug]))
        self.assertRedirects(home, reverse("funders:portfolio", args=[self.funder.slug]))
        people = self.client.get(reverse("orgs:member_list", args=[self.funder.slug]))
        self.assertContains(people, "sol@fund.example")

    def test_a_youth_organisations_members_cannot_open_funder_pages_of_their_own(self):
        home = reverse("orgs:dashboard", args=[self.org.slug])
        for person in (self.alice, self.bob):
            self.client.force_login(person)
            refusals = self.refused(self.org.slug, FUNDER_PAGES)
            for url, body in refusals:
                self.assertIn("This page is for funders.", body, url)
                self.assertIn(f'href="{home}">Go to {self.org.name}\'s home page</a>', body, url)
        self.assertFalse(Round.objects.filter(organisation=self.org).exists())

    def test_a_funders_members_cannot_open_the_grantee_pages_of_their_own(self):
        self.client.force_login(self.funder_people[0])
        for url, body in self.refused(self.funder.slug, GRANTEE_PAGES):
            self.assertIn("Go to your portfolio", body, url)

    def test_outsiders_still_get_404(self):
        self.client.force_login(self.alice)
        for name, pattern in patterns_in(YOUTH_APPS + FUNDER_PAGES):
            url = build_url(name, pattern, self.funder.slug, {})
            self.assertEqual(self.client.post(url).status_code, 404, url)
