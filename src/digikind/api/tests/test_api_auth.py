"""Tokens: only a live token gets in, every use is audited, each token has its own rate limit,
read tokens cannot write, and errors are JSON with a plain message."""

from django.test import override_settings

from digikind.api.models import ApiToken
from digikind.api.tests.helpers import ApiTestCase
from digikind.orgs.models import AuditEvent


class ApiAuthTestCase(ApiTestCase):
    def test_a_token_reads_its_own_organisation(self):
        r = self.call("get", "/organisation")
        self.assertEqual(r.status_code, 200)
        self.assertEqual(
            r.json(),
            {"name": self.org.name, "slug": self.org.slug, "token": "Spreadsheet", "scope": "read"},
        )
        r = self.call("get", "/organisation", self.outsider_secret)
        self.assertEqual(r.json()["slug"], self.other_org.slug)

    def test_every_use_is_audited_and_last_use_kept(self):
        self.call("get", "/channels")
        self.call("get", "/actions")
        events = AuditEvent.objects.filter(organisation=self.org, action="api token used")
        self.assertEqual(
            sorted(events.values_list("detail", flat=True)),
            ["Spreadsheet: GET /api/actions", "Spreadsheet: GET /api/channels"],
        )
        self.assertFalse(
            AuditEvent.objects.filter(organisation=self.other_org, action="api token used")
        )
        self.reader.refresh_from_db()
        self.assertIsNotNone(self.reader.last_used_at)
        self.assertIsNone(ApiToken.objects.get(pk=self.writer.pk).last_used_at)

    def test_wrong_missing_and_revoked_tokens(self):
        for header in ("", "Bearer", "Bearer nope", "Basic abc", f"Token {self.read_secret}"):
            r = self.client.get("/api/organisation", HTTP_AUTHORIZATION=header)
            self.assertEqual(r.status_code, 401, header)
            self.assertEqual(r["Content-Type"], "application/json; charset=utf-8")
            self.assertIn("Authorization: Bearer", r.json()["detail"])
        self.reader.revoked_at = self.reader.created_at
        self.reader.save()
        self.assertEqual(self.call("get", "/organisation").status_code, 401)

    def test_read_tokens_cannot_write(self):
        r = self.call(
            "patch", "/actions/1", data={"status": "done"}, content_type="application/json"
        )
        self.assertEqual(r.status_code, 403)
        self.assertEqual(
            r.json(),
            {"detail": "This token can only read. Ask your lead for a read-and-write token."},
        )

    @override_settings(API_REQUESTS_PER_MINUTE=3)
    def test_each_token_has_its_own_rate_limit(self):
        for _ in range(3):
            self.assertEqual(self.call("get", "/organisation").status_code, 200)
        r = self.call("get", "/organisation")
        self.assertEqual(r.status_code, 429)
        self.assertEqual(r["Retry-After"], "60")
        self.assertIn("too many requests", r.json()["detail"])
        self.assertEqual(self.call("get", "/organisation", self.write_secret).status_code, 200)

    def test_bad_input_gets_a_plain_message(self):
        r = self.call("get", "/channels/abc")
        self.assertEqual(r.status_code, 422)
        self.assertIn("channel_id", r.json()["detail"])
        r = self.call(
            "patch", "/actions/1", self.write_secret, data="{", content_type="application/json"
        )
        self.assertIn(r.status_code, (400, 422))
        self.assertIsInstance(r.json()["detail"], str)
        r = self.call("get", "/nothing-here")
        self.assertEqual(r.status_code, 404)
