"""Every page, signed in as the demo lead and signed out: it renders, axe-core finds
no accessibility problem, and it works with JavaScript turned off."""

import pytest
from django.urls import reverse

from digikind.accounts.two_factor import current_code
from digikind.frameworks.models import Framework
from digikind.orgs import services
from tests.browser.conftest import axe_violations, sign_in
from tests.url_patterns import build_url, library_values, named_patterns, object_ids_for

pytestmark = pytest.mark.browser

# Pages that are not for a signed-in person, checked separately when signed out.
SIGNED_OUT_PAGES = [
    "/accounts/login/",
    "/accounts/password/reset/",
    "/accounts/signup/",
    "/accessibility/",
    "/privacy/",
    "/no-such-page/",
]


def pages_for(organisation):
    patterns = [(n, p) for n, p in named_patterns() if not n.startswith("admin:")]
    known = {**object_ids_for(organisation, patterns), **library_values()}
    pages = {build_url(name, pattern, organisation.slug, known) for name, pattern in patterns}
    # Every question set, not just the first: they are the longest pages.
    for framework in Framework.objects.all():
        pages |= {framework.get_absolute_url(), reverse("frameworks:print", args=[framework.slug])}
    return sorted(pages)


def visit(page, url):
    if url.endswith((".csv", ".json")):  # a download, not a page: check it answers
        download = page.request.get(url)
        # A funder's export, asked for by a youth organisation, is refused in plain words
        # (tests/browser/test_funders_pages.py checks the funder's own).
        refused = download.status == 403 and "This page is for funders." in download.text()
        assert download.status == 200 or refused, f"{url} gave {download.status}"
        return download
    response = page.goto(url)
    assert response is not None, url
    assert response.status < 500, f"{url} gave {response.status}"
    return response


def test_every_page_has_no_accessibility_violations(browser, live_server, demo):
    context = browser.new_context(bypass_csp=True)  # lets axe-core's script run under our CSP
    page = context.new_page()
    problems = {}
    for path in SIGNED_OUT_PAGES:
        visit(page, live_server.url + path)
        problems[path] = axe_violations(page)
    _invitation, token = services.invite_member(
        demo.organisation, "new@example.org", "staff", invited_by=None
    )
    visit(page, f"{live_server.url}/invitations/{token}/")
    problems["invitation"] = axe_violations(page)
    page.click("button:has-text('Make account and join')")  # empty form: the error state
    problems["invitation with errors"] = axe_violations(page)

    sign_in(page, live_server.url, demo, current_code(demo.totp_secret))
    visited = 0
    for path in pages_for(demo.organisation):
        response = visit(page, live_server.url + path)
        if "text/html" in response.headers.get("content-type", "") and response.status != 405:
            problems[path] = axe_violations(page)
            visited += 1
    page.goto(f"{live_server.url}/o/{demo.organisation.slug}/members/invite/")
    page.click("button:has-text('Send invitation')")
    problems["invite with errors"] = axe_violations(page)
    context.close()

    assert visited >= 10
    assert {path: found for path, found in problems.items() if found} == {}


def test_every_page_works_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    # A recovery code, since the same authenticator code cannot be used twice.
    sign_in(page, live_server.url, demo, demo.recovery_codes[0])
    for path in pages_for(demo.organisation):
        response = visit(page, live_server.url + path)
        if "text/html" in response.headers.get("content-type", "") and response.status == 200:
            assert page.locator("h1").count() == 1, f"{path} has no single main heading"

    # A form submits and the result shows, with no script at all.
    page.goto(f"{live_server.url}/o/{demo.organisation.slug}/members/invite/")
    page.fill("#id_email", "nojs@example.org")
    page.check("#id_role_2")
    page.click("button:has-text('Send invitation')")
    assert "Invitation sent to nojs@example.org" in page.content()
    assert page.locator("text=nojs@example.org").count() >= 1
    context.close()
