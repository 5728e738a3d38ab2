"""The draft is built from the register, the latest policy check and young people's answers."""

from digikind.agreements.draft import build_draft
from digikind.agreements.tests.helpers import add_channel, add_policy_check, closed_review
from digikind.agreements.wording import section
from digikind.test import BaseTestCase


class DraftTestCase(BaseTestCase):
    def test_it_mentions_every_channel_with_its_purpose_and_reason(self):
        add_channel(
            self.org,
            platform="whatsapp",
            account_name="Club group",
            purpose="service_delivery",
            rationale="Most of you already use it",
            one_to_one=True,
        )
        add_channel(self.org, platform="instagram", account_name="@club", purpose="promotion")
        add_channel(self.org, platform="zoom", account_name="Club Zoom", purpose="service_delivery")
        channels = build_draft(self.org).texts["channels"]
        self.assertIn("- WhatsApp (Club group): We use it to talk with you", channels)
        self.assertIn("You can send a worker a message on your own here.", channels)
        self.assertIn("Why we use it: Most of you already use it.", channels)
        self.assertIn("- Instagram (@club): We post news and events here.", channels)
        self.assertIn("Zoom (Club Zoom)", channels)

    def test_channels_shape_the_other_parts(self):
        add_channel(
            self.org,
            platform="whatsapp",
            account_name="Group",
            purpose="service_delivery",
            one_to_one=True,
            keeps_records="no",
        )
        add_channel(
            self.org,
            platform="zoom",
            account_name="Zoom",
            purpose="service_delivery",
            keeps_records="yes",
        )
        add_channel(self.org, platform="instagram", account_name="@club", purpose="promotion")
        texts = build_draft(self.org).texts
        self.assertIn(section("will_do")["if_one_to_one"]["line"], texts["will_do"])
        self.assertIn(section("will_do")["if_video"]["line"], texts["will_do"])
        self.assertIn(
            "We use Instagram just for news. We won't give help one to one there.", texts["wont_do"]
        )
        self.assertIn("On Zoom, we save the messages as well.", texts["records"])
        self.assertIn("WhatsApp does not let us save messages", texts["records"])

    def test_internal_and_unofficial_channels_are_left_out(self):
        add_channel(
            self.org, platform="microsoft-teams", account_name="Staff team", purpose="internal"
        )
        add_channel(self.org, platform="tiktok", account_name="@fan-page", official=False)
        draft = build_draft(self.org)
        self.assertNotIn("Staff team", draft.texts["channels"])
        self.assertNotIn("@fan-page", draft.texts["channels"])
        self.assertIn("[Name of the app]", draft.texts["channels"])
        self.assertTrue(draft.hints["channels"])

    def test_another_organisations_channels_never_appear(self):
        add_channel(self.other_org, account_name="@theirs")
        self.assertNotIn("@theirs", build_draft(self.org).texts["channels"])

    def test_help_now_always_has_childline_and_999(self):
        help_now = build_draft(self.org).texts["help_now"]
        self.assertIn("0800 1111", help_now)
        self.assertIn("call 999", help_now)

    def test_named_hours_in_the_policy_give_a_gap_to_fill_not_the_policys_words(self):
        sentence = "Staff shall respond within 48 hours and only between 9am and 5pm."
        add_policy_check(self.org, [sentence])
        draft = build_draft(self.org)
        self.assertIn("We reply between [times] on [days].", draft.texts["replies"])
        self.assertIn("We try to reply within [how long].", draft.texts["replies"])
        self.assertNotIn("shall", draft.texts["replies"])
        self.assertIn(section("replies")["hours"]["named"]["hint"], draft.hints["replies"])

    def test_no_word_on_hours_in_the_policy(self):
        add_policy_check(self.org, [])
        draft = build_draft(self.org)
        self.assertIn(section("replies")["hours"]["unnamed"]["hint"], draft.hints["replies"])
        self.assertNotIn("[how long]", draft.texts["replies"])

    def test_no_policy_check_yet(self):
        draft = build_draft(self.org)
        self.assertIsNone(draft.policy_check)
        self.assertIn(section("replies")["hours"]["no_policy"]["hint"], draft.hints["replies"])

    def test_low_scores_from_five_young_people_are_shown(self):
        closed_review(self.org, young_people=5, value="no")
        young = build_draft(self.org).young_people
        self.assertTrue(young.shown)
        self.assertEqual(young.answered, 5)
        self.assertEqual([t.topic for t in young.low], ["reporting-concerns"])
        self.assertEqual(young.low[0].section_title, "How to get help now")

    def test_answers_from_fewer_than_five_young_people_stay_private(self):
        closed_review(self.org, young_people=4, value="no")
        young = build_draft(self.org).young_people
        self.assertFalse(young.shown)
        self.assertEqual(young.low, [])

    def test_high_scores_are_not_listed(self):
        closed_review(self.org, young_people=5, value="yes")
        young = build_draft(self.org).young_people
        self.assertTrue(young.shown)
        self.assertEqual(young.low, [])
