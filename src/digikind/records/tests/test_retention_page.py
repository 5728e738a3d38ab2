"""A lead sees how long each kind of record is kept, what is due to be erased, and erases the
due records' details after confirming: the erasing is logged and the chain still verifies."""

from datetime import timedelta
from unittest import mock

from django.utils import timezone

from digikind.records import kinds, services
from digikind.records.models import Entry, RecordSettings
from digikind.records.tests.helpers import summary
from digikind.test import BaseTestCase


class RetentionPageTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/o/{self.org.slug}/records/keeping/"
        self.person = services.add_subject(self.org, "young_person", "Jamie Example")
        long_ago = timezone.now() - timedelta(days=800)
        with mock.patch("django.utils.timezone.now", return_value=long_ago):
            self.old = services.append(
                self.org,
                "contact",
                author=self.bob,
                subject=self.person,
                public={"out_of_hours": True},
                sensitive={"note": "Old private note"},
            )
            self.old_fix = services.correct(self.old, "Old correction", author=self.bob)
            self.old_concern = services.append(
                self.org,
                "concern",
                author=self.bob,
                public={"status": "closed"},
                sensitive={"description": "Still within six years"},
            )
        self.new = services.append(
            self.org, "contact", author=self.bob, public={}, sensitive={"note": "New note"}
        )

    def test_it_shows_the_default_periods_and_what_is_due(self):
        self.client.force_login(self.alice)
        words = summary(self.client.get(self.url).content)
        self.assertEqual(
            words["Digital contact"], "Kept for 730 days (2 years). 1 due to be erased."
        )
        self.assertEqual(
            words["Concern or incident"], "Kept for 2190 days (6 years). 0 due to be erased."
        )
        self.assertEqual(kinds.kinds()["debrief"].keep_days, 365)
        response = self.client.get(self.url)
        self.assertContains(response, "Erase the details of 1 record")
        self.assertContains(response, "Log check: all 4 entries in the log (records, and notes")

    def test_a_lead_changes_a_period(self):
        self.client.force_login(self.alice)
        data = {"contact": "0", "concern": "365", "consent": "2190", "debrief": "365"}
        response = self.client.post(self.url, data, follow=True)
        self.assertContains(response, "Saved how long records are kept.")
        self.assertEqual(RecordSettings.objects.get().retention_days["concern"], 365)
        words = summary(response.content)
        self.assertEqual(words["Digital contact"], "Kept until you erase them. 0 due to be erased.")
        self.assertEqual(
            words["Concern or incident"], "Kept for 365 days (1 year). 1 due to be erased."
        )

    def test_a_wrong_number_is_explained_and_nothing_is_lost(self):
        self.client.force_login(self.alice)
        data = {"contact": "two years", "concern": "-1", "consent": "2190", "debrief": ""}
        response = self.client.post(self.url, data)
        self.assertContains(response, "There is a problem")
        self.assertContains(response, 'href="#id_contact">Enter a whole number of days, like 730')
        self.assertContains(response, "Enter 0 or more days")
        self.assertContains(response, "Enter how many days to keep debrief records")
        self.assertContains(response, 'value="two years"')
        self.assertFalse(RecordSettings.objects.exists())

    def test_erasing_asks_first_then_erases_only_what_is_due(self):
        self.client.force_login(self.alice)
        confirm = self.client.get(f"{self.url}erase/")
        self.assertEqual(summary(confirm.content), {"Digital contact": "1 record"})
        self.assertContains(confirm, "Yes, erase 1 record")
        self.assertEqual(services.sensitive(self.old)["note"], "Old private note")  # not yet

        response = self.client.post(
            f"{self.url}erase/", {"as_of": timezone.now().isoformat()}, follow=True
        )
        self.assertContains(response, "The details of 1 record are erased for good.")
        self.assertEqual(services.sensitive(self.old), {"erased": True})
        self.assertEqual(services.sensitive(self.old_fix), {"erased": True})
        self.assertEqual(services.sensitive(self.new)["note"], "New note")
        self.assertEqual(
            services.sensitive(self.old_concern)["description"], "Still within six years"
        )
        self.assertTrue(services.verify(self.org).result.ok)
        erasures = Entry.objects.filter(kind="erasure").order_by("seq")
        self.assertEqual([e.public["entry"] for e in erasures], [self.old.seq, self.old_fix.seq])
        self.assertEqual({e.author for e in erasures}, {self.alice})
        self.assertEqual(
            erasures[0].public["reason"],
            "Kept for 730 days, the period set for digital contact records",
        )
        self.assertContains(response, "Nothing is due to be erased.")

        page = self.client.get(self.old.get_absolute_url())
        self.assertNotContains(page, "Old private note")
        self.assertNotContains(page, "Old correction")
        self.assertContains(page, "Erased: these details can no longer be read.")
        self.assertContains(page, "Details erased: Kept for 730 days")

    def test_erasing_twice_erases_nothing_more(self):
        self.client.force_login(self.alice)
        self.client.post(f"{self.url}erase/")
        response = self.client.post(f"{self.url}erase/", follow=True)
        self.assertContains(response, "No records were due, so nothing was erased.")
        self.assertEqual(Entry.objects.filter(kind="erasure").count(), 2)

    def test_a_confirmation_page_left_open_erases_only_what_it_listed(self):
        self.client.force_login(self.alice)
        shown_at = (timezone.now() - timedelta(days=1000)).isoformat()
        response = self.client.post(f"{self.url}erase/", {"as_of": shown_at}, follow=True)
        self.assertContains(response, "No records were due")
        self.assertEqual(services.sensitive(self.old)["note"], "Old private note")

    def test_only_leads_may_use_it(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.url).status_code, 403)
        self.assertEqual(self.client.post(f"{self.url}erase/").status_code, 403)
        self.assertEqual(services.sensitive(self.old)["note"], "Old private note")
