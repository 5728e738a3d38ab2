"""The API's schema and its browsable docs, served from Digikind itself: no CDN, and the
page's assets load under Digikind's Content Security Policy. The docs are a plain page made
from the schema, so they read without JavaScript."""

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
        # What the browser loads (scripts, pictures, style sheets), not the links a person follows.
        sources = re.findall(r'src="([^"]+)"', page) + re.findall(r'<link[^>]*href="([^"]+)"', page)
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

    def test_docs_list_every_operation_with_its_parameters_and_answers(self):
        r = self.client.get("/api/docs")
        schema = self.client.get("/api/openapi.json").json()
        for path, methods in schema["paths"].items():
            for method in methods:
                self.assertContains(r, f"<code>{method.upper()} {path}</code>", count=2)
        self.assertContains(r, "<code>action_id</code>", html=True)
        self.assertContains(r, "Send the `version` you read")
        self.assertContains(r, "Send: <code>application/json</code>")
        self.assertContains(r, '<caption class="govuk-table__caption govuk-table__caption--s">'
                               "ActionStatusIn</caption>", html=True)  # fmt: skip
        self.assertContains(r, "one of “to_do”, “doing”, “done”")
        self.assertContains(r, "120 requests a minute")
        self.assertContains(r, 'href="/api/openapi.json"')
