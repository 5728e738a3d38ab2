from django.test import SimpleTestCase

from digikind.gaps import rules
from digikind.gaps.detect import CONDITIONS
from digikind.readability import flesch_kincaid_grade


class RulesFileTestCase(SimpleTestCase):
    def test_every_rule_loads_and_uses_known_conditions(self):
        loaded = rules.rules()
        self.assertGreaterEqual(len(loaded), 10)
        for rule in loaded:
            for kind, _args in rule.when:
                self.assertIn(kind, CONDITIONS, rule.id)
            self.assertTrue(rule.source["section"], rule.id)

    def test_rule_wording_is_plain(self):
        for rule in rules.rules():
            for text in [rule.why, *rule.actions.values()]:
                self.assertLessEqual(flesch_kincaid_grade(text), 9, (rule.id, text))

    def test_no_rule_only_bans(self):
        # The kindness lens: every rule offers a social option, not just a technical fix.
        for rule in rules.rules():
            self.assertIn("social", rule.actions, rule.id)
            self.assertNotIn("ban it", " ".join(rule.actions.values()).lower(), rule.id)

    def test_a_broken_rules_file_names_the_rule_and_the_problem(self):
        data = rules.rule_file()
        broken = {**data, "rules": [{**data["rules"][0], "topic": "nonsense"}]}
        rules.rule_file.cache_clear()
        original = rules._read
        rules._read = lambda name: broken if name == "rules.yaml" else original(name)  # type: ignore[assignment]
        try:
            with self.assertRaisesMessage(rules.RulesError, "unknown topic 'nonsense'"):
                rules.rule_file()
        finally:
            rules._read = original  # type: ignore[assignment]
            rules.rule_file.cache_clear()
