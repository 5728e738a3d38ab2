"""A link is checked on every step and at sending: still on, for its own group, review open."""

from digikind.reviews import services
from digikind.reviews.models import Answer, Response
from digikind.reviews.questions import questions_for
from digikind.reviews.tests.helpers import start
from digikind.test import BaseTestCase


class LinkChecksTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.cycle = start(self.org)
        self.first = self.cycle.links.get(role="staff")
        self.second = services.add_link(self.cycle, "staff", "Evening team")
        self.a, self.b = f"/r/{self.first.token}/", f"/r/{self.second.token}/"
        self.client.post(self.a)
        self.client.post(f"{self.a}q/1/", {"value": "never"})
        self.response = Response.objects.get()

    def test_answers_from_a_revoked_link_cannot_be_sent_through_another_link(self):
        services.revoke_link(self.first)
        for step in ("", "q/2/", "check/"):
            r = self.client.get(f"{self.b}{step}")
            self.assertContains(
                r, "The link you started with has been switched off", status_code=409
            )
        r = self.client.post(f"{self.b}check/")
        self.assertEqual(r.status_code, 409)
        r = self.client.post(f"{self.b}q/2/", {"value": "agree"})
        self.assertEqual(r.status_code, 409)
        self.response.refresh_from_db()
        self.assertIsNone(self.response.submitted_at)
        self.assertEqual(self.response.answers.count(), 1)

    def test_they_can_start_again_on_the_open_link(self):
        services.revoke_link(self.first)
        r = self.client.post(self.b, {"again": "yes"})
        self.assertRedirects(r, f"{self.b}q/1/", fetch_redirect_response=False)
        fresh = Response.objects.latest("pk")
        self.assertEqual(fresh.link, self.second)
        self.assertContains(self.client.get(f"{self.b}q/1/"), "Question 1 of 2")

    def test_a_link_switched_off_mid_way_says_so_plainly(self):
        services.revoke_link(self.first)
        r = self.client.get(f"{self.a}q/2/")
        self.assertContains(r, "This link no longer works", status_code=410)
        self.assertContains(r, "Ask them for a new link", status_code=410)

    def test_another_open_link_for_the_same_group_carries_on(self):
        r = self.client.post(f"{self.b}q/2/", {"value": "agree"})
        self.assertRedirects(r, f"{self.b}check/", fetch_redirect_response=False)
        self.client.post(f"{self.b}check/")
        self.response.refresh_from_db()
        self.assertIsNotNone(self.response.submitted_at)
        self.assertEqual(self.response.link, self.first)

    def test_answers_never_go_under_a_group_the_link_was_not_for(self):
        young = f"/r/{self.cycle.links.get(role='young_person').token}/"
        r = self.client.get(f"{young}q/1/")
        self.assertContains(r, "You started this review as: Staff.", status_code=409)
        self.assertContains(r, "This link is for: Young person.", status_code=409)
        self.assertContains(r, f'href="{self.a}"', status_code=409)  # carry on where you began
        self.client.post(f"{young}q/1/", {"value": "yes"})
        self.assertFalse(Answer.objects.filter(value="yes").exists())
        self.assertEqual(Response.objects.get().role, "staff")

    def test_the_services_refuse_a_revoked_link_and_another_groups_question(self):
        young_question = questions_for(self.cycle, "young_person")[0]
        with self.assertRaisesMessage(services.ReviewError, "not part of your review"):
            services.save_answer(self.response, young_question, value="yes")
        services.revoke_link(self.first)
        self.response.link.refresh_from_db()
        with self.assertRaisesMessage(services.ReviewError, "switched off"):
            services.submit_response(self.response)
        staff_question = questions_for(self.cycle, "staff")[1]
        with self.assertRaisesMessage(services.ReviewError, "switched off"):
            services.save_answer(self.response, staff_question, value="agree")
