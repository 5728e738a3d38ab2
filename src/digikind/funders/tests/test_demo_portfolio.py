import tempfile
from io import StringIO

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from digikind.demo.services import load_demo
from digikind.funders.models import Round
from digikind.funders.portfolio import Filter, figures
from digikind.orgs.models import Organisation
from digikind.test import BaseTestCase


class DemoPortfolioTests(BaseTestCase):
    def setUp(self):
        super().setUp()
        call_command("frameworks", "load", stdout=StringIO())
        with override_settings(DATA_DIR=tempfile.mkdtemp()):
            load_demo(keep_credentials=False)
        self.funder = Organisation.objects.get(kind="funder", name="Northfield Community Fund")

    def test_the_demo_shows_every_status_and_the_rule_at_work(self):
        from digikind.accounts.models import User

        self.client.force_login(User.objects.get(email="funder@demo.digikind.test"))
        response = self.client.get(reverse("funders:portfolio", args=[self.funder.slug]))
        counts = response.context["counts"]
        self.assertEqual(counts["answered"], 8)
        self.assertEqual(counts["withdrawn"], 1)
        self.assertEqual(counts["not_shared"], 1)
        self.assertEqual(counts["asked"], 3)  # the demo group, Westbank Cadets, Moorland
        self.assertEqual(response.context["figures"].grantees, 8)
        last_year = Round.objects.for_org(self.funder).last()
        older = self.client.get(
            reverse("funders:portfolio", args=[self.funder.slug]) + f"?round={last_year.pk}"
        )
        self.assertEqual(
            older.context["counts"]["overdue"], 2
        )  # Westbank Cadets and the demo group
        # West has no grantee that shares: hidden. North (5 sharing) and South (3): South is
        # too small, and North is hidden with it so the total cannot give South away.
        this_year = Round.objects.for_org(self.funder).first()
        self.assertIsNone(figures(this_year, Filter("region", "South")).grantees)
        self.assertIsNone(figures(this_year, Filter("region", "North")).grantees)
        changes = [p.change for p in figures(this_year).scores]
        self.assertTrue(any(c is not None for c in changes))
