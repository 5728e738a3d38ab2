import json

from digikind.gaps.tests.helpers import unrecorded_chat
from digikind.test import BaseTestCase


class GapReportPageTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.alice)
        self.channel = unrecorded_chat(self.org)

    def test_each_gap_shows_evidence_priority_and_both_kinds_of_action(self):
        r = self.client.get(f"/o/{self.org.slug}/gaps/")
        self.assertContains(r, "WhatsApp: Chat is used for one-to-one support but keeps no record")
        self.assertContains(r, "priority</strong>")
        self.assertContains(r, "A technical option:")
        self.assertContains(r, "A social option:")
        self.assertContains(r, f'href="{self.channel.get_absolute_url()}"')
        self.assertContains(r, "Add an action")

    def test_gaps_download_as_csv_and_json_with_their_evidence(self):
        rows = json.loads(self.client.get(f"/o/{self.org.slug}/gaps/gaps.json").content)
        row = next(r for r in rows if r["key"].startswith("one-to-one-without-records"))
        self.assertEqual(row["topic"], "record-keeping")
        self.assertTrue(row["evidence"][0]["link"].endswith(f"/channels/{self.channel.pk}/"))
        csv_text = self.client.get(f"/o/{self.org.slug}/gaps/gaps.csv").content.decode()
        self.assertIn("keeps no record", csv_text)
        self.assertTrue(csv_text.startswith("key,topic,topic_name,title,priority"))

    def test_staff_cannot_see_it(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(f"/o/{self.org.slug}/gaps/").status_code, 403)
