from digikind.accounts.models import User
from digikind.test import BaseTestCase


class HomeTestCase(BaseTestCase):
    def test_it_sends_visitors_to_sign_in(self):
        r = self.client.get("/")
        self.assertRedirects(r, "/accounts/login/")

    def test_it_opens_the_members_organisation(self):
        self.client.force_login(self.bob)
        r = self.client.get("/")
        self.assertRedirects(r, f"/o/{self.org.slug}/")

    def test_it_remembers_the_last_organisation(self):
        from digikind.orgs import services

        services.add_member(self.other_org, self.bob, "volunteer")
        self.client.force_login(self.bob)
        self.client.get(f"/o/{self.other_org.slug}/")
        r = self.client.get("/")
        self.assertRedirects(r, f"/o/{self.other_org.slug}/")

    def test_it_explains_when_there_is_no_organisation(self):
        loner = User.objects.create_user("loner@example.org", "x-password-123")
        self.client.force_login(loner)
        r = self.client.get("/")
        self.assertContains(r, "You are not in an organisation yet")
