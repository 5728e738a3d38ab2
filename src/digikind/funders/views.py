"""The funder's pages: the portfolio, adding grantees, asking, reminding and exports."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from digikind.accounts.models import User
from digikind.funders import board, exports, services
from digikind.funders.access import FUNDER_MANAGERS, funder_view
from digikind.funders.forms import AddByCodeForm, AskForm, InviteGranteeForm
from digikind.funders.models import Grantee, Round
from digikind.funders.portfolio import (
    STATUSES,
    Filter,
    figures,
    filter_choices,
    grantee_statuses,
    status_counts,
)
from digikind.funders.question_sets import question_sets
from digikind.nostore import no_store
from digikind.orgs.models import Organisation
from digikind.reports.pdf import PdfUnavailable

PER_PAGE = 50


def _posted(request: HttpRequest) -> Any:
    # Not `request.POST or None`: an empty form sent back must still say what is missing.
    return request.POST if request.method == "POST" else None


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _round(request: HttpRequest, funder: Organisation) -> Round | None:
    rounds = Round.objects.for_org(funder)
    chosen = request.GET.get("round", "")
    if chosen.isdigit():
        found = rounds.filter(pk=int(chosen)).first()
        if found is not None:
            return found
    return rounds.first()


@funder_view()
def portfolio(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    round_ = _round(request, organisation)
    chosen = Filter.parse(request.GET.get("show", ""))
    status = request.GET.get("status", "")
    grantees = grantee_statuses(round_, organisation).order_by("grantee__name", "pk")
    if status in STATUSES:
        grantees = grantees.filter(status=status)
    page = Paginator(grantees, PER_PAGE).get_page(request.GET.get("page"))
    ctx: dict[str, Any] = {
        "organisation": organisation,
        "round": round_,
        "rounds": Round.objects.for_org(organisation),
        "question_set": question_sets().get(round_.question_set) if round_ else None,
        "counts": status_counts(round_, organisation),
        "statuses": STATUSES,
        "status": status,
        "page": page,
        "figures": figures(round_, chosen) if round_ else None,
        "choices": filter_choices(organisation),
        "chosen": chosen,
        "can_manage": request.membership.role in FUNDER_MANAGERS,  # type: ignore[attr-defined]
    }
    return render(request, "funders/portfolio.html", ctx)


@funder_view(FUNDER_MANAGERS)
def add_grantee(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = AddByCodeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            grantee = services.add_grantee_by_code(
                organisation, form.cleaned_data["code"], form.cleaned_data
            )
        except services.FunderError as error:
            form.add_error("code", str(error))
        else:
            messages.success(request, f"{grantee.grantee.name} is now in your portfolio.")
            return redirect("funders:portfolio", organisation.slug)
    ctx = {
        "organisation": organisation,
        "form": form,
        "heading": "Add a grantee by its code",
        "button": "Add this grantee",
    }
    return render(request, "funders/add_grantee.html", ctx)


@funder_view(FUNDER_MANAGERS)
def invite_grantee(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = InviteGranteeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            grantee = services.invite_new_grantee(
                organisation,
                form.cleaned_data["name"],
                form.cleaned_data["email"],
                form.cleaned_data,
                invited_by=_user(request),
            )
        except services.FunderError as error:
            form.add_error("email", str(error))
        else:
            messages.success(
                request,
                f"We have invited {grantee.invited_email} to set up {grantee.grantee.name}.",
            )
            return redirect("funders:portfolio", organisation.slug)
    ctx = {
        "organisation": organisation,
        "form": form,
        "heading": "Invite a new grantee",
        "button": "Send the invitation",
    }
    return render(request, "funders/invite_grantee.html", ctx)


@funder_view(FUNDER_MANAGERS)
def ask(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = AskForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.ask(
                organisation,
                form.cleaned_data["name"],
                form.cleaned_data["question_set"],
                form.cleaned_data["due_on"],
                by=_user(request),
            )
        except services.FunderError as error:
            form.add_error(None, str(error))
        else:
            count = round_.requests.count()
            messages.success(
                request,
                f"Your questions are on their way to {count} grantee{'s' if count != 1 else ''}.",
            )
            return redirect("funders:portfolio", organisation.slug)
    ctx = {
        "organisation": organisation,
        "form": form,
        "sets": question_sets().values(),
        "heading": "Ask your grantees",
        "button": "Send the questions",
    }
    return render(request, "funders/ask.html", ctx)


@require_POST
@funder_view(FUNDER_MANAGERS)
def remind(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    round_ = _round(request, organisation)
    if round_ is None:
        messages.error(
            request, "You have not asked any questions yet, so there is no one to remind."
        )
    else:
        count = services.remind(round_)
        messages.success(
            request,
            f"We reminded {count} grantee{'s who have' if count != 1 else ' who has'} not "
            "answered yet."
            if count
            else "Every grantee has answered, so nobody needed a reminder.",
        )
    return redirect("funders:portfolio", organisation.slug)


@funder_view()
def grantee(request: HttpRequest, organisation: Organisation, grantee_slug: str) -> HttpResponse:
    found = (
        Grantee.objects.for_org(organisation)
        .select_related("grantee")
        .filter(grantee__slug=grantee_slug)
        .first()
    )
    if found is None:
        raise Http404("No such grantee in your portfolio.")
    summaries = exports.shared_summaries(organisation, found)
    ctx = {"organisation": organisation, "grantee": found, "summaries": summaries}
    return render(request, "funders/grantee.html", ctx)


@no_store
@funder_view()
def export_csv(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    round_ = _round(request, organisation)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{organisation.slug}-portfolio.csv"'
    exports.write_csv(response, organisation, round_)
    return response


@no_store
@funder_view()
def export_json(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    round_ = _round(request, organisation)
    response = HttpResponse(content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{organisation.slug}-portfolio.json"'
    exports.write_json(response, organisation, round_)
    return response


@no_store
@funder_view()
def portfolio_pdf(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    summary = board.portfolio_board(
        organisation, _round(request, organisation), Filter.parse(request.GET.get("show", ""))
    )
    try:
        pdf = board.portfolio_pdf(summary)
    except PdfUnavailable as problem:
        messages.error(request, str(problem))
        return redirect("funders:portfolio", organisation.slug)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{organisation.slug}-portfolio.pdf"'
    return response
