"""Every page that is in Welsh shows only Welsh (English only inside lang="en"), is marked
lang="cy", and every string has a Welsh translation marked for a Welsh speaker to check."""

from allauth.mfa.models import Authenticator
from django.test import override_settings

from digikind.accounts.two_factor import current_code
from digikind.pages.languages import WELSH_PAGES
from digikind.pages.tests import welsh
from digikind.reviews.models import Response
from digikind.reviews.tests.helpers import start
from digikind.test import PASSWORD, BaseTestCase

UNCHECKED = "# Not yet checked by a Welsh speaker."


class CatalogueTests(BaseTestCase):
    def test_every_string_has_welsh(self):
        missing = [e.msgid for e in welsh.entries() if not all(e.translations)]
        self.assertEqual(missing, [])

    def test_every_string_is_marked_until_a_welsh_speaker_checks_it(self):
        # Nobody has checked the Welsh yet. When someone does, they delete the mark on the
        # entries they checked, and this test changes to count what is left.
        unmarked = [e.msgid for e in welsh.entries() if UNCHECKED not in e.comments]
        self.assertEqual(unmarked, [])


class WelshPageTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.org.name = "Clwb Ieuenctid Glan-yr-afon"
        self.org.save()

    def welsh_page(self, url, status=200, method="get", data=None):
        r = getattr(self.client, method)(url, data or {}, HTTP_ACCEPT_LANGUAGE="cy")
        self.assertEqual(r.status_code, status, url)
        html = r.content.decode()
        lang, _text = welsh.read(html)
        self.assertEqual(lang, "cy", url)
        self.assertEqual(welsh.english_in(html), [], url)
        self.assertEqual(welsh.untranslated(html), [], url)
        return html


class RespondentPagesInWelsh(WelshPageTestCase):
    def setUp(self):
        super().setUp()
        self.cycle = start(self.org, roles=("staff", "young_person"))
        self.cycle.name = "Adolygiad yr haf"
        self.cycle.save()
        self.url = f"/r/{self.cycle.links.get(role='young_person').token}/"

    def test_a_young_persons_review_is_in_welsh_from_start_to_thanks(self):
        html = self.welsh_page(self.url)
        self.assertIn("Mae eich atebion yn breifat", html)
        self.assertIn("Mae 1 cwestiwn byr.", html)
        self.client.post(self.url)
        html = self.welsh_page(f"{self.url}q/1/")
        self.assertIn("Cwestiwn 1 o 1", html)
        self.assertIn("Dw i ddim yn gwybod", html)
        # This test question set has no Welsh: its words are shown marked as English.
        self.assertIn('<span lang="en">Do you know who to talk to', html)
        html = self.welsh_page(f"{self.url}q/1/", 400, "post", {"value": "maybe"})
        self.assertIn("Dewiswch un o’r atebion", html)
        self.client.post(f"{self.url}q/1/", {"value": "yes"})
        html = self.welsh_page(f"{self.url}check/")
        self.assertIn("Gwirio eich atebion", html)
        self.client.post(f"{self.url}check/")
        self.assertIsNotNone(Response.objects.get().submitted_at)
        html = self.welsh_page(f"{self.url}thanks/")
        self.assertIn("Mae eich atebion wedi’u hanfon", html)
        # Beside Childline, Meic: the helpline for young people in Wales, in Welsh.
        self.assertIn("ffoniwch Childline am ddim ar 0800 1111.", html)
        self.assertIn("Gallwch chi hefyd siarad â Meic", html)
        self.assertIn("ffoniwch 080880 23456 neu ewch i meic.cymru.", html)
        self.assertIn("Rydych chi wedi ateb yn barod", self.welsh_page(self.url))

    def test_the_english_thanks_page_keeps_to_childline(self):
        self.client.post(self.url)
        self.client.post(f"{self.url}q/1/", {"value": "yes"})
        self.client.post(f"{self.url}check/")
        r = self.client.get(f"{self.url}thanks/")
        self.assertContains(r, "call Childline free on 0800 1111.")
        self.assertNotContains(r, "Meic")

    def test_a_link_that_is_not_there(self):
        self.assertIn("Allwn ni ddim dod o hyd", self.welsh_page("/r/not-a-link/", 404))

    def test_unanswered_questions_are_counted_in_welsh(self):
        self.client.post(self.url)
        html = self.welsh_page(f"{self.url}check/")
        self.assertIn("Dydych chi ddim wedi ateb 1 cwestiwn", html)


class PagesAroundInWelsh(WelshPageTestCase):
    def test_privacy_accessibility_and_not_found(self):
        self.assertIn("Y rheol pum person", self.welsh_page("/privacy/"))
        self.assertIn("Hygyrchedd", self.welsh_page("/accessibility/"))
        self.assertIn("Heb ddod o hyd i’r dudalen", self.welsh_page("/no-such-page/", 404))

    def test_signing_in_and_the_two_factor_step(self):
        self.assertIn("Mewngofnodi i Digikind", self.welsh_page("/accounts/login/"))
        html = self.welsh_page(
            "/accounts/login/", 200, "post", {"login": "bob@example.org", "password": "wrong"}
        )
        self.assertIn("Dydy’r cyfeiriad e-bost neu’r cyfrinair ddim yn gywir", html)
        self.client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
        html = self.welsh_page("/accounts/2fa/authenticate/")
        self.assertIn("Rhowch y cod o’ch ap dilysu", html)
        wrong = "000000" if current_code(self.alice.totp_secret) != "000000" else "111111"
        html = self.welsh_page("/accounts/2fa/authenticate/", 200, "post", {"code": wrong})
        self.assertIn("Dydy’r cod ddim yn gywir", html)

    def test_setting_up_two_factor_sign_in(self):
        Authenticator.objects.filter(user=self.alice).delete()
        self.client.post(
            "/accounts/login/",
            {"login": "alice@example.org", "password": PASSWORD},
            HTTP_ACCEPT_LANGUAGE="cy",
        )
        html = self.welsh_page("/accounts/reauthenticate/?next=/accounts/2fa/totp/activate/")
        self.assertIn("Rhowch eich cyfrinair eto", html)
        self.assertIn("Rydych chi wedi mewngofnodi fel Alice.", html)
        self.assertIn("Wedi anghofio eich cyfrinair?", html)
        html = self.welsh_page("/accounts/reauthenticate/", 200, "post", {"password": "wrong"})
        self.assertIn("Dydy’r cyfrinair ddim yn gywir", html)
        self.client.post("/accounts/reauthenticate/", {"password": PASSWORD})
        html = self.welsh_page("/accounts/2fa/totp/activate/")
        self.assertIn("Trefnu mewngofnodi dau gam", html)
        self.assertIn("Y cod 6 digid o’r ap", html)
        r = self.client.get("/accounts/2fa/totp/activate/", HTTP_ACCEPT_LANGUAGE="cy")
        secret = r.context["form"].secret
        wrong = "000000" if current_code(secret) != "000000" else "111111"
        html = self.welsh_page("/accounts/2fa/totp/activate/", 200, "post", {"code": wrong})
        self.assertIn("Dydy’r cod ddim yn gywir", html)
        r = self.client.post(
            "/accounts/2fa/totp/activate/",
            {"code": current_code(secret)},
            HTTP_ACCEPT_LANGUAGE="cy",
        )
        self.assertRedirects(r, "/accounts/2fa/recovery-codes/", fetch_redirect_response=False)
        html = self.welsh_page("/accounts/2fa/recovery-codes/")
        self.assertIn("Mae gennych chi 10 o 10 cod ar ôl.", html)
        html = self.welsh_page("/accounts/2fa/")
        self.assertIn("Mae mewngofnodi dau gam ymlaen.", html)
        self.assertIn("Mae gennych chi 10 ar ôl.", html)

    def test_a_lead_sent_to_set_up_two_factor_is_told_why_in_welsh(self):
        Authenticator.objects.filter(user=self.alice).delete()
        self.client.post("/accounts/login/", {"login": "alice@example.org", "password": PASSWORD})
        self.client.post("/accounts/reauthenticate/", {"password": PASSWORD})
        self.client.get(f"/o/{self.org.slug}/", HTTP_ACCEPT_LANGUAGE="cy")
        html = self.welsh_page("/accounts/2fa/totp/activate/")
        self.assertIn("Fel arweinydd, mae angen mewngofnodi dau gam arnoch chi.", html)

    def test_resetting_a_password(self):
        self.welsh_page("/accounts/password/reset/")
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            self.client.post("/accounts/password/reset/", {"email": "bob@example.org"})
        self.welsh_page("/accounts/password/reset/done/")


class ChoosingTheLanguage(BaseTestCase):
    def test_lang_on_a_link_chooses_welsh_and_it_is_remembered(self):
        cycle = start(self.org)
        url = f"/r/{cycle.links.get(role='staff').token}/"
        r = self.client.get(f"{url}?lang=cy")
        self.assertContains(r, '<html lang="cy"')
        self.assertEqual(r.cookies["django_language"].value, "cy")
        r = self.client.get(url)  # no ?lang= now: the cookie remembers
        self.assertContains(r, "Mae eich atebion yn breifat")
        self.assertContains(r, 'lang="en" hreflang="en">English</a>')
        r = self.client.get(f"{url}?lang=en")
        self.assertContains(r, '<html lang="en-gb"')
        self.assertContains(r, "Your answers are private")
        self.assertContains(r, 'lang="cy" hreflang="cy">Cymraeg</a>')

    def test_a_page_not_yet_in_welsh_is_all_english_and_says_so_in_welsh(self):
        self.client.force_login(self.bob)
        r = self.client.get(f"/o/{self.org.slug}/", HTTP_ACCEPT_LANGUAGE="cy")
        self.assertContains(r, '<html lang="en-gb"')
        self.assertContains(
            r,
            '<aside class="govuk-width-container" aria-label="Iaith" lang="cy"><p class="govuk-body govuk-!-margin-top-3">Nid yw’r',
        )

    def test_english_pages_stay_english_with_no_welsh_asked_for(self):
        r = self.client.get("/accounts/login/")
        self.assertContains(r, '<html lang="en-gb"')
        self.assertContains(r, "Sign in to Digikind")
        self.assertNotContains(r, "Nid yw’r dudalen")

    def test_every_welsh_page_name_is_a_real_page(self):
        from django.urls import NoReverseMatch, reverse

        for name in WELSH_PAGES:
            try:
                reverse(name)
            except NoReverseMatch as error:
                self.assertIn("arguments", str(error), name)  # exists, needs a token
