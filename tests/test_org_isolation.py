"""Nobody can reach another organisation's data through any URL.

Every named URL pattern in Digikind is tried by the lead of one organisation
against the demo organisation, which every app fills with its demo data. New
URLs are covered automatically: name an object's URL argument `<model>_id`
and give the demo organisation one such object.
"""

import re

from django.apps import apps
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch

from digikind.demo.services import load_demo
from digikind.test import BaseTestCase

ALLOWED = (403, 404, 405)


def named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            yield from named_patterns(entry, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def owned_models():
    return {
        m._meta.model_name: m
        for m in apps.get_models()
        if any(f.name == "organisation" for f in m._meta.fields)
    }


class OrgIsolationTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        import tempfile

        with override_settings(DATA_DIR=tempfile.mkdtemp()):
            self.victim = load_demo(keep_credentials=False).organisation
        self.markers = [self.victim.name, "demo.digikind.test"]
        self.models = owned_models()
        self.client.force_login(self.alice)  # a lead of a different organisation

    def victim_object_id(self, kwarg):
        model = self.models.get(kwarg.removesuffix("_id"))
        self.assertIsNotNone(model, f"URL argument {kwarg!r} names no organisation-owned model")
        obj = model.objects.filter(organisation=self.victim).first()
        self.assertIsNotNone(obj, f"The demo organisation has no {model.__name__}: add one to the demo")
        return obj.pk

    def url_for(self, name, pattern, org_slug):
        kwargs = {}
        for kwarg in pattern.pattern.regex.groupindex:
            if kwarg == "org_slug":
                kwargs[kwarg] = org_slug
            elif kwarg.endswith("_id") and kwarg.removesuffix("_id") in self.models:
                kwargs[kwarg] = self.victim_object_id(kwarg)
            else:
                kwargs[kwarg] = None
        guesses = ["1", "abc", "abc-1", "x/1", *(a.label for a in apps.get_app_configs())]
        for guess in guesses:
            filled = {k: (guess if v is None else v) for k, v in kwargs.items()}
            try:
                return reverse(name, kwargs=filled)
            except NoReverseMatch:
                continue
        self.fail(f"Cannot build a URL for {name}")

    def assert_no_leak(self, response, url):
        body = response.content.decode(errors="replace")
        for marker in self.markers:
            self.assertNotIn(marker, body, f"{url} shows another organisation's data")

    def test_every_url_refuses_another_organisations_data(self):
        checked = 0
        for name, pattern in named_patterns():
            kwargs = pattern.pattern.regex.groupindex
            if "org_slug" in kwargs:
                slugs = [self.victim.slug]
                if len(kwargs) > 1:  # also: my organisation, someone else's object
                    slugs.append(self.org.slug)
                for slug in slugs:
                    url = self.url_for(name, pattern, slug)
                    for method in (self.client.get, self.client.post):
                        r = method(url)
                        self.assertIn(r.status_code, ALLOWED, f"{method.__name__.upper()} {url}")
                        self.assert_no_leak(r, url)
                        checked += 1
            else:
                url = self.url_for(name, pattern, self.org.slug)
                r = self.client.get(url)
                self.assert_no_leak(r, url)
                if name.startswith("admin:"):
                    self.assertNotEqual(r.status_code, 200, f"{url} is open to a non-superuser")
                checked += 1
        self.assertGreater(checked, 50)

    def test_object_urls_name_their_model(self):
        for name, pattern in named_patterns():
            if name.startswith(("admin:",)):
                continue
            for kwarg in pattern.pattern.regex.groupindex:
                if re.search(r"(^|_)(id|pk)$", kwarg):
                    self.assertIn(kwarg.removesuffix("_id"), self.models, f"{name}: {kwarg}")
