"""The privacy page says what Digikind keeps from an uploaded policy, and for how long."""

from digikind.test import BaseTestCase


class PrivacyNoteTestCase(BaseTestCase):
    def test_it_says_the_file_is_deleted_once_read_and_what_is_kept(self):
        r = self.client.get("/privacy/")
        self.assertContains(r, "Policy files you upload")
        self.assertContains(r, "Digikind reads the file and then deletes it")
        self.assertContains(r, "These stay until a lead removes the check.")
