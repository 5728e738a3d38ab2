"""Start again from the register and policy: asks first, and never replaces someone's newer work."""

from digikind.agreements import services
from digikind.agreements.models import Agreement
from digikind.agreements.tests.helpers import EASY, add_channel
from digikind.test import BaseTestCase


class AgreementRestartTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.alice)
        self.url = f"/o/{self.org.slug}/agreement/start-again/"

    def test_it_asks_before_replacing_anything(self):
        services.save_texts(self.org, EASY, seen_version=0, by=self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "Changes you made to it will be lost.")
        self.assertContains(r, 'name="version" value="1"')
        self.assertEqual(Agreement.objects.get().records, EASY["records"])

    def test_confirming_makes_a_new_draft_from_the_register(self):
        services.save_texts(self.org, EASY, seen_version=0, by=self.alice)
        add_channel(
            self.org, platform="discord", account_name="Club server", purpose="service_delivery"
        )
        r = self.client.post(self.url, {"version": "1"})
        self.assertRedirects(r, f"/o/{self.org.slug}/agreement/edit/")
        agreement = Agreement.objects.get()
        self.assertIn("Discord (Club server)", agreement.channels)
        self.assertEqual(agreement.version, 2)

    def test_it_keeps_the_published_copy(self):
        services.publish(self.org, EASY, seen_version=0, by=self.alice)
        self.client.post(self.url, {"version": "1"})
        agreement = Agreement.objects.get()
        self.assertEqual(agreement.published_text["channels"], EASY["channels"])
        self.assertNotEqual(agreement.channels, EASY["channels"])

    def test_it_never_replaces_changes_saved_after_the_page_was_opened(self):
        services.save_texts(self.org, EASY, seen_version=0, by=self.alice)
        services.save_texts(self.org, {**EASY, "records": "Newer."}, seen_version=1, by=self.alice)
        r = self.client.post(self.url, {"version": "1"}, follow=True)
        self.assertContains(r, "nothing was replaced")
        self.assertEqual(Agreement.objects.get().records, "Newer.")

    def test_with_nothing_saved_yet_it_saves_the_first_draft(self):
        r = self.client.post(self.url, {"version": "0"})
        self.assertRedirects(r, f"/o/{self.org.slug}/agreement/edit/")
        self.assertIn("0800 1111", Agreement.objects.get().help_now)

    def test_only_leads_of_this_organisation(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.post(self.url, {"version": "0"}).status_code, 403)
        self.client.force_login(self.charlie)
        self.assertEqual(self.client.post(self.url, {"version": "0"}).status_code, 404)
        self.assertFalse(Agreement.objects.exists())
