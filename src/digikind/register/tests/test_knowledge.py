from io import StringIO

from django.core.management import call_command
from django.test import SimpleTestCase

from digikind.register import knowledge

REQUIRED = [
    "whatsapp",
    "whatsapp-business",
    "instagram",
    "facebook-pages",
    "facebook-groups",
    "messenger",
    "tiktok",
    "snapchat",
    "youtube",
    "x",
    "discord",
    "twitch",
    "zoom",
    "microsoft-teams",
    "google-meet",
    "signal",
    "telegram",
    "sms",
    "email",
    "website-chat",
]


class KnowledgeBaseTestCase(SimpleTestCase):
    def test_every_required_platform_is_covered_with_every_fact_sourced_and_dated(self):
        found = knowledge.platforms()
        self.assertEqual(set(REQUIRED) - set(found), set())
        for platform in found.values():
            self.assertEqual(set(platform.facts), set(knowledge.fact_words()), platform.id)
            for name, fact in platform.facts.items():
                self.assertRegex(fact["source"], r"^https?://", f"{platform.id} {name}")
                self.assertRegex(fact["checked"], r"^\d{4}-\d{2}-\d{2}$", f"{platform.id} {name}")

    def test_a_fact_without_a_source_fails_the_check(self):
        import yaml

        data = yaml.safe_load((knowledge.DATA / "platforms.yaml").read_text())
        del data["platforms"][0]["facts"]["minimum_age_uk"]["source"]
        schema = yaml.safe_load(knowledge.SCHEMA.read_text())["platforms"]
        import jsonschema

        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
        self.assertTrue(any("'source' is a required property" in e.message for e in errors))

    def test_every_value_a_platform_may_have_has_plain_words(self):
        for platform in knowledge.platforms().values():
            for fact in platform.facts:
                shown = knowledge.shown_value(fact, platform.value(fact))
                self.assertTrue(shown.strip(), f"{platform.id} {fact}")

    def test_a_value_without_words_fails_the_check(self):
        import yaml

        text = (knowledge.DATA / "platforms.yaml").read_text()
        data = yaml.safe_load(text)
        del data["facts"]["organisational_use"]["values"]["personal-only"]
        schema = yaml.safe_load(knowledge.SCHEMA.read_text())["platforms"]
        with self.assertRaisesRegex(knowledge.DataError, "'personal-only' has no words"):
            knowledge._check_fact_words("platforms.yaml", data, schema)

    def test_mitigations_come_from_the_seeds(self):
        for item in knowledge.mitigations().values():
            self.assertTrue(item["source"]["seed"].endswith(".txt"))
            self.assertTrue(set(item["risk_types"]) <= {"content", "contact", "conduct"})

    def test_the_check_data_command(self):
        out = StringIO()
        call_command("check_data", stdout=out)
        self.assertIn("Platform facts are fine", out.getvalue())
