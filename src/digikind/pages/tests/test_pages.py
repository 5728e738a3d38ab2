from digikind.test import BaseTestCase


class PublicPagesTestCase(BaseTestCase):
    def test_accessibility_works_signed_out(self):
        r = self.client.get("/accessibility/")
        self.assertContains(r, "WCAG) 2.2 at level AA")

    def test_privacy_works_signed_out(self):
        r = self.client.get("/privacy/")
        self.assertContains(r, "No other organisation can see")

    def test_the_layout_has_a_skip_link_language_and_footer(self):
        r = self.client.get("/accessibility/")
        self.assertContains(r, '<html lang="en-gb"')
        self.assertContains(r, 'href="#main-content"')
        self.assertContains(r, 'href="/privacy/"')

    def test_the_header_shows_the_current_organisation(self):
        self.client.force_login(self.bob)
        r = self.client.get(f"/o/{self.org.slug}/")
        self.assertContains(r, "Organisation: </span>Alice&#x27;s Youth Club")

    def test_no_gov_uk_branding_or_outside_assets(self):
        r = self.client.get("/accessibility/")
        html = r.content.decode()
        self.assertNotIn("GOV.UK", html)
        self.assertNotIn("crown", html.lower())
        self.assertNotIn("https://", html)  # every asset is served by Digikind itself
