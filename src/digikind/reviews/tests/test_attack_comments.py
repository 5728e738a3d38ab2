"""Comments: never word for word from a group under five, never in the order they came."""

from digikind.reviews import services
from digikind.reviews.tests.helpers import start
from digikind.reviews.tests.test_scoring import answer
from digikind.test import BaseTestCase

SECRET = "Only WhatsApp. Ask Sam, he set it up."


class CommentsTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.cycle = start(self.org, roles=("lead", "staff", "young_person"))
        for _ in range(5):
            answer(self.cycle, "staff", ["often", "agree"])
        self.client.force_login(self.alice)

    def page(self) -> str:
        services.close_cycle(self.cycle)
        return self.client.get(f"/o/{self.org.slug}/reviews/{self.cycle.pk}/results/").text

    def test_the_single_leads_comment_is_not_shown(self):
        answer(self.cycle, "lead", ["embedded", "embedded", SECRET], comment="Phones: ask Sam.")
        html = self.page()
        self.assertNotIn("Only WhatsApp", html)
        self.assertNotIn("ask Sam", html)
        self.assertNotIn("Someone", html)
        self.assertIn("Some comments are not shown. Fewer than 5 people in the group", html)

    def test_a_group_padded_with_i_dont_know_still_hides_its_comments(self):
        answer(self.cycle, "young_person", ["no"], comment="I never know who to ask.")
        for _ in range(4):
            answer(self.cycle, "young_person", ["dont-know"])
        self.assertNotIn("I never know who to ask.", self.page())

    def test_comments_are_sorted_by_their_words_not_by_when_they_came(self):
        sent = ["Zoom for clubs", "apps we trust", "WhatsApp groups", "email only", "Instagram"]
        for text in sent:
            answer(self.cycle, "lead", ["embedded", "embedded", text])
        html = self.page()
        where = {text: html.index(f"“{text}”") for text in sent}
        shown = sorted(sent, key=where.__getitem__)
        self.assertEqual(
            shown, ["apps we trust", "email only", "Instagram", "WhatsApp groups", "Zoom for clubs"]
        )
        self.assertIn("Comments are sorted by their words, not by when they came in", html)
        self.assertNotIn("Some comments are not shown", html)
