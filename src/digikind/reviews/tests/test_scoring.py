"""Scores come from stored answers in one place, and small groups are never shown."""

from digikind.reviews import services
from digikind.reviews.questions import questions_for
from digikind.reviews.scoring import answer_score, results
from digikind.reviews.tests.helpers import start
from digikind.test import BaseTestCase


def answer(cycle, role, values, comment=""):
    link = cycle.links.get(role=role)
    response, _key = services.start_response(link)
    for asked, value in zip(questions_for(cycle, role), values, strict=False):
        if asked.is_free_text:
            services.save_answer(response, asked, value="", text=value)
        else:
            services.save_answer(response, asked, value=value, comment=comment)
    services.submit_response(response)
    return response


class ScoringTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.cycle = start(self.org, roles=("lead", "staff", "young_person"))

    def test_answer_scores_follow_scale_and_polarity(self):
        staff = {a.question.key: a for a in questions_for(self.cycle, "staff")}
        lead = {a.question.key: a for a in questions_for(self.cycle, "lead")}
        # Using your own phone "often" is a risk: it scores 0.
        self.assertEqual(answer_score(staff["work-phones"], "often"), 0)
        self.assertEqual(answer_score(staff["work-phones"], "never"), 100)
        self.assertEqual(answer_score(staff["who-to-tell"], "agree"), 100)
        self.assertEqual(answer_score(staff["who-to-tell"], "not-sure"), 50)
        self.assertEqual(answer_score(lead["work-phones"], "embedded"), 100)
        self.assertAlmostEqual(answer_score(lead["work-phones"], "starting"), 100 / 3)
        self.assertIsNone(answer_score(lead["work-phones"], "dont-know"))
        self.assertIsNone(answer_score(lead["what-apps"], "anything"))

    def test_groups_under_five_are_merged_into_all_respondents(self):
        for _ in range(5):
            answer(self.cycle, "staff", ["often", "agree"])
        for _ in range(2):
            answer(self.cycle, "young_person", ["yes"])
        found = results(self.cycle)
        self.assertEqual([g.label for g in found.groups], ["Staff"])
        self.assertEqual(found.hidden, [("Young person", 2)])
        self.assertEqual(found.overall.respondents, 7)

    def test_nothing_is_shown_under_five(self):
        for _ in range(4):
            answer(self.cycle, "staff", ["often", "agree"])
        found = results(self.cycle)
        self.assertIsNone(found.overall)
        self.assertEqual(found.groups, [])

    def test_where_views_differ(self):
        for _ in range(5):
            answer(self.cycle, "lead", ["embedded", "embedded", "WhatsApp"])
            answer(self.cycle, "staff", ["often", "disagree"])
        found = results(self.cycle)
        devices = next(d for d in found.differences if d.topic == "devices")
        self.assertEqual(dict(devices.scores), {"Lead": 100.0, "Staff": 0.0})

    def test_comments_show_only_after_closing_and_only_from_groups_of_five(self):
        for _ in range(5):
            answer(self.cycle, "staff", ["often", "agree"], comment="I use my own phone a lot.")
        answer(self.cycle, "young_person", ["no"], comment="I did not know who to ask.")
        self.assertEqual(results(self.cycle).comments, {})
        services.close_cycle(self.cycle)
        found = results(self.cycle)
        texts = {c.text for items in found.comments.values() for c in items}
        self.assertEqual(texts, {"I use my own phone a lot."})  # the lone young person's is hidden
        self.assertEqual({c.who for items in found.comments.values() for c in items}, {"Staff"})
        self.assertTrue(found.comments_hidden)

    def test_change_since_the_last_cycle(self):
        for _ in range(5):
            answer(self.cycle, "staff", ["often", "disagree"])
        services.close_cycle(self.cycle)
        later = services.start_cycle(
            self.org,
            name="Later",
            framework_versions=list(self.cycle.framework_versions.all()),
            roles=["staff"],
            closes_on=self.cycle.closes_on,
            created_by=None,
        )
        for _ in range(5):
            answer(later, "staff", ["never", "agree"])
        services.close_cycle(later)
        found = results(later)
        self.assertEqual(found.previous, self.cycle)
        self.assertEqual(found.change["access"], 100)
