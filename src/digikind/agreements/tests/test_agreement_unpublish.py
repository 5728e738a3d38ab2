from digikind.agreements import services
from digikind.agreements.models import Agreement
from digikind.agreements.tests.helpers import EASY
from digikind.orgs.models import AuditEvent
from digikind.test import BaseTestCase


class AgreementUnpublishTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.agreement = services.publish(self.org, EASY, seen_version=0, by=self.alice)
        self.url = f"/o/{self.org.slug}/agreement/stop-sharing/"

    def test_stopping_sharing_hides_the_shared_page(self):
        self.client.force_login(self.alice)
        r = self.client.post(self.url)
        self.assertRedirects(r, f"/o/{self.org.slug}/agreement/")
        self.assertEqual(Agreement.objects.get().status, Agreement.Status.DRAFT)
        self.assertTrue(AuditEvent.objects.filter(action="agreement unpublished").exists())
        self.client.logout()
        self.assertEqual(self.client.get(self.agreement.share_url()).status_code, 404)

    def test_it_is_a_button_not_a_link(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(self.url).status_code, 405)

    def test_only_leads_of_this_organisation(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.post(self.url).status_code, 403)
        self.client.force_login(self.charlie)
        self.assertEqual(self.client.post(self.url).status_code, 404)
        self.assertTrue(Agreement.objects.get().is_published)
