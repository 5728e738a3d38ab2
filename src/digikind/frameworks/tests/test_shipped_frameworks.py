"""The question sets Digikind ships: complete, sourced, tagged, and in plain words."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from digikind.frameworks.files import check_file, framework_files
from digikind.frameworks.models import Framework, Question
from digikind.reviews import questions as review_questions
from digikind.vocabulary import ids

EXPECTED = {
    "urn:digikind:framework:digitally-kind-organisations",
    "urn:digikind:framework:digitally-kind-funders",
    "urn:digikind:framework:digitally-kind-platforms",
    "urn:digikind:framework:online-delivery-risk-assessment",
    "urn:digikind:framework:good-practice-prompts",
    "urn:digikind:framework:digital-resilience",
}

# The question sets with Welsh for every text (the others are shown in English, marked as
# English, on Welsh pages). The demo asks digitally-kind-organisations.
IN_WELSH = {
    "digitally-kind-organisations",
}
ROLES = ("lead", "trustee", "staff", "volunteer", "young_person", "parent_carer")

# Each section of the Digitally Kind framework, and the heading it has in the report.
DIGITALLY_KIND_SECTIONS = {
    "digital-audit": "Digital Audit",
    "culture-and-values": "Culture: Aligning with Values",
    "adding-on-or-embedding": "Adding-On’ or ‘Embedding-Within’",
    "laggards-and-early-adopters": "‘Laggards’ vs ‘Early Adopters’",
    "ownership-and-control": "Ownership and Control",
    "purpose-and-management": "Purpose and Management",
    "technical-or-social-solutions": "Technical vs Social Solution",
    "aligning-with-other-policies": "Aligning with other Organisational Policies",
    "learning-from-precedent": "Learning from Precedent",
    "complying-with-external-policies": "Compliance with External (National) Policies",
    "who-is-involved": "Who Is Involved in the Process?",
    "service-user-involvement": "Service User Involvement",
    "service-delivery-staff": "Service Delivery Staff",
    "volunteers": "Volunteers",
    "senior-management": "Senior Management",
    "trustees": "Trustees and Board members",
    "shared-accessible-language": "Shared, Accessible Language",
    "time-and-space": "Time and Space",
    "devices": "Technology: Role of Devices",
    "free-technology": "Impact of ‘Free’ Technology",
    "invisible-digital-work": "Invisibility of Digital Engagement",
    "digital-cost": "Perception of Digital Cost",
}


# How many questions the Digitally Kind report (Carnegie UK Trust, 2021,
# https://www.carnegieuktrust.org.uk/publications/digitally-kind/) asks under each of its
# considerations, counted by hand from the report: every one must have a question here.
REPORT_QUESTIONS = {
    "digital-audit": 2,
    "culture-and-values": 3,
    "adding-on-or-embedding": 2,
    "laggards-and-early-adopters": 2,
    "ownership-and-control": 4,
    "purpose-and-management": 5,
    "technical-or-social-solutions": 1,
    "aligning-with-other-policies": 2,
    "learning-from-precedent": 1,
    "complying-with-external-policies": 2,
    "who-is-involved": 5,
    "service-user-involvement": 3,
    "service-delivery-staff": 3,
    "volunteers": 1,
    "senior-management": 1,
    "trustees": 2,
    "shared-accessible-language": 2,
    "time-and-space": 3,
    "devices": 2,
    "free-technology": 2,
    "invisible-digital-work": 1,
    "digital-cost": 1,
}


class ShippedFrameworksTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("frameworks", "load", stdout=StringIO())

    def test_every_file_passes_the_check_including_plain_language(self):
        problems = [str(p) for path in framework_files() for p in check_file(path).problems]
        self.assertEqual(problems, [])
        out = StringIO()
        call_command("frameworks", "check", stdout=out)
        self.assertIn("framework files are fine", out.getvalue())

    def test_every_respondent_in_a_welsh_set_reads_welsh_question_hint_and_answers(self):
        for slug in IN_WELSH:
            version = Framework.objects.get(slug=slug).latest()
            for question in version.questions.all():
                for role in set(question.roles) & set(ROLES):
                    with self.subTest(slug=slug, question=question.key, role=role):
                        shown = review_questions.asked(question, role, 1)
                        self.assertTrue(shown.wording["cy"])
                        if shown.hint.get("en"):
                            self.assertTrue(shown.hint["cy"])
                        self.assertTrue(all(label["cy"] for _id, label in shown.options()))
                        self.assertTrue(all(e["cy"] for e in question.examples))

    def test_every_question_set_the_seeds_describe_is_loaded(self):
        self.assertEqual(set(Framework.objects.values_list("urn", flat=True)), EXPECTED)

    def test_loading_again_changes_nothing(self):
        before = Question.objects.count()
        out = StringIO()
        call_command("frameworks", "load", stdout=out)
        self.assertEqual(out.getvalue().count("nothing to do"), len(EXPECTED))
        self.assertEqual(Question.objects.count(), before)

    def test_every_question_has_a_source_domain_area_and_topic(self):
        for question in Question.objects.all():
            with self.subTest(question=question.key):
                self.assertTrue(question.source_seed and question.source_section)
                self.assertIn(question.domain, ids("domains"))
                self.assertIn(question.area, ids("areas"))
                self.assertTrue(question.topics)
                self.assertTrue(question.hint["en"])

    def test_every_topic_is_tagged_on_some_question(self):
        tagged = {
            topic
            for topics in Question.objects.values_list("topics", flat=True)
            for topic in topics
        }
        self.assertEqual(set(ids("topics")) - tagged, set())

    def test_every_domain_is_covered_by_the_organisations_framework(self):
        version = Framework.objects.get(slug="digitally-kind-organisations").latest()
        self.assertEqual(
            set(version.questions.values_list("domain", flat=True)), set(ids("domains"))
        )

    def test_digitally_kind_has_every_section_of_the_report(self):
        version = Framework.objects.get(slug="digitally-kind-organisations").latest()
        self.assertEqual(
            list(version.sections.values_list("key", flat=True)), list(DIGITALLY_KIND_SECTIONS)
        )

    def test_no_question_in_a_report_section_is_left_out(self):
        version = Framework.objects.get(slug="digitally-kind-organisations").latest()
        self.assertEqual(set(REPORT_QUESTIONS), set(DIGITALLY_KIND_SECTIONS))
        for key, asked in REPORT_QUESTIONS.items():
            with self.subTest(section=key):
                written = version.sections.get(key=key).questions.count()
                self.assertGreaterEqual(written, asked)

    def test_staff_and_young_people_have_their_own_wordings(self):
        version = Framework.objects.get(slug="digitally-kind-organisations").latest()
        questions = list(version.questions.all())
        self.assertGreaterEqual(sum(1 for q in questions if q.practice["en"]), 15)
        self.assertGreaterEqual(sum(1 for q in questions if q.young_person["en"]), 8)

    def test_the_risk_assessment_has_the_nine_points(self):
        version = Framework.objects.get(slug="online-delivery-risk-assessment").latest()
        self.assertEqual(
            list(version.sections.values_list("key", flat=True)),
            [
                "policies",
                "connectivity-and-skills",
                "data-and-privacy",
                "platform",
                "one-to-one",
                "parents-and-carers",
                "reporting-and-recording",
                "support-for-young-people",
                "support-for-staff",
            ],
        )
        risk_types = {r for q in version.questions.all() for r in q.risk_types}
        self.assertEqual(risk_types, {"content", "contact", "conduct"})

    def test_digital_resilience_has_the_four_stages_and_pillars(self):
        version = Framework.objects.get(slug="digital-resilience").latest()
        keys = list(version.sections.values_list("key", flat=True))
        self.assertEqual(keys[:4], ["understand", "know", "recover", "learn"])
        self.assertIn("pillars", keys)

    def test_the_platform_questions_cover_all_five_domains(self):
        for slug in ("digitally-kind-platforms", "digitally-kind-funders"):
            with self.subTest(framework=slug):
                version = Framework.objects.get(slug=slug).latest()
                self.assertEqual(
                    set(version.questions.values_list("domain", flat=True)), set(ids("domains"))
                )
