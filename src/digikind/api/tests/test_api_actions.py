"""Actions through the API: read them, and change their status with a read-and-write token,
never over someone else's newer save."""

from digikind.api.tests.helpers import ApiTestCase
from digikind.gaps import services


class ApiActionsTestCase(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.action = services.create_action(
            self.org,
            {"topic": "training", "title": "Train the volunteers", "owner": "Alice"},
            gap_key="",
            by=self.alice,
        )

    def patch(self, data, secret=None, pk=None):
        return self.call(
            "patch",
            f"/actions/{pk or self.action.pk}",
            secret or self.write_secret,
            data=data,
            content_type="application/json",
        )

    def test_read(self):
        r = self.call("get", "/actions")
        self.assertEqual([a["title"] for a in r.json()], ["Train the volunteers"])
        r = self.call("get", f"/actions/{self.action.pk}")
        self.assertEqual(r.json()["status"], "to_do")
        self.assertEqual(r.json()["version"], 1)

    def test_a_write_token_changes_the_status(self):
        r = self.patch({"status": "done", "version": 1, "evidence_it_worked": "All trained."})
        self.assertEqual(r.status_code, 200, r.content)
        self.assertEqual(r.json()["status"], "done")
        self.assertEqual(r.json()["evidence_it_worked"], "All trained.")
        self.assertIsNotNone(r.json()["done_on"])
        self.action.refresh_from_db()
        self.assertEqual((self.action.status, self.action.version), ("done", 2))

    def test_an_old_version_changes_nothing(self):
        self.patch({"status": "doing", "version": 1})
        r = self.patch({"status": "done", "version": 1})
        self.assertEqual(r.status_code, 409)
        self.assertIn("Someone else changed this action", r.json()["detail"])
        self.action.refresh_from_db()
        self.assertEqual(self.action.status, "doing")

    def test_a_read_token_or_another_organisation_changes_nothing(self):
        self.assertEqual(self.patch({"status": "done"}, self.read_secret).status_code, 403)
        self.assertEqual(self.patch({"status": "done"}, self.outsider_secret).status_code, 404)
        self.assertEqual(self.patch({"status": "finished"}).status_code, 422)
        self.action.refresh_from_db()
        self.assertEqual(self.action.status, "to_do")

    def test_a_body_that_is_not_json_gets_a_plain_message(self):
        r = self.patch("\x03")
        self.assertEqual(r.status_code, 400)
        self.assertEqual(
            r.json()["detail"],
            "The request body could not be read. Send JSON with "
            '“Content-Type: application/json”, e.g. {"status": "done"}.',
        )
        self.action.refresh_from_db()
        self.assertEqual(self.action.status, "to_do")
