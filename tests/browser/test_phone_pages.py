"""The demo lead on a 360-pixel phone, with our Content Security Policy in force: the pages
with tables and charts fit the screen, their text is 12 px or larger (the charts' too), each
stacked table cell says which column it is, and the browser refuses nothing."""

import re

import pytest

from digikind.accounts.two_factor import current_code
from digikind.reviews.models import ReviewCycle
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}

# The smallest text a person can read on the page: HTML text, and SVG text as drawn.
SMALLEST_TEXT = """() => {
  let smallest = 100, what = '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement, box = el.getBoundingClientRect();
    if (!node.textContent.trim() || box.width <= 1 || box.height <= 1) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement) size *= Math.abs(el.getScreenCTM().a);
    if (size < smallest) { smallest = size; what = node.textContent.trim().slice(0, 40); }
  }
  return [smallest, what];
}"""


def column_names(page, selector):
    """What introduces each cell of a stacked table's first row (its ::before content)."""
    return page.eval_on_selector_all(
        f"{selector} tbody tr:first-child td[data-label]",
        "cells => cells.map(c => getComputedStyle(c, '::before').content)",
    )


def test_pages_with_tables_and_charts_fit_a_phone(browser, live_server, demo):
    context = browser.new_context(viewport=PHONE)  # no bypass: the CSP is in force
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if m.type == "error" else None)
    sign_in(page, live_server.url, demo, current_code(demo.totp_secret))
    org = f"{live_server.url}/o/{demo.organisation.slug}"
    cycles = ReviewCycle.objects.filter(organisation=demo.organisation)
    closed = [cycle for cycle in cycles if not cycle.is_open]
    pages = ["/actions/", "/channels/", "/members/", "/board-report/"]
    pages += ["/board-report/?version=funder"]
    pages += [f"/reviews/{cycle.pk}/results/" for cycle in closed]
    assert len(pages) >= 6, "the demo has closed reviews with results"
    for path in pages:
        page.goto(org + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        smallest, what = page.evaluate(SMALLEST_TEXT)
        assert smallest >= 12, f"{path}: {smallest:.1f}px “{what}”"

    page.goto(org + "/actions/")
    assert column_names(page, "table.dk-table-stack") == [
        '"Owner"',
        '"Due"',
        '"Status"',
        '"The gap now"',
    ]
    # The due date in full, the way people write it.
    due = page.locator("td[data-label=Due]").first.inner_text()
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ 20\d\d( Overdue)?", due.strip()), due
    page.goto(org + "/board-report/")
    # The chart names each domain in words, as the table under it does.
    first_domain = page.locator(".dk-table-scroll tbody th").first.inner_text()
    assert page.locator("svg.dk-chart text").first.text_content() == first_domain
    # The scores table scrolls in its own box, which a keyboard can reach.
    assert page.locator(".dk-table-scroll[tabindex='0'] table").count() == 1
    context.close()
    assert refused == []
