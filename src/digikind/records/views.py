import hashlib
import json
from datetime import datetime

from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from digikind.accounts.models import User
from digikind.nostore import no_store
from digikind.orgs.models import Membership, Organisation
from digikind.orgs.tenancy import get_for_org, lead_view, org_view
from digikind.records import dashboard, kinds, listing, services
from digikind.records.forms import CorrectionForm, RecordFilterForm, RetentionForm, form_for
from digikind.records.models import Entry, Kind, Subject

WRITERS = ("lead", "staff", "volunteer")
PER_PAGE = 25


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _membership(request: HttpRequest) -> Membership:
    membership = getattr(request, "membership", None)
    assert isinstance(membership, Membership)
    return membership


def _lead(request: HttpRequest) -> bool:
    return _membership(request).role == "lead"


def _names(request: HttpRequest, organisation: Organisation) -> dict[int, str]:
    return services.visible_names(organisation, _user(request), lead=_lead(request))


def _readable(request: HttpRequest, organisation: Organisation, entry_id: int) -> Entry:
    """Leads read every entry; everyone else only the entries they wrote."""
    entry = get_for_org(
        Entry.objects.select_related("subject", "corrects", "author"), organisation, pk=entry_id
    )
    if not _lead(request) and entry.author_id != request.user.pk:
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


@no_store
@org_view(roles=WRITERS)
def records_home(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    lead, names = _lead(request), _names(request, organisation)
    mine = listing.readable(organisation, request.user.pk, lead=False).select_related(
        "subject", "organisation"
    )
    ctx: dict[str, object] = {
        "organisation": organisation,
        "lead": lead,
        "mine": [(e, listing.about(e, names)) for e in mine.order_by("-seq")[:20]],
        "kinds": [(k.id, k.label) for k in kinds.form_kinds().values()],
    }
    if lead:
        weekly, by_channel = dashboard.out_of_hours(organisation)
        ctx.update(
            concerns=[
                (e, step, listing.about(e, names))
                for e, step in dashboard.open_concerns(organisation)
            ],
            consents=[
                (e, state, listing.about(e, names))
                for e, state in dashboard.consents_to_watch(organisation)
            ],
            weekly=weekly,
            by_channel=by_channel,
        )
    return render(request, "records/records_home.html", ctx)


@no_store
@org_view(roles=WRITERS)
def record_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    lead, names = _lead(request), _names(request, organisation)
    people = listing.people_choices(organisation, names, lead=lead, viewer_id=request.user.pk)
    form = RecordFilterForm(request.GET or None, organisation=organisation, people=people)
    found: list[listing.Listed] = []
    if not form.is_bound or form.is_valid():
        choices = form.cleaned_data if form.is_bound else {}
        found = listing.filtered(
            organisation, choices, viewer_id=request.user.pk, lead=lead, names=names
        )
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    ctx = {"organisation": organisation, "form": form, "page": page, "lead": lead}
    return render(request, "records/record_list.html", ctx)


@no_store
@org_view(roles=WRITERS)
def record_new(request: HttpRequest, organisation: Organisation, kind: str) -> HttpResponse:
    try:
        form_class = form_for(kind)
    except KeyError:
        raise Http404("No such kind of record.") from None
    form = form_class(
        request.POST if request.method == "POST" else None,
        organisation=organisation,
        names=_names(request, organisation),
    )
    if request.method == "POST":
        earlier = _saved_once(request.POST.get("form_id", ""))
        if earlier:
            messages.info(request, "This was already saved. Here it is.")
            return redirect("records:detail", organisation.slug, earlier)
        if form.is_valid():
            try:
                entry = services.record(
                    organisation, kind, form.cleaned_data, author=_user(request)
                )
            except services.RecordError as error:
                form.add_error(None, str(error))
            else:
                _saved_once(form.cleaned_data["form_id"], entry)
                messages.success(request, f"Saved as record {entry.seq}.")
                return redirect(entry)
    ctx = {"organisation": organisation, "form": form, "kind": form_class.kind.label}
    return render(request, "records/record_new.html", ctx)


@no_store
@org_view(roles=WRITERS)
def entry_detail(request: HttpRequest, organisation: Organisation, entry_id: int) -> HttpResponse:
    entry = _readable(request, organisation, entry_id)
    if entry.kind == Kind.CONCERN:
        services.viewed(entry, by=_user(request))
    rows, erased = services.details(entry)
    ctx = {
        "organisation": organisation,
        "entry": entry,
        "author": services.author_name(entry),
        "about": listing.about(entry, _names(request, organisation)),
        "status": kinds.status_label(entry.kind, kinds.status(entry.kind, entry.public)),
        "rows": rows,
        "erased": erased,
        "history": services.history(entry),
        "form": CorrectionForm(),
    }
    return render(request, "records/entry_detail.html", ctx)


@no_store
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


@no_store
@lead_view
def people(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    subjects = Subject.objects.for_org(organisation)
    names = _names(request, organisation)
    rows = [(subject, names.get(subject.pk, "")) for subject in subjects]
    return render(request, "records/people.html", {"organisation": organisation, "rows": rows})


@no_store
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


@no_store
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


@no_store
@lead_view
def retention(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    current = services.retention_days(organisation)
    form = RetentionForm(request.POST or None, initial=current)
    if request.method == "POST" and form.is_valid():
        services.set_retention(organisation, form.cleaned_data)
        messages.success(request, "Saved how long records are kept.")
        return redirect("records:retention", organisation.slug)
    due = services.due_for_erasure(organisation, current)
    rows = [
        (kind, current[kind.id], len(due.get(kind.id, [])), form[kind.id])
        for kind in kinds.form_kinds().values()
    ]
    ctx = {
        "organisation": organisation,
        "form": form,
        "rows": rows,
        "due_total": sum(len(v) for v in due.values()),
        "check": services.verify(organisation).result,
    }
    return render(request, "records/retention.html", ctx)


@no_store
@lead_view
def retention_erase(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    current = services.retention_days(organisation)
    due = services.due_for_erasure(organisation, current)
    due_total = sum(len(v) for v in due.values())
    if request.method == "POST":
        as_of = _as_of(request.POST.get("as_of", ""))
        due = services.due_for_erasure(organisation, current, now=as_of)
        due_total = sum(len(v) for v in due.values())
        if not due_total:
            messages.info(request, "No records were due, so nothing was erased.")
        else:
            erased = services.expire(organisation, current, today=as_of, by=_user(request))
            messages.success(
                request,
                f"The details of {erased} record{'s' if erased != 1 else ''} are erased for good.",
            )
        return redirect("records:retention", organisation.slug)
    rows = [(kinds.kinds()[k].label, len(v)) for k, v in due.items() if v]
    ctx = {
        "organisation": organisation,
        "rows": rows,
        "due_total": due_total,
        "as_of": timezone.now().isoformat(),
    }
    return render(request, "records/retention_erase.html", ctx)


def _as_of(text: str) -> datetime:
    """The moment the confirmation page was shown, so only what it listed is erased."""
    now = timezone.now()
    try:
        shown = datetime.fromisoformat(text)
    except ValueError:
        return now
    return min(shown, now) if timezone.is_aware(shown) else now
