"""The funder's pages and the grantee's Funders pages, in the states a person meets them
(the portfolio filtered, forms with errors, the page a funder gets on a youth organisation's
address), signed in as the demo funder and the demo lead: axe-core finds no problem, and
the portfolio and the request page fit a 360-pixel phone."""

import pytest
from django.urls import reverse

from digikind.accounts.two_factor import current_code
from digikind.funders.models import Grantee, Request
from digikind.orgs.models import Organisation
from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
FUNDER_EMAIL = "funder@demo.digikind.test"


def too_wide(page) -> list[str]:
    """When the page scrolls sideways, the innermost elements that stick out past the right
    of the screen (a table in its own scrolling box is fine)."""
    return page.evaluate(
        """() => document.documentElement.scrollWidth <= window.innerWidth ? [] :
            [...document.querySelectorAll("main *")]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .filter(e => ![...e.children].some(
                c => c.getBoundingClientRect().right > window.innerWidth + 1))
            .map(e => e.tagName.toLowerCase() + "." + [...e.classList].join("."))
            .slice(0, 5)"""
    )


def test_the_funders_pages_pass_axe(browser, live_server, demo):
    funder = Organisation.objects.get(kind="funder")
    shared = Grantee.objects.for_org(funder).get(grantee__name="Riverside Youth Club")
    context = browser.new_context(bypass_csp=True, viewport=PHONE)
    page = context.new_page()
    portfolio = reverse("funders:portfolio", args=[funder.slug])
    sign_in(
        page,
        live_server.url,
        demo,
        current_code(demo.totp_secret),
        email=FUNDER_EMAIL,
        lands_on=portfolio,
    )
    problems, wide = {}, []

    def check(name, url=None):
        if url:
            response = page.goto(live_server.url + url)
            assert response is not None and response.status < 500, url
        problems[name] = axe_violations(page)
        if too_wide(page):
            wide.append((name, too_wide(page)))

    check("portfolio", portfolio)
    assert "Your portfolio" in page.content()
    check("portfolio, overdue", portfolio + "?status=overdue")
    check("portfolio, North", portfolio + "?show=region:North")
    check("grantee", reverse("funders:grantee", args=[funder.slug, shared.grantee.slug]))
    for name in ("add_grantee", "invite_grantee", "ask"):
        check(name, reverse(f"funders:{name}", args=[funder.slug]))
        page.click("main button[type=submit]")  # the empty form: the error state
        assert "There is a problem" in page.content(), name
        check(f"{name} with errors")
    page.goto(live_server.url + reverse("funders:add_grantee", args=[funder.slug]))
    page.fill("#id_code", "WRONG-CODE-HERE")
    page.click("main button[type=submit]")
    assert "We cannot find that code" in page.content()
    check("add_grantee with a wrong code")
    response = page.goto(live_server.url + reverse("records:home", args=[funder.slug]))
    assert response.status == 403
    check("a youth organisation's page, refused")
    context.close()

    assert {name: found for name, found in problems.items() if found} == {}
    assert wide == []


def test_the_grantees_funders_pages_pass_axe(browser, live_server, demo):
    organisation = demo.organisation
    context = browser.new_context(bypass_csp=True, viewport=PHONE)
    page = context.new_page()
    sign_in(page, live_server.url, demo, demo.recovery_codes[0])
    problems, wide = {}, []
    asked = Request.objects.for_org(organisation).filter(answered_at=None).first()
    for name, url in (
        ("funders", reverse("funders:requests", args=[organisation.slug])),
        ("request", asked.get_absolute_url()),
        ("portfolio, refused", reverse("funders:portfolio", args=[organisation.slug])),
    ):
        page.goto(live_server.url + url)
        problems[name] = axe_violations(page)
        if too_wide(page):
            wide.append((name, too_wide(page)))
    page.goto(live_server.url + asked.get_absolute_url())
    page.click("main button:has-text('Save my answers')")
    problems["request after saving"] = axe_violations(page)
    context.close()

    assert {name: found for name, found in problems.items() if found} == {}
    assert wide == []
