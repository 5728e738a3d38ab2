"""Every kind of gap the demo is built to show is found from its data, and goes away when the
data is changed to agree."""

import tempfile
from datetime import datetime, timedelta
from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings

from digikind.demo.services import load_demo
from digikind.gaps.report import build
from digikind.policies import services as policy_services
from digikind.records import services as record_services
from digikind.records.models import Subject
from digikind.register import services as register_services
from digikind.register.models import Channel

PLAIN_POLICY = """How we keep in touch online

We use WhatsApp and Zoom to talk with young people. We only use work phones.
We reply from 9am to 5pm, Monday to Friday. If you need help at night, call Childline.
"""


class DemoGapsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("frameworks", "load", stdout=StringIO())
        # The demo's policy check runs once the transaction commits, as it would for real.
        with (
            override_settings(DATA_DIR=tempfile.mkdtemp()),
            cls.captureOnCommitCallbacks(execute=True),
        ):
            cls.demo = load_demo(keep_credentials=False)
        cls.org = cls.demo.organisation

    def check_policy(self, text):
        with self.captureOnCommitCallbacks(execute=True):
            policy_services.start_policy_check(
                self.org, [policy_services.Upload("plain.txt", text.encode())], created_by=None
            )

    def gap(self, key):
        return build(self.org).gap(key)

    def channel(self, platform):
        return Channel.objects.get(organisation=self.org, platform=platform)

    def update(self, channel, **changes):
        fields = {
            f.name: getattr(channel, f.name)
            for f in Channel._meta.fields
            if f.name not in ("id", "organisation", "version", "created_at", "updated_at")
            and f.name != "updated_by"
        }
        register_services.update_channel(
            channel, {**fields, **changes}, seen_version=channel.version, by=None
        )

    def test_personal_phones_banned_but_used(self):
        gap = self.gap("personal-phones-banned-but-used")
        self.assertIsNotNone(gap)
        views = {e.view for e in gap.evidence}
        self.assertEqual(views, {"policy", "practice"})
        quotes = [e.quote for e in gap.evidence if e.quote]
        self.assertIn("Personal numbers must not be given to young people.", quotes)
        self.assertTrue(any("own phone" in e.text for e in gap.evidence))
        self.assertGreaterEqual(gap.affected, 5)
        # Owning up in the register confirms the gap (it used to hide it): the register now
        # adds its own evidence, naming the channel.
        self.update(self.channel("whatsapp"), devices="both")
        gap = self.gap("personal-phones-banned-but-used")
        self.assertIsNotNone(gap)
        register = [e.text for e in gap.evidence if e.view == "register"]
        self.assertEqual(len(register), 1)
        self.assertIn("WhatsApp", register[0])
        # A policy that allows what staff do closes it.
        self.check_policy(PLAIN_POLICY.replace("We only use work phones.", ""))
        self.assertIsNone(self.gap("personal-phones-banned-but-used"))

    def test_the_register_alone_shows_personal_phones_against_the_policy(self):
        # With no review answers at all, the register is evidence enough.
        from digikind.reviews.models import Response

        Response.objects.filter(cycle__organisation=self.org).delete()
        self.update(self.channel("whatsapp"), devices="personal")
        gap = self.gap("personal-phones-banned-but-used")
        self.assertIsNotNone(gap)
        self.assertEqual({e.view for e in gap.evidence}, {"policy", "register"})

    def test_replies_out_of_hours(self):
        gap = self.gap("replies-out-of-hours")
        self.assertIsNotNone(gap)
        self.assertTrue(any("4 of 10 contacts" in e.text for e in gap.evidence))
        self.assertTrue(any("working hours" in e.quote for e in gap.evidence))
        # More contact within hours brings the late share under a third.
        person = Subject.objects.filter(organisation=self.org).first()
        for day in range(4):
            record_services.append(
                self.org,
                "contact",
                author=None,
                subject=person,
                public={
                    "channel_name": "WhatsApp",
                    "happened_at": (datetime.now() - timedelta(days=day + 1))
                    .replace(hour=14)
                    .astimezone()
                    .isoformat(),
                    "out_of_hours": False,
                },
                sensitive={"note": "Daytime reply"},
            )
        self.assertIsNone(self.gap("replies-out-of-hours"))

    def test_one_to_one_channel_without_records(self):
        whatsapp = self.channel("whatsapp")
        key = f"one-to-one-without-records:channel-{whatsapp.pk}"
        gap = self.gap(key)
        self.assertIsNotNone(gap)
        self.assertEqual(gap.evidence[0].url, whatsapp.get_absolute_url())
        self.update(whatsapp, keeps_records="yes")
        self.assertIsNone(self.gap(key))

    def test_policy_too_hard_for_young_people(self):
        gap = self.gap("policy-too-hard-for-young-people")
        self.assertIsNotNone(gap)
        self.assertTrue(
            any(
                "hard for young people to read: it has a reading age about" in e.text
                for e in gap.evidence
            )
        )
        # A plainer policy, checked by the real policy check, closes it.
        self.check_policy(PLAIN_POLICY)
        self.assertIsNone(self.gap("policy-too-hard-for-young-people"))

    def test_platform_terms_broken(self):
        whatsapp = self.channel("whatsapp")
        key = f"platform-terms-broken:channel-{whatsapp.pk}"
        self.assertIsNotNone(self.gap(key))
        self.update(whatsapp, platform="whatsapp-business")
        self.assertIsNone(self.gap(key))

    def test_untrained_people_run_a_channel_young_people_message(self):
        instagram = self.channel("instagram")
        key = f"untrained-channel-staff:channel-{instagram.pk}"
        self.assertIsNotNone(self.gap(key))
        self.update(instagram, managers_trained="yes")
        self.assertIsNone(self.gap(key))

    def test_channel_the_policy_never_names(self):
        zoom = self.channel("zoom")
        key = f"channel-not-in-policy:channel-{zoom.pk}"
        gap = self.gap(key)
        self.assertIsNotNone(gap)
        self.assertTrue(any("does not name Zoom" in e.text for e in gap.evidence))
        self.check_policy(PLAIN_POLICY)
        self.assertIsNone(self.gap(key))

    def test_every_gap_links_each_piece_of_evidence_to_its_source(self):
        report = build(self.org)
        self.assertGreaterEqual(len(report.gaps), 8)
        for gap in report.gaps:
            self.assertTrue(gap.evidence, gap.key)
            for item in gap.evidence:
                self.assertTrue(item.url.startswith(f"/o/{self.org.slug}/"), (gap.key, item))
            self.assertTrue(gap.actions, gap.key)
        # The demo has every kind of data; only its small groups (3 volunteers, 1 lead) are noted.
        self.assertEqual(
            [m.title for m in report.missing], ["Too few people in some groups answered"]
        )
