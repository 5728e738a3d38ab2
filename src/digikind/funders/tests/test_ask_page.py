from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from digikind.funders.models import Grantee, Request, Round
from digikind.funders.tests.helpers import FunderTestCase
from digikind.test import make_person, read_page


class AskPageTests(FunderTestCase):
    def setUp(self):
        super().setUp()
        self.add(self.org)
        self.add(self.other_org)
        self.url = reverse("funders:ask", args=[self.funder.slug])
        self.due = timezone.localdate() + timedelta(days=30)
        self.client.force_login(self.morgan)

    def post(self, **data):
        fields = {
            "name": "Spring 2027",
            "question_set": "light",
            "due_on": f"{self.due.day}/{self.due.month}/{self.due.year}",
        }
        return self.client.post(self.url, {**fields, **data}, follow=True)

    def test_it_offers_both_question_sets_and_a_due_date_in_four_weeks(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Digitally Kind: questions from your funder")
        self.assertContains(response, "Light-touch questions for small grants")
        in_four_weeks = timezone.localdate() + timedelta(days=28)
        self.assertEqual(
            read_page(response.content).controls["id_due_on"]["value"],
            in_four_weeks.strftime("%d/%m/%Y"),
        )
        self.assertContains(response, "For example 31/3/2027")

    def test_it_asks_every_grantee_and_says_how_many(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.post()
        self.assertContains(response, "Your questions are on their way to 2 grantees.")
        uk_date = format_date(self.due, "j F Y")  # like 3 January 2027
        self.assertContains(response, "Round: <strong>Spring 2027</strong>")
        self.assertContains(response, f"due {uk_date}.")
        self.assertEqual(Request.objects.filter(round__name="Spring 2027").count(), 2)
        by_lead = {m.to[0]: m for m in mail.outbox}
        self.assertEqual(set(by_lead), {"alice@example.org", "charlie@example.org"})
        email = by_lead["alice@example.org"]
        self.assertEqual(email.subject, "Northfield Fund asks about your digital safeguarding")
        self.assertIn(f"Please answer by {uk_date}.", email.body)
        self.assertIn('"Spring 2027"', email.body)

    def test_one_grantee_is_one_grantee(self):
        Grantee.objects.for_org(self.funder).filter(grantee=self.other_org).delete()
        self.assertContains(self.post(), "Your questions are on their way to 1 grantee.")

    def test_a_date_in_the_past_says_what_to_choose_and_keeps_the_name(self):
        response = self.post(due_on="1/1/2020")
        page = read_page(response.content)
        self.assertIn(
            "The due date has passed. Choose a date from today on.", response.content.decode()
        )
        self.assertEqual(page.controls["id_name"]["value"], "Spring 2027")
        self.assertEqual(page.controls["id_due_on"]["value"], "1/1/2020")
        self.assertFalse(Round.objects.exists())

    def test_a_date_that_is_not_a_date_says_how_to_write_it(self):
        page = read_page(self.post(due_on="31/2/2027").content)
        self.assertEqual(page.summary, [("Enter a date like 31/3/2027", "#id_due_on")])
        self.assertFalse(Round.objects.exists())

    def test_an_empty_form_says_what_is_missing(self):
        page = read_page(self.client.post(self.url, {}).content)
        self.assertEqual(
            [text for text, _link in page.summary],
            ["Give this round a name", "Choose which questions to ask", "Enter a due date"],
        )

    def test_with_no_grantees_it_says_to_add_one_first(self):
        Grantee.objects.for_org(self.funder).delete()
        response = self.post()
        self.assertContains(response, "Add a grantee first, then ask your questions.")
        self.assertFalse(Round.objects.exists())

    def test_a_trustee_of_the_funder_cannot_ask_but_staff_can(self):
        self.client.force_login(self.fund_trustee)
        self.assertEqual(self.post().status_code, 403)
        self.assertFalse(Round.objects.exists())
        self.client.force_login(make_person("sol@fund.example", self.funder, "staff"))
        self.assertContains(self.post(), "on their way to 2 grantees")
