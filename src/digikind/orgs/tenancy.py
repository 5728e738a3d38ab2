"""The one place that decides whose organisation data a request may touch.

Every view that reads or changes an organisation's data is wrapped in
`org_view`, which finds the organisation from the URL's `org_slug` among the
signed-in person's memberships only, so a person of another organisation gets
a 404, never the data. Models that belong to an organisation inherit
`OrgOwned` and are read through `.for_org(org)`.
"""

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

if TYPE_CHECKING:
    from digikind.orgs.models import Membership, Organisation

CURRENT_ORG_SESSION_KEY = "digikind_current_org"

M = TypeVar("M", bound=models.Model)


class OrgOwnedQuerySet(models.QuerySet[M]):
    def for_org(self, organisation: "Organisation") -> "OrgOwnedQuerySet[M]":
        return self.filter(organisation=organisation)


class OrgOwned(models.Model):
    """Base for every model that holds one organisation's data."""

    organisation = models.ForeignKey("orgs.Organisation", on_delete=models.CASCADE)

    objects = OrgOwnedQuerySet.as_manager()

    class Meta:
        abstract = True


def get_for_org(queryset: "models.QuerySet[M]", organisation: "Organisation", **lookups: Any) -> M:
    """Fetch one object of this organisation, or 404 (never another organisation's)."""
    try:
        return queryset.get(organisation=organisation, **lookups)
    except ObjectDoesNotExist:
        raise Http404("No such item in this organisation.") from None


def get_membership(request: HttpRequest, org_slug: str) -> "Membership":
    from digikind.orgs.models import Membership

    membership = (
        Membership.objects.select_related("organisation")
        .filter(user=request.user.pk, organisation__slug=org_slug)
        .first()
    )
    if membership is None:
        raise Http404("No such organisation.")
    return membership


View = Callable[..., HttpResponse]


def org_view(*, roles: tuple[str, ...] | None = None) -> Callable[[View], View]:
    """Wrap a view taking `org_slug` so it receives `organisation` instead.

    Outsiders get 404; members whose role is not in `roles` get 403.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, org_slug: str, **kwargs: Any) -> HttpResponse:
            membership = get_membership(request, org_slug)
            if roles is not None and membership.role not in roles:
                raise PermissionDenied("Your role in this organisation cannot do this.")
            request.organisation = membership.organisation  # type: ignore[attr-defined]
            request.membership = membership  # type: ignore[attr-defined]
            request.session[CURRENT_ORG_SESSION_KEY] = org_slug
            return view(request, organisation=membership.organisation, **kwargs)

        # Kept on the view (decorators above it copy it), so links can ask who may open it.
        wrapper.org_roles = roles  # type: ignore[attr-defined]
        return login_required(wrapper)

    return decorator


def can_open(membership: "Membership | None", url: str) -> bool:
    """Whether this member's role may open this page of Digikind, from the roles its view
    was given in `org_view`: so a page shows each person only the links they can follow.
    Pages outside an organisation (question sets, sign-in security) are open to everyone."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    roles = getattr(match.func, "org_roles", None)
    if roles is None:
        return True
    return membership is not None and membership.role in roles


lead_view = org_view(roles=("lead",))
member_view = org_view()
