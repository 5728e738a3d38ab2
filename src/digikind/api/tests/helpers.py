"""Tokens and a request helper for the API tests."""

from digikind.api import services
from digikind.test import BaseTestCase


class ApiTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.reader, self.read_secret = services.create_token(
            self.org, "Spreadsheet", "read", by=self.alice
        )
        self.writer, self.write_secret = services.create_token(
            self.org, "Planner", "write", by=self.alice
        )
        self.outsider, self.outsider_secret = services.create_token(
            self.other_org, "Charlie's tool", "write", by=self.charlie
        )

    def call(self, method, path, secret=None, **kwargs):
        secret = secret or self.read_secret
        return getattr(self.client, method)(
            f"/api{path}", HTTP_AUTHORIZATION=f"Bearer {secret}", **kwargs
        )
