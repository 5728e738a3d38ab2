"""The one place that decides whose organisation data a request may touch.

Every view that reads or changes an organisation's data is wrapped in
`org_view`, which finds the organisation from the URL's `org_slug` among the
signed-in person's memberships only, so a person of another organisation gets
a 404, never the data. Models that belong to an organisation inherit
`OrgOwned` and are read through `.for_org(org)`.

Each view also says which kinds of organisation it is for. Most pages (records, reviews,
policy check...) are for organisations that work with young people, so that is the
default; a funder's members who type such an address get a 403 that points them to
their portfolio (and the other way round), never a youth organisation's page.
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

from digikind.orgs.roles import OrganisationKind

if TYPE_CHECKING:
    from digikind.orgs.models import Membership, Organisation

CURRENT_ORG_SESSION_KEY = "digikind_current_org"

YOUTH_ONLY = (OrganisationKind.YOUTH.value,)
FUNDER_ONLY = (OrganisationKind.FUNDER.value,)
EVERY_KIND = (*YOUTH_ONLY, *FUNDER_ONLY)

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


class NotForThisKind(PermissionDenied):
    """A member opened a page made for another kind of organisation (a funder's member on
    a youth organisation's records, say). The 403 page says where their own pages are."""

    def __init__(self, organisation: "Organisation") -> None:
        super().__init__(f"This page is not for a {organisation.get_kind_display()}.")
        self.organisation = organisation


def org_view(
    *, roles: tuple[str, ...] | None = None, kinds: tuple[str, ...] = YOUTH_ONLY
) -> Callable[[View], View]:
    """Wrap a view taking `org_slug` so it receives `organisation` instead.

    Outsiders get 404; members of an organisation whose kind is not in `kinds`, and members
    whose role is not in `roles`, get 403.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, org_slug: str, **kwargs: Any) -> HttpResponse:
            membership = get_membership(request, org_slug)
            # Set before the checks below, so a 403 page still shows the organisation's menu.
            request.organisation = membership.organisation  # type: ignore[attr-defined]
            request.membership = membership  # type: ignore[attr-defined]
            if membership.organisation.kind not in kinds:
                raise NotForThisKind(membership.organisation)
            if roles is not None and membership.role not in roles:
                raise PermissionDenied("Your role in this organisation cannot do this.")
            request.session[CURRENT_ORG_SESSION_KEY] = org_slug
            return view(request, organisation=membership.organisation, **kwargs)

        # Kept on the view (decorators above it copy it), so links can ask who may open it.
        wrapper.org_roles = roles  # type: ignore[attr-defined]
        wrapper.org_kinds = kinds  # type: ignore[attr-defined]
        return login_required(wrapper)

    return decorator


def can_open(membership: "Membership | None", url: str) -> bool:
    """Whether this member may open this page of Digikind, from the roles and kinds of
    organisation its view was given in `org_view`: so a page shows each person only the
    links they can follow.
    Pages outside an organisation (question sets, sign-in security) are open to everyone."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    kinds = getattr(match.func, "org_kinds", None)
    if kinds is not None and (membership is None or membership.organisation.kind not in kinds):
        return False
    roles = getattr(match.func, "org_roles", None)
    if roles is None:
        return True
    return membership is not None and membership.role in roles


# For a youth organisation's pages.
lead_view = org_view(roles=("lead",))
member_view = org_view()
# For pages every organisation has: its home and its people.
any_kind_lead_view = org_view(roles=("lead",), kinds=EVERY_KIND)
any_kind_member_view = org_view(kinds=EVERY_KIND)
