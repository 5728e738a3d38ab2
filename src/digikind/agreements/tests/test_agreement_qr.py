from digikind.agreements import services
from digikind.agreements.tests.helpers import EASY
from digikind.test import BaseTestCase, assert_svg_image


class AgreementQrTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/o/{self.org.slug}/agreement/qr.svg"

    def test_a_qr_code_for_the_published_link(self):
        services.publish(self.org, EASY, seen_version=0, by=self.alice)
        self.client.force_login(self.bob)
        r = self.client.get(self.url)
        self.assertEqual(r["Content-Type"], "image/svg+xml")
        assert_svg_image(r.content)

    def test_no_code_while_it_is_not_shared(self):
        services.save_texts(self.org, EASY, seen_version=0, by=self.alice)
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_another_organisation_gets_404(self):
        services.publish(self.org, EASY, seen_version=0, by=self.alice)
        self.client.force_login(self.charlie)
        self.assertEqual(self.client.get(self.url).status_code, 404)
