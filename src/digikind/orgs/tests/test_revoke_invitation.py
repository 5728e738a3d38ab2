from digikind.orgs import services
from digikind.test import BaseTestCase


class RevokeInvitationTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.invitation, self.token = services.invite_member(
            self.org, "dana@example.org", "volunteer", invited_by=self.alice
        )
        self.url = f"/o/{self.org.slug}/invitations/{self.invitation.pk}/revoke/"

    def test_it_works(self):
        self.client.force_login(self.alice)
        r = self.client.post(self.url)
        self.assertRedirects(r, f"/o/{self.org.slug}/members/")
        self.invitation.refresh_from_db()
        self.assertIsNotNone(self.invitation.revoked_at)
        self.client.logout()
        r = self.client.get(f"/invitations/{self.token}/")
        self.assertContains(r, "cancelled", status_code=410)

    def test_it_only_allows_post(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(self.url).status_code, 405)

    def test_it_validates_ownership(self):
        self.client.force_login(self.charlie)
        url = f"/o/{self.other_org.slug}/invitations/{self.invitation.pk}/revoke/"
        self.assertEqual(self.client.post(url).status_code, 404)
        self.invitation.refresh_from_db()
        self.assertIsNone(self.invitation.revoked_at)
