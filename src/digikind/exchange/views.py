"""The lead's download of everything the organisation holds, as the open export document."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from digikind.accounts.models import User
from digikind.exchange.document import dumps, export_organisation
from digikind.nostore import no_store
from digikind.orgs.models import AuditEvent, Organisation
from digikind.orgs.tenancy import lead_view


@no_store
@lead_view
def export(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return render(request, "exchange/export.html", {"organisation": organisation})


@no_store
@lead_view
def download(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    decrypted = request.GET.get("records") == "plain"
    # Recorded before the export is made, so the download says who took it.
    AuditEvent.objects.create(
        organisation=organisation,
        actor=request.user if isinstance(request.user, User) else None,
        action="organisation exported",
        detail="with records in plain words" if decrypted else "records encrypted",
    )
    response = HttpResponse(
        dumps(export_organisation(organisation, decrypted=decrypted)),
        content_type="application/json; charset=utf-8",
    )
    name = f"{organisation.slug}-{timezone.localdate():%Y-%m-%d}"
    if decrypted:
        name += "-plain-records"
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response
