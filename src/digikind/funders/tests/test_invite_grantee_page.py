from django.core import mail
from django.urls import reverse

from digikind.funders.models import Grantee
from digikind.funders.tests.helpers import FunderTestCase
from digikind.orgs.models import Invitation, Membership, Organisation
from digikind.test import read_page


class InviteGranteePageTests(FunderTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("funders:invite_grantee", args=[self.funder.slug])
        self.client.force_login(self.morgan)

    def post(self, **data):
        fields = {"name": "Riverside Youth Project", "email": "Dana@Riverside.example"}
        return self.client.post(self.url, {**fields, **data}, follow=True)

    def test_it_says_how_long_the_link_works(self):
        self.assertContains(
            self.client.get(self.url), "We will send a link to join Digikind. It works for 14 days."
        )

    def test_it_makes_the_group_and_invites_its_lead(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.post(identifier="GB-CHC-7654321")
        self.assertContains(
            response, "We have invited dana@riverside.example to set up Riverside Youth Project."
        )
        self.assertContains(response, "Riverside Youth Project</a>")
        group = Organisation.objects.get(name="Riverside Youth Project")
        self.assertFalse(group.is_funder)
        grantee = Grantee.objects.for_org(self.funder).get()
        self.assertEqual((grantee.grantee, grantee.identifier), (group, "GB-CHC-7654321"))
        invitation = Invitation.objects.for_org(group).get()
        self.assertEqual((invitation.email, invitation.role), ("dana@riverside.example", "lead"))
        self.assertEqual(mail.outbox[0].to, ["dana@riverside.example"])
        # Welsh first, then English, as every invitation (see docs/welsh.md).
        self.assertEqual(
            mail.outbox[0].subject,
            "Gwahoddiad i Riverside Youth Project ar Digikind / Join Riverside Youth Project on Digikind",
        )

    def test_the_funder_does_not_become_a_member_of_the_group(self):
        self.post()
        group = Organisation.objects.get(name="Riverside Youth Project")
        self.assertFalse(Membership.objects.for_org(group).exists())

    def test_a_wrong_email_says_how_to_write_it_and_makes_nothing(self):
        response = self.client.post(self.url, {"name": "Riverside Youth Project", "email": "dana"})
        page = read_page(response.content)
        self.assertEqual(
            page.summary, [("Enter an email address like name@example.org", "#id_email")]
        )
        self.assertEqual(page.controls["id_name"]["value"], "Riverside Youth Project")
        self.assertFalse(Organisation.objects.filter(name="Riverside Youth Project").exists())
        self.assertEqual(mail.outbox, [])

    def test_an_empty_form_says_what_is_missing(self):
        page = read_page(self.client.post(self.url, {}).content)
        self.assertEqual(
            page.summary,
            [
                ("Enter the group's name", "#id_name"),
                ("Enter their lead's email address", "#id_email"),
            ],
        )

    def test_a_trustee_of_the_funder_cannot_invite(self):
        self.client.force_login(self.fund_trustee)
        self.assertEqual(self.post().status_code, 403)
        self.assertFalse(Organisation.objects.filter(name="Riverside Youth Project").exists())
