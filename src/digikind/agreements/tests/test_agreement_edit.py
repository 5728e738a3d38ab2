"""The lead's page for writing the agreement: saving, two leads at once, publishing."""

from digikind.agreements.models import Agreement
from digikind.agreements.tests.helpers import EASY, HARD, add_channel, form_data
from digikind.orgs.models import AuditEvent
from digikind.test import BaseTestCase


class AgreementEditTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.alice)
        self.url = f"/o/{self.org.slug}/agreement/edit/"

    def test_the_form_starts_from_the_draft_and_nothing_is_saved_until_asked(self):
        add_channel(
            self.org, platform="whatsapp", account_name="Club group", purpose="service_delivery"
        )
        r = self.client.get(self.url)
        self.assertContains(r, "WhatsApp (Club group)")
        self.assertContains(r, "0800 1111")
        self.assertRegex(
            r.content.decode(),
            r"Reading age about \d+ \(US grade [\d.]+\)\. Most people aged \d+ or over can read it\.",
        )
        self.assertContains(
            r, "You can publish once it has a reading age of 11 or under (US grade 6"
        )
        self.assertContains(r, 'name="version" value="0"')
        self.assertFalse(Agreement.objects.exists())

    def test_saving_keeps_the_text_and_shows_it_next_time(self):
        r = self.client.post(self.url, form_data())
        self.assertRedirects(r, self.url)
        agreement = Agreement.objects.get()
        self.assertEqual(agreement.organisation, self.org)
        self.assertEqual(agreement.records, EASY["records"])
        self.assertEqual(agreement.status, Agreement.Status.DRAFT)
        self.assertEqual(agreement.updated_by, self.alice)
        self.assertContains(self.client.get(self.url), "Only a few of us can see it.")

    def test_two_leads_editing_at_once_never_overwrite_silently(self):
        self.client.post(self.url, form_data())  # version 1
        # Both open it at version 1; the first saves, the second is stopped.
        self.client.post(self.url, form_data({**EASY, "records": "First lead's words."}, version=1))
        r = self.client.post(
            self.url, form_data({**EASY, "records": "Second lead's words."}, version=1)
        )
        self.assertContains(r, "Someone else changed the agreement")
        self.assertContains(r, "First lead&#x27;s words.")  # their version is shown
        self.assertContains(r, "Second lead&#x27;s words.</textarea>")  # mine is still in the form
        self.assertContains(r, 'name="version" value="2"')  # and can now go on top of theirs
        self.assertEqual(Agreement.objects.get().records, "First lead's words.")
        r = self.client.post(
            self.url, form_data({**EASY, "records": "Second lead's words."}, version=2)
        )
        self.assertRedirects(r, self.url)
        self.assertEqual(Agreement.objects.get().records, "Second lead's words.")

    def test_two_leads_starting_the_first_agreement_at_once(self):
        self.client.post(self.url, form_data({**EASY, "records": "First."}))
        r = self.client.post(self.url, form_data({**EASY, "records": "Second."}))
        self.assertContains(r, "Someone else changed the agreement")
        self.assertEqual(Agreement.objects.count(), 1)
        self.assertEqual(Agreement.objects.get().records, "First.")

    def test_publishing_is_refused_above_grade_6_and_keeps_the_input(self):
        r = self.client.post(self.url, form_data(HARD, action="publish"))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "govuk-error-summary")
        self.assertContains(r, "“How we keep records, and why” is too hard to read")
        self.assertContains(r, "Contemporaneous documentation")  # the input is kept
        self.assertContains(r, "<strong>32 (US grade 26.4): too hard</strong>", html=True)
        self.assertFalse(Agreement.objects.exists())
        self.assertFalse(AuditEvent.objects.filter(action="agreement published").exists())

    def test_publishing_is_refused_while_gaps_are_left(self):
        texts = {**EASY, "replies": "We reply between [times] on [days]."}
        r = self.client.post(self.url, form_data(texts, action="publish"))
        self.assertContains(
            r, "Fill in the gaps in square brackets before you publish: [days], [times]."
        )
        self.assertFalse(Agreement.objects.exists())

    def test_publishing_is_refused_with_an_empty_part(self):
        r = self.client.post(self.url, form_data({**EASY, "help_now": "  "}, action="publish"))
        self.assertContains(r, "Write something in every part. Empty: How to get help now.")

    def test_publishing_at_grade_6_or_lower(self):
        r = self.client.post(self.url, form_data(action="publish"))
        self.assertRedirects(r, f"/o/{self.org.slug}/agreement/")
        agreement = Agreement.objects.get()
        self.assertEqual(agreement.status, Agreement.Status.PUBLISHED)
        self.assertEqual(agreement.published_text["help_now"], EASY["help_now"])
        self.assertIsNotNone(agreement.published_at)
        event = AuditEvent.objects.get(action="agreement published")
        self.assertEqual((event.organisation, event.actor), (self.org, self.alice))

    def test_a_draft_change_after_publishing_does_not_change_what_young_people_see(self):
        self.client.post(self.url, form_data(action="publish"))
        self.client.post(self.url, form_data({**EASY, "records": "A new idea."}, version=1))
        agreement = Agreement.objects.get()
        self.assertEqual(agreement.records, "A new idea.")
        self.assertEqual(agreement.published_text["records"], EASY["records"])
        self.assertTrue(agreement.has_unpublished_changes)

    def test_staff_can_read_but_not_edit(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.url).status_code, 403)
        self.assertEqual(self.client.post(self.url, form_data()).status_code, 403)
        self.assertFalse(Agreement.objects.exists())

    def test_another_organisations_lead_gets_404(self):
        self.client.force_login(self.charlie)
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.assertEqual(self.client.post(self.url, form_data()).status_code, 404)
        self.assertFalse(Agreement.objects.exists())
