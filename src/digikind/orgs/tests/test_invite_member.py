from django.core import mail

from digikind.orgs.models import AuditEvent, Invitation
from digikind.test import BaseTestCase


class InviteMemberTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/o/{self.org.slug}/members/invite/"
        self.client.force_login(self.alice)

    def test_it_shows_the_form(self):
        r = self.client.get(self.url)
        self.assertContains(r, "Invite someone")
        self.assertContains(r, 'name="role"')

    def test_it_sends_an_invitation(self):
        with self.captureOnCommitCallbacks(execute=True):
            r = self.client.post(self.url, {"email": "Dana@Example.org", "role": "volunteer"})
        self.assertRedirects(r, f"/o/{self.org.slug}/members/")
        invitation = Invitation.objects.get()
        self.assertEqual(invitation.email, "dana@example.org")
        self.assertEqual(invitation.role, "volunteer")
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("/invitations/", mail.outbox[0].body)
        self.assertIn("Alice's Youth Club", mail.outbox[0].subject)
        # Only a hash of the token is stored, never the link itself.
        self.assertNotIn(invitation.token_hash, mail.outbox[0].body)
        self.assertTrue(AuditEvent.objects.filter(action="invitation sent").exists())

    def test_a_second_invitation_replaces_the_first(self):
        self.client.post(self.url, {"email": "dana@example.org", "role": "volunteer"})
        self.client.post(self.url, {"email": "dana@example.org", "role": "staff"})
        pending = [i for i in Invitation.objects.all() if i.is_pending]
        self.assertEqual([i.role for i in pending], ["staff"])

    def test_it_refuses_an_existing_member_with_a_plain_message(self):
        r = self.client.post(self.url, {"email": "bob@example.org", "role": "staff"})
        self.assertContains(r, "already a member")
        self.assertContains(r, 'value="bob@example.org"')  # what they typed is kept
        self.assertFalse(Invitation.objects.exists())

    def test_it_validates_the_email(self):
        r = self.client.post(self.url, {"email": "not an email", "role": "staff"})
        self.assertContains(r, "There is a problem")
        self.assertContains(r, "Enter an email address like name@example.org")
        self.assertFalse(Invitation.objects.exists())

    def test_it_is_for_leads_only(self):
        self.client.force_login(self.bob)
        r = self.client.post(self.url, {"email": "eve@example.org", "role": "lead"})
        self.assertEqual(r.status_code, 403)
        self.assertFalse(Invitation.objects.exists())

    def test_an_empty_form_says_what_is_missing(self):
        r = self.client.post(self.url, {})
        self.assertContains(r, "Enter their email address")
        self.assertContains(r, "Choose their role")
