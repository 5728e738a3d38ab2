"""The agreement and the register never disagree without the lead being told: a channel added
to the register after the text was saved is named, with what to do."""

import html
import re

from digikind.agreements import services
from digikind.agreements.draft import build_draft
from digikind.agreements.tests.helpers import add_channel
from digikind.test import BaseTestCase


def words(response) -> str:
    """The page's words, tags taken out (inline ones such as a link leave no gap)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", response.content.decode())).split())


class RegisterCheckTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.alice)
        add_channel(
            self.org, platform="whatsapp", account_name="Club group", purpose="service_delivery"
        )
        add_channel(self.org, platform="instagram", account_name="@club", purpose="promotion")
        add_channel(self.org, platform="zoom", account_name="Club Zoom", purpose="service_delivery")
        add_channel(self.org, platform="slack", account_name="Staff chat", purpose="internal")
        services.save_texts(self.org, build_draft(self.org).texts, seen_version=0, by=self.alice)
        self.edit = f"/o/{self.org.slug}/agreement/edit/"
        self.detail = f"/o/{self.org.slug}/agreement/"

    def test_a_saved_text_that_names_every_channel_gives_no_warning(self):
        text = words(self.client.get(self.edit))
        self.assertIn("3 apps or accounts for young people in your register", text)
        self.assertNotIn("the agreement does not name", text)

    def test_a_channel_added_later_is_named_with_the_same_count_everywhere(self):
        add_channel(self.org, platform="tiktok", account_name="@clubclips", purpose="promotion")
        warning = (
            "Your register has 4 apps or accounts for young people, but the agreement does not "
            "name TikTok (@clubclips). Add it to “The apps we use, and why”, or start again "
            "from the register."
        )
        edit = words(self.client.get(self.edit))
        self.assertIn(warning, edit)
        self.assertIn("4 apps or accounts for young people in your register", edit)
        self.assertIn(warning, words(self.client.get(self.detail)))
        # Staff read the agreement, not the lead's to-do.
        self.client.force_login(self.bob)
        self.assertNotIn("does not name", words(self.client.get(self.detail)))
