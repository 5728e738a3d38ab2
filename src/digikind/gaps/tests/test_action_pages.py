import json
from datetime import date, timedelta

from digikind.gaps.models import Action, Status
from digikind.gaps.tests.helpers import CHAT, unrecorded_chat
from digikind.orgs.roles import MemberRole
from digikind.register import services as register_services
from digikind.test import BaseTestCase, make_person


def form(**overrides):
    data = {
        "title": "Give youth workers a work phone",
        "topic": "devices",
        "detail": "",
        "owner": "Sam",
        "due_on": (date.today() + timedelta(days=30)).isoformat(),
        "status": "to_do",
        "evidence_it_worked": "",
        "gap_key": "",
    }
    data.update(overrides)
    return data


class ActionPagesTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.alice)
        self.base = f"/o/{self.org.slug}/actions/"

    def test_a_gap_becomes_an_action_with_its_suggested_options(self):
        channel = unrecorded_chat(self.org)
        key = f"one-to-one-without-records:channel-{channel.pk}"
        r = self.client.get(f"{self.base}new/?gap={key}")
        self.assertContains(r, "used for one-to-one support but keeps no record")
        self.assertContains(r, "Technical option:")
        self.assertContains(r, "Social option:")
        r = self.client.post(f"{self.base}new/", form(gap_key=key, topic="record-keeping"))
        self.assertRedirects(r, self.base)
        action = Action.objects.get(organisation=self.org)
        self.assertEqual(action.gap_key, key)
        page = self.client.get(self.base)
        self.assertContains(page, "The gap is still found.")
        # The gap report now shows the gap is in the plan.
        self.assertContains(self.client.get(f"/o/{self.org.slug}/gaps/"), "In the action plan")
        # Fixing the data closes the gap, and the plan says so.
        fields = {**CHAT, "keeps_records": "yes"}
        register_services.update_channel(channel, fields, seen_version=1, by=None)
        self.assertContains(self.client.get(self.base), "The gap is no longer found.")

    def test_marking_done_asks_what_shows_it_worked(self):
        self.client.post(f"{self.base}new/", form())
        action = Action.objects.get(organisation=self.org)
        r = self.client.post(f"{self.base}{action.pk}/", form(status="done", version=1))
        self.assertContains(r, "Say what shows the action worked")
        self.assertContains(r, "Give youth workers a work phone")  # the input is kept
        action.refresh_from_db()
        self.assertEqual(action.status, Status.TO_DO)
        r = self.client.post(
            f"{self.base}{action.pk}/",
            form(status="done", evidence_it_worked="No late messages for a month", version=1),
        )
        self.assertRedirects(r, self.base)
        action.refresh_from_db()
        self.assertEqual(action.status, Status.DONE)
        self.assertEqual(action.done_on, date.today())

    def test_two_leads_editing_at_once_never_overwrite_each_other(self):
        self.client.post(f"{self.base}new/", form())
        action = Action.objects.get(organisation=self.org)
        self.client.post(f"{self.base}{action.pk}/", form(owner="Priya", version=1))
        r = self.client.post(f"{self.base}{action.pk}/", form(owner="Jo", version=1))
        self.assertContains(r, "Someone else changed this action")
        self.assertContains(r, 'value="Jo"')  # your input is still there
        action.refresh_from_db()
        self.assertEqual(action.owner, "Priya")
        # Having seen their version, saving again goes on top of it.
        self.assertContains(r, 'name="version" value="2"')
        self.client.post(f"{self.base}{action.pk}/", form(owner="Jo", version=2))
        action.refresh_from_db()
        self.assertEqual(action.owner, "Jo")

    def test_staff_cannot_see_the_plan_and_trustees_cannot_change_it(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.base).status_code, 403)
        trustee = make_person("t@example.org", self.org, MemberRole.TRUSTEE)
        self.client.force_login(trustee)
        self.assertEqual(self.client.get(self.base).status_code, 200)
        self.assertEqual(self.client.post(f"{self.base}new/", form()).status_code, 403)

    def test_the_plan_downloads_as_csv_and_json(self):
        self.client.post(f"{self.base}new/", form(title="=HYPERLINK(bad)"))
        csv_text = self.client.get(f"{self.base}actions.csv").content.decode()
        self.assertIn("'=HYPERLINK(bad)", csv_text)  # never run as a spreadsheet formula
        rows = json.loads(self.client.get(f"{self.base}actions.json").content)
        self.assertEqual(rows[0]["owner"], "Sam")
        self.assertEqual(rows[0]["status"], "Not started")
