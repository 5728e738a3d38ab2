"""A lead uploads policies on a small phone with JavaScript off: a scan gets the error
summary, a good file gets its report, they choose which check is in use and remove one.
axe-core checks the error state, the list, the progress page and the confirmation."""

import pytest

from digikind.policies.models import PolicyCheck
from tests.browser.conftest import axe_violations, sign_in
from tests.policycheck import samples

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}


WIDE = """() => [...document.querySelectorAll('main *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 1).slice(0, 3)
  .map(e => e.tagName + ': ' + (e.textContent || '').trim().slice(0, 40))"""


def fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide: {page.evaluate(WIDE)}"


def test_upload_choose_and_remove_a_policy(browser, live_server, demo, tmp_path):
    org = f"{live_server.url}/o/{demo.organisation.slug}"
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(samples.blank_pdf())
    policy = tmp_path / "policy.docx"
    policy.write_bytes(samples.docx())
    problems = {}

    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    sign_in(page, live_server.url, demo, demo.recovery_codes[5])
    page.goto(f"{org}/policy/")
    page.set_input_files("#id_policy_files", str(scan))
    page.click("button:has-text('Check my policy')")
    summary = page.locator(".govuk-error-summary")
    assert "We found no text in scan.pdf: it may be a scan" in summary.inner_text()
    assert summary.locator("a").get_attribute("href") == "#id_policy_files"
    assert "it may be a scan" in page.locator("#id_policy_files_error").inner_text()
    fits(page)

    page.set_input_files("#id_policy_files", str(policy))
    page.click("button:has-text('Check my policy')")
    assert "Policy check: Online Safety Policy" in page.locator("h1").inner_text()
    assert "In use" in page.content()
    fits(page)
    page.goto(f"{org}/gaps/")
    assert "Using: Online Safety Policy, uploaded" in page.locator("#policy-in-use").inner_text()

    newest = PolicyCheck.objects.filter(organisation=demo.organisation).first()
    page.goto(f"{org}/policy/{newest.pk}/remove/")
    assert "Remove this policy check?" in page.locator("h1").inner_text()
    fits(page)
    page.click("button:has-text('Yes, remove it')")
    assert not PolicyCheck.objects.filter(pk=newest.pk).exists()
    context.close()

    waiting = PolicyCheck.objects.create(organisation=demo.organisation, progress=0)
    failed = PolicyCheck.objects.create(
        organisation=demo.organisation, status="failed", error="We found no text in scan.pdf."
    )
    context = browser.new_context(bypass_csp=True, viewport=PHONE)
    page = context.new_page()
    sign_in(page, live_server.url, demo, demo.recovery_codes[6])
    page.goto(f"{org}/policy/")
    page.click("button:has-text('Check my policy')")  # nothing chosen: the error state
    problems["upload with errors"] = axe_violations(page)
    fits(page)
    for name, url in {
        "progress": waiting.get_absolute_url(),
        "failed": failed.get_absolute_url(),
        "remove": f"/o/{demo.organisation.slug}/policy/{failed.pk}/remove/",
    }.items():
        page.goto(live_server.url + url)
        problems[name] = axe_violations(page)
        fits(page)
    context.close()
    assert {name: found for name, found in problems.items() if found} == {}
