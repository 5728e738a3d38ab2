from django.http import HttpRequest

from digikind.orgs.models import Membership
from digikind.orgs.navigation import navigation


def organisations(request: HttpRequest) -> dict[str, object]:
    """The organisation in view, and the others the person can switch to, for the header."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    membership = getattr(request, "membership", None)
    return {
        "current_organisation": getattr(request, "organisation", None),
        "current_membership": membership,
        "service_nav": navigation(membership, request.path) if membership else None,
        "my_memberships": Membership.objects.filter(user=request.user.pk).select_related(
            "organisation"
        ),
    }
