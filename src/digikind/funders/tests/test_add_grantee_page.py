from django.urls import reverse

from digikind.funders import services
from digikind.funders.models import Grantee
from digikind.funders.tests.helpers import FunderTestCase
from digikind.test import read_page


class AddGranteePageTests(FunderTestCase):
    def setUp(self):
        super().setUp()
        self.url = reverse("funders:add_grantee", args=[self.funder.slug])
        self.code = services.grantee_code(self.org).code
        self.client.force_login(self.morgan)

    def test_it_says_where_the_group_finds_its_code(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Add a group that already uses Digikind")
        self.assertContains(response, "The group's lead finds it on their Funders page")
        self.assertContains(response, "It looks like ABCD-EFGH-JKLM.")

    def test_the_code_adds_the_group_with_its_details_as_typed(self):
        typed = f"  {self.code.lower()} "  # read out on the phone, typed in small letters
        data = {"code": typed, "region": "North East", "programme": "Small grants 2026"}
        response = self.client.post(self.url, data, follow=True)
        self.assertRedirects(response, reverse("funders:portfolio", args=[self.funder.slug]))
        self.assertContains(response, "Alice&#x27;s Youth Club is now in your portfolio.")
        grantee = Grantee.objects.for_org(self.funder).get()
        self.assertEqual(grantee.grantee, self.org)
        self.assertEqual((grantee.region, grantee.programme), ("North East", "Small grants 2026"))
        self.assertContains(response, 'data-label="Region">North East</td>')
        self.assertContains(response, "Not asked")

    def test_a_wrong_code_says_what_to_check_and_keeps_what_was_typed(self):
        response = self.client.post(self.url, {"code": "ABCD-EFGH-JKLM", "region": "North East"})
        page = read_page(response.content)
        message = "We cannot find that code. Check it with the group: it looks like ABCD-EFGH-JKLM."
        self.assertEqual(page.summary, [(message, "#id_code")])
        self.assertEqual(page.field_errors, [message])
        self.assertEqual(page.controls["id_code"]["value"], "ABCD-EFGH-JKLM")
        self.assertEqual(page.controls["id_region"]["value"], "North East")
        self.assertContains(response, "<title>Error: ")
        self.assertFalse(Grantee.objects.exists())

    def test_an_empty_code_asks_for_it(self):
        page = read_page(self.client.post(self.url, {}).content)
        self.assertEqual(page.summary, [("Enter the group's code", "#id_code")])

    def test_a_funders_code_is_refused(self):
        code = services.grantee_code(self.other_funder).code
        page = read_page(self.client.post(self.url, {"code": code}).content)
        self.assertEqual(
            page.field_errors, ["That code belongs to a funder. Ask the group for its own code."]
        )
        self.assertFalse(Grantee.objects.exists())

    def test_a_group_already_in_the_portfolio_is_not_added_twice(self):
        self.add(self.org)
        page = read_page(self.client.post(self.url, {"code": self.code}).content)
        self.assertEqual(page.field_errors, ["Alice's Youth Club is already in your portfolio."])
        self.assertEqual(Grantee.objects.count(), 1)

    def test_another_funder_can_add_the_same_group_with_the_same_code(self):
        self.add(self.org)
        self.client.force_login(self.sam)
        url = reverse("funders:add_grantee", args=[self.other_funder.slug])
        self.client.post(url, {"code": self.code})
        self.assertTrue(Grantee.objects.for_org(self.other_funder).filter(grantee=self.org))

    def test_a_trustee_of_the_funder_cannot_add(self):
        self.client.force_login(self.fund_trustee)
        self.assertEqual(self.client.post(self.url, {"code": self.code}).status_code, 403)
        self.assertFalse(Grantee.objects.exists())
