"""A lead lists and filters every record; staff list only what they wrote. It is a GET form
(no JavaScript needed) with pages of 25."""

from datetime import date, timedelta
from unittest import mock

from django.utils import timezone

from digikind.records import services
from digikind.records.tests.helpers import club_channel, read
from digikind.register import services as register_services
from digikind.test import BaseTestCase, make_person


class RecordListTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/o/{self.org.slug}/records/all/"
        self.channel = club_channel(self.org)
        self.other_channel = register_services.create_channel(
            self.org,
            {"platform": "instagram", "account_name": "Club page", "purpose": "promotion"},
            by=None,
        )
        self.jamie = services.add_subject(self.org, "young_person", "Jamie Example")
        self.sam = services.add_subject(self.org, "young_person", "Sam Example")
        today = date.today()
        self.open = self.concern(self.bob, self.jamie, "open")
        self.closed = self.concern(self.alice, self.sam, "closed")
        self.active = self.consent(self.jamie, expires=today + timedelta(days=60))
        self.expired = self.consent(self.sam, expires=today - timedelta(days=1))
        self.withdrawn = self.consent(self.sam, expires=None, withdrawn=today)
        self.contact = services.append(
            self.org,
            "contact",
            author=self.bob,
            subject=self.jamie,
            public={
                "channel": self.channel.pk,
                "channel_name": str(self.channel),
                "out_of_hours": True,
            },
        )
        self.instagram = services.append(
            self.org,
            "contact",
            author=self.alice,
            public={"channel": self.other_channel.pk, "channel_name": str(self.other_channel)},
        )

    def concern(self, author, subject, status):
        return services.append(
            self.org,
            "concern",
            author=author,
            subject=subject,
            public={"status": status, "risk_type": "contact"},
            sensitive={"description": "x"},
        )

    def consent(self, subject, *, expires, withdrawn=None):
        public = {"given_by": "both", "covers": ["contact"], "starts_on": "2026-01-01"}
        public["expires_on"] = expires.isoformat() if expires else None
        if withdrawn:
            public["withdrawn_on"] = withdrawn.isoformat()
        return services.append(
            self.org, "consent", author=self.alice, subject=subject, public=public
        )

    def listed(self, **params):
        response = self.client.get(self.url, params)
        self.assertEqual(response.status_code, 200)
        items = [i for i in read(response.content).items if i.startswith("Record ")]
        return [int(i.split(":")[0].removeprefix("Record ")) for i in items], response

    def test_a_lead_sees_every_record_newest_first(self):
        self.client.force_login(self.alice)
        seqs, response = self.listed()
        self.assertEqual(seqs, list(range(7, 0, -1)))
        self.assertContains(response, "7 records")
        self.assertContains(response, f"About Jamie Example ({self.jamie.reference})")

    def test_it_filters_by_kind_person_and_channel(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.listed(kind="concern")[0], [self.closed.seq, self.open.seq])
        self.assertEqual(
            self.listed(person=self.jamie.pk)[0], [self.contact.seq, self.active.seq, self.open.seq]
        )
        self.assertEqual(self.listed(channel=self.other_channel.pk)[0], [self.instagram.seq])
        self.assertEqual(
            self.listed(kind="consent", person=self.sam.pk)[0],
            [self.withdrawn.seq, self.expired.seq],
        )

    def test_it_filters_by_status(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.listed(status="concern:open")[0], [self.open.seq])
        self.assertEqual(self.listed(status="concern:closed")[0], [self.closed.seq])
        self.assertEqual(self.listed(status="consent:active")[0], [self.active.seq])
        self.assertEqual(self.listed(status="consent:expired")[0], [self.expired.seq])
        self.assertEqual(self.listed(status="consent:withdrawn")[0], [self.withdrawn.seq])
        self.assertEqual(self.listed(status="concern:open", kind="consent")[0], [])
        _seqs, response = self.listed(status="consent:expired")
        self.assertContains(response, "<strong>Ended</strong>", html=True)

    def test_it_filters_by_the_date_written(self):
        past = timezone.now() - timedelta(days=40)
        with mock.patch("django.utils.timezone.now", return_value=past):
            old = services.append(self.org, "debrief", author=self.alice, public={})
        self.client.force_login(self.alice)
        day = past.date()
        self.assertEqual(self.listed(written_from=day, written_to=day)[0], [old.seq])
        self.assertNotIn(old.seq, self.listed(written_from=date.today())[0])

    def test_a_date_range_the_wrong_way_round_is_explained(self):
        self.client.force_login(self.alice)
        seqs, response = self.listed(
            written_from="2026-12-10", written_to="2026-12-01", kind="concern"
        )
        self.assertEqual(seqs, [])
        self.assertContains(response, "There is a problem")
        self.assertContains(response, 'href="#id_written_to"')
        self.assertContains(response, "The second date is before the first. Check both dates.")
        self.assertContains(response, 'value="2026-12-10"')  # what was typed stays
        self.assertContains(response, '<option value="concern" selected>', html=False)

    def test_it_shows_25_a_page_and_keeps_the_filter_on_the_next_page(self):
        for _ in range(30):
            services.append(self.org, "debrief", author=self.alice, public={})
        self.client.force_login(self.alice)
        seqs, response = self.listed(kind="debrief")
        self.assertEqual(len(seqs), 25)
        self.assertContains(response, "Page 1 of 2")
        self.assertContains(response, 'href="?kind=debrief&amp;page=2"')
        seqs, _response = self.listed(kind="debrief", page=2)
        self.assertEqual(len(seqs), 5)

    def test_staff_see_only_what_they_wrote_however_they_filter(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.listed()[0], [self.contact.seq, self.open.seq])
        self.assertEqual(self.listed(kind="consent")[0], [])
        response = self.listed()[1]
        self.assertEqual(
            read(response.content).options["person"],
            ["Anyone", f"Jamie Example ({self.jamie.reference})"],
        )
        self.assertNotContains(response, "Sam Example")
        # Someone else's person, by guessing their id: refused as not a choice, nothing shown.
        seqs, response = self.listed(person=self.sam.pk)
        self.assertEqual(seqs, [])
        self.assertNotContains(response, "Sam Example")

    def test_a_volunteer_with_no_records_sees_none(self):
        self.client.force_login(make_person("vic@example.org", self.org, "volunteer"))
        seqs, response = self.listed()
        self.assertEqual(seqs, [])
        self.assertContains(response, "0 records")

    def test_views_of_a_concern_are_not_listed(self):
        self.client.force_login(self.alice)
        self.client.get(self.open.get_absolute_url())
        seqs, _response = self.listed()
        self.assertEqual(len(seqs), 7)
        self.assertNotIn("Concern viewed", self.client.get(self.url).content.decode())

    def test_no_drop_down_starts_with_dashes(self):
        self.client.force_login(self.alice)
        options = read(self.client.get(self.url).content).options
        self.assertEqual(
            [o[0] for o in options.values()], ["Any kind", "Anyone", "Any channel", "Any status"]
        )
        self.assertNotIn("Concern viewed", options["kind"])
        self.assertIn("Ended consents", options["status"])
