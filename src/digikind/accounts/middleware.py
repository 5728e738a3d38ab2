from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from digikind.accounts.two_factor import has_authenticator_app, needs_two_factor

# Pages a lead may still reach before setting up two-factor sign-in.
OPEN_PREFIXES = ("/accounts/", "/static/", "/accessibility/", "/privacy/")


class LeadTwoFactorMiddleware:
    """Send a lead without an authenticator app to set one up before anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(OPEN_PREFIXES)
            and needs_two_factor(user)
            and not has_authenticator_app(user)
        ):
            messages.info(
                request,
                _(
                    "As a lead you need two-factor sign-in. "
                    "Set up an authenticator app to carry on."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
