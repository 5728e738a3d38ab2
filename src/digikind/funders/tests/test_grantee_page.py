from django.urls import reverse

from digikind.funders import services
from digikind.funders.tests.helpers import FunderTestCase


class GranteePageTests(FunderTestCase):
    def setUp(self):
        super().setUp()
        self.grantee = self.add(self.org, identifier="GB-CHC-1234567")
        self.round = self.ask()
        self.url = reverse("funders:grantee", args=[self.funder.slug, self.org.slug])

    def test_the_funder_reads_nothing_before_consent(self):
        self.answer(self.grantee, self.round, share=False)
        self.client.force_login(self.morgan)
        response = self.client.get(self.url)
        self.assertContains(response, "shares nothing with you now")
        self.assertNotContains(response, "Score:")

    def test_the_funder_reads_the_shared_summary(self):
        self.answer(self.grantee, self.round, value="yes", parts=["scores"])
        self.client.force_login(self.fund_trustee)
        response = self.client.get(self.url)
        self.assertContains(response, "Score: Access")
        self.assertContains(response, "GB-CHC-1234567")
        self.assertNotContains(response, "Channels in the register")  # not a part shared

    def test_nothing_after_withdrawal(self):
        self.answer(self.grantee, self.round)
        services.withdraw(self.org, self.funder, by=None)
        self.client.force_login(self.morgan)
        self.assertNotContains(self.client.get(self.url), "Score:")

    def test_another_funder_and_the_grantee_itself_get_404(self):
        self.answer(self.grantee, self.round)
        for person, slug in (
            (self.sam, self.other_funder.slug),
            (self.sam, self.funder.slug),
            (self.alice, self.funder.slug),
        ):
            self.client.force_login(person)
            self.assertEqual(
                self.client.get(reverse("funders:grantee", args=[slug, self.org.slug])).status_code,
                404,
            )
