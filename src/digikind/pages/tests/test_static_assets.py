"""The stylesheet and script are sent compressed to browsers that accept it (on the embedded
server too), and the trimmed GOV.UK Frontend still styles every class a template uses."""

import re
from pathlib import Path

from django.conf import settings
from django.test import TestCase

BUILT = Path(settings.STATICFILES_DIRS[0]) / "digikind"
# The whole of GOV.UK Frontend's stylesheet, as its package ships it.
WHOLE = (
    Path(settings.CHECKOUT_DIR) / "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css"
)


def classes_in(css: str) -> set[str]:
    return {name.replace("\\", "") for name in re.findall(r"\.(govuk-[\w\\!-]+)", css)}


def template_classes() -> set[str]:
    found: set[str] = set()
    for template in Path(settings.PACKAGE_DIR).rglob("templates/**/*.html"):
        for value in re.findall(r'class="([^"]*)"', template.read_text()):
            found.update(
                name
                for name in value.split()
                if name.startswith("govuk-") and "{" not in name and "}" not in name
            )
    return found


class StaticAssetsTestCase(TestCase):
    def test_the_stylesheet_is_sent_as_brotli_or_gzip_as_the_browser_accepts(self):
        plain = self.client.get("/static/digikind/digikind.css")
        plain_size = len(b"".join(plain.streaming_content))
        for accepted, sent in (("br, gzip", "br"), ("gzip", "gzip")):
            with self.subTest(accepted):
                response = self.client.get(
                    "/static/digikind/digikind.css", HTTP_ACCEPT_ENCODING=accepted
                )
                self.assertEqual(response["Content-Encoding"], sent)
                self.assertIn("Accept-Encoding", response["Vary"])
                size = len(b"".join(response.streaming_content))
                self.assertLess(size, plain_size / 5)

    def test_the_script_is_sent_compressed(self):
        response = self.client.get("/static/digikind/digikind.js", HTTP_ACCEPT_ENCODING="br")
        self.assertEqual(response["Content-Encoding"], "br")

    def test_pages_are_sent_gzipped(self):
        response = self.client.get("/accounts/login/", HTTP_ACCEPT_ENCODING="gzip")
        self.assertEqual(response["Content-Encoding"], "gzip")

    def test_every_govuk_class_a_template_uses_is_styled_as_the_whole_set_styles_it(self):
        ours = classes_in((BUILT / "digikind.css").read_text())
        styled = template_classes() & classes_in(WHOLE.read_text())
        self.assertGreater(len(styled), 40)
        self.assertEqual(sorted(styled - ours), [])

    def test_only_the_policy_check_page_loads_htmx(self):
        page = self.client.get("/accounts/login/").content.decode()
        self.assertNotIn("htmx", page)
        self.assertIn("digikind/digikind.js", page)
