import re

from django.core import mail

from digikind.test import BaseTestCase


class PasswordResetTestCase(BaseTestCase):
    def test_it_emails_a_link_that_sets_a_new_password(self):
        r = self.client.post("/accounts/password/reset/", {"email": "bob@example.org"})
        self.assertEqual(r.status_code, 302)
        self.assertEqual(len(mail.outbox), 1)
        link = re.search(r"http://\S+/accounts/password/reset/key/\S+", mail.outbox[0].body).group(
            0
        )
        path = link.split("testserver", 1)[-1]
        r = self.client.get(path, follow=True)
        new = "a-brand-new-password-42"
        r = self.client.post(
            r.redirect_chain[-1][0] if r.redirect_chain else path,
            {"password1": new, "password2": new},
        )
        self.assertEqual(r.status_code, 302)
        self.bob.refresh_from_db()
        self.assertTrue(self.bob.check_password(new))

    def test_an_unknown_address_gives_nothing_away(self):
        r = self.client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
        self.assertEqual(r.status_code, 302)
