"""The lead's page for API tokens: make one (its secret shown once), see its last use, revoke."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from digikind.accounts.models import User
from digikind.api import services
from digikind.api.forms import TokenForm
from digikind.api.models import ApiToken
from digikind.nostore import no_store
from digikind.orgs.models import Organisation
from digikind.orgs.tenancy import get_for_org, lead_view


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


@no_store
@lead_view
def token_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = TokenForm(request.POST) if request.method == "POST" else TokenForm()
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = services.create_token(
                organisation,
                form.cleaned_data["name"],
                form.cleaned_data["scope"],
                by=_user(request),
            )
        except services.TokenError as error:
            form.add_error("name", str(error))
        else:
            form = TokenForm()
            return render(
                request,
                "api/token_created.html",
                {"organisation": organisation, "token": token, "secret": secret},
            )
    ctx = {
        "organisation": organisation,
        "form": form,
        "tokens": ApiToken.objects.for_org(organisation).select_related("created_by"),
    }
    return render(request, "api/token_list.html", ctx)


@require_POST
@lead_view
def token_revoke(
    request: HttpRequest, organisation: Organisation, apitoken_id: int
) -> HttpResponse:
    token = get_for_org(ApiToken.objects.all(), organisation, pk=apitoken_id)
    try:
        services.revoke_token(token, by=_user(request))
    except services.TokenError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The token “{token.name}” no longer works.")
    return redirect("api:tokens", organisation.slug)
