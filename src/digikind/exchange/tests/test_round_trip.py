"""Export, bring into a Digikind that has never held the organisation, export again: the same
document, a chain that verifies, records that open, and pages that show what they showed."""

import json

from django.conf import settings
from django.test import TestCase, override_settings

from digikind.exchange.document import dumps, export_organisation, verify_chain
from digikind.exchange.importer import ExchangeError, import_organisation
from digikind.exchange.tests.helpers import UNREAD_POLICY, forget, full_organisation
from digikind.policies.models import PolicyFile
from digikind.records import services as records
from digikind.records.models import Entry, Subject
from digikind.reviews.models import Answer, ReviewCycle


class RoundTripTestCase(TestCase):
    def setUp(self):
        self.organisation = full_organisation()
        self.before = dumps(export_organisation(self.organisation))
        self.names = sorted(
            filter(None, map(records.subject_name, Subject.objects.for_org(self.organisation)))
        )
        self.details = [
            records.sensitive(e) for e in Entry.objects.for_org(self.organisation).order_by("seq")
        ]
        self.old_pk = self.organisation.pk
        self.key = settings.RECORDS_KEY
        forget(self.organisation)

    def test_export_import_export_gives_the_same_document(self):
        imported = import_organisation(json.loads(self.before))
        self.assertNotEqual(imported.pk, self.old_pk)
        self.assertEqual(dumps(export_organisation(imported)), self.before)

    def test_the_imported_chain_verifies_and_its_records_open(self):
        imported = import_organisation(json.loads(self.before))
        check = records.verify(imported).result
        self.assertTrue(check.ok, check.problems)
        self.assertEqual(check.checked, len(self.details))
        self.assertEqual(
            sorted(filter(None, map(records.subject_name, Subject.objects.for_org(imported)))),
            self.names,
        )
        self.assertIn("Jamie (demo)", self.names)
        after = [records.sensitive(e) for e in Entry.objects.for_org(imported).order_by("seq")]
        self.assertEqual(after, self.details)
        self.assertIn({"what_happened": "Nothing of note, said “fine” twice."}, after)
        self.assertIn({"erased": True}, after)

    def test_records_written_after_the_import_join_the_chain(self):
        imported = import_organisation(json.loads(self.before))
        jamie = Subject.objects.for_org(imported).get(erased_at__isnull=True)
        added = records.append(
            imported, "contact", author=None, subject=jamie, public={"channel": None},
            sensitive={"note": "Came back after the move."},
        )  # fmt: skip
        newcomer = records.add_subject(imported, "young_person", "Robin New")
        self.assertEqual(records.sensitive(added), {"note": "Came back after the move."})
        self.assertEqual(records.subject_name(newcomer), "Robin New")
        self.assertTrue(records.verify(imported).result.ok)
        self.assertTrue(verify_chain(export_organisation(imported)).ok)

    def test_reviews_and_unread_files_come_back(self):
        data = json.loads(self.before)
        imported = import_organisation(data)
        self.assertEqual(
            sorted(ReviewCycle.objects.for_org(imported).values_list("name", flat=True)),
            sorted(r["name"] for r in data["reviews"]),
        )
        answers = Answer.objects.filter(response__organisation=imported).count()
        self.assertEqual(
            answers, sum(len(x["answers"]) for r in data["reviews"] for x in r["responses"])
        )
        self.assertGreater(answers, 0)
        unread = PolicyFile.objects.exclude(content="").get(policy_check__organisation=imported)
        with unread.content.open("rb") as handle:
            self.assertEqual(handle.read(), UNREAD_POLICY)

    def test_another_digikinds_records_key_is_asked_for_then_used(self):
        with override_settings(RECORDS_KEY="the-other-digikinds-records-key-" * 2):
            with self.assertRaisesMessage(ExchangeError, "--records-key-file"):
                import_organisation(json.loads(self.before))
            with self.assertRaisesMessage(ExchangeError, "does not open the records"):
                import_organisation(json.loads(self.before), records_key="not-the-key")
            imported = import_organisation(json.loads(self.before), records_key=self.key)
            self.assertIn(
                "Jamie (demo)", [records.subject_name(s) for s in Subject.objects.for_org(imported)]
            )
            after = [records.sensitive(e) for e in Entry.objects.for_org(imported).order_by("seq")]
            self.assertEqual(after, self.details)
            self.assertTrue(records.verify(imported).result.ok)


class SubjectAccessCopyTestCase(TestCase):
    def test_the_decrypted_copy_holds_names_and_details_in_plain_words(self):
        organisation = full_organisation()
        data = export_organisation(organisation, decrypted=True)
        self.assertTrue(data["records"]["decrypted"])
        self.assertIn("Jamie (demo)", [s["name"] for s in data["records"]["subjects"]])
        self.assertIn(
            {"what_happened": "Nothing of note, said “fine” twice."},
            [e["details"] for e in data["records"]["entries"]],
        )
        encrypted = dumps(export_organisation(organisation))
        self.assertNotIn("Jamie (demo)", encrypted)
        self.assertNotIn("Nothing of note", encrypted)
