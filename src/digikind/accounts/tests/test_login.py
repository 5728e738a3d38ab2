from digikind.accounts.two_factor import current_code
from digikind.test import PASSWORD, BaseTestCase, read_page


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


class CodeBoxTestCase(BaseTestCase):
    """The two-factor code box is short and numeric, so a phone shows its number pad."""

    def test_the_sign_in_code_box_is_a_short_number_field(self):
        self.client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
        r = self.client.get("/accounts/2fa/authenticate/")
        self.assertContains(r, "Enter the code from your authenticator app")
        box = read_page(r.content).controls["id_code"]
        self.assertEqual(box["inputmode"], "numeric")
        self.assertEqual(box["autocomplete"], "one-time-code")
        self.assertEqual(box["pattern"], "[0-9]*")
        self.assertIn("govuk-input--width-10", box["class"].split())
        self.assertNotIn("placeholder", box)

    def test_an_empty_code_says_what_to_enter(self):
        self.client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
        r = self.client.post("/accounts/2fa/authenticate/", {"code": ""})
        page = read_page(r.content)
        message = "Enter the 6-digit code from your authenticator app, or a recovery code"
        self.assertEqual(page.summary, [(message, "#id_code")])
        self.assertEqual(page.field_errors, [message])

    def test_a_wrong_code_says_what_to_do(self):
        self.client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
        wrong = "000000" if current_code(self.alice.totp_secret) != "000000" else "111111"
        r = self.client.post("/accounts/2fa/authenticate/", {"code": wrong})
        self.assertEqual(
            read_page(r.content).field_errors,
            [
                "The code is not right, or it was used already. Enter the code your "
                "authenticator app shows now"
            ],
        )

    def test_a_wrong_password_says_what_to_do(self):
        r = self.client.post("/accounts/login/", {"login": "bob@example.org", "password": "wrong"})
        self.assertContains(
            r, "The email address or password is not right. Check them and try again"
        )

    def test_an_empty_sign_in_says_what_to_enter(self):
        r = self.client.post("/accounts/login/", {"login": "", "password": ""})
        page = read_page(r.content)
        self.assertEqual(
            page.summary,
            [("Enter your email address", "#id_login"), ("Enter your password", "#id_password")],
        )
