"""The lead decides which check stands for the policy: the newest read one unless they
choose another. Every page that rests on it says which one, and a lead can remove checks."""

from datetime import datetime
from zoneinfo import ZoneInfo

from digikind.orgs.models import AuditEvent
from digikind.policies.models import PolicyCheck, current_policy_check
from digikind.policies.tests.helpers import PolicyTestCase
from digikind.test import make_person

SAFEGUARDING = b"Safeguarding policy\n\nConcerns must be reported to the DSL the same day."
ONLINE = (
    b"Online safety policy\n\nStaff must only contact young people through the club WhatsApp "
    b"group. Staff will not reply to messages after 9pm."
)
LONDON = ZoneInfo("Europe/London")


class CurrentPolicyTestCase(PolicyTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.older = self.check(SAFEGUARDING, datetime(2026, 1, 12, 10, tzinfo=LONDON))
        self.newer = self.check(ONLINE, datetime(2026, 3, 3, 10, tzinfo=LONDON))

    def check(self, text: bytes, when: datetime) -> PolicyCheck:
        self.upload(("policy.txt", text))
        made = PolicyCheck.objects.order_by("-pk").first()
        assert made is not None
        PolicyCheck.objects.filter(pk=made.pk).update(created_at=when)
        made.refresh_from_db()
        return made

    def pages(self) -> dict[str, str]:
        slug = self.org.slug
        urls = {
            "gap report": f"/o/{slug}/gaps/",
            "board report": f"/o/{slug}/board-report/",
            "agreement": f"/o/{slug}/agreement/edit/",
            "policy list": f"/o/{slug}/policy/",
        }
        return {page: self.client.get(url).content.decode() for page, url in urls.items()}

    def using(self, html: str) -> str:
        paragraph = html.split('id="policy-in-use">', 1)[1].split("</p>", 1)[0]
        return " ".join(paragraph.replace("<", " <").split())

    def test_the_newest_check_is_used_and_every_page_says_so(self):
        self.assertEqual(current_policy_check(self.org), self.newer)
        for page, html in self.pages().items():
            with self.subTest(page):
                self.assertIn("Using: ", self.using(html))
                self.assertIn(
                    f'<a class="govuk-link" href="{self.newer.get_absolute_url()}">'
                    "Online safety policy </a>, uploaded 3 March 2026 –",
                    self.using(html).replace(" </a>", " </a>"),
                )
                self.assertIn(f'href="/o/{self.org.slug}/policy/">change', self.using(html))

    def test_a_lead_chooses_an_older_check(self):
        r = self.client.post(f"/o/{self.org.slug}/policy/{self.older.pk}/use/")
        self.assertRedirects(r, f"/o/{self.org.slug}/policy/")
        for page, html in self.pages().items():
            with self.subTest(page):
                self.assertIn(
                    "Safeguarding policy </a>, uploaded 12 January 2026", self.using(html)
                )
        event = AuditEvent.objects.get(action="policy check chosen")
        self.assertEqual(event.detail, "Safeguarding policy, uploaded 12 January 2026")
        self.assertEqual(event.actor, self.alice)

    def test_the_chosen_check_stays_in_use_after_a_new_upload(self):
        self.client.post(f"/o/{self.org.slug}/policy/{self.older.pk}/use/")
        newest = self.check(ONLINE, datetime(2026, 4, 1, 10, tzinfo=LONDON))
        r = self.client.get(newest.get_absolute_url())
        self.assertContains(r, "Not in use")
        self.assertContains(r, "Safeguarding policy, uploaded 12 January 2026")
        self.assertContains(r, "Use this policy instead")

    def test_the_check_page_says_it_is_in_use(self):
        r = self.client.get(self.newer.get_absolute_url())
        self.assertContains(
            r, "The gap report, board report and digital agreement use this policy."
        )

    def test_removing_asks_first_then_removes_audits_and_falls_back(self):
        url = f"/o/{self.org.slug}/policy/{self.newer.pk}/remove/"
        r = self.client.get(url)
        self.assertContains(r, "Remove this policy check?")
        self.assertContains(r, "After you remove it, they use the newest check left.")
        self.assertTrue(PolicyCheck.objects.filter(pk=self.newer.pk).exists())
        r = self.client.post(url)
        self.assertRedirects(r, f"/o/{self.org.slug}/policy/")
        self.assertFalse(PolicyCheck.objects.filter(pk=self.newer.pk).exists())
        event = AuditEvent.objects.get(action="policy check removed")
        self.assertEqual(event.detail, "Online safety policy, uploaded 3 March 2026")
        self.assertIn(
            "Safeguarding policy </a>, uploaded 12 January 2026",
            self.using(self.pages()["gap report"]),
        )

    def test_removing_the_chosen_check_falls_back_to_the_newest(self):
        self.client.post(f"/o/{self.org.slug}/policy/{self.older.pk}/use/")
        self.client.post(f"/o/{self.org.slug}/policy/{self.older.pk}/remove/")
        self.assertEqual(current_policy_check(self.org), self.newer)

    def test_with_no_check_left_the_pages_say_so(self):
        for check in (self.older, self.newer):
            self.client.post(f"/o/{self.org.slug}/policy/{check.pk}/remove/")
        html = self.pages()["gap report"]
        self.assertIn("Using: no policy yet, as none has been checked", self.using(html))

    def test_a_failed_upload_shows_why_and_can_be_removed(self):
        failed = PolicyCheck.objects.create(
            organisation=self.org,
            status="failed",
            error="We found no text in scan.pdf: it may be a scan, made of pictures of pages.",
        )
        r = self.client.get(self.url)
        self.assertContains(r, "Could not check")
        self.assertContains(r, "We found no text in scan.pdf: it may be a scan")
        self.assertContains(r, f'href="/o/{self.org.slug}/policy/{failed.pk}/remove/"')
        self.client.post(f"/o/{self.org.slug}/policy/{failed.pk}/remove/")
        self.assertFalse(PolicyCheck.objects.filter(pk=failed.pk).exists())
        self.assertNotContains(self.client.get(self.url), "scan.pdf")

    def test_a_failed_check_cannot_be_used(self):
        failed = PolicyCheck.objects.create(organisation=self.org, status="failed", error="x")
        r = self.client.post(f"/o/{self.org.slug}/policy/{failed.pk}/use/")
        self.assertEqual(r.status_code, 404)
        self.assertEqual(current_policy_check(self.org), self.newer)

    def test_trustees_read_which_policy_is_used_but_cannot_change_it(self):
        trustee = make_person("tina@example.org", self.org, "trustee")
        self.client.force_login(trustee)
        html = self.client.get(f"/o/{self.org.slug}/board-report/").content.decode()
        self.assertIn("Online safety policy </a>, uploaded 3 March 2026", self.using(html))
        self.assertNotIn("change", self.using(html))
        self.assertEqual(
            self.client.post(f"/o/{self.org.slug}/policy/{self.older.pk}/use/").status_code, 403
        )
        self.assertEqual(
            self.client.post(f"/o/{self.org.slug}/policy/{self.older.pk}/remove/").status_code,
            403,
        )

    def test_an_outsider_cannot_use_or_remove_a_check(self):
        self.client.force_login(self.charlie)
        for action in ("use", "remove"):
            r = self.client.post(f"/o/{self.org.slug}/policy/{self.older.pk}/{action}/")
            self.assertEqual(r.status_code, 404)
        self.assertTrue(PolicyCheck.objects.filter(pk=self.older.pk).exists())
