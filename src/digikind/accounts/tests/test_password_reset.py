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


class PasswordResetEmailTestCase(BaseTestCase):
    """The reset emails are in Welsh, then English (docs/welsh.md)."""

    def test_the_reset_email_is_welsh_then_english_with_the_link_in_both(self):
        self.client.post("/accounts/password/reset/", {"email": "bob@example.org"})
        (email,) = mail.outbox
        self.assertEqual(email.subject, "Digikind: Ailosod eich cyfrinair / Reset your password")
        welsh, english = email.body.split("-" * 40)
        self.assertIn("Cymraeg yn gyntaf, Saesneg isod.", welsh)
        self.assertIn("I ddewis cyfrinair newydd, agorwch y ddolen hon:\nhttp://", welsh)
        self.assertIn("mae eich cyfrinair yn aros yr un fath.", welsh)
        words = re.sub(r"http\S+", "", welsh.split("Welsh first, English below.")[1])
        self.assertNotIn("password", words)
        self.assertIn("To choose a new password, open this link:\nhttp://", english)
        self.assertIn("your password stays the same.", english)
        links = re.findall(r"http://\S+/accounts/password/reset/key/\S+", email.body)
        self.assertEqual(len(links), 2)
        self.assertTrue(links[0].endswith("/?lang=cy") and links[1].endswith("/?lang=en"))
        self.assertEqual(links[0].removesuffix("?lang=cy"), links[1].removesuffix("?lang=en"))

    def test_an_unknown_address_is_told_to_ask_for_an_invitation_in_both_languages(self):
        self.client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
        (email,) = mail.outbox
        self.assertEqual(
            email.subject,
            "Digikind: Does dim cyfrif Digikind ar gyfer y cyfeiriad e-bost hwn"
            " / No Digikind account for this email address",
        )
        welsh, english = email.body.split("-" * 40)
        self.assertIn("gofynnwch i’r arweinydd yn eich sefydliad eich gwahodd", welsh)
        self.assertIn("ask the lead in your organisation to invite you", english)
        # Nobody can sign up on their own, so the email offers no sign-up link.
        self.assertNotIn("signup", email.body)
