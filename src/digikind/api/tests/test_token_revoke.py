from digikind.api import services
from digikind.orgs.roles import MemberRole
from digikind.test import BaseTestCase, make_person


class TokenRevokeTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.token, self.secret = services.create_token(self.org, "Tool", "read", by=self.alice)
        self.url = f"/o/{self.org.slug}/api-tokens/{self.token.pk}/revoke/"

    def test_a_revoked_token_stops_working(self):
        auth = {"HTTP_AUTHORIZATION": f"Bearer {self.secret}"}
        self.assertEqual(self.client.get("/api/organisation", **auth).status_code, 200)
        self.client.force_login(self.alice)
        r = self.client.post(self.url)
        self.assertRedirects(r, f"/o/{self.org.slug}/api-tokens/")
        self.token.refresh_from_db()
        self.assertIsNotNone(self.token.revoked_at)
        self.client.logout()
        r = self.client.get("/api/organisation", **auth)
        self.assertEqual(r.status_code, 401)
        self.assertIn("valid API token", r.json()["detail"])

    def test_it_only_allows_post(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(self.url).status_code, 405)

    def test_only_a_lead_can_revoke(self):
        for role in (MemberRole.STAFF, MemberRole.VOLUNTEER, MemberRole.TRUSTEE):
            self.client.force_login(make_person(f"{role}@example.org", self.org, role))
            self.assertEqual(self.client.post(self.url).status_code, 403, role)
        self.token.refresh_from_db()
        self.assertIsNone(self.token.revoked_at)

    def test_it_validates_ownership(self):
        self.client.force_login(self.charlie)
        url = f"/o/{self.other_org.slug}/api-tokens/{self.token.pk}/revoke/"
        self.assertEqual(self.client.post(url).status_code, 404)
        self.token.refresh_from_db()
        self.assertIsNone(self.token.revoked_at)
