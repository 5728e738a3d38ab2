from digikind.orgs import services
from digikind.test import BaseTestCase


class OrganisationListTestCase(BaseTestCase):
    def test_it_lists_only_my_organisations(self):
        self.client.force_login(self.alice)
        r = self.client.get("/organisations/")
        self.assertContains(r, "Alice&#x27;s Youth Club")
        self.assertNotContains(r, "Charlie")

    def test_the_header_offers_a_switch_when_there_are_several(self):
        self.client.force_login(self.bob)
        self.assertNotContains(self.client.get(f"/o/{self.org.slug}/"), "Switch organisation")
        services.add_member(self.other_org, self.bob, "volunteer")
        r = self.client.get(f"/o/{self.org.slug}/")
        self.assertContains(r, "Switch organisation")
