"""Each conflict rule: a channel that triggers it and one that does not."""

from datetime import date, timedelta

from django.test import SimpleTestCase

from digikind.register.conflicts import conflicts, missing
from digikind.register.models import Channel


def channel(**fields):
    defaults = dict(
        platform="other",
        other_platform_name="Chatly",
        account_name="@club",
        purpose="internal",
        rationale="Team chat",
        owner="Sam",
        youngest_age=14,
        oldest_age=18,
        one_to_one=False,
        receives_messages=False,
        keeps_records="yes",
        managers_trained="yes",
        review_date=date.today() + timedelta(days=30),
        own_facts={"minimum_age_uk": 13, "organisational_use": "allowed"},
    )
    return Channel(**{**defaults, **fields})


def messages(c):
    return " ".join(f.message for f in conflicts(c))


class ConflictRulesTestCase(SimpleTestCase):
    def test_a_clean_channel_has_no_conflicts(self):
        self.assertEqual(conflicts(channel()), [])

    def test_service_delivery_on_a_personal_use_platform(self):
        personal = {"minimum_age_uk": 13, "organisational_use": "personal-only"}
        self.assertIn(
            "personal use only", messages(channel(purpose="service_delivery", own_facts=personal))
        )
        self.assertNotIn(
            "personal use only",
            messages(channel(purpose="promotion", own_facts=personal, receives_messages=False)),
        )
        self.assertNotIn("personal use only", messages(channel(purpose="service_delivery")))

    def test_reaching_young_people_under_the_minimum_age(self):
        self.assertIn("minimum age is 13", messages(channel(youngest_age=11)))
        self.assertEqual(conflicts(channel(youngest_age=13)), [])

    def test_one_to_one_support_with_no_record(self):
        self.assertIn("keeps no record", messages(channel(one_to_one=True, keeps_records="no")))
        self.assertEqual(conflicts(channel(one_to_one=True, keeps_records="yes")), [])

    def test_a_promotion_channel_receiving_messages_without_trained_managers(self):
        self.assertIn(
            "no safeguarding training",
            messages(
                channel(purpose="promotion", receives_messages=True, managers_trained="unknown")
            ),
        )
        self.assertEqual(
            conflicts(channel(purpose="promotion", receives_messages=True, managers_trained="yes")),
            [],
        )

    def test_a_review_date_that_has_passed(self):
        self.assertIn("has passed", messages(channel(review_date=date.today() - timedelta(days=1))))
        self.assertEqual(conflicts(channel(review_date=date.today())), [])

    def test_known_platform_facts_are_used(self):
        self.assertIn(
            "personal use only", messages(channel(platform="whatsapp", purpose="service_delivery"))
        )
        self.assertNotIn(
            "personal use only",
            messages(channel(platform="whatsapp-business", purpose="service_delivery")),
        )

    def test_missing_pieces_are_flagged(self):
        found = " ".join(
            f.message for f in missing(channel(rationale="", owner="", review_date=None), False)
        )
        for words in ("no reason", "Nobody is named", "no risk assessment", "no review date"):
            self.assertIn(words, found)
        self.assertEqual(missing(channel(), True), [])
