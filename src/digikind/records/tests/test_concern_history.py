"""Each time someone opens a concern it is logged, and the concern's history shows who viewed
it and when; the views are not records of their own in any list."""

from django.utils import timezone

from digikind.records import services
from digikind.records.models import Entry
from digikind.records.tests.helpers import read
from digikind.test import BaseTestCase


class ConcernHistoryTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.concern = services.append(
            self.org,
            "concern",
            author=self.bob,
            public={"status": "open", "risk_type": "contact"},
            sensitive={"description": "A stranger messaged them"},
        )

    def history(self, response):
        return [i for i in read(response.content).items if i.startswith(tuple("0123456789"))]

    def test_the_history_shows_who_viewed_it_and_when(self):
        self.client.force_login(self.alice)
        self.client.get(self.concern.get_absolute_url())
        self.client.force_login(self.bob)
        response = self.client.get(self.concern.get_absolute_url())
        views = Entry.objects.filter(kind="viewed").order_by("seq")
        self.assertEqual([v.public for v in views], [{"entry": self.concern.seq}] * 2)
        when = [timezone.localtime(v.created_at).strftime("%-d %B %Y, %H:%M") for v in views]
        self.assertEqual(
            self.history(response), [f"{when[0]}, Alice:\nViewed", f"{when[1]}, Bob:\nViewed"]
        )

    def test_views_are_not_in_the_records_lists(self):
        self.client.force_login(self.bob)
        self.client.get(self.concern.get_absolute_url())
        home = self.client.get(f"/o/{self.org.slug}/records/").content.decode()
        self.assertNotIn("Concern viewed", home)
        self.assertIn(f"Record {self.concern.seq}: Concern or incident", home)

    def test_other_records_log_no_views(self):
        debrief = services.append(self.org, "debrief", author=self.alice, public={})
        self.client.force_login(self.alice)
        response = self.client.get(debrief.get_absolute_url())
        self.assertFalse(Entry.objects.filter(kind="viewed").exists())
        self.assertContains(response, "No corrections or additions.")
