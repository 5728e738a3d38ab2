"""A lead adds a channel and its risk assessment with JavaScript off; axe-core checks each page."""

import pytest

from digikind.register.models import Channel
from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser


def test_adding_a_channel_and_its_risk_assessment(browser, live_server, demo):
    problems: dict[str, list[str]] = {}
    checker = browser.new_context(bypass_csp=True)
    check_page = checker.new_page()
    sign_in(check_page, live_server.url, demo, demo.recovery_codes[1])
    base = f"{live_server.url}/o/{demo.organisation.slug}/channels/"
    for path in ("new/?platform=discord", "new/?platform=other"):
        check_page.goto(base + path)
        problems[path] = axe_violations(check_page)

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server.url, demo, demo.recovery_codes[2])
    page.goto(base + "new/")
    page.select_option("#id_platform", "discord")
    page.click("button:has-text('Continue')")
    assert "What we know about Discord" in page.content()
    page.fill("#id_account_name", "Riverside gaming server")
    page.check("input[name=purpose][value=service_delivery]")
    page.fill("#id_rationale", "Gaming nights for members")
    page.fill("#id_owner", "Sam Lead")
    page.fill("#id_youngest_age", "11")
    page.fill("#id_review_date", "2099-01-31")
    page.click("button:has-text('Save')")
    assert "minimum age is 13" in page.content()  # the register flags it at once
    channel = Channel.objects.get(account_name="Riverside gaming server")

    page.click("a:has-text('Add a risk assessment')")
    for risk in ("content", "contact", "conduct"):
        page.check(f"input[name={risk}_likelihood][value='2']")
        page.check(f"input[name={risk}_impact][value='2']")
    page.check("input[name=mitigations][value=copy-in-colleague]")
    page.check("input[name=residual_risk][value='1']")
    page.fill("#id_signed_off_by", "Sam Lead")
    page.click("button:has-text('Save the risk assessment')")
    assert "Risk assessment saved" in page.content()
    assert channel.assessments.count() == 1
    check_page.goto(live_server.url + channel.get_absolute_url())
    problems["detail"] = axe_violations(check_page)
    context.close()
    checker.close()
    assert {where: found for where, found in problems.items() if found} == {}
