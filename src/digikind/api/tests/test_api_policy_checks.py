"""Policy checks through the API: upload to start one, small files at once, big ones in the
background with the check's id to poll; findings read back."""

from django.core.files.uploadedfile import SimpleUploadedFile

from digikind.api.tests.helpers import ApiTestCase
from digikind.policies.models import PolicyCheck
from digikind.policies.tests.helpers import PolicyTestCase

POLICY = (
    b"Online safety policy\n\nStaff must only contact young people through the club's "
    b"official WhatsApp account, between 9am and 6pm. Concerns go to the safeguarding lead.\n"
)


class ApiPolicyChecksTestCase(ApiTestCase, PolicyTestCase):
    def upload(self, *files, secret=None):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            r = self.call(
                "post",
                "/policy-checks",
                secret or self.write_secret,
                data={"file": [SimpleUploadedFile(n, d) for n, d in files]},
            )
        self.callbacks = callbacks
        return r

    def test_a_small_file_is_checked_at_once(self):
        r = self.upload(("policy.txt", POLICY))
        self.assertEqual(r.status_code, 201, r.content)
        data = r.json()
        self.assertEqual(data["status"], "done")
        self.assertEqual(data["files"][0]["name"], "policy.txt")
        topics = {t["id"]: t["state"] for t in data["report"]["topics"]}
        self.assertIn("approved-channels", topics)
        r = self.call("get", f"/policy-checks/{data['id']}")
        self.assertEqual(r.json()["report"], data["report"])
        self.assertEqual([c["id"] for c in self.call("get", "/policy-checks").json()], [data["id"]])

    def test_a_big_file_returns_a_check_to_poll(self):
        with (
            self.in_the_background(),
            self.captureOnCommitCallbacks(execute=False) as callbacks,
        ):
            r = self.call(
                "post",
                "/policy-checks",
                self.write_secret,
                data={"file": SimpleUploadedFile("policy.txt", POLICY)},
            )
        self.assertEqual(r.status_code, 202, r.content)
        check_id = r.json()["id"]
        self.assertEqual(r.json()["status"], "queued")
        self.assertIsNone(r.json()["report"])
        polled = self.call("get", f"/policy-checks/{check_id}").json()
        self.assertEqual(polled["status"], "queued")
        for callback in callbacks:  # the background task runs
            callback()
        polled = self.call("get", f"/policy-checks/{check_id}").json()
        self.assertEqual(polled["status"], "done")
        self.assertTrue(polled["report"]["topics"])

    def test_a_broken_file_gets_a_plain_message_and_nothing_is_saved(self):
        r = self.upload(("policy.pdf", b"%PDF-1.4 not really"))
        self.assertEqual(r.status_code, 400)
        self.assertIsInstance(r.json()["detail"], str)
        self.assertFalse(PolicyCheck.objects.exists())

    def test_a_read_token_cannot_upload(self):
        r = self.upload(("policy.txt", POLICY), secret=self.read_secret)
        self.assertEqual(r.status_code, 403)
        self.assertFalse(PolicyCheck.objects.exists())

    def test_a_check_of_another_organisation_is_not_found(self):
        r = self.upload(("policy.txt", POLICY), secret=self.outsider_secret)
        other = r.json()["id"]
        r = self.call("get", f"/policy-checks/{other}")
        self.assertEqual(r.status_code, 404)
        self.assertEqual(
            r.json(), {"detail": f"There is no policy check with id {other} in this organisation."}
        )
