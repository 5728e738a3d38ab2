from digikind.policies import services
from digikind.policies.models import PolicyCheck
from digikind.test import BaseTestCase

WEAK = b"Social media\n\nStaff must not contact young people by text, email or any social media under any circumstances."
BETTER = (
    b"Social media\n\nStaff must only contact young people through the club WhatsApp group. "
    b"Concerns must be reported to the DSL the same day."
)


class PolicyCheckDetailTestCase(BaseTestCase):
    def run_check(self, organisation, data, name="policy.txt"):
        with self.captureOnCommitCallbacks(execute=True):
            return services.start_policy_check(
                organisation, [services.Upload(name, data)], created_by=None
            )

    def test_it_compares_with_the_last_check(self):
        self.run_check(self.org, WEAK)
        newer = self.run_check(self.org, BETTER)
        newer.refresh_from_db()
        self.client.force_login(self.alice)
        r = self.client.get(newer.get_absolute_url())
        self.assertContains(r, "Since your last check")
        self.assertContains(r, "Better: Approved channels is now covered")
        self.assertContains(r, "Better: no longer overly restrictive")

    def test_a_running_check_shows_progress(self):
        check = PolicyCheck.objects.create(organisation=self.org, status="running", progress=40)
        self.client.force_login(self.alice)
        r = self.client.get(check.get_absolute_url())
        self.assertContains(r, "Reading your policy")
        self.assertContains(r, "Reading the policy: 40%")
        self.assertContains(r, 'value="40"')

    def test_trustees_can_read_it(self):
        from digikind.test import make_person

        trustee = make_person("tina@example.org", self.org, "trustee")
        check = self.run_check(self.org, BETTER)
        self.client.force_login(trustee)
        self.assertEqual(self.client.get(check.get_absolute_url()).status_code, 200)

    def test_staff_cannot(self):
        check = self.run_check(self.org, BETTER)
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(check.get_absolute_url()).status_code, 403)

    def test_it_validates_ownership(self):
        theirs = self.run_check(self.other_org, BETTER)
        self.client.force_login(self.alice)
        self.assertEqual(
            self.client.get(f"/o/{self.org.slug}/policy/{theirs.pk}/").status_code, 404
        )
