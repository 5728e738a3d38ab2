"""The chain is read in batches of plain values: every column the hash covers is still
checked, entries written before open fields were stored as hashed still verify, and the
text hashed on reading is exactly the text hashed on writing."""

import json
from datetime import timedelta
from unittest import mock

from django.db import connection
from django.test import TestCase

from digikind.orgs import services as org_services
from digikind.records import chain, services
from digikind.records.models import Entry


class ChainBatchesTestCase(TestCase):
    def setUp(self):
        self.org = org_services.create_organisation("Batch Club")
        self.person = services.add_subject(self.org, "young_person", "Siân Ôwen")
        self.other = services.add_subject(self.org, "young_person", "Alex")
        self.entries = []
        for number in range(7):
            self.entries.append(
                services.append(
                    self.org,
                    "contact" if number % 2 else "concern",
                    author=None,
                    subject=self.person if number % 3 else None,
                    public={"channel_name": "WhatsApp ✓", "n": number, "late": number % 2 == 0},
                    sensitive={"note": f"message {number}"} if number % 4 else None,
                )
            )
        self.entries.append(services.correct(self.entries[2], "The time was wrong.", author=None))

    def verify(self):
        with mock.patch.object(services, "VERIFY_BATCH", 3):
            return services.verify(self.org).result

    def test_the_text_hashed_on_reading_is_the_text_hashed_on_writing(self):
        result = self.verify()
        self.assertTrue(result.ok, result.problems)
        self.assertEqual(result.checked, len(self.entries))
        for entry in Entry.objects.for_org(self.org):
            self.assertEqual(chain.content_hash(services._fields(entry)), entry.content_hash)

    def test_open_fields_are_stored_as_hashed(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT public FROM records_entry WHERE id = %s", [self.entries[1].pk])
            stored = cursor.fetchone()[0]
        value = stored if isinstance(stored, dict) else json.loads(stored)
        self.assertEqual(value, self.entries[1].public)
        if connection.vendor == "sqlite":
            self.assertEqual(stored, json.dumps(value, sort_keys=True, separators=(",", ":")))

    def test_an_entry_stored_with_spaces_and_unsorted_keys_still_verifies(self):
        entry = self.entries[3]
        loose = json.dumps(dict(reversed(list(entry.public.items()))), indent=2)
        with connection.cursor() as cursor:
            cursor.execute("UPDATE records_entry SET public = %s WHERE id = %s", [loose, entry.pk])
        result = self.verify()
        self.assertTrue(result.ok, result.problems)

    def test_a_change_to_any_hashed_column_of_one_entry_is_found(self):
        target = self.entries[4]
        changes = {
            "kind": {"kind": "debrief"},
            "subject": {"subject": self.other},
            "no subject": {"subject": None},
            "corrects": {"corrects": self.entries[0]},
            "author": {"author_label": "someone@example.org"},
            "created_at": {"created_at": target.created_at + timedelta(microseconds=1)},
            "public value": {"public": {**target.public, "n": 99}},
            "public key added": {"public": {**target.public, "extra": None}},
            "sealed": {"sealed": b"\x00" * 40},
            "content_hash": {"content_hash": "0" * 64},
            "prev_hash": {"prev_hash": "1" * 64},
            "hash": {"hash": "2" * 64},
        }
        original = Entry.objects.filter(pk=target.pk).values().get()
        for name, change in changes.items():
            with self.subTest(name):
                Entry.objects.filter(pk=target.pk).update(**change)
                result = self.verify()
                self.assertFalse(result.ok, f"a change to {name} went unnoticed")
                self.assertIn("Entry 5", " ".join(result.problems))
                Entry.objects.filter(pk=target.pk).update(
                    **{k: v for k, v in original.items() if k != "id"}
                )
                self.assertTrue(self.verify().ok)


class AppendManyTestCase(TestCase):
    def test_entries_added_in_bulk_read_and_verify_like_single_ones(self):
        org = org_services.create_organisation("Bulk Club")
        person = services.add_subject(org, "young_person", "Jamie")
        services.append(org, "contact", author=None, public={"n": 0})
        added = services.append_many(
            org,
            [
                services.NewEntry(
                    "contact",
                    {"n": n},
                    sensitive={"note": f"note {n}"} if n % 2 else None,
                    subject=person if n % 3 else None,
                )
                for n in range(1, 10)
            ],
            author=None,
        )
        self.assertEqual(added, 9)
        services.append(org, "contact", author=None, public={"n": 10})
        result = services.verify(org).result
        self.assertTrue(result.ok, result.problems)
        self.assertEqual(result.checked, 11)
        entry = Entry.objects.for_org(org).get(seq=6)
        self.assertEqual(services.sensitive(entry), {"note": "note 5"})
        services.erase_person(person, by=None)
        entry = Entry.objects.for_org(org).get(seq=6)
        self.assertEqual(services.sensitive(entry), {"erased": True})
        self.assertTrue(services.verify(org).result.ok)
