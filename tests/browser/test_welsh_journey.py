"""A young person answers a review in Welsh on a 360-pixel phone with JavaScript off. Each
page is in Welsh (lang="cy"), the demo's question set too (no English outside lang="en"),
and axe-core finds nothing wrong on it."""

import pytest

from digikind.pages.tests import welsh
from digikind.reviews.models import ReviewCycle
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}


def check_page(axe_page, page, problems, name):
    """axe needs JavaScript, which this phone has off: it runs in a second page, loaded
    with the same HTML and the same styles."""
    assert page.evaluate("document.documentElement.lang") == "cy", page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url
    base = page.url.split("/r/")[0]
    axe_page.set_content(page.content().replace("<head>", f'<head><base href="{base}/">', 1))
    problems[name] = axe_violations(axe_page)


def test_a_young_persons_review_in_welsh(browser, live_server, demo):
    cycle = ReviewCycle.objects.filter(organisation=demo.organisation, closed_at=None).first()
    assert cycle is not None and "young_person" in cycle.roles
    # The review's name is whatever staff typed; a Welsh-speaking group names it in Welsh.
    cycle.name = "Adolygiad y gwanwyn"
    cycle.save()
    url = live_server.url + cycle.links.get(role="young_person").get_absolute_url()
    problems: dict[str, list[str]] = {}
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, bypass_csp=True)
    checker = browser.new_context(viewport=PHONE, bypass_csp=True).new_page()
    page = context.new_page()
    page.goto(f"{url}?lang=cy")
    assert "Mae eich atebion yn breifat" in page.content()
    check_page(checker, page, problems, "start")
    page.click("button:has-text('Dechrau nawr')")
    for number in range(1, 200):
        if "/check/" in page.url:
            break
        html = page.content()
        assert f"Cwestiwn {number} o" in html, page.url
        # The question, its hint and its answers are the question set's Welsh.
        assert welsh.english_in(html) == [], page.url
        assert 'lang="en"' not in html.split("<main", 1)[1], page.url
        if number == 1:
            assert "Ydy ein apiau a’n sgyrsiau ar-lein yn eich helpu" in html
            assert "Rydyn ni’n defnyddio apiau a sgyrsiau i’ch helpu chi." in html
            assert "Ie" in html and "Na" in html
            check_page(checker, page, problems, "question 1")
        if page.locator("textarea[name=text]").count():
            page.fill("textarea[name=text]", "WhatsApp")
        else:
            page.locator("input[name=value]").first.check()
        page.click("button:has-text('Parhau')")
    assert "Gwirio eich atebion" in page.content()
    check_page(checker, page, problems, "check")
    page.click("button:has-text('Anfon fy atebion')")
    assert "Mae eich atebion wedi’u hanfon" in page.content()
    assert "Gallwch chi hefyd siarad â Meic" in page.content()
    assert "080880 23456" in page.content()
    check_page(checker, page, problems, "thanks")
    # The language was remembered: the start page again, with no ?lang=, is still in Welsh.
    page.goto(url)
    assert "Rydych chi wedi ateb yn barod" in page.content()
    context.close()
    assert problems == {name: [] for name in problems}, problems
