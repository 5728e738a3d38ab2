from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from digikind.accounts.models import User
from digikind.editing import rebased_form
from digikind.gaps import exports, progress, services
from digikind.gaps.forms import ActionForm
from digikind.gaps.models import Action, Status
from digikind.gaps.report import build
from digikind.nostore import no_store
from digikind.orgs.models import Organisation
from digikind.orgs.tenancy import get_for_org, lead_view, org_view

READERS = ("lead", "trustee")


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


@org_view(roles=READERS)
def gap_report(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    report = build(organisation)
    planned = set(
        Action.objects.for_org(organisation).exclude(gap_key="").values_list("gap_key", flat=True)
    )
    return render(
        request,
        "gaps/gap_report.html",
        {"organisation": organisation, "report": report, "planned": planned},
    )


@no_store
@org_view(roles=READERS)
def gap_export(request: HttpRequest, organisation: Organisation, file_format: str) -> HttpResponse:
    if file_format not in ("csv", "json"):
        raise Http404("Gaps can be downloaded as CSV or JSON.")
    rows = exports.gap_rows(build(organisation))
    return exports.download(rows, f"{organisation.slug}-gaps", file_format)


def _actions(organisation: Organisation) -> list[progress.ActionRow]:
    actions = list(Action.objects.for_org(organisation))
    return progress.action_rows(actions, build(organisation))


@org_view(roles=READERS)
def action_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    rows = _actions(organisation)
    return render(
        request,
        "gaps/action_list.html",
        {
            "organisation": organisation,
            "rows": rows,
            "summary": progress.summary([r.action for r in rows]),
        },
    )


@no_store
@org_view(roles=READERS)
def action_export(
    request: HttpRequest, organisation: Organisation, file_format: str
) -> HttpResponse:
    if file_format not in ("csv", "json"):
        raise Http404("The action plan can be downloaded as CSV or JSON.")
    rows = exports.action_rows(_actions(organisation))
    return exports.download(rows, f"{organisation.slug}-actions", file_format)


def _from_gap(organisation: Organisation, key: str) -> dict[str, Any]:
    """A new action's first draft, from the gap it answers and its suggested options."""
    gap = build(organisation).gap(key) if key else None
    if gap is None:
        return {"status": Status.TO_DO}
    options = [
        f"{label}: {gap.actions[kind]}"
        for kind, label in (("technical", "Technical option"), ("social", "Social option"))
        if kind in gap.actions
    ]
    return {
        "title": gap.title,
        "topic": gap.topic,
        "detail": "\n\n".join(options),
        "status": Status.TO_DO,
        "gap_key": key,
    }


@lead_view
def action_new(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if request.method == "POST":
        form = ActionForm(request.POST)
        if form.is_valid():
            services.create_action(
                organisation,
                form.action_fields(),
                gap_key=form.cleaned_data.get("gap_key", ""),
                by=_user(request),
            )
            messages.success(request, "Action added to the plan.")
            return redirect("gaps:actions", organisation.slug)
    else:
        form = ActionForm(initial=_from_gap(organisation, request.GET.get("gap", "")))
    return render(
        request,
        "gaps/action_form.html",
        {"organisation": organisation, "form": form, "action": None, "current": None},
    )


@lead_view
def action_edit(request: HttpRequest, organisation: Organisation, action_id: int) -> HttpResponse:
    action = get_for_org(Action.objects.all(), organisation, pk=action_id)
    current = None
    if request.method == "POST":
        form = ActionForm(request.POST)
        if form.is_valid():
            try:
                services.update_action(
                    action, form.action_fields(), seen_version=form.cleaned_data["version"] or 0
                )
            except services.EditConflict as conflict:
                current = conflict.current
                form = rebased_form(ActionForm, request, current.version, str(conflict))
            else:
                messages.success(request, "Action saved.")
                return redirect(reverse("gaps:actions", args=[organisation.slug]))
    else:
        fields = [f for f in ActionForm.base_fields if hasattr(action, f)]
        form = ActionForm(initial={f: getattr(action, f) for f in fields})
    return render(
        request,
        "gaps/action_form.html",
        {"organisation": organisation, "form": form, "action": action, "current": current},
    )
