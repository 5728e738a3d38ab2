"""A lead runs a review; a staff member (JavaScript off) and a young person answer it on a
360-pixel phone screen; the lead closes it and reads the results. axe-core checks each page."""

import pytest

from digikind.accounts.two_factor import current_code
from digikind.reviews import services
from digikind.reviews.models import ReviewCycle
from digikind.reviews.questions import questions_for
from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}


def answer_all(cycle, role):
    """Another respondent, answering every question with its first option."""
    response, _key = services.start_response(cycle.links.get(role=role))
    for asked in questions_for(cycle, role):
        first = asked.options()[0][0] if asked.options() else ""
        services.save_answer(response, asked, value=first, text="" if first else "WhatsApp")
    services.submit_response(response)


def answer_everything(page, problems, javascript):
    """Answer each question page (first option, or a few words) until the check page."""
    for _ in range(200):
        if "/check/" in page.url:
            return
        if javascript and "q/1/" in page.url:
            problems["first question"] = axe_violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url
        if page.locator("textarea[name=text]").count():
            page.fill("textarea[name=text]", "WhatsApp and Instagram")
        else:
            page.locator("input[name=value]").first.check()
        page.click("button:has-text('Continue')")
    raise AssertionError("never reached the check page")


def respond(browser, url, *, javascript, problems):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript, bypass_csp=True)
    page = context.new_page()
    page.goto(url)
    problems["start"] = axe_violations(page) if javascript else []
    page.click("button:has-text('Start now')")
    answer_everything(page, problems, javascript)
    problems["check"] = axe_violations(page) if javascript else []
    page.click("button:has-text('Send my answers')")
    assert "Thank you" in page.content()
    problems["thanks"] = axe_violations(page) if javascript else []
    context.close()


def test_a_review_from_start_to_results(browser, live_server, demo):
    problems: dict[str, list[str]] = {}
    lead = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = lead.new_page()
    sign_in(page, live_server.url, demo, current_code(demo.totp_secret))
    page.goto(f"{live_server.url}/o/{demo.organisation.slug}/reviews/new/")
    page.fill("#id_name", "Browser review")
    page.locator("input[name=framework_versions]").first.check()
    page.check("input[name=roles][value=staff]")
    page.check("input[name=roles][value=young_person]")
    page.fill("#id_closes_on", "2099-12-31")
    page.click("button:has-text('Start the review')")
    assert "Your review has started" in page.content()
    problems["detail"] = axe_violations(page)
    cycle = ReviewCycle.objects.get(name="Browser review")
    assert cycle.roles == ["staff", "young_person"], cycle.roles
    staff_url = live_server.url + cycle.links.get(role="staff").get_absolute_url()
    young_url = live_server.url + cycle.links.get(role="young_person").get_absolute_url()

    respond(browser, staff_url, javascript=False, problems=problems)
    respond(browser, young_url, javascript=True, problems=problems)
    for _ in range(4):  # enough people for each group to be shown
        answer_all(cycle, "staff")
        answer_all(cycle, "young_person")

    page.reload()
    assert "1 sent" not in page.content() and "5 sent" in page.content()
    page.click("button:has-text('Close the review now')")
    assert "Results: Browser review" in page.content()
    assert page.locator("svg.dk-chart").count() == 1
    problems["results"] = axe_violations(page)
    lead.close()
    assert {where: found for where, found in problems.items() if found} == {}
