import re

from digikind.orgs.models import Membership
from digikind.orgs.tenancy import can_open
from digikind.test import BaseTestCase, make_person


def top_line(page):
    nav = page.split('class="govuk-service-navigation"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'class="govuk-service-navigation__link"[^>]*>([^<]+)</a>', nav)


def second_line(page):
    if 'class="dk-subnav"' not in page:
        return []
    nav = page.split('class="dk-subnav"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r">([^<]+)</a>", nav)


class NavigationTestCase(BaseTestCase):
    def page(self, user, path=""):
        self.client.force_login(user)
        return self.client.get(f"/o/{self.org.slug}/{path}").content.decode()

    def test_a_lead_has_five_groups_on_one_line(self):
        self.assertEqual(
            top_line(self.page(self.alice)), ["Home", "Records", "Check", "Plan", "People"]
        )
        self.assertEqual(second_line(self.page(self.alice)), [])

    def test_inside_a_group_its_pages_are_on_a_second_line(self):
        page = self.page(self.alice, "reviews/")
        self.assertEqual(second_line(page), ["Reviews", "Policy check", "Channels"])
        self.assertIn('href="/o/alices-youth-club/reviews/" aria-current="page">Reviews', page)
        self.assertIn("govuk-service-navigation__item--active", page.split(">Check<")[0][-200:])
        plan = self.page(self.alice, "actions/")
        self.assertEqual(
            second_line(plan), ["Gaps", "Actions", "Board report", "Agreement", "Funders"]
        )

    def test_staff_see_only_their_sections_by_name(self):
        # A group with one page a person can see shows that page under its own name.
        self.assertEqual(top_line(self.page(self.bob)), ["Home", "Records", "Agreement"])

    def test_a_trustee_sees_check_and_plan_but_no_records(self):
        trustee = make_person("tina@example.org", self.org, "trustee")
        self.assertEqual(top_line(self.page(trustee)), ["Home", "Check", "Plan"])
        self.assertEqual(second_line(self.page(trustee, "channels/")), ["Reviews", "Channels"])

    def test_the_current_section_is_marked(self):
        page = self.page(self.alice, "members/")
        self.assertIn('href="/o/alices-youth-club/members/" aria-current="page">People', page)


class CanOpenTestCase(BaseTestCase):
    """Links are offered by the roles the page's own view allows, so they never lead to 403."""

    def membership(self, user):
        return Membership.objects.get(user=user, organisation=self.org)

    def test_a_page_open_to_some_roles(self):
        records = f"/o/{self.org.slug}/records/"
        trustee = make_person("tina@example.org", self.org, "trustee")
        self.assertTrue(can_open(self.membership(self.alice), records))
        self.assertTrue(can_open(self.membership(self.bob), records))
        self.assertFalse(can_open(self.membership(trustee), records))
        self.assertFalse(can_open(None, records))

    def test_a_lead_only_page_and_the_query_string(self):
        members = f"/o/{self.org.slug}/members/?page=2"
        self.assertTrue(can_open(self.membership(self.alice), members))
        self.assertFalse(can_open(self.membership(self.bob), members))

    def test_pages_outside_an_organisation_and_unknown_pages(self):
        self.assertTrue(can_open(self.membership(self.bob), "/frameworks/"))
        self.assertFalse(can_open(self.membership(self.bob), "/no-such-page/"))

    def test_the_template_filter(self):
        from django.template import Context, Template

        link = Template(
            "{% load page_links %}{% if url|opens_for:m %}link{% else %}text{% endif %}"
        )
        records = f"/o/{self.org.slug}/records/"
        self.assertEqual(
            link.render(Context({"url": records, "m": self.membership(self.bob)})), "link"
        )
        self.assertEqual(link.render(Context({"url": records, "m": ""})), "text")
