"""No browser or proxy keeps a copy of a page or download that shows private data: every
records page and every export answers with Cache-Control: no-store and Pragma: no-cache.

Exports are found from the URLs themselves (a file name ending .csv, .json or .pdf, or a
printable page), so a new export is checked as soon as it exists."""

import tempfile
from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings

from digikind.accounts.models import User
from digikind.demo.services import load_demo
from digikind.orgs.models import Membership, Organisation
from digikind.orgs.roles import OrganisationKind
from tests.url_patterns import build_url, named_patterns, object_ids_for

FILE_ENDINGS = (".csv", ".json", ".pdf")
ALSO_PRIVATE = {"reviews:results", "exchange:export"}
MUST_INCLUDE = {
    "records:home",
    "records:list",
    "records:detail",
    "records:export",
    "records:people",
    "records:retention",
    "gaps:csv",
    "gaps:json",
    "gaps:actions_csv",
    "gaps:actions_json",
    "register:export",
    "register:print",
    "reports:board_pdf",
    "agreements:print",
    "reviews:results",
    "exchange:export",
    "exchange:download",
    "funders:export_csv",
    "funders:export_json",
    "funders:portfolio_pdf",
    "funders:sharing_pdf",
}


def private_patterns():
    for name, pattern in named_patterns():
        route = str(pattern.pattern)
        if "org_slug" not in pattern.pattern.regex.groupindex:
            continue  # the shared library and public pages hold no organisation's data
        if (
            name.startswith("records:")
            or route.endswith(FILE_ENDINGS)
            or name.endswith("print")
            or name in ALSO_PRIVATE
        ):
            yield name, pattern


class NoStoreTestCase(TestCase):
    def setUp(self):
        call_command("frameworks", "load", stdout=StringIO())
        with override_settings(DATA_DIR=tempfile.mkdtemp()):
            self.demo = load_demo(keep_credentials=False)
        self.client.force_login(User.objects.get(email=self.demo.email))

    def test_every_private_page_and_export_is_kept_out_of_caches(self):
        patterns = list(private_patterns())
        self.assertLessEqual(MUST_INCLUDE, {name for name, _p in patterns})
        ids = {**object_ids_for(self.demo.organisation, patterns), "kind": "concern"}
        funder = Organisation.objects.get(kind=OrganisationKind.FUNDER)
        funder_lead = Membership.objects.for_org(funder).get(role="lead").user
        for name, pattern in patterns:
            url = build_url(name, pattern, self.demo.organisation.slug, ids)
            response = self.client.get(url)
            if response.status_code == 403:  # a funder's page: ask as the demo funder
                self.client.force_login(funder_lead)
                url = build_url(name, pattern, funder.slug, ids)
                response = self.client.get(url)
                self.client.force_login(User.objects.get(email=self.demo.email))
            self.assertLess(response.status_code, 500, url)
            if name not in {"records:correct"}:  # that one only takes a form (POST)
                self.assertIn(response.status_code, (200, 302), url)
            cache_control = response.get("Cache-Control", "")
            self.assertIn("no-store", cache_control, f"{url} may be cached")
            self.assertEqual(response.get("Pragma"), "no-cache", url)

    def test_a_concern_page_is_not_kept(self):
        from digikind.records.models import Entry

        concern = Entry.objects.filter(kind="concern").first()
        response = self.client.get(concern.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("An adult they met in a game", response.content.decode())
