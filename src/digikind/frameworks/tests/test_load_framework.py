import tempfile
from pathlib import Path

from django.test import TestCase

from digikind.frameworks import services
from digikind.frameworks.files import check_file
from digikind.frameworks.models import Framework, FrameworkVersion
from digikind.frameworks.tests.helpers import write_framework


class LoadFrameworkTestCase(TestCase):
    def setUp(self):
        self.folder = Path(tempfile.mkdtemp())

    def load(self, **kwargs):
        return services.load_framework(check_file(write_framework(self.folder, **kwargs)))

    def test_it_loads_sections_and_questions_in_order(self):
        message = self.load()
        self.assertIn("Loaded test-set version 1 (2 questions)", message)
        version = FrameworkVersion.objects.get()
        self.assertEqual(version.framework.slug, "test-set")
        self.assertEqual(
            list(version.questions.values_list("key", flat=True)),
            ["unofficial-accounts", "who-runs-accounts"],
        )
        question = version.question("who-runs-accounts")
        self.assertEqual(question.area, "organisational")
        self.assertEqual(question.topics, ["approved-channels", "governance-review"])
        self.assertEqual(question.source_section, "Ownership and control")

    def test_each_role_gets_its_own_wording(self):
        self.load()
        question = FrameworkVersion.objects.get().question("unofficial-accounts")
        self.assertIn("deal with pages", question.wording_for("lead")["en"])
        self.assertIn("I have seen a page", question.wording_for("volunteer")["en"])
        self.assertIn("Have you seen a page", question.wording_for("young_person")["en"])

    def test_loading_the_same_file_again_does_nothing(self):
        self.load()
        self.assertIn("already loaded; nothing to do", self.load())
        self.assertEqual(FrameworkVersion.objects.count(), 1)

    def test_a_changed_file_with_the_same_version_is_refused(self):
        self.load()
        with self.assertRaises(services.FrameworkError) as caught:
            self.load(leader="Can you spot fake pages that look like yours?")
        message = str(caught.exception)
        self.assertIn("test-set.yaml, line 3", message)
        self.assertIn("set `version: 2`", message)
        self.assertEqual(FrameworkVersion.objects.count(), 1)

    def test_a_lower_version_is_refused(self):
        self.load(version=3)
        with self.assertRaises(services.FrameworkError) as caught:
            self.load(version=2)
        self.assertIn("version 3 is already loaded", str(caught.exception))
        self.assertIn("set `version: 4`", str(caught.exception))

    def test_version_2_keeps_version_1_answers_readable(self):
        self.load()
        v1_question = FrameworkVersion.objects.get(version=1).question("unofficial-accounts")
        # Version 2 rewords one question and drops the other.
        message = self.load(
            version=2,
            leader="Can you spot fake pages that look like yours?",
            replace=("      - id: who-runs-accounts\n", "      - id: who-may-open-accounts\n"),
        )
        self.assertIn(
            "1 questions added, 1 removed (answers to them stay with version 1), 1 reworded",
            message,
        )
        framework = Framework.objects.get()
        self.assertEqual(framework.latest().version, 2)
        # An answer stored against (framework, version 1, key) still finds its question and wording.
        v1 = framework.versions.get(version=1)
        self.assertEqual(v1.question("unofficial-accounts").pk, v1_question.pk)
        self.assertIn("deal with pages", v1.question("unofficial-accounts").leader["en"])
        self.assertEqual(v1.question("who-runs-accounts").key, "who-runs-accounts")
        self.assertIn(
            "spot fake pages", framework.latest().question("unofficial-accounts").leader["en"]
        )

    def test_a_file_with_problems_is_not_loaded(self):
        path = write_framework(
            self.folder, replace=("domain: values-and-governance", "domain: nowhere")
        )
        checked = check_file(path)
        with self.assertRaises(services.FrameworkError):
            services.load_framework(checked)
        self.assertFalse(Framework.objects.exists())
