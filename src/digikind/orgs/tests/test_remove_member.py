from digikind.orgs.models import Membership
from digikind.test import BaseTestCase


class RemoveMemberTestCase(BaseTestCase):
    def _url(self, membership):
        return f"/o/{self.org.slug}/members/{membership.pk}/remove/"

    def test_it_works(self):
        self.client.force_login(self.alice)
        bobs = Membership.objects.get(user=self.bob)
        r = self.client.post(self._url(bobs))
        self.assertRedirects(r, f"/o/{self.org.slug}/members/")
        self.assertFalse(Membership.objects.filter(pk=bobs.pk).exists())

    def test_it_asks_first(self):
        self.client.force_login(self.alice)
        bobs = Membership.objects.get(user=self.bob)
        r = self.client.get(self._url(bobs))
        self.assertContains(r, "Remove Bob?")
        self.assertTrue(Membership.objects.filter(pk=bobs.pk).exists())

    def test_it_keeps_the_last_lead(self):
        self.client.force_login(self.alice)
        alices = Membership.objects.get(user=self.alice)
        r = self.client.post(self._url(alices), follow=True)
        self.assertContains(r, "This is the only lead")
        self.assertTrue(Membership.objects.filter(pk=alices.pk).exists())

    def test_staff_cannot_remove_people(self):
        self.client.force_login(self.bob)
        alices = Membership.objects.get(user=self.alice)
        self.assertEqual(self.client.post(self._url(alices)).status_code, 403)
        self.assertTrue(Membership.objects.filter(pk=alices.pk).exists())

    def test_it_validates_ownership(self):
        self.client.force_login(self.alice)
        charlies = Membership.objects.get(user=self.charlie)
        self.assertEqual(self.client.post(self._url(charlies)).status_code, 404)
        self.assertTrue(Membership.objects.filter(pk=charlies.pk).exists())
