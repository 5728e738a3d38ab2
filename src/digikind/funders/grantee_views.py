"""The grantee's pages: the requests it was sent, what it would share, answering and consent."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from digikind.accounts.models import User
from digikind.funders import board, services
from digikind.funders.access import GRANTEE_ANSWERERS, grantee_view
from digikind.funders.carry import carried_forward
from digikind.funders.forms import AnswerForm
from digikind.funders.models import Request, Sharing
from digikind.funders.portfolio import benchmark
from digikind.funders.question_sets import answer_label, question_sets
from digikind.funders.summary import PARTS, data_lines, figure_label
from digikind.nostore import no_store
from digikind.orgs.models import Organisation
from digikind.orgs.tenancy import get_for_org
from digikind.reports.pdf import PdfUnavailable


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@grantee_view()
def requests(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    ctx = {
        "organisation": organisation,
        "requests": Request.objects.for_org(organisation).select_related("round", "funder"),
        "sharings": Sharing.objects.for_org(organisation).select_related("funder"),
        "code": services.grantee_code(organisation),
        "is_lead": request.membership.role == "lead",  # type: ignore[attr-defined]
    }
    return render(request, "funders/requests.html", ctx)


@grantee_view()
def request(http: HttpRequest, organisation: Organisation, request_id: int) -> HttpResponse:
    asked = get_for_org(
        Request.objects.select_related("round", "funder"), organisation, pk=request_id
    )
    question_set = question_sets()[asked.round.question_set]
    is_lead = http.membership.role in GRANTEE_ANSWERERS  # type: ignore[attr-defined]
    carried = carried_forward(organisation, question_set)
    given = {a.question: a.value for a in asked.answers.all()}
    sharing = services.active_sharing(organisation, asked.funder)
    initial: dict[str, Any] = {f"q_{q}": v.value for q, v in carried.items()}
    initial.update({f"q_{q}": v for q, v in given.items()})
    initial["parts"] = asked.parts_shared if asked.answered_at else list(PARTS)
    initial["share"] = sharing is not None or not asked.answered_at
    form = AnswerForm(
        http.POST if http.method == "POST" else None, initial=initial, question_set=question_set
    )
    if http.method == "POST" and is_lead and form.is_valid():
        try:
            services.answer(
                asked,
                form.answers(),
                form.cleaned_data["parts"],
                share=form.cleaned_data["share"],
                by=_user(http),
                carried={
                    q: c.source for q, c in carried.items() if form.answers().get(q) == c.value
                },
            )
        except services.FunderError as error:
            form.add_error(None, str(error))
        else:
            if form.cleaned_data["share"]:
                messages.success(http, f"Thank you. {asked.funder.name} can now see your summary.")
            else:
                messages.success(
                    http, f"Your answers are saved. {asked.funder.name} cannot see them."
                )
            return redirect(asked)
    lines = data_lines(organisation)
    ctx = {
        "organisation": organisation,
        "asked": asked,
        "question_set": question_set,
        "form": form,
        "carried": carried,
        "given": {q: answer_label(v) for q, v in given.items()},
        "sharing": sharing,
        "is_lead": is_lead,
        "parts": PARTS,
        "preview": [
            (
                part,
                label,
                [(figure_label(line.name), line.value) for line in lines if line.part == part],
            )
            for part, label in PARTS.items()
        ],
        "benchmark": benchmark(asked) if asked.answered_at else [],
    }
    return render(http, "funders/request.html", ctx)


@require_POST
@grantee_view(GRANTEE_ANSWERERS)
def withdraw(http: HttpRequest, organisation: Organisation, request_id: int) -> HttpResponse:
    asked = get_for_org(Request.objects.select_related("funder"), organisation, pk=request_id)
    try:
        services.withdraw(organisation, asked.funder, by=_user(http))
    except services.FunderError as error:
        messages.error(http, str(error))
    else:
        messages.success(
            http,
            f"You have stopped sharing with {asked.funder.name}. They can no longer see your "
            "summary, and you are left out of their figures from now on.",
        )
    return redirect(asked)


@no_store
@grantee_view()
def sharing_pdf(http: HttpRequest, organisation: Organisation) -> HttpResponse:
    try:
        pdf = board.sharing_pdf(board.sharing_board(organisation))
    except PdfUnavailable as problem:
        messages.error(http, str(problem))
        return redirect("funders:requests", organisation.slug)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"{organisation.slug}-shared-with-funders.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
