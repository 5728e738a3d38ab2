"""A record page reads in plain words: labelled answers, choice labels, the channel's and the
person's name, UK dates, Yes or No, lists joined, and what was typed exactly as typed."""

from digikind.records import services
from digikind.records.models import Entry
from digikind.records.tests.helpers import club_channel, read, summary
from digikind.test import BaseTestCase

TYPED = "Zoë said: \"it's <script>alert('x')</script> & more\"\nSecond line"


class RecordPageWordsTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.base = f"/o/{self.org.slug}/records/"
        self.channel = club_channel(self.org)
        self.client.force_login(self.alice)

    def save(self, kind, **data):
        r = self.client.post(f"{self.base}new/{kind}/", {"form_id": f"f-{kind}", **data})
        self.assertEqual(r.status_code, 302, r.content.decode()[:3000])
        return Entry.objects.get(kind=kind)

    def page(self, entry):
        response = self.client.get(entry.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        return response

    def test_a_contact(self):
        entry = self.save(
            "contact",
            new_person="Zoë O'Neill",
            channel=self.channel.pk,
            happened_at="2026-12-04T14:05",
            out_of_hours="yes",
            copied_in="Priya",
            note=TYPED,
        )
        words = summary(self.page(entry).content)
        self.assertEqual(words["About"], f"Zoë O'Neill ({entry.subject.reference})")
        self.assertEqual(words["Channel"], "WhatsApp: Club group")
        self.assertEqual(words["When"], "4 December 2026, 14:05")
        self.assertEqual(words["Outside agreed hours"], "Yes")
        self.assertEqual(words["Others copied in"], "Priya")
        self.assertEqual(words["Note"], TYPED)
        self.assertTrue(words["Written"].endswith("by Alice"))

    def test_typed_markup_is_shown_as_text(self):
        entry = self.save(
            "contact",
            channel=self.channel.pk,
            happened_at="2026-12-04T14:05",
            out_of_hours="no",
            note=TYPED,
        )
        body = self.page(entry).content.decode()
        self.assertNotIn("<script>alert", body)
        self.assertIn("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more", body)
        self.assertEqual(summary(body)["Outside agreed hours"], "No")

    def test_a_concern(self):
        entry = self.save(
            "concern",
            new_person="Jamie",
            happened_on="2026-12-04",
            risk_type="contact",
            description="An adult asked them to move to a private chat.",
            escalated_to=["safeguarding_lead", "police", "ceop"],
            status="open",
        )
        words = summary(self.page(entry).content)
        self.assertEqual(words["When it happened"], "4 December 2026")
        self.assertEqual(words["Kind of risk"], "Contact: someone harmful reached them")
        self.assertEqual(words["What happened"], "An adult asked them to move to a private chat.")
        self.assertEqual(words["Who was told"], "Not given")
        self.assertEqual(words["Passed on to"], "Safeguarding lead, Police and CEOP")
        self.assertEqual(words["Next step"], "Not given")
        self.assertEqual(words["Open or closed"], "Open")
        body = self.page(entry).content.decode()
        for raw in ("safeguarding_lead", "Happenedon", "Escalatedto", "S, a, f"):
            self.assertNotIn(raw, body)

    def test_a_consent(self):
        entry = self.save(
            "consent",
            new_person="Sam",
            given_by="parent_carer",
            covers=["contact", "images"],
            purpose="Texts about the trip",
            starts_on="2026-11-20",
            expires_on="2027-11-19",
        )
        words = summary(self.page(entry).content)
        self.assertEqual(words["Given by"], "A parent or carer")
        self.assertEqual(words["Consent for"], "Digital contact and Photos and videos")
        self.assertEqual(words["What for"], "Texts about the trip")
        self.assertEqual(words["Starts"], "20 November 2026")
        self.assertEqual(words["Ends"], "19 November 2027")
        self.assertNotIn("Withdrawn", words)

    def test_a_debrief(self):
        entry = self.save(
            "debrief", happened_on="2026-12-01", what_happened="A hard call with a parent"
        )
        words = summary(self.page(entry).content)
        self.assertEqual(words["When"], "1 December 2026")
        self.assertEqual(words["What was hard"], "A hard call with a parent")
        self.assertEqual(words["Support agreed"], "Not given")

    def test_a_correction_reads_as_typed_on_both_pages(self):
        entry = self.save(
            "debrief", happened_on="2026-12-01", what_happened="A hard call with a parent"
        )
        correction = services.correct(entry, "It was Zoë's dad, not her mum", author=self.alice)
        history = read(self.page(entry).content).items
        self.assertIn("Alice (record 2):\nIt was Zoë's dad, not her mum", "|".join(history))
        words = summary(self.page(correction).content)
        self.assertEqual(words["Correction or addition"], "It was Zoë's dad, not her mum")
        self.assertEqual(words["Corrects"], f"Record {entry.seq}")

    def test_erased_details_say_so_and_nothing_else(self):
        entry = self.save(
            "concern",
            new_person="Jamie",
            happened_on="2026-12-04",
            risk_type="content",
            description="Secret words",
            status="closed",
        )
        services.erase_person(entry.subject, by=self.alice)
        body = self.page(entry).content.decode()
        words = summary(body)
        self.assertEqual(words["Private details"], "Erased: these details can no longer be read.")
        self.assertEqual(words["About"], entry.subject.reference)
        self.assertEqual(words["Open or closed"], "Closed")
        self.assertNotIn("Secret words", body)
        self.assertNotIn("What happened", words)
