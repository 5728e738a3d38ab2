from django.urls import reverse

from digikind.funders import services
from digikind.funders.tests.helpers import FunderTestCase
from digikind.test import pdf_info, pdf_text


class PortfolioPdfTests(FunderTestCase):
    """The funder's board-ready summary: statuses and patterns, under the five-org rule."""

    def setUp(self):
        super().setUp()
        self.north = self.grantees(7, region="North")
        self.south = self.grantees(3, region="South")
        self.quiet = self.add(self.org, region="North")
        self.round = self.ask()
        # The South and two of the North answer first, then the other five of the North: the
        # figures are added up from the first five and again from all ten, as no group
        # behind a figure then changes by fewer than five.
        for grantee in self.south + self.north:
            self.answer(grantee, self.round)
        self.client.force_login(self.morgan)
        self.url = reverse("funders:portfolio_pdf", args=[self.funder.slug])

    def pdf(self, query: str = "") -> bytes:
        response = self.client.get(self.url + query)
        self.assertEqual(response["Content-Type"], "application/pdf")
        return response.content

    def test_it_gives_the_round_the_statuses_and_the_figures(self):
        text = pdf_text(self.pdf())
        self.assertIn("Northfield Fund", text)
        self.assertIn("Digital safeguarding across our grantees", text)
        self.assertIn("Round: Spring questions, Light-touch questions for small grants", text)
        self.assertIn("Answered 10", text)
        self.assertIn("Asked 1", text)
        self.assertIn("All grantees 11", text)
        self.assertIn("All grantees: figures from 10 grantees who agreed to share.", text)
        self.assertIn("no figure about fewer than 5 grantees is shown", text)

    def test_it_never_names_a_grantee(self):
        text = pdf_text(self.pdf())
        for grantee in [*self.north, *self.south, self.quiet]:
            self.assertNotIn(grantee.grantee.name, text)

    def test_a_small_group_and_its_complement_stay_hidden(self):
        south = pdf_text(self.pdf("?show=region:South"))
        self.assertIn("Region: South: too few grantees to show figures for this group.", south)
        # All ten minus the seven in the North would give the South away, so it is hidden too.
        north = pdf_text(self.pdf("?show=region:North"))
        self.assertIn("Region: North: too few grantees to show figures for this group.", north)

    def test_after_a_withdrawal_the_figures_are_held_back(self):
        services.withdraw(self.north[0].grantee, self.funder, by=None)
        text = pdf_text(self.pdf())
        self.assertIn("A grantee has stopped sharing since the figures were last added up.", text)
        self.assertIn("Consent withdrawn 1", text)
        self.assertNotIn("figures from", text)

    def test_before_any_round_it_says_so(self):
        self.client.force_login(self.sam)
        text = pdf_text(
            self.client.get(reverse("funders:portfolio_pdf", args=[self.other_funder.slug])).content
        )
        self.assertIn("We have not asked our grantees anything yet.", text)

    def test_it_is_tagged_pdf_ua_with_its_title(self):
        pdf = self.pdf()
        self.assertRegex(pdf_info(pdf), r"Tagged:\s+yes")
        self.assertRegex(pdf_info(pdf), r"Title:\s+Portfolio summary – Northfield Fund")
        self.assertIn('pdfuaid:part="1"', pdf_info(pdf, "-meta"))

    def test_the_portfolio_links_to_it(self):
        response = self.client.get(reverse("funders:portfolio", args=[self.funder.slug]))
        self.assertContains(response, f'{self.url}?round={self.round.pk}">Board-ready summary')

    def test_trustees_read_it_and_grantees_and_other_funders_cannot(self):
        self.client.force_login(self.fund_trustee)
        self.assertTrue(self.pdf().startswith(b"%PDF"))
        for person, status in ((self.alice, 404), (self.sam, 404)):
            self.client.force_login(person)
            self.assertEqual(self.client.get(self.url).status_code, status)
