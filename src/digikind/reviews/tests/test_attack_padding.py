"""Padding: a lead opens a young-person link again and again, clearing the cookie, and sends
"I don't know" each time to make one real young person's answers look like a group of five."""

from django.test import Client

from digikind.reviews import services
from digikind.reviews.models import Answer, Response
from digikind.reviews.tests.helpers import start
from digikind.reviews.tests.test_scoring import answer
from digikind.test import BaseTestCase

REAL = "I do not trust the youth workers with this."


class PaddingTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.cycle = start(self.org, roles=("lead", "staff", "young_person"))
        self.url = f"/r/{self.cycle.links.get(role='young_person').token}/"
        for _ in range(5):
            answer(self.cycle, "staff", ["often", "agree"])
        answer(self.cycle, "young_person", ["no"], comment=REAL)

    def pad(self):
        """One more 'young person' from a fresh browser with no cookie: returns the last page."""
        browser = Client()
        browser.post(self.url)
        browser.post(f"{self.url}q/1/", {"value": "dont-know"})
        return browser.post(f"{self.url}check/", follow=True)

    def test_i_dont_know_answers_count_towards_no_group(self):
        for _ in range(3):
            self.assertContains(self.pad(), "Thank you")
        services.close_cycle(self.cycle)
        self.client.force_login(self.alice)
        html = self.client.get(f"/o/{self.org.slug}/reviews/{self.cycle.pk}/results/").text
        self.assertNotIn(REAL, html)
        self.assertNotIn("Young person (4)", html)
        self.assertIn(
            "Young person: 4 sent answers. Fewer than 5 of them gave a scored answer", html
        )
        # The lead is told plainly that empty answers arrived in a burst.
        self.assertIn("3 sets of answers with only “I don’t know” came from one network", html)

    def test_more_than_a_few_empty_answers_from_one_network_are_refused_and_kept(self):
        for _ in range(3):
            self.pad()
        refused = self.pad()
        self.assertEqual(refused.status_code, 400)
        self.assertContains(
            refused,
            "Several answers with only “I don’t know” have been sent from this network",
            status_code=400,
        )
        self.assertContains(refused, "Your answers are saved", status_code=400)
        last = Response.objects.latest("pk")
        self.assertIsNone(last.submitted_at)
        self.assertEqual(Answer.objects.get(response=last).value, "dont-know")  # nothing lost
        self.assertEqual(Response.objects.filter(role="young_person", burst=True).count(), 3)

    def test_real_answers_from_the_same_network_are_not_limited(self):
        for _ in range(3):
            self.pad()
        browser = Client()
        browser.post(self.url)
        browser.post(f"{self.url}q/1/", {"value": "yes"})
        self.assertContains(browser.post(f"{self.url}check/", follow=True), "Thank you")

    def test_closing_wipes_the_network_hashes(self):
        self.pad()
        self.assertTrue(Response.objects.exclude(network="").exists())
        services.close_cycle(self.cycle)
        self.assertFalse(Response.objects.exclude(network="").exists())
