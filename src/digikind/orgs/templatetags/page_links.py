"""{% if url|opens_for:request.membership %}: show a link only to someone whose role may
open the page, by the roles its view was given (orgs.tenancy.can_open)."""

from django import template

from digikind.orgs.models import Membership
from digikind.orgs.tenancy import can_open

register = template.Library()


@register.filter
def opens_for(url: str, membership: Membership | None) -> bool:
    return bool(url) and can_open(membership or None, url)
