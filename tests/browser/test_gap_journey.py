"""A lead turns a gap into an action and closes it, with JavaScript off on a small phone
screen; axe-core checks the error states of the action and agreement forms."""

import pytest

from digikind.gaps.models import Action, Status
from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser


def test_from_gap_to_a_done_action(browser, live_server, demo):
    org = f"{live_server.url}/o/{demo.organisation.slug}"
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    sign_in(page, live_server.url, demo, demo.recovery_codes[3])
    page.goto(f"{org}/gaps/")
    gap = page.locator(".govuk-summary-card", has_text="policy sets hours for replies")
    assert "4 of 10 contacts" in gap.inner_text()
    gap.locator("a:has-text('Add an action')").click()
    assert page.input_value("#id_topic") == "availability-hours"
    assert "Technical option:" in page.input_value("#id_detail")
    page.fill("#id_owner", "Priya Staff")
    page.fill("#id_due_on", "2099-03-31")
    page.click("button:has-text('Save')")
    assert "Action added to the plan." in page.content()
    action = Action.objects.get(gap_key="replies-out-of-hours")

    page.goto(f"{org}/actions/{action.pk}/")
    page.check("input[name=status][value=done]")
    page.click("button:has-text('Save')")
    assert "Say what shows the action worked" in page.content()
    page.fill("#id_evidence_it_worked", "Late messages fell from 4 in 10 to 1 in 10.")
    page.click("button:has-text('Save')")
    action.refresh_from_db()
    assert action.status == Status.DONE
    assert "The gap is still found." in page.content()  # the records have not changed yet
    page.goto(f"{org}/gaps/")
    assert "In the action plan" in page.content()
    context.close()


def test_form_errors_have_no_accessibility_violations(browser, live_server, demo):
    org = f"{live_server.url}/o/{demo.organisation.slug}"
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    sign_in(page, live_server.url, demo, demo.recovery_codes[4])
    problems = {}
    page.goto(f"{org}/actions/new/")
    page.click("button:has-text('Save')")  # nothing filled in
    problems["action with errors"] = axe_violations(page)
    page.goto(f"{org}/agreement/edit/")
    page.fill("textarea >> nth=0", "We will use the most appropriate and proportionate channels.")
    page.click("button:has-text('Save and publish')")
    assert "It is not published yet" in page.content()
    problems["agreement refused"] = axe_violations(page)
    context.close()
    assert {name: found for name, found in problems.items() if found} == {}
