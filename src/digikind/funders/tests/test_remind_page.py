from django.core import mail
from django.urls import reverse

from digikind.funders.models import Request
from digikind.funders.tests.helpers import FunderTestCase


class RemindPageTests(FunderTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("funders:remind", args=[self.funder.slug])
        self.client.force_login(self.morgan)

    def remind(self, round_=None):
        url = self.url + (f"?round={round_.pk}" if round_ else "")
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(url, follow=True)

    def test_it_reminds_only_those_who_have_not_answered(self):
        answered, waiting = self.add(self.org), self.add(self.other_org)
        round_ = self.ask()
        self.answer(answered, round_)
        mail.outbox.clear()
        response = self.remind()
        self.assertRedirects(response, reverse("funders:portfolio", args=[self.funder.slug]))
        self.assertContains(response, "We reminded 1 grantee who has not answered yet.")
        self.assertEqual([m.to for m in mail.outbox], [["charlie@example.org"]])
        self.assertEqual(
            mail.outbox[0].subject, "Reminder: Northfield Fund is waiting for your answers"
        )
        self.assertIsNotNone(Request.objects.get(grantee=waiting).reminded_at)
        self.assertIsNone(Request.objects.get(grantee=answered).reminded_at)

    def test_it_counts_several(self):
        self.grantees(3)
        self.ask()
        self.assertContains(self.remind(), "We reminded 3 grantees who have not answered yet.")

    def test_when_everyone_has_answered_nobody_is_reminded(self):
        grantee = self.add(self.org)
        round_ = self.ask()
        self.answer(grantee, round_)
        mail.outbox.clear()
        response = self.remind()
        self.assertContains(response, "Every grantee has answered, so nobody needed a reminder.")
        self.assertEqual(mail.outbox, [])

    def test_before_any_questions_it_says_there_is_no_one_to_remind(self):
        self.add(self.org)
        response = self.remind()
        self.assertContains(
            response, "You have not asked any questions yet, so there is no one to remind."
        )
        self.assertContains(response, "There is a problem")

    def test_it_reminds_for_the_round_chosen(self):
        grantee = self.add(self.org)
        first = self.ask()
        self.answer(grantee, self.ask())  # the newer round is answered
        mail.outbox.clear()
        self.assertContains(self.remind(first), "We reminded 1 grantee")
        self.assertIsNotNone(Request.objects.get(round=first).reminded_at)

    def test_a_link_cannot_send_reminders(self):
        self.add(self.org)
        self.ask()
        self.assertEqual(self.client.get(self.url).status_code, 405)

    def test_a_trustee_of_the_funder_cannot_remind(self):
        self.add(self.org)
        self.ask()
        mail.outbox.clear()
        self.client.force_login(self.fund_trustee)
        self.assertEqual(self.remind().status_code, 403)
        self.assertEqual(mail.outbox, [])
