from allauth.mfa.models import Authenticator

from digikind.accounts.two_factor import current_code
from digikind.test import PASSWORD, BaseTestCase, read_page


class LeadTwoFactorTestCase(BaseTestCase):
    def test_a_lead_without_an_app_is_sent_to_set_one_up(self):
        Authenticator.objects.filter(user=self.alice).delete()
        self.client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
        r = self.client.get(f"/o/{self.org.slug}/")
        self.assertRedirects(r, "/accounts/2fa/totp/activate/", fetch_redirect_response=False)
        # allauth asks for the password once more before changing sign-in security.
        r = self.client.get("/accounts/2fa/totp/activate/", follow=True)
        self.assertContains(r, "password")
        self.assertContains(r, "As a lead you need two-factor sign-in")
        self.client.post("/accounts/reauthenticate/", {"password": PASSWORD})
        r = self.client.get("/accounts/2fa/totp/activate/")
        self.assertContains(r, "Set up two-factor sign-in")
        box = read_page(r.content).controls["id_code"]
        self.assertEqual(
            (box["inputmode"], box["autocomplete"], box["pattern"]),
            ("numeric", "one-time-code", "[0-9]*"),
        )
        self.assertIn("govuk-input--width-5", box["class"].split())
        self.assertContains(r, "The 6-digit code from the app")

    def test_setting_it_up_lets_the_lead_in(self):
        Authenticator.objects.filter(user=self.alice).delete()
        self.client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
        self.client.post("/accounts/reauthenticate/", {"password": PASSWORD})
        r = self.client.get("/accounts/2fa/totp/activate/")
        secret = r.context["form"].secret
        r = self.client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)})
        self.assertEqual(r.status_code, 302)
        self.assertEqual(self.client.get(f"/o/{self.org.slug}/").status_code, 200)

    def test_a_lead_with_an_app_gets_through(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(f"/o/{self.org.slug}/").status_code, 200)

    def test_staff_do_not_need_an_app(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(f"/o/{self.org.slug}/").status_code, 200)


class SignInSecurityPageTestCase(BaseTestCase):
    def test_it_shows_the_app_and_recovery_codes_left(self):
        self.client.force_login(self.alice)
        r = self.client.get("/accounts/2fa/")
        self.assertContains(r, "Two-factor sign-in is on")
        self.assertContains(r, "You have 10 left")
