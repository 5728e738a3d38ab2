from digikind.test import BaseTestCase


class DashboardTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/o/{self.org.slug}/"

    def test_it_works_for_a_lead(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "Welcome to Digikind")
        self.assertContains(r, "Invite your team")
        self.assertContains(r, "Alice&#x27;s Youth Club")

    def test_it_shows_staff_their_role_without_lead_tasks(self):
        self.client.force_login(self.bob)
        r = self.client.get(self.url)
        self.assertContains(r, "You are a staff here")
        self.assertNotContains(r, "Invite your team")

    def test_it_requires_sign_in(self):
        r = self.client.get(self.url)
        self.assertRedirects(r, f"/accounts/login/?next={self.url}")

    def test_it_hides_other_organisations(self):
        self.client.force_login(self.charlie)
        r = self.client.get(self.url)
        self.assertEqual(r.status_code, 404)
        self.assertNotContains(r, "Alice", status_code=404)
