import hashlib
import json

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from digikind.accounts.models import User
from digikind.orgs.models import Membership, Organisation
from digikind.orgs.tenancy import get_for_org, lead_view, org_view
from digikind.records import dashboard, services
from digikind.records.forms import FORMS, PUBLIC_FIELDS, CorrectionForm
from digikind.records.models import Entry, Kind, Subject

WRITERS = ("lead", "staff", "volunteer")


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _membership(request: HttpRequest) -> Membership:
    membership = getattr(request, "membership", None)
    assert isinstance(membership, Membership)
    return membership


def _readable(request: HttpRequest, organisation: Organisation, entry_id: int) -> Entry:
    """Leads read every entry; everyone else only the entries they wrote."""
    entry = get_for_org(
        Entry.objects.select_related("subject", "corrects"), organisation, pk=entry_id
    )
    if _membership(request).role != "lead" and entry.author_id != request.user.pk:
        raise Http404("No such record.")
    return entry


def _saved_once(form_id: str, entry: Entry | None = None) -> int | None:
    """The entry a form was already saved as (a double click, or the back button), if any."""
    # The id comes from the browser, so only its hash goes into the cache key.
    key = f"records-form:{hashlib.sha256(form_id.encode()).hexdigest()}"
    if entry is None:
        found = cache.get(key)
        return int(found) if found else None
    cache.set(key, entry.pk, timeout=60 * 60 * 24)
    return entry.pk


@org_view(roles=WRITERS)
def records_home(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    lead = _membership(request).role == "lead"
    mine = (
        Entry.objects.for_org(organisation).filter(author=request.user.pk).exclude(kind=Kind.VIEWED)
    )
    ctx: dict[str, object] = {
        "organisation": organisation,
        "lead": lead,
        "mine": mine.order_by("-seq")[:20],
        "kinds": [(k, Kind(k).label) for k in FORMS],
    }
    if lead:
        weekly, by_channel = dashboard.out_of_hours(organisation)
        ctx.update(
            concerns=dashboard.open_concerns(organisation),
            consents=dashboard.consents_to_watch(organisation),
            weekly=weekly,
            by_channel=by_channel,
        )
    return render(request, "records/records_home.html", ctx)


@org_view(roles=WRITERS)
def record_new(request: HttpRequest, organisation: Organisation, kind: str) -> HttpResponse:
    form_class = FORMS.get(kind)
    if form_class is None:
        raise Http404("No such kind of record.")
    form = form_class(request.POST if request.method == "POST" else None, organisation=organisation)
    if request.method == "POST":
        earlier = _saved_once(request.POST.get("form_id", ""))
        if earlier:
            messages.info(request, "This was already saved. Here it is.")
            return redirect("records:detail", organisation.slug, earlier)
        if form.is_valid():
            data = {**form.cleaned_data, "person_kind": form_class.person_kind}
            try:
                entry = services.record(
                    organisation,
                    kind,
                    data,
                    author=_user(request),
                    public_fields=PUBLIC_FIELDS[kind],
                )
            except services.RecordError as error:
                form.add_error(None, str(error))
            else:
                _saved_once(form.cleaned_data["form_id"], entry)
                messages.success(request, f"Saved as record {entry.seq}.")
                return redirect(entry)
    ctx = {"organisation": organisation, "form": form, "kind": Kind(kind).label}
    return render(request, "records/record_new.html", ctx)


@org_view(roles=WRITERS)
def entry_detail(request: HttpRequest, organisation: Organisation, entry_id: int) -> HttpResponse:
    entry = _readable(request, organisation, entry_id)
    if entry.kind == Kind.CONCERN:
        services.viewed(entry, by=_user(request))
    history = [(c, services.sensitive(c)) for c in entry.corrections.order_by("seq")]
    ctx = {
        "organisation": organisation,
        "entry": entry,
        "private": services.sensitive(entry),
        "history": history,
        "form": CorrectionForm(),
    }
    return render(request, "records/entry_detail.html", ctx)


@require_POST
@org_view(roles=WRITERS)
def entry_correct(request: HttpRequest, organisation: Organisation, entry_id: int) -> HttpResponse:
    entry = _readable(request, organisation, entry_id)
    form = CorrectionForm(request.POST)
    if _saved_once(request.POST.get("form_id", "")):
        return redirect(entry)
    if form.is_valid():
        correction = services.correct(entry, form.cleaned_data["note"], author=_user(request))
        _saved_once(form.cleaned_data["form_id"], correction)
        messages.success(request, "Your correction is added. The original stays as it was.")
        return redirect(entry)
    messages.error(request, "Write the correction or addition, then save it.")
    return redirect(entry)


@lead_view
def people(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    subjects = Subject.objects.for_org(organisation)
    return render(
        request, "records/people.html", {"organisation": organisation, "subjects": subjects}
    )


@lead_view
def person_export(
    request: HttpRequest, organisation: Organisation, subject_id: int
) -> HttpResponse:
    subject = get_for_org(Subject.objects.all(), organisation, pk=subject_id)
    response = HttpResponse(
        json.dumps(services.export_person(subject), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{subject.reference}.json"'
    return response


@lead_view
def person_erase(request: HttpRequest, organisation: Organisation, subject_id: int) -> HttpResponse:
    subject = get_for_org(Subject.objects.all(), organisation, pk=subject_id)
    if request.method == "POST":
        try:
            services.erase_person(subject, by=_user(request))
        except services.RecordError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, f"{subject.reference}'s personal details can no longer be read by anyone."
            )
        return redirect("records:people", organisation.slug)
    return render(
        request, "records/person_erase.html", {"organisation": organisation, "subject": subject}
    )
