from digikind.agreements import services
from digikind.agreements.models import Agreement
from digikind.agreements.tests.helpers import add_channel
from digikind.test import BaseTestCase


class DemoAgreementTestCase(BaseTestCase):
    def test_the_demo_gets_a_draft_from_its_register(self):
        add_channel(
            self.org, platform="whatsapp", account_name="Demo group", purpose="service_delivery"
        )
        agreement = services.create_demo_agreement(self.org, self.alice)
        self.assertEqual(agreement.status, Agreement.Status.DRAFT)
        self.assertIn("Demo group", agreement.channels)
        # Loading the demo twice changes nothing.
        self.assertEqual(services.create_demo_agreement(self.org, self.alice).pk, agreement.pk)
        self.assertEqual(Agreement.objects.count(), 1)
