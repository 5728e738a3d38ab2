"""The organisation document's schema, in the repository for anyone to check an export with."""

import copy
import json

from django.test import TestCase
from jsonschema import Draft202012Validator

from digikind.exchange.document import export_organisation, verify_chain
from digikind.exchange.tests.helpers import full_organisation
from digikind.exchange.validation import SCHEMA_FILE, schema, validation_problems
from digikind.orgs.models import Organisation


class SchemaTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = export_organisation(full_organisation())

    def test_the_schema_is_a_valid_json_schema(self):
        Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text()))

    def test_an_export_matches_the_schema(self):
        self.assertEqual(validation_problems(self.document), [])
        self.assertEqual(validation_problems(json.loads(json.dumps(self.document))), [])

    def test_a_subject_access_copy_matches_the_schema(self):
        organisation = Organisation.objects.get(slug=self.document["organisation"]["slug"])
        decrypted = export_organisation(organisation, decrypted=True)
        self.assertEqual(validation_problems(decrypted), [])

    def test_every_section_the_export_writes_is_described(self):
        self.assertEqual(set(self.document), set(schema()["properties"]))
        self.assertEqual(set(schema()["required"]), set(self.document))

    def test_a_damaged_document_is_named_where_it_is_wrong(self):
        broken = copy.deepcopy(self.document)
        broken["version"] = 2
        broken["records"]["entries"][0]["hash"] = "not a hash"
        del broken["channels"][0]["platform"]
        problems = validation_problems(broken)
        self.assertIn("version: 1 was expected", problems)
        self.assertIn("channels/0: 'platform' is a required property", problems)
        self.assertTrue(any(p.startswith("records/entries/0/hash: ") for p in problems))

    def test_the_chain_verifies_from_the_document_alone(self):
        self.assertTrue(verify_chain(self.document).ok)
        changed = copy.deepcopy(self.document)
        changed["records"]["entries"][1]["public"]["out_of_hours"] = "changed"
        check = verify_chain(changed)
        self.assertEqual(check.problems[0], "Entry 2 was changed after it was written.")
