"""Send in Welsh: the review page gives each link's Welsh version, with its own QR code,
beside the English one."""

import io
import re

import segno

from digikind.reviews.tests.helpers import start
from digikind.test import BaseTestCase, assert_svg_image


def qr_for(url: str, title: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m").save(
        out, kind="svg", scale=4, xmldecl=False, svgns=True, title=title, nl=False
    )
    return out.getvalue()


class WelshLinksTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.cycle = start(self.org, roles=("staff", "young_person"))
        self.link = self.cycle.links.get(role="young_person")
        self.welsh_url = f"http://testserver/r/{self.link.token}/?lang=cy"
        self.client.force_login(self.alice)

    def test_each_link_shows_its_welsh_address_and_qr_code_beside_the_english(self):
        html = self.client.get(self.cycle.get_absolute_url()).content.decode()
        cards = html.split('<div class="govuk-summary-card">')[1:]
        (card,) = [c for c in cards if self.link.token in c]
        self.assertIn("In English", card)
        self.assertIn('<span lang="cy">Yn Gymraeg</span> (Welsh)', card)
        self.assertIn(f'href="{self.welsh_url}" hreflang="cy">{self.welsh_url}</a>', card)
        english_url = f"http://testserver/r/{self.link.token}/"
        self.assertIn(f'href="{english_url}" hreflang="en">{english_url}</a>', card)
        qr = f"/reviews/{self.cycle.pk}/links/{self.link.pk}/qr-cy.svg"
        self.assertIn(qr, card)
        self.assertIn('alt="QR code for the young person link in Welsh"', card)
        # The Welsh email and text messages are in Welsh and carry the Welsh address.
        self.assertIn("Dywedwch%20wrthon%20ni", card)
        self.assertIn("Atebwch%20ein%20hadolygiad%20byr", card)
        self.assertEqual(card.count("%3Flang%3Dcy"), 2)
        # Two links in this review, each with both versions.
        self.assertEqual(len(re.findall(r"qr-cy\.svg", html)), 2)
        self.assertEqual(len(re.findall(r"qr\.svg", html)), 2)

    def test_the_welsh_qr_code_opens_the_welsh_address(self):
        url = f"/o/{self.org.slug}/reviews/{self.cycle.pk}/links/{self.link.pk}/qr-cy.svg"
        r = self.client.get(url)
        self.assertEqual(r["Content-Type"], "image/svg+xml")
        assert_svg_image(r.content)
        title = "QR code for the Young person link in Welsh"
        self.assertEqual(r.content, qr_for(self.welsh_url, title))
        # Showing the Welsh code does not turn the staff member's own pages into Welsh.
        self.assertNotIn("django_language", r.cookies)
        english = self.client.get(url.replace("qr-cy.svg", "qr.svg"))
        english_title = "QR code for the Young person link"
        self.assertEqual(
            english.content, qr_for(f"http://testserver/r/{self.link.token}/", english_title)
        )

    def test_the_welsh_address_opens_the_review_in_welsh(self):
        self.client.logout()
        r = self.client.get(self.link.get_welsh_url())
        self.assertContains(r, '<html lang="cy"')
        self.assertContains(r, "Mae eich atebion yn breifat")

    def test_another_organisations_link_has_no_welsh_qr_code_for_you(self):
        theirs = start(self.other_org).links.first()
        url = f"/o/{self.other_org.slug}/reviews/{theirs.cycle_id}/links/{theirs.pk}/qr-cy.svg"
        self.assertEqual(self.client.get(url).status_code, 404)
