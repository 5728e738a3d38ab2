"""A file a person can fix gets the GOV.UK error pattern on the upload form: a summary that
links to the field, the message at the field, and words that say what to do. Nothing is
saved, and checks already saved stay."""

import io
import zipfile

from digikind.policies.models import PolicyCheck
from digikind.policies.tests.helpers import PolicyTestCase
from tests.policycheck import samples


class UploadErrorsTestCase(PolicyTestCase):
    def assert_error(self, response, message):  # type: ignore[no-untyped-def]
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("<title>Error: Policy check", html)
        summary = html.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
        self.assertIn(f'<a href="#id_policy_files">{message}</a>', summary)
        field = html.split('id="id_policy_files_error"', 1)[1].split("</p>", 1)[0]
        self.assertIn(message, field)
        self.assertNotIn("Traceback", html)

    def test_an_empty_file(self):
        r = self.upload(("policy.docx", b""))
        self.assert_error(r, "The file is empty. Choose the file that holds your policy")

    def test_a_file_of_only_spaces_is_empty_too(self):
        r = self.upload(("policy.txt", b"  \n\t \n"))
        self.assert_error(
            r, "The file policy.txt is empty. Choose the file that holds your policy."
        )

    def test_an_encrypted_pdf(self):
        locked = samples.pdf(["Staff must report concerns."], encrypt_with="secret")
        r = self.upload(("locked.pdf", locked))
        self.assert_error(
            r, "locked.pdf is locked with a password. Remove the password and upload it again."
        )

    def test_a_scanned_pdf(self):
        r = self.upload(("scan.pdf", samples.blank_pdf()))
        self.assert_error(
            r,
            "We found no text in scan.pdf: it may be a scan, made of pictures of pages. "
            "Upload the Word version, or run it through a tool that adds text (OCR) first.",
        )

    def test_a_damaged_word_file(self):
        r = self.upload(("policy.docx", samples.docx()[:3000]))
        self.assert_error(
            r,
            "policy.docx is a damaged Word or OpenDocument file: we could not open it. Open it "
            "on your computer and save it again (or export it again), then upload the new copy.",
        )

    def test_kinds_that_cannot_hold_a_policy(self):
        cases = [
            ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 200, "photo.jpg is a picture"),
            ("old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 200, "old.doc is an old Word file (.doc)"),
            ("tool.exe", b"MZ" + b"\x90\x00" * 200, "tool.exe is a program, not a policy."),
        ]
        for name, data, message in cases:
            with self.subTest(name):
                r = self.upload((name, data))
                self.assertContains(r, message)
                self.assertContains(r, 'href="#id_policy_files"')

    def test_a_zip_bomb(self):
        r = self.upload(("policy.docx", samples.zip_bomb_docx(200)))
        self.assert_error(
            r,
            "policy.docx unpacks to far more than a policy could be, so we stopped reading it. "
            "Open it and save it again as a normal Word file, or save it as PDF, then upload that.",
        )

    def test_nothing_is_saved_and_earlier_checks_stay(self):
        self.upload(("policy.txt", samples.POLICY.encode()))
        self.upload(("scan.pdf", samples.blank_pdf()))
        self.assertEqual(PolicyCheck.objects.count(), 1)
        r = self.client.get(self.url)
        self.assertContains(r, "policy.txt")
        self.assertNotContains(r, "scan.pdf")
        self.assertEqual(self.stored_files(), [])

    def test_a_file_whose_name_lies_is_read_by_its_content_and_told_so(self):
        pdf = samples.pdf(["Staff must report concerns to the DSL the same day."])
        r = self.upload(("policy.docx", pdf), follow=True)
        self.assertContains(r, "policy.docx is a PDF file named .docx: we read it as a PDF file.")
        self.assertContains(r, "report concerns to the DSL")

    def test_a_word_file_that_is_really_a_picture_is_told_so(self):
        png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 400
        r = self.upload(("policy.docx", png))
        self.assert_error(
            r,
            "policy.docx ends in .docx, as a Word file would, but is a picture, not a document. "
            "If your policy is only on paper or in a photo, type it out or ask for the Word "
            "version.",
        )
        self.assertEqual(PolicyCheck.objects.count(), 0)

    def test_a_pdf_that_is_really_a_spreadsheet_is_told_so(self):
        packed = io.BytesIO()
        with zipfile.ZipFile(packed, "w") as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
        r = self.upload(("policy.pdf", packed.getvalue()))
        self.assert_error(
            r,
            "policy.pdf ends in .pdf, as a PDF file would, but is a spreadsheet, not a policy. "
            "Upload your policy as PDF, Word (.docx), OpenDocument (.odt), web page or text.",
        )

    def test_a_pdf_that_is_really_text_is_read_and_told_so(self):
        r = self.upload(("policy.pdf", samples.POLICY.encode()), follow=True)
        self.assertContains(r, "policy.pdf is a text file named .pdf: we read it as a text file.")
