import csv

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from digikind.accounts.models import User
from digikind.editing import rebased_form
from digikind.nostore import no_store
from digikind.orgs.models import Organisation
from digikind.orgs.tenancy import get_for_org, lead_view, org_view
from digikind.register import knowledge, services
from digikind.register.conflicts import Flag, flags
from digikind.register.forms import AssessmentForm, ChannelForm, PlatformForm, initial_for
from digikind.register.models import Channel
from digikind.spreadsheet import safe_cell

READERS = ("lead", "trustee")


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _rows(organisation: Organisation) -> list[tuple[Channel, list[Flag]]]:
    channels = Channel.objects.for_org(organisation).prefetch_related("assessments")
    return [(c, flags(c, has_assessment=bool(c.assessments.all()))) for c in channels]


@org_view(roles=READERS)
def channel_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    rows = _rows(organisation)
    flagged = sum(1 for _c, found in rows if found)
    return render(
        request,
        "register/channel_list.html",
        {"organisation": organisation, "rows": rows, "flagged": flagged},
    )


@no_store
@org_view(roles=READERS)
def channel_print(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return render(
        request,
        "register/channel_print.html",
        {"organisation": organisation, "rows": _rows(organisation)},
    )


@no_store
@org_view(roles=READERS)
def channel_export(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{organisation.slug}-channels.csv"'
    writer = csv.writer(response)
    columns = [
        "platform",
        "account_name",
        "purpose",
        "rationale",
        "owner",
        "others_with_access",
        "official",
        "youngest_age",
        "oldest_age",
        "one_to_one",
        "receives_messages",
        "keeps_records",
        "followers_visible",
        "managers_trained",
        "devices",
        "review_date",
    ]
    writer.writerow([*columns, "latest_risk_assessment", "residual_risk", "flags"])
    for channel, found in _rows(organisation):
        latest = next(iter(channel.assessments.all()), None)
        values = [_display(channel, c) for c in columns]
        values[0] = channel.platform_name
        row = [
            *values,
            latest.signed_off_on if latest else "",
            latest.get_residual_risk_display() if latest else "",
            " | ".join(f.message for f in found),
        ]
        writer.writerow([safe_cell(v) for v in row])
    return response


def _display(channel: Channel, field: str) -> object:
    """A channel's field as a person reads it: a choice's label rather than its stored id."""
    getter = getattr(channel, f"get_{field}_display", None)
    return getter() if getter else getattr(channel, field)


@lead_view
def channel_new(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    platform_id = request.GET.get("platform") or request.POST.get("platform")
    choices = {p for p, _name in knowledge.platform_choices()}
    if platform_id is None or platform_id not in choices:
        platform_form = PlatformForm(request.GET or None)
        ctx = {"organisation": organisation, "form": platform_form}
        return render(request, "register/channel_platform.html", ctx)
    platform = knowledge.platforms().get(platform_id)
    if request.method == "POST":
        form = ChannelForm(request.POST, platform=platform_id)
        if form.is_valid():
            try:
                channel = services.create_channel(
                    organisation, form.channel_fields(), by=_user(request)
                )
            except services.RegisterError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Added to the register. Next, add a risk assessment.")
                return redirect(channel)
    else:
        form = ChannelForm(
            initial={"platform": platform_id, **initial_for(platform)}, platform=platform_id
        )
    ctx = {
        "organisation": organisation,
        "form": form,
        "platform": platform,
        "facts": knowledge.fact_rows(platform),
    }
    return render(request, "register/channel_form.html", ctx)


@lead_view
def channel_edit(request: HttpRequest, organisation: Organisation, channel_id: int) -> HttpResponse:
    channel = get_for_org(Channel.objects.all(), organisation, pk=channel_id)
    platform = knowledge.platforms().get(channel.platform)
    current = None
    if request.method == "POST":
        form = ChannelForm(request.POST, platform=channel.platform)
        if form.is_valid():
            try:
                services.update_channel(
                    channel,
                    form.channel_fields(),
                    seen_version=form.cleaned_data.get("version") or 0,
                    by=_user(request),
                )
            except services.EditConflict as conflict:
                current = conflict.current
                form = rebased_form(
                    ChannelForm, request, current.version, str(conflict), platform=channel.platform
                )
            except services.RegisterError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Saved.")
                return redirect(channel)
    else:
        initial = {
            field: getattr(channel, field)
            for field in ChannelForm.base_fields
            if hasattr(channel, field)
        }
        initial.update(
            official="yes" if channel.official else "no",
            one_to_one="yes" if channel.one_to_one else "no",
            receives_messages="yes" if channel.receives_messages else "no",
            version=channel.version,
            other_minimum_age=channel.own_facts.get("minimum_age_uk"),
            other_organisational_use=channel.own_facts.get("organisational_use"),
        )
        form = ChannelForm(initial=initial, platform=channel.platform)
    ctx = {
        "organisation": organisation,
        "form": form,
        "platform": platform,
        "channel": channel,
        "current": current,
        "facts": knowledge.fact_rows(platform),
    }
    return render(request, "register/channel_form.html", ctx)


@org_view(roles=READERS)
def channel_detail(
    request: HttpRequest, organisation: Organisation, channel_id: int
) -> HttpResponse:
    channel = get_for_org(
        Channel.objects.prefetch_related("assessments"), organisation, pk=channel_id
    )
    assessments = list(channel.assessments.all())
    platform = knowledge.platforms().get(channel.platform)
    ctx = {
        "organisation": organisation,
        "channel": channel,
        "platform": platform,
        "facts": knowledge.fact_rows(platform),
        "flags": flags(channel, has_assessment=bool(assessments)),
        "assessment": assessments[0] if assessments else None,
        "history": assessments[1:],
        "mitigations": knowledge.mitigations(),
    }
    return render(request, "register/channel_detail.html", ctx)


@lead_view
def channel_assess(
    request: HttpRequest, organisation: Organisation, channel_id: int
) -> HttpResponse:
    channel = get_for_org(Channel.objects.all(), organisation, pk=channel_id)
    form = AssessmentForm(request.POST) if request.method == "POST" else AssessmentForm()
    if request.method == "POST" and form.is_valid():
        services.add_assessment(channel, form.cleaned_data)
        messages.success(request, "Risk assessment saved.")
        return redirect(channel)
    return render(
        request,
        "register/channel_assess.html",
        {"organisation": organisation, "channel": channel, "form": form},
    )
