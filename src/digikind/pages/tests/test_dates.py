"""Dates read as people in the UK write them: "4 December 2026", never "2026-12-04"."""

from datetime import UTC, date, datetime

from django.template import Context, Template
from django.test import SimpleTestCase
from django.utils import translation

from digikind.dates import uk_date, uk_datetime


def render(text: str, **values: object) -> str:
    return Template(text).render(Context(values))


class DatesTestCase(SimpleTestCase):
    def test_a_day_in_full(self):
        self.assertEqual(uk_date(date(2026, 12, 4)), "4 December 2026")

    def test_a_stored_iso_date_in_full(self):
        self.assertEqual(uk_date("2026-11-21"), "21 November 2026")
        self.assertEqual(uk_datetime("2026-11-21T09:30:00+00:00"), "21 November 2026, 09:30")

    def test_a_moment_in_the_uk_time_zone(self):
        # 23:30 in UTC on 30 June is already 1 July in London (summer time).
        moment = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
        self.assertEqual(uk_date(moment), "1 July 2026")
        self.assertEqual(uk_datetime(moment), "1 July 2026, 00:30")

    def test_nothing_shows_as_nothing(self):
        self.assertEqual(uk_date(None), "")
        self.assertEqual(render("{{ day|uk_date|default:'–' }}", day=None), "–")

    def test_every_template_has_the_filters(self):
        self.assertEqual(render("{{ day|uk_date }}", day=date(2026, 12, 4)), "4 December 2026")
        self.assertEqual(render("{{ day|uk_date }}", day="2026-12-04"), "4 December 2026")
        # Django's own date filter and a bare date read the same.
        self.assertEqual(render("{{ day|date }}", day=date(2026, 12, 4)), "4 December 2026")
        self.assertEqual(render("{{ day }}", day=date(2026, 12, 4)), "4 December 2026")

    def test_text_that_is_not_a_date_shows_as_typed(self):
        self.assertEqual(render("{{ day|uk_date }}", day="next week"), "next week")

    def test_in_welsh_the_month_is_welsh(self):
        with translation.override("cy"):
            self.assertEqual(uk_date(date(2026, 12, 4)), "4 Rhagfyr 2026")
