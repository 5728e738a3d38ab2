import tempfile
from pathlib import Path

from digikind.frameworks import services
from digikind.frameworks.files import check_file
from digikind.frameworks.tests.helpers import write_framework
from digikind.test import BaseTestCase


class FrameworkPagesTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        folder = Path(tempfile.mkdtemp())
        services.load_framework(check_file(write_framework(folder)))
        services.load_framework(
            check_file(
                write_framework(
                    folder, version=2, leader="Can you spot fake pages that look like yours?"
                )
            )
        )
        self.client.force_login(self.bob)

    def test_the_list_shows_the_latest_version(self):
        r = self.client.get("/frameworks/")
        self.assertContains(r, "A test set")
        self.assertContains(r, "Version 2 · 2 questions")

    def test_a_framework_is_grouped_by_domain_and_area(self):
        r = self.client.get("/frameworks/test-set/")
        html = r.content.decode()
        self.assertLess(html.index("Values and governance"), html.index("Safety and wellbeing"))
        self.assertContains(r, "Organisational")
        self.assertContains(r, "Can you spot fake pages that look like yours?")
        self.assertContains(r, "Fake pages can fool young people.")  # the hint
        self.assertContains(r, "I have seen a page that looked like ours")  # practice wording
        self.assertContains(r, "Ownership and control")  # the source
        self.assertContains(r, "Young person")
        self.assertContains(r, "version 1")  # link to the older version

    def test_an_old_version_stays_readable(self):
        r = self.client.get("/frameworks/test-set/v1/")
        self.assertContains(r, "Do you spot and deal with pages that look like yours but are not?")
        self.assertNotContains(r, "Can you spot fake pages")

    def test_the_printable_version_has_every_question_and_room_for_notes(self):
        r = self.client.get("/frameworks/test-set/print/")
        self.assertContains(r, "Can you spot fake pages that look like yours?")
        self.assertContains(r, "Is it clear who may set up an account in your name?")
        self.assertContains(r, "dk-print__notes", count=2)

    def test_unknown_frameworks_and_versions_are_404(self):
        self.assertEqual(self.client.get("/frameworks/nope/").status_code, 404)
        self.assertEqual(self.client.get("/frameworks/test-set/v9/").status_code, 404)

    def test_it_requires_sign_in(self):
        self.client.logout()
        r = self.client.get("/frameworks/")
        self.assertRedirects(r, "/accounts/login/?next=/frameworks/")
