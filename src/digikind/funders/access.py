"""Who may open the funders' pages: members of a funder for the portfolio, members of a group
for the requests it was sent. Built on orgs.tenancy, so outsiders always get a 404, and a
member of the other kind of organisation gets a 403 that points to their own pages."""

from collections.abc import Callable

from django.http import HttpResponse

from digikind.orgs.tenancy import FUNDER_ONLY, YOUTH_ONLY, org_view

View = Callable[..., HttpResponse]

FUNDER_READERS = ("lead", "staff", "trustee")
FUNDER_MANAGERS = ("lead", "staff")
GRANTEE_READERS = ("lead", "trustee")
GRANTEE_ANSWERERS = ("lead",)


def funder_view(roles: tuple[str, ...] = FUNDER_READERS) -> Callable[[View], View]:
    return org_view(roles=roles, kinds=FUNDER_ONLY)


def grantee_view(roles: tuple[str, ...] = GRANTEE_READERS) -> Callable[[View], View]:
    return org_view(roles=roles, kinds=YOUTH_ONLY)
