"""`digikind export-organisation SLUG` and `digikind import-organisation FILE`, as an operator
types them, with the mistakes an operator can make."""

import json
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase

from digikind.exchange.tests.helpers import forget, full_organisation
from digikind.frameworks.models import Framework
from digikind.orgs.models import Organisation
from digikind.records.models import Entry


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


class OrganisationCommandsTestCase(TestCase):
    def setUp(self):
        self.organisation = full_organisation()
        self.folder = Path(tempfile.mkdtemp())
        self.file = self.folder / "export.json"

    def test_export_to_a_file_then_import_it_into_a_fresh_digikind(self):
        _, said = run("export_organisation", self.organisation.slug, "--output", str(self.file))
        self.assertEqual(said.strip(), f"Wrote Riverside Youth Project to {self.file}.")
        entries = Entry.objects.for_org(self.organisation).count()
        forget(self.organisation)
        out, _ = run("import_organisation", str(self.file))
        self.assertIn(f"Imported Riverside Youth Project ({self.organisation.slug})", out)
        self.assertIn(f"{entries} records, chain verified", out)
        again, _ = run("export_organisation", self.organisation.slug)
        self.assertEqual(again, self.file.read_text())

    def test_export_prints_the_document_when_no_file_is_given(self):
        out, _ = run("export_organisation", self.organisation.slug)
        self.assertEqual(json.loads(out)["organisation"]["name"], "Riverside Youth Project")

    def test_an_unknown_organisation_is_named_with_those_there_are(self):
        with self.assertRaisesMessage(CommandError, "There is no organisation 'riverside'"):
            run("export_organisation", "riverside")
        with self.assertRaisesMessage(CommandError, self.organisation.slug):
            run("export_organisation", "riverside")

    def test_importing_an_organisation_that_is_here_already_changes_nothing(self):
        run("export_organisation", self.organisation.slug, "--output", str(self.file))
        with self.assertRaisesMessage(CommandError, "already has an organisation"):
            run("import_organisation", str(self.file))
        data = json.loads(self.file.read_text())
        data["organisation"]["slug"] = "riverside-copy"
        self.file.write_text(json.dumps(data))
        with self.assertRaisesMessage(CommandError, "it looks imported already"):
            run("import_organisation", str(self.file))
        self.assertEqual(Organisation.objects.filter(name="Riverside Youth Project").count(), 1)

    def test_a_file_that_is_not_an_export_is_refused_plainly(self):
        with self.assertRaisesMessage(CommandError, "There is no file"):
            run("import_organisation", str(self.folder / "missing.json"))
        self.file.write_text("name,role\nAlice,lead\n")
        with self.assertRaisesMessage(CommandError, "is not a JSON document"):
            run("import_organisation", str(self.file))
        self.file.write_text(json.dumps({"format": "something else"}))
        with self.assertRaisesMessage(CommandError, "not a Digikind organisation export"):
            run("import_organisation", str(self.file))

    def test_a_changed_record_stops_the_import(self):
        run("export_organisation", self.organisation.slug, "--output", str(self.file))
        forget(self.organisation)
        data = json.loads(self.file.read_text())
        data["records"]["entries"][0]["author_label"] = "Someone else"
        self.file.write_text(json.dumps(data))
        with self.assertRaisesMessage(
            CommandError, "do not verify, so they were not imported: Entry 1 was changed"
        ):
            run("import_organisation", str(self.file))
        self.assertFalse(Organisation.objects.filter(slug=self.organisation.slug).exists())

    def test_missing_question_sets_are_named_and_nothing_is_left_behind(self):
        run("export_organisation", self.organisation.slug, "--output", str(self.file))
        forget(self.organisation)
        data = json.loads(self.file.read_text())
        urn = data["reviews"][0]["framework_versions"][0]["framework"]
        data["reviews"][0]["framework_versions"][0]["version"] = 99
        self.file.write_text(json.dumps(data))
        with self.assertRaisesMessage(CommandError, f"{urn} version 99"):
            run("import_organisation", str(self.file))
        self.assertTrue(Framework.objects.filter(urn=urn).exists())
        self.assertFalse(Organisation.objects.filter(slug=self.organisation.slug).exists())
