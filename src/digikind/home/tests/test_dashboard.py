from datetime import date, timedelta

from django.utils import timezone

from digikind.gaps import services as gap_services
from digikind.records import services as record_services
from digikind.reviews.models import ReviewLink
from digikind.reviews.tests.helpers import start
from digikind.test import BaseTestCase, make_person


class DashboardTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/o/{self.org.slug}/"

    def test_a_lead_sees_what_needs_them_now_with_the_right_numbers(self):
        cycle = start(self.org, roles=("lead", "staff"))
        for status in ("open", "open", "closed"):
            record_services.append(
                self.org,
                "concern",
                author=self.alice,
                public={"status": status},
                sensitive={"next_step": "Call the parent"},
            )
        yesterday = date.today() - timedelta(days=1)
        for due in (yesterday, date.today() + timedelta(days=9)):
            gap_services.create_action(
                self.org,
                {"title": "Work phone", "owner": "Sam", "due_on": due},
                gap_key="",
                by=None,
            )
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "2 open concerns")
        self.assertContains(r, "1 action is past the due date</a> (2 not done in all)")
        self.assertContains(r, f"{cycle.name}</a>: 0 answered")
        self.assertContains(r, "Invite your team")
        self.assertContains(
            r, "The gap report</a>: where your policy, process and practice part ways"
        )
        self.assertNotContains(r, "Coming next")

    def test_staff_can_record_a_contact_and_see_their_own_review_link(self):
        cycle = start(self.org, roles=("lead", "staff"))
        link = ReviewLink.objects.get(cycle=cycle, role="staff")
        self.client.force_login(self.bob)
        r = self.client.get(self.url)
        self.assertContains(r, "You are signed in as a member of staff.")
        self.assertContains(r, "Record a contact")
        self.assertContains(r, link.get_absolute_url())
        self.assertContains(r, f"Answer “{cycle.name}”")
        self.assertNotContains(r, "Invite your team")
        self.assertNotContains(r, "open concerns")

    def test_a_revoked_link_is_not_offered(self):
        cycle = start(self.org, roles=("lead", "staff"))
        ReviewLink.objects.filter(cycle=cycle, role="staff").update(revoked_at=timezone.now())
        self.client.force_login(self.bob)
        self.assertContains(self.client.get(self.url), "There is no review for you to answer now.")

    def test_a_trustee_sees_reviews_and_the_board_report_but_no_records(self):
        trustee = make_person("tess@example.org", self.org, "trustee", "Tess")
        self.client.force_login(trustee)
        r = self.client.get(self.url)
        self.assertContains(r, "You are signed in as a trustee.")
        self.assertContains(r, "Read the board report")
        self.assertNotContains(r, "Record a contact")

    def test_a_trustee_is_told_why_an_open_review_asks_them_nothing(self):
        cycle = start(self.org, roles=("lead", "staff"))
        trustee = make_person("tess@example.org", self.org, "trustee", "Tess")
        self.client.force_login(trustee)
        r = self.client.get(self.url)
        self.assertContains(r, f"{cycle.name}</a>: 0 answered")
        self.assertContains(r, "The open review has no questions for trustees")
        self.assertNotContains(r, "There is no review for you to answer now.")

    def test_it_requires_sign_in(self):
        r = self.client.get(self.url)
        self.assertRedirects(r, f"/accounts/login/?next={self.url}")

    def test_it_hides_other_organisations(self):
        self.client.force_login(self.charlie)
        r = self.client.get(self.url)
        self.assertEqual(r.status_code, 404)
        self.assertNotContains(r, "Alice", status_code=404)
