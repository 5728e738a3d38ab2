"""Who may open the funders' pages: members of a funder for the portfolio, members of a group
for the requests it was sent. Built on orgs.tenancy, so outsiders always get a 404."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from digikind.orgs.models import Organisation
from digikind.orgs.tenancy import org_view

View = Callable[..., HttpResponse]

FUNDER_READERS = ("lead", "staff", "trustee")
FUNDER_MANAGERS = ("lead", "staff")
GRANTEE_READERS = ("lead", "trustee")
GRANTEE_ANSWERERS = ("lead",)


def _side(*, funder: bool, roles: tuple[str, ...]) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def checked(
            request: HttpRequest, organisation: Organisation, **kwargs: Any
        ) -> HttpResponse:
            if organisation.is_funder != funder:
                raise Http404("This page is not part of this organisation's Digikind.")
            return view(request, organisation, **kwargs)

        return org_view(roles=roles)(checked)

    return decorator


def funder_view(roles: tuple[str, ...] = FUNDER_READERS) -> Callable[[View], View]:
    return _side(funder=True, roles=roles)


def grantee_view(roles: tuple[str, ...] = GRANTEE_READERS) -> Callable[[View], View]:
    return _side(funder=False, roles=roles)
