from digikind.accounts.two_factor import current_code
from digikind.test import PASSWORD, BaseTestCase


class LoginTestCase(BaseTestCase):
    def test_staff_sign_in_with_email_and_password(self):
        r = self.client.post("/accounts/login/", {"login": "bob@example.org", "password": PASSWORD})
        self.assertRedirects(r, "/", fetch_redirect_response=False)
        self.assertEqual(self.client.get("/").url, f"/o/{self.org.slug}/")

    def test_a_wrong_password_gets_a_plain_message_and_keeps_the_email(self):
        r = self.client.post("/accounts/login/", {"login": "bob@example.org", "password": "wrong"})
        self.assertContains(r, "There is a problem")
        self.assertContains(r, 'value="bob@example.org"')
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_failed_attempts_are_rate_limited(self):
        for _ in range(5):
            self.client.post("/accounts/login/", {"login": "bob@example.org", "password": "wrong"})
        r = self.client.post("/accounts/login/", {"login": "bob@example.org", "password": PASSWORD})
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertContains(r, "Too many failed", status_code=r.status_code)

    def test_leads_must_give_a_two_factor_code(self):
        r = self.client.post(
            "/accounts/login/", {"login": "alice@example.org", "password": PASSWORD}
        )
        self.assertRedirects(r, "/accounts/2fa/authenticate/", fetch_redirect_response=False)
        self.assertNotIn("_auth_user_id", self.client.session)
        r = self.client.post(
            "/accounts/2fa/authenticate/", {"code": current_code(self.alice.totp_secret)}
        )
        self.assertEqual(r.status_code, 302)
        self.assertEqual(int(self.client.session["_auth_user_id"]), self.alice.pk)

    def test_a_reused_code_is_refused(self):
        code = current_code(self.alice.totp_secret)
        self.client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
        self.client.post("/accounts/2fa/authenticate/", {"code": code})
        self.client.post("/accounts/logout/")
        self.client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
        r = self.client.post("/accounts/2fa/authenticate/", {"code": code})
        self.assertContains(r, "There is a problem")
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_a_wrong_code_is_refused_plainly(self):
        self.client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
        r = self.client.post(
            "/accounts/2fa/authenticate/",
            {"code": "000000" if current_code(self.alice.totp_secret) != "000000" else "111111"},
        )
        self.assertContains(r, "There is a problem")
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_nobody_can_sign_up_without_an_invitation(self):
        r = self.client.get("/accounts/signup/")
        self.assertContains(r, "invit", status_code=r.status_code)
        r = self.client.post(
            "/accounts/signup/",
            {"email": "eve@example.org", "password1": PASSWORD, "password2": PASSWORD},
        )
        from digikind.accounts.models import User

        self.assertFalse(User.objects.filter(email="eve@example.org").exists())

    def test_a_code_from_just_before_is_still_accepted(self):
        # Phones' clocks drift and codes take time to type: the previous code still works once.
        self.client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
        r = self.client.post(
            "/accounts/2fa/authenticate/", {"code": current_code(self.alice.totp_secret, offset=-1)}
        )
        self.assertEqual(r.status_code, 302)
        self.assertEqual(int(self.client.session["_auth_user_id"]), self.alice.pk)
