from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string

from digikind.nostore import no_store
from digikind.orgs.models import Organisation
from digikind.orgs.tenancy import org_view
from digikind.reports.board import board_report
from digikind.reports.pdf import PdfUnavailable, html_to_pdf

READERS = ("lead", "trustee")


def _for_funder(request: HttpRequest) -> bool:
    return request.GET.get("version") == "funder"


@org_view(roles=READERS)
def board(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    report = board_report(organisation, for_funder=_for_funder(request))
    return render(request, "reports/board.html", {"organisation": organisation, "board": report})


@no_store
@org_view(roles=READERS)
def board_pdf(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    report = board_report(organisation, for_funder=_for_funder(request))
    html = render_to_string(
        "reports/board_print.html", {"organisation": organisation, "board": report}
    )
    try:
        pdf = html_to_pdf(html)
    except PdfUnavailable as problem:
        messages.error(request, str(problem))
        return redirect("reports:board", organisation.slug)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"{organisation.slug}-board-report{'-for-funder' if report.for_funder else ''}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
