"""The records home lists what needs looking at now, however long the history behind it."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from digikind.records import services
from digikind.test import BaseTestCase


class RecordsHomeTestCase(BaseTestCase):
    def consent(self, name, **dates):
        person = services.add_subject(self.org, "young_person", name)
        public = {"given_by": "parent_carer", "covers": ["contact"], "starts_on": "2023-01-01"}
        public.update({k: (date.today() + v).isoformat() for k, v in dates.items()})
        return services.append(
            self.org,
            "consent",
            author=None,
            subject=person,
            public=public,
            sensitive={"purpose": "Texts"},
        )

    def test_consents_ended_or_withdrawn_long_ago_leave_the_home_but_stay_in_the_list(self):
        self.consent("Old Ended", expires_on=timedelta(days=-400))
        self.consent(
            "Old Withdrawn", expires_on=timedelta(days=300), withdrawn_on=timedelta(days=-200)
        )
        recent = self.consent("Just Ended", expires_on=timedelta(days=-10))
        withdrawn = self.consent(
            "Just Withdrawn", expires_on=timedelta(days=300), withdrawn_on=timedelta(days=-3)
        )
        soon = self.consent("Ends Soon", expires_on=timedelta(days=5))
        self.consent("Ends Later", expires_on=timedelta(days=200))
        self.client.force_login(self.alice)
        page = self.client.get(f"/o/{self.org.slug}/records/").content.decode()
        section = page.split("Consents to look at", 1)[1].split("</ul>", 1)[0]
        for shown in ("Just Ended", "Just Withdrawn", "Ends Soon"):
            self.assertIn(shown, section)
        for gone in ("Old Ended", "Old Withdrawn", "Ends Later"):
            self.assertNotIn(gone, section)
        self.assertIn(f"Record {recent.seq} for Just Ended", section)
        self.assertIn(f"Record {withdrawn.seq} for Just Withdrawn", section)
        self.assertIn(f"Record {soon.seq} for Ends Soon", section)
        listing = self.client.get(f"/o/{self.org.slug}/records/all/?status=consent:expired")
        self.assertContains(listing, "Old Ended")
        self.assertContains(listing, "Just Ended")

    def test_the_home_makes_as_many_queries_for_eight_open_concerns_as_for_two(self):
        self.client.force_login(self.alice)
        url = f"/o/{self.org.slug}/records/"

        def add_concerns(first, count):
            for n in range(first, first + count):
                person = services.add_subject(self.org, "young_person", f"Person {n}")
                services.append(
                    self.org,
                    "concern",
                    author=None,
                    subject=person,
                    public={"happened_on": "2026-01-01", "risk_type": "contact", "status": "open"},
                    sensitive={"description": "x", "next_step": f"Step {n}"},
                )

        def queries():
            with CaptureQueriesContext(connection) as made:
                page = self.client.get(url)
            return len(made), page

        add_concerns(0, 2)
        two, _page = queries()
        add_concerns(2, 6)
        eight, page = queries()
        self.assertEqual(eight, two)
        for n in range(8):
            self.assertContains(page, f"Step {n}")
