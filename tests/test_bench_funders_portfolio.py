"""The portfolio benchmark's builder, on a small portfolio, as a test of correctness: the page
shows the right statuses, and every figure it shows is the plain sum of what the grantees
shared (worked out again here, in Python, from the builder's rows). Timings stay in bench/."""

import csv
import io
from collections import Counter
from statistics import mean

from django.test import TestCase
from django.urls import reverse

from bench.funders_portfolio import build_portfolio
from digikind.funders.models import Figure
from digikind.funders.portfolio import STATUSES, YES_NO


def expected(request_ids: list[int]) -> dict[str, float]:
    """Each figure as the portfolio should show it, from these requests' shared figures."""
    values: dict[str, list[float]] = {}
    for name, value in Figure.objects.filter(request__in=request_ids).values_list("name", "value"):
        values.setdefault(name, []).append(value)
    return {
        name: round(100 * sum(1 for v in got if v > 0) / len(got))
        if name.startswith(YES_NO)
        else round(mean(got), 1)
        for name, got in values.items()
    }


class BenchPortfolioTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.built = build_portfolio(40, 3, seed=7)

    def setUp(self):
        self.client.force_login(self.built.lead)
        self.url = reverse("funders:portfolio", args=[self.built.funder.slug])

    def test_the_page_counts_every_status_the_builder_made(self):
        response = self.client.get(self.url)
        self.assertEqual(response.context["counts"], self.built.statuses)
        self.assertEqual(sum(self.built.statuses.values()), 40)
        for key, label in STATUSES.items():
            self.assertContains(response, f"{label}: {self.built.statuses[key]}")

    def test_the_status_list_filters_in_the_database_and_pages(self):
        waiting = self.client.get(self.url + "?status=asked").context["page"]
        self.assertEqual(waiting.paginator.count, self.built.statuses["asked"])
        self.assertTrue(all(g.status == "asked" for g in waiting))
        everyone = self.client.get(self.url).context["page"]
        self.assertEqual(everyone.paginator.count, 40)

    def test_every_figure_shown_is_the_sum_of_what_was_shared(self):
        newest, previous = self.built.rounds[-1], self.built.rounds[-2]
        figures = self.client.get(self.url).context["figures"]
        members = self.built.shared[newest.pk]
        self.assertGreaterEqual(len(members), 5)
        self.assertEqual(figures.grantees, len(members))
        now, before = expected(members), expected(self.built.shared[previous.pk])
        self.assertEqual({p.name for p in figures.patterns}, set(now))
        for pattern in figures.patterns:
            self.assertEqual(pattern.grantees, len(members), pattern.name)
            if (
                pattern.yes_no and pattern.value is None
            ):  # a share is hidden when fewer than 5 are on one side
                yes = round(now[pattern.name] * len(members) / 100)
                self.assertTrue(0 < yes < 5 or 0 < len(members) - yes < 5, pattern.name)
                continue
            self.assertEqual(pattern.value, now[pattern.name], pattern.name)
            self.assertAlmostEqual(
                pattern.change, round(now[pattern.name] - before[pattern.name], 1)
            )
        self.assertEqual(len([p for p in figures.scores if p.value is not None]), 5)

    def test_the_export_has_every_grantee_with_its_status(self):
        response = self.client.get(reverse("funders:export_csv", args=[self.built.funder.slug]))
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        self.assertEqual(len(rows), 40)
        self.assertEqual(
            Counter(r["status"] for r in rows),
            Counter({STATUSES[k]: n for k, n in self.built.statuses.items() if n}),
        )
