"""Nobody can reach another organisation's data through any URL.

Every named URL pattern in Digikind is tried by the lead of one organisation
against the demo organisation, which every app fills with its demo data. New
URLs are covered automatically: name an object's URL argument `<model>_id`
and give the demo organisation one such object.
"""

import re
import tempfile
from io import StringIO

from django.core.management import call_command
from django.test import override_settings

from digikind.demo.services import load_demo
from digikind.test import BaseTestCase
from tests.url_patterns import build_url, named_patterns, object_ids_for, owned_models

ALLOWED = (403, 404, 405)


class OrgIsolationTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        call_command("frameworks", "load", stdout=StringIO())
        with override_settings(DATA_DIR=tempfile.mkdtemp()):
            self.victim = load_demo(keep_credentials=False).organisation
        self.markers = [self.victim.name, "demo.digikind.test"]
        self.patterns = list(named_patterns())
        self.victim_ids = object_ids_for(self.victim, self.patterns)
        self.client.force_login(self.alice)  # a lead of a different organisation

    def assert_no_leak(self, response, url):
        body = response.content.decode(errors="replace")
        for marker in self.markers:
            self.assertNotIn(marker, body, f"{url} shows another organisation's data")

    def test_every_url_refuses_another_organisations_data(self):
        checked = 0
        for name, pattern in self.patterns:
            kwargs = pattern.pattern.regex.groupindex
            if "org_slug" in kwargs:
                slugs = [self.victim.slug]
                if len(kwargs) > 1:  # also: my organisation's address, their object
                    slugs.append(self.org.slug)
                for slug in slugs:
                    url = build_url(name, pattern, slug, self.victim_ids)
                    for method in (self.client.get, self.client.post):
                        r = method(url)
                        self.assertIn(r.status_code, ALLOWED, f"{method.__name__.upper()} {url}")
                        self.assert_no_leak(r, url)
                        checked += 1
            else:
                url = build_url(name, pattern, self.org.slug, self.victim_ids)
                self.assertIsNotNone(url, f"Cannot build a URL for {name}")
                r = self.client.get(url)
                self.assert_no_leak(r, url)
                if name.startswith("admin:"):
                    self.assertNotEqual(r.status_code, 200, f"{url} is open to a non-superuser")
                checked += 1
        self.assertGreater(checked, 50)

    def test_object_urls_name_their_model(self):
        models = owned_models()
        for name, pattern in self.patterns:
            if name.startswith("admin:"):
                continue
            for kwarg in pattern.pattern.regex.groupindex:
                if re.search(r"(^|_)(id|pk)$", kwarg):
                    self.assertIn(kwarg.removesuffix("_id"), models, f"{name}: {kwarg}")
