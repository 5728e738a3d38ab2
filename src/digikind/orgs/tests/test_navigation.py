import re

from digikind.test import BaseTestCase, make_person


def top_line(page):
    nav = page.split('class="govuk-service-navigation"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'class="govuk-service-navigation__link"[^>]*>([^<]+)</a>', nav)


def second_line(page):
    if 'class="dk-subnav"' not in page:
        return []
    nav = page.split('class="dk-subnav"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r">([^<]+)</a>", nav)


class NavigationTestCase(BaseTestCase):
    def page(self, user, path=""):
        self.client.force_login(user)
        return self.client.get(f"/o/{self.org.slug}/{path}").content.decode()

    def test_a_lead_has_five_groups_on_one_line(self):
        self.assertEqual(
            top_line(self.page(self.alice)), ["Home", "Records", "Check", "Plan", "People"]
        )
        self.assertEqual(second_line(self.page(self.alice)), [])

    def test_inside_a_group_its_pages_are_on_a_second_line(self):
        page = self.page(self.alice, "reviews/")
        self.assertEqual(second_line(page), ["Reviews", "Policy check", "Channels"])
        self.assertIn('href="/o/alices-youth-club/reviews/" aria-current="page">Reviews', page)
        self.assertIn("govuk-service-navigation__item--active", page.split(">Check<")[0][-200:])
        plan = self.page(self.alice, "actions/")
        self.assertEqual(
            second_line(plan), ["Gaps", "Actions", "Board report", "Agreement", "Funders"]
        )

    def test_staff_see_only_their_sections_by_name(self):
        # A group with one page a person can see shows that page under its own name.
        self.assertEqual(top_line(self.page(self.bob)), ["Home", "Records", "Agreement"])

    def test_a_trustee_sees_check_and_plan_but_no_records(self):
        trustee = make_person("tina@example.org", self.org, "trustee")
        self.assertEqual(top_line(self.page(trustee)), ["Home", "Check", "Plan"])
        self.assertEqual(second_line(self.page(trustee, "channels/")), ["Reviews", "Channels"])

    def test_the_current_section_is_marked(self):
        page = self.page(self.alice, "members/")
        self.assertIn('href="/o/alices-youth-club/members/" aria-current="page">People', page)
