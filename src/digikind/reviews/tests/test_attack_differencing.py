"""Differencing: "All respondents" minus the groups shown must never give away a hidden
group's figure, on the results page, the board report, the gap report or its exports."""

from html import unescape

from digikind.reviews import services
from digikind.reviews.tests.helpers import start
from digikind.reviews.tests.tables import table_rows
from digikind.reviews.tests.test_scoring import answer
from digikind.test import BaseTestCase

ALL = "All respondents (11)"


class DifferencingTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.cycle = start(self.org, roles=("lead", "staff", "young_person"))
        for _ in range(5):
            answer(self.cycle, "lead", ["embedded", "embedded", "WhatsApp"])
            answer(self.cycle, "staff", ["often", "agree"])
        # One young person: their "no" would be 11 x 91 - 5 x 100 - 5 x 100 = 1, about 0.
        answer(self.cycle, "young_person", ["no"])
        services.close_cycle(self.cycle)
        self.client.force_login(self.alice)

    def assert_not_recoverable(self, rows, people):
        """With the total shown, the groups whose cells are blank must hold 0 or 5+ of the
        people who gave a scored answer there: otherwise subtraction gives them away."""
        for name, row in rows.items():
            total = next((v for k, v in row.items() if k.startswith("All respondents")), "–")
            if total == "–":
                continue
            here = people.get(name, {})
            blank = sum(n for label, n in here.items() if row.get(label, "–") == "–")
            self.assertTrue(blank == 0 or blank >= 5, f"{name}: {row}")

    def test_the_results_page_hides_the_next_smallest_group_and_says_why(self):
        html = self.client.get(f"/o/{self.org.slug}/reviews/{self.cycle.pk}/results/").text
        domains = table_rows(html, "Scores by domain (0 to 100)")
        self.assertEqual(
            domains["Safety and wellbeing"], {"Lead (5)": "–", "Staff (5)": "100", ALL: "91"}
        )
        self.assertEqual(domains["Access"], {"Lead (5)": "100", "Staff (5)": "0", ALL: "50"})
        # Who gave a scored answer where: the young person only on safety and wellbeing.
        self.assert_not_recoverable(
            domains,
            {
                "Access": {"Lead (5)": 5, "Staff (5)": 5},
                "Safety and wellbeing": {"Lead (5)": 5, "Staff (5)": 5, "Young person (1)": 1},
            },
        )
        topics = table_rows(html, "Topics by group (0 to 100)")
        self.assertEqual(
            topics["Reporting concerns"], {"Lead": "–", "Staff": "100", "All respondents": "91"}
        )
        self.assert_not_recoverable(
            topics,
            {
                "Devices": {"Lead": 5, "Staff": 5},
                "Reporting concerns": {"Lead": 5, "Staff": 5, "Young person": 1},
            },
        )
        self.assertIn("Some of Lead’s scores are hidden too", html)
        self.assertIn("work out a smaller group’s score", html)
        self.assertNotIn("Young person (1)", html)

    def test_the_board_report_shows_the_same_hidden_cell(self):
        html = self.client.get(f"/o/{self.org.slug}/board-report/").text
        rows = table_rows(html, "Scores by domain, 0 to 100")
        self.assertEqual(
            rows["Safety and wellbeing"], {"Lead": "–", "Staff": "100", "Everyone": "91"}
        )
        self.assertNotIn("Young person", rows["Access"])

    def test_the_gap_report_and_its_exports_leave_out_the_hidden_groups(self):
        html = unescape(self.client.get(f"/o/{self.org.slug}/gaps/").text)
        self.assertIn("Leaders scored this 100 out of 100.", html)  # devices: nothing hidden
        self.assertIn("Leaders' and trustees' view is not shown on its own", html)
        self.assertIn("Staff: 100 out of 100.", html)
        self.assertNotIn("Young person:", html)
        for export in ("gaps.json", "gaps.csv"):
            body = self.client.get(f"/o/{self.org.slug}/gaps/{export}").text
            self.assertNotIn("Young person", body)
            self.assertNotIn("Lead scored reporting", body)
            self.assertNotIn("Leaders scored this 91", body)
