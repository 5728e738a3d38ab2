from digikind.reviews import services
from digikind.reviews.models import ReviewCycle, ReviewLink
from digikind.reviews.tests.helpers import load_test_framework, start
from digikind.reviews.tests.test_scoring import answer
from digikind.test import BaseTestCase, assert_svg_image


class LeadPagesTestCase(BaseTestCase):
    def test_a_lead_starts_a_review_and_gets_a_link_per_role(self):
        version = load_test_framework()
        self.client.force_login(self.alice)
        url = f"/o/{self.org.slug}/reviews/new/"
        self.assertContains(self.client.get(url), "Review test set")
        r = self.client.post(
            url,
            {
                "name": "Summer",
                "framework_versions": [version.pk],
                "roles": ["staff", "young_person"],
                "closes_on": "2099-06-30",
            },
        )
        cycle = ReviewCycle.objects.get()
        self.assertRedirects(r, f"/o/{self.org.slug}/reviews/{cycle.pk}/")
        self.assertEqual(
            sorted(cycle.links.values_list("role", flat=True)), ["staff", "young_person"]
        )
        page = self.client.get(r.url)
        self.assertContains(page, cycle.links.first().token)
        self.assertContains(page, "qr.svg")

    def test_the_form_explains_mistakes(self):
        load_test_framework()
        self.client.force_login(self.alice)
        r = self.client.post(
            f"/o/{self.org.slug}/reviews/new/", {"name": "", "closes_on": "2001-01-01"}
        )
        self.assertContains(r, "Give the review a name")
        self.assertContains(r, "Choose at least one group")

    def test_while_open_only_counts_are_shown(self):
        cycle = start(self.org)
        for _ in range(5):
            answer(cycle, "staff", ["often", "agree"], comment="secret comment")
        self.client.force_login(self.alice)
        r = self.client.get(cycle.get_absolute_url())
        self.assertContains(r, "5 sent")
        self.assertNotContains(r, "secret comment")
        r = self.client.get(f"/o/{self.org.slug}/reviews/{cycle.pk}/results/")
        self.assertRedirects(r, cycle.get_absolute_url())

    def test_closing_shows_results_with_chart_table_and_method(self):
        cycle = start(self.org)
        for _ in range(5):
            answer(cycle, "staff", ["often", "agree"], comment="Phones are a worry.")
        self.client.force_login(self.alice)
        r = self.client.post(f"/o/{self.org.slug}/reviews/{cycle.pk}/close/", follow=True)
        self.assertContains(r, "Results: Summer review")
        self.assertContains(r, "<svg")
        self.assertContains(r, "How we work out the scores")
        self.assertContains(r, "Phones are a worry.")

    def test_a_revoked_link_and_the_note(self):
        cycle = start(self.org)
        link = cycle.links.get(role="staff")
        self.client.force_login(self.alice)
        self.client.post(f"/o/{self.org.slug}/reviews/{cycle.pk}/links/{link.pk}/revoke/")
        link.refresh_from_db()
        self.assertIsNotNone(link.revoked_at)
        self.client.post(
            f"/o/{self.org.slug}/reviews/{cycle.pk}/note/", {"you_said_we_did": "We heard you."}
        )
        young = cycle.links.get(role="young_person")
        self.assertContains(self.client.get(f"/r/{young.token}/"), "We heard you.")

    def test_a_link_per_person(self):
        cycle = start(self.org)
        self.client.force_login(self.alice)
        self.client.post(
            f"/o/{self.org.slug}/reviews/{cycle.pk}/links/",
            {"role": "staff", "label": "Youth team"},
        )
        self.assertTrue(ReviewLink.objects.filter(cycle=cycle, label="Youth team").exists())

    def test_the_qr_code_is_svg(self):
        cycle = start(self.org)
        link = cycle.links.first()
        self.client.force_login(self.alice)
        r = self.client.get(f"/o/{self.org.slug}/reviews/{cycle.pk}/links/{link.pk}/qr.svg")
        self.assertEqual(r["Content-Type"], "image/svg+xml")
        assert_svg_image(r.content)

    def test_staff_cannot_see_review_admin(self):
        cycle = start(self.org)
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(cycle.get_absolute_url()).status_code, 403)

    def test_it_validates_ownership(self):
        theirs = start(self.other_org)
        self.client.force_login(self.alice)
        self.assertEqual(
            self.client.get(f"/o/{self.org.slug}/reviews/{theirs.pk}/").status_code, 404
        )
        services.close_cycle(theirs)
        self.assertEqual(
            self.client.get(f"/o/{self.org.slug}/reviews/{theirs.pk}/results/").status_code, 404
        )

    def test_several_groups_can_be_chosen(self):
        load_test_framework()
        self.client.force_login(self.alice)
        r = self.client.get(f"/o/{self.org.slug}/reviews/new/")
        self.assertContains(r, 'name="roles" type="checkbox"')
