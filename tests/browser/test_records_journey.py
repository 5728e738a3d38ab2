"""A lead on a 360-pixel phone with JavaScript off records a concern, filters the list of
records, reads the concern, and looks at how long records are kept; axe-core checks each
page, and no page is wider than the screen."""

import pytest

from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_lead_records_filters_and_reads_on_a_phone(browser, live_server, demo):
    base = f"{live_server.url}/o/{demo.organisation.slug}/records/"
    problems: dict[str, list[str]] = {}
    too_wide = []
    checker = browser.new_context(bypass_csp=True, viewport=PHONE)
    check_page = checker.new_page()
    sign_in(check_page, live_server.url, demo, demo.recovery_codes[3])

    def check(name):
        check_page.goto(page.url)
        problems[name] = axe_violations(check_page)
        if not fits(check_page):
            too_wide.append(name)

    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    sign_in(page, live_server.url, demo, demo.recovery_codes[4])

    page.goto(base + "new/concern/")
    check("new concern")
    assert page.locator("#id_person option").first.inner_text() == "Choose a person"
    assert "Jamie (demo) (YP-" in page.locator("#id_person").inner_text()
    page.click("button:has-text('Save')")  # nothing filled in: the error state
    assert "Describe what happened, in a few words" in page.content()
    page.select_option("#id_person", label=page.locator("#id_person option").nth(1).inner_text())
    page.check("input[name=risk_type][value=conduct]")
    page.fill("#id_description", "Zoë's group chat: <b>unkind</b> messages")
    page.check("input[name=escalated_to][value=safeguarding_lead]")
    page.check("input[name=escalated_to][value=police]")
    page.click("button:has-text('Save')")
    assert "Saved as record" in page.content()
    assert page.locator("dd:has-text('Zoë')").inner_text() == (
        "Zoë's group chat: <b>unkind</b> messages"
    )
    assert page.locator("dd:has-text('Police')").inner_text() == "Safeguarding lead and Police"
    check("concern")

    page.goto(base + "all/")
    page.select_option("#id_status", label="Open concerns")
    page.click("button:has-text('Show records')")
    assert "2 records" in page.content()
    assert "status=concern%3Aopen" in page.url
    check("filtered list")
    page.fill("#id_written_from", "2026-12-10")
    page.fill("#id_written_to", "2026-12-01")
    page.click("button:has-text('Show records')")
    assert "The second date is before the first" in page.content()
    check("list with errors")

    page.goto(base + "keeping/")
    assert "Digital contact" in page.content()
    check("retention")
    page.goto(base + "keeping/erase/")
    check("retention erase")
    page.goto(base + "people/")
    assert "Jamie (demo) (YP-" in page.content()
    check("people")
    context.close()
    checker.close()
    assert {where: found for where, found in problems.items() if found} == {}
    assert too_wide == []
