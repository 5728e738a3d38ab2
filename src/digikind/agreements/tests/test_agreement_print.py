from digikind.agreements import services
from digikind.agreements.tests.helpers import EASY
from digikind.test import BaseTestCase


class AgreementPrintTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/o/{self.org.slug}/agreement/print/"
        self.client.force_login(self.bob)

    def test_a_draft_is_marked_as_a_draft(self):
        services.save_texts(self.org, EASY, seen_version=0, by=self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "Draft: not agreed yet.")
        self.assertContains(r, "We will be kind online.")
        self.assertContains(r, "dk-no-print")

    def test_it_prints_the_published_text_unless_the_draft_is_asked_for(self):
        services.publish(self.org, EASY, seen_version=0, by=self.alice)
        services.save_texts(
            self.org, {**EASY, "records": "Not agreed yet."}, seen_version=1, by=self.alice
        )
        r = self.client.get(self.url)
        self.assertNotContains(r, "Draft: not agreed yet.")
        self.assertNotContains(r, "Not agreed yet.")
        self.assertContains(r, "We agreed this on")
        r = self.client.get(self.url + "?text=draft")
        self.assertContains(r, "Draft: not agreed yet.")
        self.assertContains(r, "Not agreed yet.")

    def test_nothing_yet(self):
        self.assertContains(self.client.get(self.url), "There is no agreement yet.")

    def test_another_organisation_gets_404(self):
        services.save_texts(self.org, EASY, seen_version=0, by=self.alice)
        self.client.force_login(self.charlie)
        self.assertEqual(self.client.get(self.url).status_code, 404)
