from digikind.api.models import ApiToken, hash_secret
from digikind.orgs.models import AuditEvent
from digikind.orgs.roles import MemberRole
from digikind.test import BaseTestCase, make_person


class TokenListTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/o/{self.org.slug}/api-tokens/"

    def test_a_lead_makes_a_token_and_sees_its_secret_once(self):
        self.client.force_login(self.alice)
        r = self.client.post(self.url, {"name": "Monthly spreadsheet", "scope": "read"})
        self.assertContains(r, "You will not see it again")
        token = ApiToken.objects.get(organisation=self.org)
        secret = r.context["secret"]
        self.assertTrue(secret.startswith("dk_"))
        self.assertEqual(token.secret_hash, hash_secret(secret))
        self.assertNotIn(secret, str(ApiToken.objects.values_list()))
        self.assertEqual(token.scope, "read")
        self.assertTrue(AuditEvent.objects.filter(action="api token created").exists())
        r = self.client.get(self.url)
        self.assertContains(r, "Monthly spreadsheet")
        self.assertContains(r, "Never")
        self.assertNotContains(r, secret)
        self.assertEqual(r["Cache-Control"].count("no-store"), 1)

    def test_it_shows_last_use(self):
        self.client.force_login(self.alice)
        r = self.client.post(self.url, {"name": "Tool", "scope": "write"})
        secret = r.context["secret"]
        self.client.get("/api/organisation", HTTP_AUTHORIZATION=f"Bearer {secret}")
        r = self.client.get(self.url)
        self.assertNotContains(r, "Never")
        self.assertContains(r, "Read and write")

    def test_a_name_is_needed(self):
        self.client.force_login(self.alice)
        r = self.client.post(self.url, {"name": " ", "scope": "read"})
        self.assertContains(r, "Give the token a name")
        self.assertFalse(ApiToken.objects.exists())

    def test_only_leads(self):
        for role in (MemberRole.STAFF, MemberRole.VOLUNTEER, MemberRole.TRUSTEE):
            self.client.force_login(make_person(f"{role}@example.org", self.org, role))
            self.assertEqual(self.client.get(self.url).status_code, 403, role)
            r = self.client.post(self.url, {"name": "x", "scope": "write"})
            self.assertEqual(r.status_code, 403, role)
            self.assertNotContains(r, "dk_", status_code=403)
        self.client.force_login(self.charlie)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(
            self.client.post(self.url, {"name": "x", "scope": "write"}).status_code, 404
        )
        self.assertFalse(ApiToken.objects.exists())
