"""The page young people open from the link: published text only, no account needed."""

from digikind.agreements import services
from digikind.agreements.tests.helpers import EASY
from digikind.test import BaseTestCase


class AgreementSharedTestCase(BaseTestCase):
    def test_it_shows_only_the_published_text_to_anyone_with_the_link(self):
        agreement = services.publish(self.org, EASY, seen_version=0, by=self.alice)
        services.save_texts(
            self.org, {**EASY, "records": "A draft idea."}, seen_version=1, by=self.alice
        )
        r = self.client.get(agreement.share_url())
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, '<html lang="en-gb"')
        self.assertContains(r, "<h1", count=1)
        self.assertContains(r, "Alice&#x27;s Youth Club")
        self.assertContains(r, "Only a few of us can see it.")
        self.assertNotContains(r, "A draft idea.")
        self.assertNotContains(r, "<script")
        self.assertContains(r, 'href="tel:999"')

    def test_a_draft_is_not_shared(self):
        agreement = services.save_texts(self.org, EASY, seen_version=0, by=self.alice)
        self.assertEqual(self.client.get(agreement.share_url()).status_code, 404)

    def test_an_unknown_link_is_not_found(self):
        self.assertEqual(self.client.get("/agreement/not-a-real-token/").status_code, 404)

    def test_each_organisation_has_its_own_link(self):
        mine = services.publish(self.org, EASY, seen_version=0, by=self.alice)
        theirs = services.publish(
            self.other_org, {**EASY, "records": "Theirs."}, seen_version=0, by=self.charlie
        )
        self.assertNotEqual(mine.share_token, theirs.share_token)
        self.assertNotContains(self.client.get(mine.share_url()), "Theirs.")
