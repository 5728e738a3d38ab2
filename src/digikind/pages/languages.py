"""Which language a page is shown in, and how a person chooses it.

Django's LocaleMiddleware picks the language from the `django_language` cookie or the
browser's Accept-Language. On top of that:
- `?lang=cy` or `?lang=en` on any address chooses the language and remembers it in that
  cookie, so a review link can be sent in Welsh and the switch works without JavaScript;
- a page not yet written in Welsh is shown wholly in English (Django's own words and dates
  too), so its `lang` attribute stays true, and the switch says so in Welsh.
"""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

ENGLISH = "en-gb"
WELSH = "cy"
# The short codes people put on links, and the language each one chooses.
CHOICES = {"en": ENGLISH, "en-gb": ENGLISH, "cy": WELSH}

# The pages that have every word in Welsh (by URL name). Add a page here only once its
# template and its view's messages are translated: tests/test_welsh.py checks each one.
WELSH_PAGES = frozenset(
    {
        # A respondent's review, from the link to the thank-you page.
        "reviews:respond",
        "reviews:question",
        "reviews:check",
        "reviews:thanks",
        # Pages the respondent's pages link to.
        "pages:privacy",
        "pages:accessibility",
        # Signing in and the two-factor step.
        "account_login",
        "account_logout",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        "mfa_authenticate",
        "orgs:accept_invitation",
        # Setting up two-factor sign-in, as a lead must: the password asked again, the app,
        # the recovery codes it makes, and the sign-in security page.
        "account_reauthenticate",
        "mfa_activate_totp",
        "mfa_view_recovery_codes",
        "mfa_index",
    }
)


def page_has_welsh(view_name: str | None) -> bool:
    # An address that matches no page (a 404) gets the error page, which is in Welsh.
    return view_name is None or view_name in WELSH_PAGES


class LanguageMiddleware:
    """Sits just after Django's LocaleMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = CHOICES.get(request.GET.get("lang", "").lower())
        if chosen:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        request.wanted_language = translation.get_language() or ENGLISH  # type: ignore[attr-defined]
        response = self.get_response(request)
        if chosen:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=True,
            )
        return response

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> None:
        match = request.resolver_match
        if translation.get_language() == WELSH and not page_has_welsh(
            match.view_name if match else None
        ):
            translation.activate(ENGLISH)
            request.LANGUAGE_CODE = ENGLISH


def switch(request: HttpRequest) -> dict[str, object]:
    """The language switch on every page: a link to this page in the other language."""
    wanted = getattr(request, "wanted_language", translation.get_language() or ENGLISH)
    shown = translation.get_language() or ENGLISH
    query = request.GET.copy()
    query["lang"] = "en" if wanted == WELSH else "cy"
    return {
        "language_switch": {
            "url": f"{request.path}?{urlencode(sorted(query.items()))}",
            "to_welsh": wanted != WELSH,
            # Asked for Welsh, but this page is not in Welsh yet.
            "welsh_missing": wanted == WELSH and shown != WELSH,
        }
    }
