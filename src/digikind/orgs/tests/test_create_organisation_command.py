from io import StringIO

from django.core.management import CommandError, call_command
from django.test import TestCase

from digikind.orgs.models import Invitation, Organisation


class CreateOrganisationCommandTestCase(TestCase):
    def test_it_creates_and_invites_the_first_lead(self):
        out = StringIO()
        call_command(
            "create_organisation", "Hillside Scouts", lead_email="lead@hillside.org", stdout=out
        )
        organisation = Organisation.objects.get(name="Hillside Scouts")
        self.assertEqual(organisation.slug, "hillside-scouts")
        invitation = Invitation.objects.get(organisation=organisation)
        self.assertEqual(invitation.role, "lead")
        self.assertIn("/invitations/", out.getvalue())

    def test_names_get_unique_addresses(self):
        call_command("create_organisation", "Hillside", lead_email="a@b.org", stdout=StringIO())
        call_command("create_organisation", "Hillside", lead_email="a@b.org", stdout=StringIO())
        self.assertEqual(
            sorted(Organisation.objects.values_list("slug", flat=True)), ["hillside", "hillside-2"]
        )

    def test_it_rejects_a_bad_email(self):
        with self.assertRaisesMessage(CommandError, "is not an email address"):
            call_command("create_organisation", "X", lead_email="nope", stdout=StringIO())
        self.assertFalse(Organisation.objects.exists())
