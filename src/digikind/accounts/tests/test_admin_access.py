from digikind.accounts.models import User
from digikind.test import BaseTestCase


class AdminAccessTestCase(BaseTestCase):
    def test_leads_cannot_use_the_admin(self):
        self.alice.is_staff = True
        self.alice.save()
        self.client.force_login(self.alice)
        r = self.client.get("/admin/", follow=True)
        self.assertEqual(r.status_code, 403)
        self.assertContains(r, "You cannot do this", status_code=403)

    def test_visitors_are_sent_to_the_one_sign_in_page(self):
        r = self.client.get("/admin/", follow=True)
        self.assertEqual(r.redirect_chain[-1][0], "/accounts/login/?next=/admin/")

    def test_superusers_can(self):
        root = User.objects.create_superuser("root@example.org", "root-password-123")
        self.client.force_login(root)
        r = self.client.get("/admin/")
        self.assertContains(r, "Digikind administration")
