"""Real Chromium, driven by Playwright, against a live Digikind with the demo loaded."""

import os
import shutil
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

# Playwright's sync API runs an event loop; Django's ORM must be allowed beside it in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "build" / "axe.min.js"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    assert executable, "Chromium is missing: `make test` installs Debian's chromium package."
    assert AXE_SCRIPT.exists(), "axe-core is missing: run `make setup` to build the assets."
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo(transactional_db):
    from digikind.demo.services import load_demo

    call_command("frameworks", "load", stdout=StringIO())
    with override_settings(DATA_DIR=tempfile.mkdtemp()):
        return load_demo(keep_credentials=False)


def sign_in(page, base_url, demo, code, *, email="", lands_on=""):
    """Sign in as the demo lead, or as another demo person (`email`) who shares the demo's
    password and authenticator, landing on `lands_on` (the demo organisation's home)."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_login", email or demo.email)
    page.fill("#id_password", demo.password)
    page.click("button:has-text('Sign in')")
    page.fill("#id_code", code)
    page.click("main button:has-text('Sign in')")
    expected = lands_on or f"/o/{demo.organisation.slug}"
    assert page.url.rstrip("/").endswith(expected.rstrip("/")), page.url


def axe_violations(page):
    """Run axe-core (served from our own build, never a CDN) on the page as it is now."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in result["violations"]
    ]
