"""Channels with their risk assessments, the gap report and the agreement through the API."""

from digikind.agreements.services import save_texts
from digikind.api.tests.helpers import ApiTestCase
from digikind.register import services as register


class ApiRegisterGapsAgreementTestCase(ApiTestCase):
    def test_channels_with_assessments_and_flags(self):
        channel = register.create_channel(
            self.org,
            {"platform": "whatsapp", "account_name": "Club phone", "purpose": "service_delivery"},
            by=self.alice,
        )
        r = self.call("get", "/channels")
        self.assertEqual([c["account_name"] for c in r.json()], ["Club phone"])
        data = self.call("get", f"/channels/{channel.pk}").json()
        self.assertEqual(data["platform_name"], "WhatsApp")
        self.assertEqual(data["assessments"], [])
        self.assertIn("missing", {f["kind"] for f in data["flags"]})
        self.assertEqual(self.call("get", "/channels", self.outsider_secret).json(), [])

    def test_gaps_say_what_is_missing(self):
        r = self.call("get", "/gaps")
        self.assertEqual(r.status_code, 200)
        self.assertIsInstance(r.json(), list)

    def test_agreement(self):
        data = self.call("get", "/agreement").json()
        self.assertEqual((data["exists"], data["status"]), (False, "none"))
        save_texts(self.org, {"channels": "We use WhatsApp."}, seen_version=0, by=self.alice)
        data = self.call("get", "/agreement").json()
        self.assertEqual(data["status"], "draft")
        self.assertIn("We use WhatsApp.", [s["text"] for s in data["sections"]])
        self.assertEqual(data["published_sections"], [])
        self.assertFalse(self.call("get", "/agreement", self.outsider_secret).json()["exists"])
