import shutil
import subprocess
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import TestCase, override_settings

from digikind.demo.services import load_demo
from digikind.gaps.models import Action
from digikind.gaps.tests.helpers import unrecorded_chat
from digikind.orgs.roles import MemberRole
from digikind.reports.board import board_report
from digikind.reports.pdf import html_to_pdf
from digikind.test import BaseTestCase, make_person, pdf_info, pdf_text


class BoardReportTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.alice)
        self.base = f"/o/{self.org.slug}/board-report/"
        unrecorded_chat(self.org, account_name="Secret group name")
        Action.objects.create(
            organisation=self.org, topic="record-keeping", title="Log chats", owner="Sam Owner"
        )

    def test_the_page_shows_summary_gaps_and_plan_and_says_what_is_missing(self):
        r = self.client.get(self.base)
        self.assertContains(r, "Summary")
        self.assertContains(r, "Secret group name is used for one-to-one support")
        self.assertContains(r, "Sam Owner")
        self.assertContains(r, "No policy has been checked yet")
        self.assertContains(r, "No closed review has enough answers to show scores yet.")

    def test_the_funder_version_leaves_out_names_and_links(self):
        r = self.client.get(f"{self.base}?version=funder")
        self.assertContains(r, "for a funder")
        self.assertNotContains(r, "Secret group name")
        self.assertNotContains(r, "Sam Owner")
        self.assertContains(r, "A WhatsApp channel is used for one-to-one support")
        main = r.content.decode().split('id="main-content"')[1]
        self.assertNotIn(f'href="/o/{self.org.slug}/channels/', main)

    def test_the_pdf_renders_pages(self):
        for query in ("", "?version=funder"):
            r = self.client.get(f"{self.base}board-report.pdf{query}")
            self.assertEqual(r["Content-Type"], "application/pdf")
            self.assertTrue(r.content.startswith(b"%PDF"))
            folder = Path(tempfile.mkdtemp())
            try:
                (folder / "board.pdf").write_bytes(r.content)
                subprocess.run(
                    [
                        "pdftoppm",
                        "-r",
                        "40",
                        "-png",
                        str(folder / "board.pdf"),
                        str(folder / "page"),
                    ],
                    check=True,
                )
                pages = sorted(folder.glob("page-*.png"))
                self.assertGreaterEqual(len(pages), 2)
                self.assertTrue(all(p.stat().st_size > 1000 for p in pages))
            finally:
                shutil.rmtree(folder)

    def test_the_pdf_is_tagged_pdf_ua_with_its_title(self):
        pdf = self.client.get(f"{self.base}board-report.pdf").content
        info = pdf_info(pdf)
        self.assertRegex(info, r"Tagged:\s+yes")
        self.assertRegex(info, rf"Title:\s+Board report – {self.org.name}")
        self.assertIn('pdfuaid:part="1"', pdf_info(pdf, "-meta"))

    def test_the_funder_pdf_shows_a_gap_once_when_two_channels_share_it(self):
        unrecorded_chat(self.org, account_name="Another secret group")
        gap = "A WhatsApp channel is used for one-to-one support but keeps no record"
        board = board_report(self.org, for_funder=True)
        self.assertEqual([g.title for g in board.top_gaps].count(gap), 1)
        text = pdf_text(self.client.get(f"{self.base}board-report.pdf?version=funder").content)
        # Once in the summary's list of urgent gaps, once with its evidence.
        self.assertEqual(text.count(gap), 2)
        self.assertNotIn("secret group", text)
        # The leads' own report still names both channels.
        text = pdf_text(self.client.get(f"{self.base}board-report.pdf").content)
        self.assertIn("Secret group name is used for one-to-one support", text)
        self.assertIn("Another secret group is used for one-to-one support", text)

    def test_staff_cannot_read_it_and_trustees_can(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.base).status_code, 403)
        trustee = make_person("t@example.org", self.org, MemberRole.TRUSTEE)
        self.client.force_login(trustee)
        self.assertEqual(self.client.get(self.base).status_code, 200)


class BoardReportFromTheDemoTestCase(TestCase):
    """The demo's two closed reviews give the board report its change since last time."""

    @classmethod
    def setUpTestData(cls):
        call_command("frameworks", "load", stdout=StringIO())
        with override_settings(DATA_DIR=tempfile.mkdtemp()):
            cls.organisation = load_demo(keep_credentials=False).organisation

    def test_it_shows_the_change_since_the_last_review(self):
        board = board_report(self.organisation)
        self.assertEqual(board.results.previous.name, "Last year's review")
        self.assertEqual(len(board.change), 5)
        self.assertEqual(len(board.actions), 3)
        self.assertLessEqual(len(board.top_gaps), 5)

    def test_the_pdf_first_page_holds_the_summary_and_the_scores(self):
        html = render_to_string(
            "reports/board_print.html",
            {"organisation": self.organisation, "board": board_report(self.organisation)},
        )
        first = pdf_text(html_to_pdf(html), page=1)
        self.assertIn("Digital safeguarding: board report", first)
        self.assertIn("The most urgent gaps", first)
        self.assertIn("Scores by domain", first)
        self.assertRegex(first, r"Values and governance \d+ ")
