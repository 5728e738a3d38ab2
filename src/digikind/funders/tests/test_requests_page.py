from datetime import timedelta
from html import unescape

from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from digikind.funders import services
from digikind.funders.models import Round
from digikind.funders.tests.helpers import FunderTestCase
from digikind.test import make_person


class RequestsPageTests(FunderTestCase):
    """The grantee's Funders page: its code, what it was asked, and whom it shares with."""

    def setUp(self):
        super().setUp()
        self.url = reverse("funders:requests", args=[self.org.slug])
        self.client.force_login(self.alice)

    def text(self) -> str:
        return unescape(self.client.get(self.url).content.decode())

    def test_before_any_funder_it_gives_the_code_to_pass_on(self):
        body = self.text()
        code = services.grantee_code(self.org).code
        self.assertIn(
            f'To let a funder add you, give them this code: <strong class="dk-code">{code}</strong>',
            body,
        )
        self.assertIn("No funder has asked you anything yet.", body)
        self.assertIn("You share nothing with any funder.", body)

    def test_it_lists_each_request_with_its_due_date(self):
        self.add(self.org)
        round_ = self.ask(days=10)
        due = format_date(round_.due_on, "j F Y")
        self.assertIn(f"Northfield Fund: Spring questions</a>. Due {due}.", self.text())

    def test_an_overdue_request_says_when_it_was_due(self):
        self.add(self.org)
        round_ = self.ask()
        Round.objects.filter(pk=round_.pk).update(due_on=timezone.localdate() - timedelta(days=3))
        due = format_date(timezone.localdate() - timedelta(days=3), "j F Y")
        self.assertIn(f"Spring questions</a>. Was due {due}.", self.text())

    def test_an_answered_request_and_the_sharing_show_their_dates(self):
        grantee = self.add(self.org)
        self.answer(grantee, self.ask())
        today = format_date(timezone.localtime(), "j F Y")
        body = self.text()
        self.assertIn(f"Spring questions</a>. Answered {today}.", body)
        self.assertIn(f"Northfield Fund: agreed {today}, ", body)
        self.assertNotIn("stopped", body)

    def test_a_withdrawal_shows_when_it_stopped(self):
        grantee = self.add(self.org)
        self.answer(grantee, self.ask())
        services.withdraw(self.org, self.funder, by=None)
        self.assertIn(f", stopped {format_date(timezone.localtime(), 'j F Y')}, ", self.text())

    def test_only_this_groups_requests_are_listed(self):
        self.add(self.other_org)
        self.ask()
        self.assertIn("No funder has asked you anything yet.", self.text())

    def test_a_trustee_reads_it_without_the_code(self):
        self.add(self.org)
        self.ask()
        self.client.force_login(make_person("tina@example.org", self.org, "trustee"))
        body = self.text()
        self.assertIn("Northfield Fund: Spring questions", body)
        self.assertNotIn(services.grantee_code(self.org).code, body)

    def test_staff_and_outsiders_cannot_open_it(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.url).status_code, 403)
        for person in (self.charlie, self.morgan):
            self.client.force_login(person)
            self.assertEqual(self.client.get(self.url).status_code, 404)
