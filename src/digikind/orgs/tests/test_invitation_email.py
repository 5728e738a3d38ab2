"""The invitation email: Welsh first, then English, each whole, with the link in both."""

from django.core import mail

from digikind.bilingual_email import WELSH_FIRST
from digikind.orgs.models import Invitation
from digikind.test import BaseTestCase


class InvitationEmailTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.alice)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                f"/o/{self.org.slug}/members/invite/",
                {"email": "dana@example.org", "role": "volunteer"},
            )
        (self.email,) = mail.outbox
        self.invitation = Invitation.objects.get()

    def test_the_subject_is_welsh_then_english(self):
        self.assertEqual(
            self.email.subject,
            "Gwahoddiad i Alice's Youth Club ar Digikind / Join Alice's Youth Club on Digikind",
        )

    def test_the_welsh_comes_first_and_says_what_to_do(self):
        welsh, _english = self.email.body.split("-" * 40)
        self.assertTrue(welsh.startswith(WELSH_FIRST))
        self.assertIn("Helo,", welsh)
        self.assertIn(
            "wedi eich gwahodd i ymuno â’r sefydliad Alice's Youth Club ar Digikind. "
            "Eich rôl yno: gwirfoddolwr.",
            welsh,
        )
        self.assertIn("I ymuno, agorwch y ddolen hon:\nhttp://", welsh)
        expires = self.invitation.expires_at
        months = (
            "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr"
        )
        month = months.split()[expires.month - 1]
        self.assertIn(f"Mae’r ddolen yn gweithio tan {expires.day} {month} {expires.year}.", welsh)
        # No English in the Welsh part (beyond the line that says English is below).
        for english_words in ("Hello", "open this link", "invited you", "The link works"):
            self.assertNotIn(english_words, welsh)

    def test_the_english_follows_whole(self):
        _welsh, english = self.email.body.split("-" * 40)
        self.assertIn("Hello,", english)
        self.assertIn(
            "to join Alice's Youth Club on Digikind. Your role there: volunteer.", english
        )
        self.assertIn("To join, open this link:\nhttp://", english)
        self.assertIn(f"The link works until {self.invitation.expires_at:%-d %B %Y}.", english)
        self.assertNotIn("Helo", english)

    def test_both_carry_the_same_link_each_opening_in_its_language(self):
        welsh, english = self.email.body.split("-" * 40)
        (welsh_link,) = [line for line in welsh.splitlines() if "/invitations/" in line]
        (english_link,) = [line for line in english.splitlines() if "/invitations/" in line]
        self.assertTrue(welsh_link.endswith("/?lang=cy"))
        self.assertTrue(english_link.endswith("/?lang=en"))
        self.assertEqual(welsh_link.removesuffix("?lang=cy"), english_link.removesuffix("?lang=en"))
        self.client.logout()
        r = self.client.get(welsh_link.removeprefix("http://testserver"))
        self.assertContains(r, '<html lang="cy"')
