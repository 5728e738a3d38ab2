from django.test import TestCase, override_settings

from digikind.accounts.models import User
from digikind.demo.services import load_demo
from digikind.orgs.models import Membership, Organisation


class LoadDemoTestCase(TestCase):
    def setUp(self):
        import tempfile

        self.data_dir = tempfile.mkdtemp()

    def test_it_loads_an_organisation_with_people_in_every_role(self):
        with override_settings(DATA_DIR=self.data_dir):
            login = load_demo()
        roles = set(
            Membership.objects.filter(organisation=login.organisation).values_list(
                "role", flat=True
            )
        )
        self.assertEqual(roles, {"lead", "staff", "volunteer", "trustee"})
        self.assertTrue(Organisation.objects.filter(kind="funder").exists())
        lead = User.objects.get(email=login.email)
        self.assertTrue(lead.check_password(login.password))
        self.assertEqual(len(login.recovery_codes), 10)

    def test_a_second_run_changes_nothing_and_prints_the_same_login(self):
        with override_settings(DATA_DIR=self.data_dir):
            first = load_demo()
            second = load_demo()
        self.assertEqual(first.password, second.password)
        self.assertEqual(first.totp_secret, second.totp_secret)
        self.assertEqual(Organisation.objects.count(), 14)  # the group, the funder, 12 grantees
