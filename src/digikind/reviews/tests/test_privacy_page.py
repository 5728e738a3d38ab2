"""The privacy rule is stated once, on the privacy page, and review pages link to it."""

from digikind.reviews import services
from digikind.reviews.tests.helpers import start
from digikind.reviews.tests.test_scoring import answer
from digikind.test import BaseTestCase

LINK = 'href="/privacy/#reviews"'


class PrivacyPageTestCase(BaseTestCase):
    def test_the_privacy_page_states_the_rule_in_plain_words(self):
        r = self.client.get("/privacy/")
        self.assertContains(r, 'id="reviews"')
        self.assertContains(r, "at least 5 people in that group answered")
        self.assertContains(r, "“I don’t know” and empty answers do not")
        self.assertContains(r, "we hide one more group too")
        self.assertContains(r, "sorted by their words, never by when they came in")

    def test_review_pages_link_to_it(self):
        cycle = start(self.org)
        self.assertContains(self.client.get(f"/r/{cycle.links.get(role='staff').token}/"), LINK)
        self.client.force_login(self.alice)
        self.assertContains(self.client.get(cycle.get_absolute_url()), LINK)
        for _ in range(5):
            answer(cycle, "staff", ["often", "agree"])
        services.close_cycle(cycle)
        self.assertContains(
            self.client.get(f"/o/{self.org.slug}/reviews/{cycle.pk}/results/"), LINK
        )
        self.assertContains(self.client.get(f"/o/{self.org.slug}/board-report/"), LINK)
