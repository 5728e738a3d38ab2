"""A big upload is read by the background task: the person sees a progress page they can
reload (htmx polls it when JavaScript runs), then the result. The file waits on disk only
until it is read."""

import hashlib

from digikind.policies import services
from digikind.policies.models import PolicyCheck
from digikind.policies.tasks import run_policy_check
from digikind.policies.tests.helpers import PolicyTestCase
from tests.policycheck import samples


class BackgroundCheckTestCase(PolicyTestCase):
    def queue(self, name: str, data: bytes) -> PolicyCheck:
        """Store an upload for the task without running the task."""
        with self.in_the_background():
            return services.start_policy_check(
                self.org, [services.Upload(name, data)], created_by=self.alice
            )

    def test_the_progress_page_can_be_reloaded_and_works_without_javascript(self):
        check = self.queue("policy.txt", samples.POLICY.encode())
        r = self.client.get(check.get_absolute_url())
        self.assertContains(r, "Reading your policy")
        self.assertContains(r, "Waiting to start: 0%")
        self.assertContains(
            r,
            f'<a class="govuk-link" href="{check.get_absolute_url()}">'
            "Reload this page to see how far it has got</a>",
            html=True,
        )
        self.assertContains(r, f'hx-get="{check.get_absolute_url()}" hx-trigger="every 3s"')
        self.assertNotContains(r, 'http-equiv="refresh"')  # no timed reload (WCAG 2.2.1)

    def test_htmx_gets_just_the_progress_then_a_reload_when_done(self):
        check = self.queue("policy.txt", samples.POLICY.encode())
        r = self.client.get(check.get_absolute_url(), HTTP_HX_REQUEST="true")
        self.assertContains(r, 'id="progress-box"')
        self.assertNotContains(r, "<html")
        run_policy_check.call(check.pk)
        r = self.client.get(check.get_absolute_url(), HTTP_HX_REQUEST="true")
        self.assertEqual(r.headers["HX-Refresh"], "true")

    def test_the_task_reads_the_file_keeps_the_text_and_deletes_the_file(self):
        data = samples.docx()
        check = self.queue("policy.docx", data)
        self.assertEqual(len(self.stored_files()), 1)
        run_policy_check.call(check.pk)
        check.refresh_from_db()
        self.assertEqual(check.status, "done")
        self.assertEqual(self.stored_files(), [])
        stored = check.files.get()
        self.assertFalse(stored.content)
        self.assertEqual(stored.sha256, hashlib.sha256(data).hexdigest())
        self.assertIn(
            "Staff will not reply to messages after 9pm or at weekends.",
            [block["text"] for block in stored.document["blocks"]],
        )
        r = self.client.get(check.get_absolute_url())
        self.assertContains(r, "Policy check: Online Safety Policy")

    def test_a_file_the_task_cannot_read_fails_with_the_message_and_is_not_kept(self):
        check = self.queue("scan.pdf", samples.blank_pdf())
        run_policy_check.call(check.pk)
        check.refresh_from_db()
        self.assertEqual(check.status, "failed")
        self.assertEqual(self.stored_files(), [])
        r = self.client.get(check.get_absolute_url())
        self.assertContains(r, "<title>Error: Policy check", html=False)
        self.assertContains(r, "We found no text in scan.pdf: it may be a scan")
        self.assertContains(r, f'href="/o/{self.org.slug}/policy/#id_policy_files"')
        self.assertContains(r, "We did not keep the file. You still have your own copy.")

    def test_a_big_upload_through_the_form_is_checked_by_the_task(self):
        with self.in_the_background():
            r = self.upload(("policy.txt", samples.POLICY.encode()))
        check = PolicyCheck.objects.get()
        self.assertRedirects(r, check.get_absolute_url())
        self.assertEqual(check.status, "done")  # the embedded default runs tasks at once
        self.assertEqual(self.stored_files(), [])

    def test_only_a_few_uploads_may_wait_at_once(self):
        for _ in range(services.MOST_WAITING):
            self.queue("policy.txt", samples.POLICY.encode())
        with self.in_the_background():
            r = self.upload(("policy.txt", samples.POLICY.encode()))
        self.assertContains(
            r,
            "3 policies are still waiting to be read. Wait a few minutes until they are done, "
            "then upload this one again.",
        )
        self.assertEqual(len(self.stored_files()), services.MOST_WAITING)

    def test_a_small_upload_is_checked_at_once_and_no_file_is_written(self):
        r = self.upload(("policy.txt", samples.POLICY.encode()))
        check = PolicyCheck.objects.get()
        self.assertRedirects(r, check.get_absolute_url())
        self.assertEqual(check.status, "done")
        self.assertEqual(self.stored_files(), [])
