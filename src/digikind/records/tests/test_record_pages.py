import re
from datetime import date, timedelta

from digikind.records import services
from digikind.records.models import Entry, Subject
from digikind.register import services as register_services
from digikind.test import BaseTestCase


class RecordPagesTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.base = f"/o/{self.org.slug}/records/"
        self.channel = register_services.create_channel(
            self.org,
            {"platform": "whatsapp", "account_name": "Club group", "purpose": "service_delivery"},
            by=None,
        )

    def post(self, kind, **data):
        return self.client.post(
            f"{self.base}new/{kind}/", {"form_id": f"f-{kind}-{sorted(data)}", **data}
        )

    def test_staff_record_a_contact_quickly(self):
        self.client.force_login(self.bob)
        r = self.post(
            "contact",
            new_person="Jamie",
            channel=self.channel.pk,
            happened_at="2026-11-20T21:30",
            out_of_hours="yes",
            note="Asked about the trip",
        )
        entry = Entry.objects.get(kind="contact")
        self.assertRedirects(r, entry.get_absolute_url())
        self.assertEqual(entry.public["channel_name"], "WhatsApp: Club group")
        self.assertTrue(entry.public["out_of_hours"])
        self.assertEqual(services.sensitive(entry)["note"], "Asked about the trip")
        self.assertNotIn(b"Jamie", bytes(Subject.objects.get().sealed_name))

    def test_a_double_click_saves_once(self):
        self.client.force_login(self.bob)
        data = {
            "new_person": "Jamie",
            "channel": self.channel.pk,
            "happened_at": "2026-11-20T21:30",
            "out_of_hours": "no",
            "form_id": "same-form",
        }
        self.client.post(f"{self.base}new/contact/", data)
        r = self.client.post(f"{self.base}new/contact/", data, follow=True)
        self.assertContains(r, "This was already saved")
        self.assertEqual(Entry.objects.filter(kind="contact").count(), 1)

    def test_a_channel_no_longer_used_is_refused_plainly(self):
        self.client.force_login(self.bob)
        r = self.post(
            "contact",
            new_person="Jamie",
            channel="999999",
            happened_at="2026-11-20T21:30",
            out_of_hours="no",
            note="kept",
        )
        self.assertContains(r, "no longer in your register")
        self.assertContains(r, "kept")  # what was typed stays on the page
        self.assertFalse(Entry.objects.exists())

    def test_a_concern_needs_a_description(self):
        self.client.force_login(self.bob)
        r = self.post(
            "concern", happened_on=date.today().isoformat(), risk_type="contact", description=""
        )
        self.assertContains(r, "Describe what happened")

    def test_a_consent_cannot_end_before_it_starts(self):
        self.client.force_login(self.alice)
        r = self.post(
            "consent",
            new_person="Jamie",
            given_by="parent_carer",
            covers=["contact"],
            purpose="Texts",
            starts_on="2026-11-20",
            expires_on="2026-11-01",
        )
        self.assertContains(r, "The end date is before the start date")

    def test_corrections_are_new_entries_and_the_original_stays(self):
        self.client.force_login(self.bob)
        self.post(
            "concern",
            new_person="Jamie",
            happened_on=date.today().isoformat(),
            risk_type="contact",
            description="A stranger messaged them",
            status="open",
        )
        concern = Entry.objects.get(kind="concern")
        self.client.post(
            f"{self.base}{concern.pk}/correct/", {"form_id": "c1", "note": "It was on Instagram"}
        )
        correction = Entry.objects.get(kind="correction")
        self.assertEqual(correction.corrects, concern)
        self.assertEqual(services.sensitive(concern)["description"], "A stranger messaged them")
        self.assertContains(self.client.get(concern.get_absolute_url()), "It was on Instagram")
        self.assertTrue(services.verify(self.org).result.ok)

    def test_reading_a_concern_is_logged(self):
        self.client.force_login(self.alice)
        self.post(
            "concern",
            happened_on=date.today().isoformat(),
            risk_type="content",
            description="Saw something upsetting",
            status="open",
        )
        concern = Entry.objects.get(kind="concern")
        self.client.get(concern.get_absolute_url())
        self.assertEqual(Entry.objects.filter(kind="viewed").get().public, {"entry": concern.seq})

    def test_volunteers_see_only_their_own_entries(self):
        from digikind.test import make_person

        volunteer = make_person("vic@example.org", self.org, "volunteer")
        self.client.force_login(self.bob)
        self.post(
            "debrief",
            new_person="Bob",
            happened_on=date.today().isoformat(),
            what_happened="A hard call",
        )
        entry = Entry.objects.get(kind="debrief")
        self.client.force_login(volunteer)
        self.assertEqual(self.client.get(entry.get_absolute_url()).status_code, 404)
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(entry.get_absolute_url()).status_code, 200)

    def test_the_lead_dashboard_shows_concerns_consents_and_out_of_hours(self):
        self.client.force_login(self.alice)
        self.post(
            "concern",
            new_person="Jamie",
            happened_on=date.today().isoformat(),
            risk_type="contact",
            description="x",
            next_step="Call the parent",
            status="open",
        )
        self.post(
            "consent",
            new_person="Sam",
            given_by="parent_carer",
            covers=["contact"],
            purpose="Texts",
            starts_on=date.today().isoformat(),
            expires_on=(date.today() + timedelta(days=5)).isoformat(),
        )
        now = date.today().isoformat()
        self.post(
            "contact",
            new_person="Ali",
            channel=self.channel.pk,
            happened_at=f"{now}T22:00",
            out_of_hours="yes",
        )
        r = self.client.get(self.base)
        self.assertContains(r, "Call the parent")
        self.assertContains(r, "Ends ")
        self.assertContains(r, "100%")

    def test_a_person_can_get_a_copy_and_be_erased(self):
        self.client.force_login(self.alice)
        self.post(
            "concern",
            new_person="Jamie Example",
            happened_on=date.today().isoformat(),
            risk_type="contact",
            description="Private detail",
            status="open",
        )
        subject = Subject.objects.get()
        copy = self.client.get(f"{self.base}people/{subject.pk}/export.json").json()
        self.assertEqual(copy["name"], "Jamie Example")
        self.assertEqual(copy["entries"][0]["details"]["What happened"], "Private detail")
        self.assertEqual(
            copy["entries"][0]["details"]["Kind of risk"], "Contact: someone harmful reached them"
        )
        self.client.post(f"{self.base}people/{subject.pk}/erase/")
        after = self.client.get(f"{self.base}people/{subject.pk}/export.json").json()
        self.assertIsNone(after["name"])
        self.assertTrue(after["entries"][0]["details_erased"])
        self.assertNotIn("What happened", after["entries"][0]["details"])
        self.assertTrue(services.verify(self.org).result.ok)
        self.assertTrue(Entry.objects.filter(kind="erasure").exists())

    def test_it_validates_ownership(self):
        theirs = services.append(
            self.other_org,
            "concern",
            author=None,
            public={"status": "open"},
            sensitive={"description": "theirs"},
        )
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(f"{self.base}{theirs.pk}/").status_code, 404)

    def test_out_of_hours_weeks_read_in_date_order_across_months(self):
        # Six weekly contacts always cross a month's end; weeks are named by their Monday.
        today = date.today()
        days = [today - timedelta(weeks=weeks) for weeks in range(6)]
        person = services.add_subject(self.org, "young_person", "Jamie")
        for day in days:
            services.append(
                self.org,
                "contact",
                author=None,
                subject=person,
                public={
                    "channel_name": "WhatsApp: Club group",
                    "happened_at": f"{day.isoformat()}T14:00:00+00:00",
                    "out_of_hours": False,
                },
                sensitive={"note": ""},
            )
        self.client.force_login(self.alice)
        page = self.client.get(self.base).content.decode()
        shown = re.findall(r"Week of [^<]+", page)
        mondays = sorted(day - timedelta(days=day.weekday()) for day in days)
        self.assertEqual(shown, [f"Week of {m.day} {m:%B}" for m in mondays])
