"""Any change, deletion, insertion or reordering of stored entries is found; erasure never is."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from digikind.orgs import services as org_services
from digikind.records import services
from digikind.records.models import ChainHead, Entry, EntryKey


def write(organisation, count):
    person = services.add_subject(organisation, "young_person", "Jamie Example")
    entries = []
    for number in range(count):
        entries.append(
            services.append(
                organisation,
                "contact",
                author=None,
                subject=person if number % 2 else None,
                public={"channel": "WhatsApp", "out_of_hours": number % 3 == 0},
                sensitive={"note": f"Talked about the trip, message {number}"},
            )
        )
    return person, entries


class ChainPropertyTestCase(TestCase):
    def setUp(self):
        self.org = org_services.create_organisation("Chain Club")

    def test_an_untouched_chain_verifies(self):
        write(self.org, 5)
        check = services.verify(self.org)
        self.assertTrue(check.result.ok, check.result.problems)
        self.assertEqual(check.result.checked, 5)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        count=st.integers(min_value=2, max_value=8),
        tamper=st.sampled_from(["change", "delete", "insert", "reorder", "truncate"]),
        position=st.integers(min_value=0, max_value=7),
    )
    def test_tampering_is_always_detected(self, count, tamper, position):
        Entry.objects.all().delete()
        ChainHead.objects.all().delete()
        _person, entries = write(self.org, count)
        target = entries[position % count]
        if tamper == "change":
            Entry.objects.filter(pk=target.pk).update(
                public={"channel": "Snapchat", "out_of_hours": False}
            )
        elif tamper == "delete":
            Entry.objects.filter(pk=target.pk).delete()
        elif tamper == "insert":
            forged = Entry.objects.get(pk=target.pk)
            forged.pk, forged.seq = None, count + 5
            forged.save()
        elif tamper == "reorder":
            other = entries[(position + 1) % count]
            Entry.objects.filter(pk=target.pk).update(seq=10_000)
            Entry.objects.filter(pk=other.pk).update(seq=target.seq)
            Entry.objects.filter(pk=target.pk).update(seq=other.seq)
        elif tamper == "truncate":
            Entry.objects.filter(pk=entries[-1].pk).delete()
        check = services.verify(self.org)
        self.assertFalse(check.result.ok, f"{tamper} at {position % count} went unnoticed")

    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        count=st.integers(min_value=1, max_value=6),
        erase_person=st.booleans(),
        erase_entry=st.booleans(),
    )
    def test_erasure_never_breaks_the_chain(self, count, erase_person, erase_entry):
        Entry.objects.all().delete()
        ChainHead.objects.all().delete()
        person, entries = write(self.org, count)
        if erase_entry:
            services.erase_entry(entries[0], by=None, reason="retention period ended")
            self.assertEqual(services.sensitive(entries[0]), {"erased": True})
        if erase_person:
            services.erase_person(person, by=None)
            for entry in entries:
                if entry.subject_id:
                    entry.refresh_from_db()
                    self.assertEqual(services.sensitive(entry), {"erased": True})
        check = services.verify(self.org)
        self.assertTrue(check.result.ok, check.result.problems)

    def test_problems_name_the_entry(self):
        _person, entries = write(self.org, 4)
        Entry.objects.filter(pk=entries[1].pk).update(public={"tampered": True})
        Entry.objects.filter(pk=entries[2].pk).delete()
        problems = " ".join(services.verify(self.org).result.problems)
        self.assertIn("Entry 2 was changed", problems)
        self.assertIn("Entry 3 is missing", problems)

    def test_sensitive_fields_are_encrypted_at_rest(self):
        _person, entries = write(self.org, 2)
        raw = bytes(Entry.objects.get(pk=entries[1].pk).sealed)
        self.assertNotIn(b"Talked about the trip", raw)
        self.assertEqual(services.sensitive(entries[1])["note"], "Talked about the trip, message 1")
        self.assertTrue(EntryKey.objects.filter(entry=entries[1]).exists())


class RetentionTestCase(TestCase):
    def test_entries_past_their_retention_period_are_erased_and_the_chain_still_verifies(self):
        from datetime import timedelta
        from io import StringIO

        from django.core.management import call_command
        from django.utils import timezone

        from digikind.records.models import RecordSettings

        org = org_services.create_organisation("Retention Club")
        _person, entries = write(org, 3)
        RecordSettings.objects.create(organisation=org, retention_days={"contact": 365})
        later = timezone.now() + timedelta(days=400)
        self.assertEqual(services.expire(org, {"contact": 365}, today=later), 3)
        self.assertEqual(services.sensitive(entries[0]), {"erased": True})
        self.assertTrue(services.verify(org).result.ok)
        out = StringIO()
        call_command("records", "expire", stdout=out)
        self.assertIn("retention-club: 0 entries", out.getvalue())
