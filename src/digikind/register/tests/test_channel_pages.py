import csv
import io
from datetime import date, timedelta

from digikind.records.tests.helpers import summary
from digikind.register import knowledge, services
from digikind.register.models import Channel, RiskAssessment
from digikind.test import BaseTestCase

FUTURE = (date.today() + timedelta(days=90)).isoformat()


def form(**overrides):
    data = {
        "platform": "instagram",
        "account_name": "@riverside",
        "purpose": "promotion",
        "rationale": "News for families",
        "owner": "Sam",
        "official": "yes",
        "youngest_age": "13",
        "oldest_age": "19",
        "one_to_one": "no",
        "receives_messages": "yes",
        "keeps_records": "yes",
        "followers_visible": "no",
        "managers_trained": "yes",
        "devices": "work",
        "review_date": FUTURE,
    }
    data.update(overrides)
    return data


class ChannelPagesTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.alice)
        self.base = f"/o/{self.org.slug}/channels/"

    def test_choosing_a_platform_prefills_its_facts_with_sources(self):
        r = self.client.get(f"{self.base}new/?platform=whatsapp")
        self.assertContains(r, "What we know about WhatsApp")
        self.assertContains(r, "Checked 20")
        self.assertContains(r, ">source<")

    def test_the_first_step_works_without_javascript(self):
        r = self.client.get(f"{self.base}new/")
        self.assertContains(r, "Which platform or tool?")
        self.assertContains(r, '<form method="get"')

    def test_adding_a_channel(self):
        r = self.client.post(f"{self.base}new/?platform=instagram", form())
        channel = Channel.objects.get()
        self.assertRedirects(r, channel.get_absolute_url())
        self.assertEqual(channel.organisation, self.org)
        page = self.client.get(channel.get_absolute_url())
        self.assertContains(page, "It has no risk assessment")

    def test_a_duplicate_is_refused_plainly(self):
        self.client.post(f"{self.base}new/?platform=instagram", form())
        r = self.client.post(f"{self.base}new/?platform=instagram", form(account_name="@Riverside"))
        self.assertContains(r, "already in the register")
        self.assertEqual(Channel.objects.count(), 1)

    def test_a_review_date_in_the_past_is_refused(self):
        r = self.client.post(f"{self.base}new/?platform=instagram", form(review_date="2020-01-01"))
        self.assertContains(r, "The review date is in the past")
        self.assertFalse(Channel.objects.exists())

    def test_an_unknown_platform_asks_for_its_facts(self):
        r = self.client.get(f"{self.base}new/?platform=other")
        self.assertContains(r, "Name of the platform or tool")
        self.assertContains(r, "Its minimum age")
        r = self.client.post(
            f"{self.base}new/?platform=other",
            form(
                platform="other",
                other_platform_name="Chatly",
                other_minimum_age="16",
                youngest_age="12",
                other_organisational_use="allowed",
            ),
        )
        channel = Channel.objects.get()
        self.assertEqual(channel.own_facts["minimum_age_uk"], 16)
        self.assertContains(self.client.get(channel.get_absolute_url()), "minimum age is 16")

    def test_two_leads_editing_at_once_never_overwrite_silently(self):
        self.client.post(f"{self.base}new/?platform=instagram", form())
        channel = Channel.objects.get()
        edit = f"{self.base}{channel.pk}/edit/"
        # Both open the form at version 1; the first saves, the second is stopped.
        self.client.post(edit, form(owner="First lead", version="1"))
        r = self.client.post(edit, form(owner="Second lead", version="1"))
        self.assertContains(r, "Someone else changed this channel")
        self.assertContains(r, "First lead")  # their version is shown
        self.assertContains(r, 'value="Second lead"')  # my changes are still in the form
        channel.refresh_from_db()
        self.assertEqual(channel.owner, "First lead")
        # Having seen their version, saving again goes on top of it.
        self.assertContains(r, 'name="version" value="2"')
        self.client.post(edit, form(owner="Second lead", version="2"))
        channel.refresh_from_db()
        self.assertEqual(channel.owner, "Second lead")

    def test_a_risk_assessment(self):
        self.client.post(f"{self.base}new/?platform=instagram", form())
        channel = Channel.objects.get()
        r = self.client.post(
            f"{self.base}{channel.pk}/assess/",
            {
                "content_likelihood": "2",
                "content_impact": "3",
                "contact_likelihood": "1",
                "contact_impact": "3",
                "conduct_likelihood": "1",
                "conduct_impact": "2",
                "mitigations": ["copy-in-colleague"],
                "residual_risk": "1",
                "signed_off_by": "Sam",
                "signed_off_on": date.today().isoformat(),
            },
        )
        self.assertRedirects(r, channel.get_absolute_url())
        assessment = RiskAssessment.objects.get()
        self.assertEqual(assessment.scores()[0], ("Content", 2, 3, 6))
        self.assertNotContains(
            self.client.get(channel.get_absolute_url()), "It has no risk assessment"
        )

    def test_csv_export_keeps_every_column(self):
        self.client.post(f"{self.base}new/?platform=instagram", form())
        r = self.client.get(f"{self.base}export.csv")
        rows = list(csv.DictReader(io.StringIO(r.content.decode())))
        self.assertEqual(r["Content-Type"], "text/csv; charset=utf-8")
        # A cell starting with @ would run as a formula in a spreadsheet, so it is quoted.
        self.assertEqual(rows[0]["account_name"], "'@riverside")
        self.assertEqual(rows[0]["rationale"], "News for families")
        self.assertEqual(rows[0]["official"], "Yes")
        self.assertEqual(rows[0]["latest_risk_assessment"], "")  # empty stays empty

    def test_staff_cannot_change_the_register(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(f"{self.base}new/").status_code, 403)

    def test_it_validates_ownership(self):
        theirs = services.create_channel(
            self.other_org,
            {
                k: v
                for k, v in {
                    "platform": "instagram",
                    "account_name": "@theirs",
                    "purpose": "promotion",
                }.items()
            },
            by=None,
        )
        self.assertEqual(self.client.get(f"{self.base}{theirs.pk}/").status_code, 404)
        self.assertEqual(self.client.post(f"{self.base}{theirs.pk}/edit/", form()).status_code, 404)


class PlatformFactsTestCase(BaseTestCase):
    """A channel's page shows its platform's facts in plain words, never the data's codes."""

    def setUp(self):
        super().setUp()
        self.client.force_login(self.alice)

    def facts_on_page(self, platform):
        base = f"/o/{self.org.slug}/channels/new/?platform={platform}"
        self.client.post(base, form(platform=platform, account_name=f"@{platform}"))
        channel = Channel.objects.get(platform=platform)
        r = self.client.get(channel.get_absolute_url())
        self.assertContains(r, "What we know about")
        return {key: words.split("\n")[0] for key, words in summary(r.content).items()}

    def test_whatsapp_terms_and_features_read_as_plain_words(self):
        facts = self.facts_on_page("whatsapp")
        self.assertEqual(
            facts["Can an organisation use it?"], "No, its terms allow personal use only"
        )
        self.assertEqual(facts["Minimum age in the UK"], "13 years old")
        self.assertEqual(
            facts["End-to-end encryption"], "Yes, only the people in a chat can read it"
        )
        self.assertEqual(facts["Can you keep a copy of chats as a record?"], "Only in part")

    def test_no_platform_shows_a_raw_value(self):
        raw = {"allowed", "personal-only", "business-product", "depends", "optional"}
        raw |= {"not-applicable", "limited", "yes", "no", "None", ""}
        labels = [words["label"] for words in knowledge.fact_words().values()]
        for platform in knowledge.platforms():
            facts = self.facts_on_page(platform)
            for label in labels:
                self.assertNotIn(facts[label], raw, f"{platform}: {label}")

    def test_a_platform_with_no_minimum_age_says_so(self):
        none_set = [p for p in knowledge.platforms().values() if p.value("minimum_age_uk") is None]
        facts = self.facts_on_page(none_set[0].id)
        self.assertEqual(facts["Minimum age in the UK"], "The platform sets no minimum age")
