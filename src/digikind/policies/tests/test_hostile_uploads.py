"""A few files from each family of the hostile corpus, through the real upload form: each
gets the result page or a plain message on the form, and nothing is left on disk."""

import time

from digikind.policies.models import PolicyCheck
from digikind.policies.tests.helpers import PolicyTestCase
from tests.policycheck import hostile


class HostileUploadsTestCase(PolicyTestCase):
    def test_each_family_gets_a_result_or_a_plain_message(self):
        for family in hostile.FAMILIES:
            for name, data in list(family())[:2]:
                with self.subTest(f"{family.__name__}/{name}"):
                    r = self.upload((name, data))
                    if r.status_code == 302:  # read, or failed in the background (big files)
                        page = self.client.get(r.url).content.decode()
                        if "We could not check this policy" in page:
                            self.assertIn('class="govuk-error-summary"', page)
                        else:
                            self.assertIn("Policy check: ", page)
                    else:
                        page = r.content.decode()
                        self.assertIn("There is a problem", page)
                        self.assertIn('href="#id_policy_files"', page)
                        self.assertIn('class="govuk-error-message"', page)
                    self.assertNotIn("Traceback", page)
                    self.assertNotIn("Exception", page)
        self.assertEqual(self.stored_files(), [])

    def test_a_19_mb_text_file_is_cut_before_the_work(self):
        sentence = b"Staff must report any online concern to the safeguarding lead. "
        started = time.process_time()
        with self.in_the_background():
            r = self.upload(("big.txt", sentence * (19 * 1024 * 1024 // len(sentence))))
        check = PolicyCheck.objects.get()
        self.assertRedirects(r, check.get_absolute_url())
        self.assertEqual(check.status, "done")
        self.assertIn(
            "big.txt is very long; we checked the first 400,000 characters.",
            check.report["notes"],
        )
        self.assertLess(time.process_time() - started, 9)  # was 11.6 s for the check alone
        self.assertEqual(self.stored_files(), [])
