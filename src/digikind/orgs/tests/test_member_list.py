from digikind.orgs import services
from digikind.test import BaseTestCase


class MemberListTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/o/{self.org.slug}/members/"

    def test_it_lists_members_and_pending_invitations(self):
        services.invite_member(self.org, "dana@example.org", "volunteer", invited_by=self.alice)
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "bob@example.org")
        self.assertContains(r, "dana@example.org")
        self.assertNotContains(r, "charlie@example.org")

    def test_it_is_for_leads_only(self):
        self.client.force_login(self.bob)
        r = self.client.get(self.url)
        self.assertEqual(r.status_code, 403)
        self.assertContains(r, "You cannot do this", status_code=403)
