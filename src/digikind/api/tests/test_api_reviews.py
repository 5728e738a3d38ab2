"""Review results through the API follow the pages' privacy rule: five or more, and no
figure that would give a smaller group away."""

from digikind.api.tests.helpers import ApiTestCase
from digikind.reviews import services
from digikind.reviews.scoring import results
from digikind.reviews.tests.helpers import start
from digikind.reviews.tests.test_scoring import answer


class ApiReviewsTestCase(ApiTestCase):
    def setUp(self):
        super().setUp()
        self.cycle = start(self.org, roles=("lead", "staff", "young_person"))

    def test_open_reviews_have_no_results(self):
        r = self.call("get", f"/reviews/{self.cycle.pk}/results")
        self.assertEqual(r.status_code, 403)
        self.assertIn("when the review closes", r.json()["detail"])
        r = self.call("get", "/reviews")
        self.assertEqual([c["id"] for c in r.json()], [self.cycle.pk])
        self.assertTrue(r.json()[0]["is_open"])

    def test_small_groups_are_hidden(self):
        for _ in range(5):
            answer(self.cycle, "staff", ["often", "agree"])
        for _ in range(2):
            answer(self.cycle, "young_person", ["yes"])
        services.close_cycle(self.cycle)
        r = self.call("get", f"/reviews/{self.cycle.pk}/results")
        self.assertEqual(r.status_code, 200)
        data = r.json()
        self.assertEqual(data["min_group"], 5)
        self.assertEqual([g["group"] for g in data["groups"]], ["Staff"])
        self.assertEqual(data["hidden"], [{"group": "Young person", "respondents": 2}])
        self.assertEqual(data["overall"]["respondents"], 7)
        # The same figures as the results page, complementary suppression included.
        found = results(self.cycle)
        self.assertEqual(data["protected"], found.protected)
        self.assertEqual(data["groups"][0]["topics"], found.groups[0].topics)
        self.assertEqual(data["overall"]["domains"], found.overall.domains)

    def test_nothing_under_five(self):
        for _ in range(4):
            answer(self.cycle, "staff", ["often", "agree"])
        services.close_cycle(self.cycle)
        data = self.call("get", f"/reviews/{self.cycle.pk}/results").json()
        self.assertIsNone(data["overall"])
        self.assertEqual(data["groups"], [])
        self.assertEqual(data["comments"], {})
