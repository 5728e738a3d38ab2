from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from digikind.funders import services
from digikind.funders.tests.helpers import FunderTestCase
from digikind.gaps.models import Action
from digikind.test import make_person, pdf_info, pdf_text


class SharingPdfTests(FunderTestCase):
    """The grantee's board-ready account of what it shared with which funder."""

    def setUp(self):
        super().setUp()
        Action.objects.create(organisation=self.org, topic="record-keeping", title="Log chats")
        self.grantee = self.add(self.org)
        self.round = self.ask()
        self.url = reverse("funders:sharing_pdf", args=[self.org.slug])
        self.client.force_login(self.alice)

    def text(self) -> str:
        response = self.client.get(self.url)
        self.assertEqual(response["Content-Type"], "application/pdf")
        return pdf_text(response.content)

    def test_it_says_what_was_shared_with_whom_and_when(self):
        self.answer(self.grantee, self.round, parts=["scores", "actions"])
        today = format_date(timezone.localtime(), "j F Y")
        text = self.text()
        self.assertIn("What we share with our funders", text)
        self.assertIn("Northfield Fund We share our summary with Northfield Fund.", text)
        self.assertIn(f"Agreed on {today}, ", text)
        self.assertIn(f"Spring questions: answered on {today}", text)
        self.assertIn("Scores by domain, from your answers", text)
        self.assertIn("How your action plan is going", text)
        self.assertNotIn("Your channels register", text)  # not a part shared
        self.assertIn("Actions in the plan 1", text)
        self.assertIn("Score: Access 100", text)
        self.assertNotIn("Log chats", text)  # a summary, never the actions themselves

    def test_after_withdrawal_it_says_when_sharing_stopped(self):
        self.answer(self.grantee, self.round)
        services.withdraw(self.org, self.funder, by=None)
        text = self.text()
        self.assertIn("We no longer share anything with Northfield Fund.", text)
        self.assertIn(f", stopped on {format_date(timezone.localtime(), 'j F Y')}, ", text)

    def test_an_answer_kept_to_ourselves_shares_nothing(self):
        self.answer(self.grantee, self.round, share=False)
        text = self.text()
        self.assertIn("We have not agreed to share anything with Northfield Fund.", text)
        self.assertIn("We answered, and chose to share nothing.", text)
        self.assertNotIn("Score:", text)

    def test_a_request_not_answered_yet(self):
        self.assertIn("Northfield Fund has asked us nothing we have answered yet.", self.text())

    def test_each_funder_apart(self):
        self.answer(self.grantee, self.round)
        self.add(self.org, funder=self.other_funder)
        self.ask(funder=self.other_funder)
        text = self.text()
        self.assertIn(
            "Southby Trust We have not agreed to share anything with Southby Trust.", text
        )
        self.assertIn("Southby Trust has asked us nothing we have answered yet.", text)
        self.assertLess(text.index("Northfield Fund We share"), text.index("Southby Trust"))

    def test_with_no_funder_it_says_so(self):
        self.client.force_login(self.charlie)
        response = self.client.get(reverse("funders:sharing_pdf", args=[self.other_org.slug]))
        self.assertIn("No funder has asked us anything", pdf_text(response.content))

    def test_it_is_tagged_pdf_ua_with_its_title(self):
        pdf = self.client.get(self.url).content
        self.assertRegex(pdf_info(pdf), r"Tagged:\s+yes")
        self.assertRegex(pdf_info(pdf), r"Title:\s+What we share with funders – Alice's Youth Club")
        self.assertIn('pdfuaid:part="1"', pdf_info(pdf, "-meta"))

    def test_the_funders_page_links_to_it(self):
        response = self.client.get(reverse("funders:requests", args=[self.org.slug]))
        self.assertContains(response, f'href="{self.url}">What you share with funders')

    def test_trustees_read_it_and_staff_funders_and_outsiders_cannot(self):
        self.client.force_login(make_person("tina@example.org", self.org, "trustee"))
        self.assertTrue(self.client.get(self.url).content.startswith(b"%PDF"))
        for person, status in ((self.bob, 403), (self.morgan, 404), (self.charlie, 404)):
            self.client.force_login(person)
            self.assertEqual(self.client.get(self.url).status_code, status)
