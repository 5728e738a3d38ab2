"""The API's schema and its browsable docs, served from Digikind itself: no CDN, and the
page's assets load under Digikind's Content Security Policy."""

import re

from django.contrib.staticfiles import finders
from django.test import TestCase


class ApiDocsTestCase(TestCase):
    def test_the_schema(self):
        r = self.client.get("/api/openapi.json")
        self.assertEqual(r.status_code, 200)
        schema = r.json()
        self.assertEqual(schema["info"]["title"], "Digikind API")
        for path in (
            "/api/reviews",
            "/api/policy-checks",
            "/api/channels",
            "/api/gaps",
            "/api/actions/{action_id}",
            "/api/agreement",
        ):
            self.assertIn(path, schema["paths"])

    def test_docs_use_only_local_assets(self):
        r = self.client.get("/api/docs")
        self.assertEqual(r.status_code, 200)
        page = r.content.decode()
        sources = re.findall(r'(?:src|href)="([^"]+)"', page)
        self.assertTrue(sources)
        for source in sources:
            self.assertTrue(source.startswith("/static/"), source)
            self.assertIsNotNone(finders.find(source.removeprefix("/static/")), source)
        self.assertNotIn("cdn", page.lower())
        # Nothing inline that the policy would block: only a JSON data block.
        for attrs, _body in re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S):
            self.assertTrue("src=" in attrs or 'type="application/json"' in attrs, attrs)
        self.assertNotIn("<style", page)
        csp = r["Content-Security-Policy"]
        self.assertIn("script-src 'self'", csp)
        self.assertIn("connect-src 'self'", csp)
