from digikind.test import BaseTestCase, make_person


class NavigationTestCase(BaseTestCase):
    def nav(self, user):
        self.client.force_login(user)
        return self.client.get(f"/o/{self.org.slug}/").content.decode()

    def test_each_role_sees_its_sections(self):
        lead = self.nav(self.alice)
        for label in ("Records", "Reviews", "Channels", "Policy check", "People"):
            self.assertIn(f">{label}</a>", lead)
        staff = self.nav(self.bob)
        self.assertIn(">Records</a>", staff)
        self.assertNotIn(">People</a>", staff)
        self.assertNotIn(">Reviews</a>", staff)
        trustee = self.nav(make_person("tina@example.org", self.org, "trustee"))
        self.assertIn(">Reviews</a>", trustee)
        self.assertIn(">Channels</a>", trustee)
        self.assertNotIn(">Records</a>", trustee)

    def test_the_current_section_is_marked(self):
        self.client.force_login(self.alice)
        page = self.client.get(f"/o/{self.org.slug}/members/").content.decode()
        self.assertIn('href="/o/alices-youth-club/members/" aria-current="page">People', page)
