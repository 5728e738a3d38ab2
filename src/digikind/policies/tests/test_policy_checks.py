from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from digikind import readability
from digikind.policies.models import PolicyCheck
from digikind.test import BaseTestCase
from tests.policycheck import samples


class PolicyChecksTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/o/{self.org.slug}/policy/"
        self.client.force_login(self.alice)

    def upload(self, *files):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(self.url, {"policy_files": list(files)})

    def test_it_shows_the_upload_form(self):
        r = self.client.get(self.url)
        self.assertContains(r, "Check your policy")
        self.assertContains(r, 'type="file"')
        self.assertContains(r, "multiple")
        self.assertContains(r, "You have not checked a policy yet")

    def test_it_checks_an_upload_and_shows_the_report(self):
        r = self.upload(SimpleUploadedFile("policy.docx", samples.docx()))
        check = PolicyCheck.objects.get()
        self.assertRedirects(r, f"/o/{self.org.slug}/policy/{check.pk}/")
        self.assertEqual(check.status, "done")
        self.assertEqual(check.organisation, self.org)
        r = self.client.get(r.url)
        self.assertContains(r, "Online Safety Policy")
        self.assertContains(r, "WhatsApp group")  # a quoted evidence sentence
        self.assertContains(r, "How easy it is to read")

    def test_the_reading_level_is_a_uk_reading_age_with_the_us_grade_beside_it(self):
        r = self.upload(SimpleUploadedFile("policy.docx", samples.docx()))
        grade = PolicyCheck.objects.get().report["readability"]["grade"]
        age = readability.reading_age(grade)
        r = self.client.get(r.url)
        shown = f"Reading age about {age} (US grade {readability.us_grade(grade)})"
        self.assertContains(r, f"{shown}: most people aged {age} or over can read it.")
        self.assertContains(r, f"<li>{shown}")  # the summary at the top
        self.assertNotContains(r, "Reading grade")

    def test_several_files_are_checked_together(self):
        self.upload(
            SimpleUploadedFile(
                "safeguarding.txt", b"Safeguarding\n\nConcerns must be reported to the DSL."
            ),
            SimpleUploadedFile(
                "social.pdf",
                samples.pdf(["Staff must not accept friend requests from young people."]),
            ),
        )
        check = PolicyCheck.objects.get()
        self.assertEqual(check.file_names(), ["safeguarding.txt", "social.pdf"])
        self.assertEqual(check.report["documents"], ["safeguarding.txt", "social.pdf"])

    @override_settings(POLICY_UPLOAD_MAX_MB=1)
    def test_the_upload_limit_is_a_setting(self):
        r = self.upload(SimpleUploadedFile("huge.txt", b"Staff must. " * 200_000))
        self.assertContains(r, "the most Digikind takes at once is 1 MB")
        self.assertFalse(PolicyCheck.objects.exists())

    def test_choosing_no_file_explains_what_to_do(self):
        r = self.upload()
        self.assertContains(r, "Choose at least one file with your policy in it")

    def test_it_lists_past_checks(self):
        self.upload(SimpleUploadedFile("policy.txt", samples.POLICY.encode()))
        r = self.client.get(self.url)
        self.assertContains(r, "of 18 topics covered")
        self.assertContains(r, "policy.txt")

    def test_it_is_for_leads(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.url).status_code, 403)
