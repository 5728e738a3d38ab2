"""The privacy notes on the results page and the "you started on another link" page fit a
360-pixel phone and pass axe-core."""

from datetime import date, timedelta

import pytest

from digikind.accounts.two_factor import current_code
from digikind.frameworks.models import latest_versions
from digikind.reviews import services
from digikind.reviews.questions import questions_for
from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}


def send(cycle, role, value, *, address=""):
    response, _key = services.start_response(cycle.links.get(role=role))
    for asked in questions_for(cycle, role):
        if asked.is_free_text:
            services.save_answer(response, asked, value="dont-know")
        else:
            services.save_answer(response, asked, value=value(asked), comment="A comment.")
    services.submit_response(response, address=address)


def test_privacy_notes_and_the_other_link_page(browser, live_server, demo):
    organisation = demo.organisation
    cycle = services.start_cycle(
        organisation,
        name="Privacy review",
        framework_versions=latest_versions("organisation")[:1],
        roles=["lead", "staff", "young_person"],
        closes_on=date.today() + timedelta(days=7),
        created_by=None,
    )
    first = lambda asked: asked.options()[0][0]  # noqa: E731
    for _ in range(5):
        send(cycle, "lead", first)
        send(cycle, "staff", first)
    send(cycle, "young_person", first)
    for _ in range(2):  # a burst of empty answers from one network
        send(cycle, "young_person", lambda _asked: "dont-know", address="203.0.113.5")

    problems = {}
    phone = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = phone.new_page()
    staff_link = cycle.links.get(role="staff")
    page.goto(live_server.url + staff_link.get_absolute_url())
    page.click("button:has-text('Start now')")
    services.revoke_link(staff_link)
    other = services.add_link(cycle, "staff", "Evening")
    page.goto(live_server.url + other.get_absolute_url())
    assert "The link you started with has been switched off" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    problems["other link"] = axe_violations(page)
    page.click("button:has-text('Start again on this link')")
    assert "Question 1 of" in page.content()
    phone.close()

    services.close_cycle(cycle)
    lead = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = lead.new_page()
    sign_in(page, live_server.url, demo, current_code(demo.totp_secret))
    page.goto(f"{live_server.url}/o/{organisation.slug}/reviews/{cycle.pk}/results/")
    text = page.content()
    assert "2 sets of answers with only “I don’t know” came from one network" in text
    assert "Some of Lead’s scores are hidden too" in text
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    problems["results"] = axe_violations(page)
    page.locator(".govuk-inset-text a:has-text('How we keep answers private')").first.click()
    assert "The five-person rule" in page.content()
    problems["privacy"] = axe_violations(page)
    lead.close()
    assert {where: found for where, found in problems.items() if found} == {}
