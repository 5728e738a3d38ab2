"""A report with no policy, no closed review and an empty register says what is missing and
how to add it, and still shows what it can."""

from datetime import date

from digikind.gaps.detect import priority
from digikind.gaps.report import build
from digikind.gaps.tests.helpers import unrecorded_chat
from digikind.test import BaseTestCase


class MissingDataTestCase(BaseTestCase):
    def test_an_empty_organisation_is_told_what_to_add(self):
        report = build(self.org)
        titles = [m.title for m in report.missing]
        self.assertIn("No policy has been checked yet", titles)
        self.assertIn("No review has closed yet", titles)
        self.assertIn("The channels register is empty", titles)
        self.assertEqual(report.gaps, [])
        self.assertEqual(len(report.topics), 18)
        urls = {m.url for m in report.missing}
        self.assertIn(f"/o/{self.org.slug}/policy/", urls)
        self.assertIn(f"/o/{self.org.slug}/channels/", urls)

    def test_channel_gaps_are_found_without_a_policy_or_review(self):
        channel = unrecorded_chat(self.org, account_name="Club chat")
        report = build(self.org)
        keys = {g.key for g in report.gaps}
        self.assertIn(f"one-to-one-without-records:channel-{channel.pk}", keys)
        self.assertIn(f"platform-terms-broken:channel-{channel.pk}", keys)
        self.assertNotIn("The channels register is empty", [m.title for m in report.missing])
        self.assertIn("No policy has been checked yet", [m.title for m in report.missing])
        # The register column of the topic view shows the flag under record keeping.
        row = next(r for r in report.topics if r.id == "record-keeping")
        self.assertTrue(any("keeps no record" in e.text for e in row.register))

    def test_the_page_says_what_is_missing_and_links_to_fix_it(self):
        self.client.force_login(self.alice)
        r = self.client.get(f"/o/{self.org.slug}/gaps/")
        self.assertContains(r, "No policy has been checked yet")
        self.assertContains(r, f'href="/o/{self.org.slug}/policy/"')
        self.assertContains(r, "Topic by topic")


class PriorityTestCase(BaseTestCase):
    def test_serious_widespread_long_running_gaps_rank_highest(self):
        today = date(2026, 11, 21)
        high = priority(3, 25, date(2025, 1, 1), today)
        low = priority(1, 0, today, today)
        self.assertEqual(high.level, "High")
        self.assertEqual(low.level, "Low")
        self.assertGreater(high.score, low.score)
        self.assertIn("affects at least 25 people", high.reasons)
        self.assertIn("we cannot tell how many people it affects", low.reasons)
