from digikind.agreements import services
from digikind.agreements.tests.helpers import EASY
from digikind.test import BaseTestCase, make_person


class AgreementDetailTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.url = f"/o/{self.org.slug}/agreement/"

    def test_before_there_is_one(self):
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "There is no agreement yet.")
        self.assertContains(r, "Start the agreement")

    def test_staff_volunteers_and_trustees_can_read_the_draft_but_not_change_it(self):
        services.save_texts(self.org, EASY, seen_version=0, by=self.alice)
        volunteer = make_person("val@example.org", self.org, "volunteer")
        trustee = make_person("tess@example.org", self.org, "trustee")
        for person in (self.bob, volunteer, trustee):
            self.client.force_login(person)
            r = self.client.get(self.url)
            self.assertContains(r, "Young people cannot see it yet.")
            self.assertContains(r, "We will be kind online.")
            self.assertContains(
                r, "Reading age about 7 (US grade 1.2). Most people aged 7 or over can read it."
            )
            self.assertNotContains(r, "Change the agreement")
            self.assertContains(r, f'href="{self.url}"')  # in the menu

    def test_once_published_it_shows_the_published_text_and_its_link(self):
        agreement = services.publish(self.org, EASY, seen_version=0, by=self.alice)
        services.save_texts(
            self.org, {**EASY, "records": "Not agreed yet."}, seen_version=1, by=self.alice
        )
        self.client.force_login(self.bob)
        r = self.client.get(self.url)
        self.assertContains(r, "What young people see")
        self.assertContains(r, agreement.share_token)
        self.assertContains(r, "Only a few of us can see it.")
        self.assertNotContains(r, "Not agreed yet.")
        self.assertContains(r, 'href="tel:08001111"')

    def test_another_organisation_gets_404(self):
        services.save_texts(self.org, EASY, seen_version=0, by=self.alice)
        self.client.force_login(self.charlie)
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_signed_out_people_are_sent_to_sign_in(self):
        r = self.client.get(self.url)
        self.assertEqual(r.status_code, 302)
        self.assertIn("/accounts/login/", r["Location"])
