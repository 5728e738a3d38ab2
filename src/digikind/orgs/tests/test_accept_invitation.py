from datetime import timedelta

from django.utils import timezone

from digikind.accounts.models import User
from digikind.orgs import services
from digikind.orgs.models import Membership
from digikind.test import PASSWORD, BaseTestCase


class AcceptInvitationTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.invitation, token = services.invite_member(
            self.org, "dana@example.org", "volunteer", invited_by=self.alice
        )
        self.url = f"/invitations/{token}/"

    def test_it_makes_an_account_and_joins(self):
        r = self.client.post(
            self.url, {"name": "Dana", "password1": PASSWORD, "password2": PASSWORD}
        )
        self.assertRedirects(r, f"/o/{self.org.slug}/", fetch_redirect_response=False)
        dana = User.objects.get(email="dana@example.org")
        self.assertEqual(dana.name, "Dana")
        self.assertTrue(
            Membership.objects.filter(user=dana, organisation=self.org, role="volunteer").exists()
        )
        # The person is signed in straight away.
        self.assertContains(
            self.client.get(f"/o/{self.org.slug}/"), "You are signed in as a volunteer."
        )

    def test_it_keeps_what_was_typed_when_passwords_differ(self):
        r = self.client.post(
            self.url, {"name": "Dana", "password1": PASSWORD, "password2": "other-one-123"}
        )
        self.assertContains(r, "The two passwords are different")
        self.assertContains(r, 'value="Dana"')
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())

    def test_it_rejects_a_weak_password(self):
        r = self.client.post(
            self.url, {"name": "Dana", "password1": "password", "password2": "password"}
        )
        self.assertContains(r, "There is a problem")
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())

    def test_it_explains_an_expired_invitation(self):
        self.invitation.expires_at = timezone.now() - timedelta(minutes=1)
        self.invitation.save()
        r = self.client.get(self.url)
        self.assertContains(r, "This invitation has expired", status_code=410)
        r = self.client.post(
            self.url, {"name": "Dana", "password1": PASSWORD, "password2": PASSWORD}
        )
        self.assertEqual(r.status_code, 410)
        self.assertFalse(User.objects.filter(email="dana@example.org").exists())

    def test_it_explains_a_used_invitation(self):
        self.client.post(self.url, {"name": "Dana", "password1": PASSWORD, "password2": PASSWORD})
        self.client.logout()
        r = self.client.get(self.url)
        self.assertContains(r, "already been used", status_code=410)

    def test_it_explains_an_unknown_link(self):
        r = self.client.get("/invitations/not-a-real-token/")
        self.assertContains(r, "We cannot find this invitation", status_code=404)

    def test_an_existing_account_signs_in_first(self):
        services.invite_member(self.other_org, "bob@example.org", "staff", invited_by=self.charlie)
        _invitation, token = services.invite_member(
            self.other_org, "bob@example.org", "staff", invited_by=self.charlie
        )
        r = self.client.get(f"/invitations/{token}/")
        self.assertContains(r, "You already have a Digikind account")
        self.client.force_login(self.bob)
        r = self.client.post(f"/invitations/{token}/")
        self.assertRedirects(r, f"/o/{self.other_org.slug}/", fetch_redirect_response=False)
        self.assertTrue(
            Membership.objects.filter(user=self.bob, organisation=self.other_org).exists()
        )

    def test_it_refuses_someone_signed_in_with_another_email(self):
        self.client.force_login(self.bob)
        r = self.client.post(self.url)
        self.assertContains(r, "This invitation was sent to dana@example.org")
        self.assertEqual(Membership.objects.filter(user=self.bob).count(), 1)
