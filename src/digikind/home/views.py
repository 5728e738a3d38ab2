from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from digikind.home.summary import home_for
from digikind.orgs.models import Membership, Organisation
from digikind.orgs.tenancy import any_kind_member_view


@any_kind_member_view
def dashboard(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if organisation.is_funder:  # a funder's home is its portfolio
        return redirect("funders:portfolio", organisation.slug)
    membership = request.membership  # type: ignore[attr-defined]
    ctx = {
        "organisation": organisation,
        "home": home_for(membership),
        "member_count": Membership.objects.for_org(organisation).count(),
    }
    return render(request, "home/dashboard.html", ctx)
