from digikind.orgs.roles import MemberRole
from digikind.test import BaseTestCase, make_person


class ExportPageTestCase(BaseTestCase):
    def url(self, organisation=None):
        return f"/o/{(organisation or self.org).slug}/export/"

    def test_a_lead_reads_what_the_file_holds_and_gets_both_downloads(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url())
        self.assertContains(r, '<h1 class="govuk-heading-l">Export everything</h1>', html=True)
        self.assertContains(r, "organisation-v1.json")
        self.assertContains(r, f'href="/o/{self.org.slug}/export/organisation.json"')
        self.assertContains(r, f'href="/o/{self.org.slug}/export/organisation.json?records=plain"')
        self.assertContains(r, "Keep it as safe as the records themselves")
        self.assertIn("no-store", r["Cache-Control"])

    def test_it_is_under_people_in_the_leads_navigation(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url())
        self.assertContains(r, f'href="{self.url()}"')

    def test_other_roles_cannot_open_it(self):
        for role in (MemberRole.STAFF, MemberRole.VOLUNTEER, MemberRole.TRUSTEE):
            person = make_person(f"{role}@example.org", self.org, role)
            self.client.force_login(person)
            self.assertEqual(self.client.get(self.url()).status_code, 403, role)

    def test_another_organisations_lead_gets_not_found(self):
        self.client.force_login(self.charlie)
        r = self.client.get(self.url())
        self.assertEqual(r.status_code, 404)
        self.assertNotContains(r, self.org.name, status_code=404)
