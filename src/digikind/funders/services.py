"""Every change a funder or a grantee makes: adding grantees, asking, reminding, answering,
sharing and withdrawing. Each runs in one transaction; `FunderError` carries a plain message."""

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from digikind.accounts.models import User
from digikind.funders.models import (
    Answer,
    Figure,
    Grantee,
    GranteeCode,
    Publication,
    Request,
    Round,
    Sharing,
)
from digikind.funders.question_sets import question_sets
from digikind.funders.summary import PARTS, data_lines, score_lines
from digikind.orgs import services as org_services
from digikind.orgs.models import Membership, Organisation
from digikind.orgs.roles import MemberRole, OrganisationKind
from digikind.records import services as records
from digikind.reviews.privacy import MIN_GROUP


class FunderError(Exception):
    """Something that cannot be done; the message says what to do instead."""


def grantee_code(organisation: Organisation) -> GranteeCode:
    code = GranteeCode.objects.for_org(organisation).first()
    return code or GranteeCode.objects.create(organisation=organisation)


def _grantee_details(details: dict[str, str]) -> dict[str, str]:
    keys = ("region", "size", "programme", "kind", "identifier")
    return {k: (details.get(k) or "").strip() for k in keys}


@transaction.atomic
def add_grantee_by_code(funder: Organisation, code: str, details: dict[str, str]) -> Grantee:
    found = (
        GranteeCode.objects.select_related("organisation").filter(code=code.strip().upper()).first()
    )
    if found is None:
        raise FunderError(
            "We cannot find that code. Check it with the group: it looks like ABCD-EFGH-JKLM."
        )
    grantee = found.organisation
    if grantee.is_funder or grantee == funder:
        raise FunderError("That code belongs to a funder. Ask the group for its own code.")
    if Grantee.objects.for_org(funder).filter(grantee=grantee).exists():
        raise FunderError(f"{grantee.name} is already in your portfolio.")
    return Grantee.objects.create(organisation=funder, grantee=grantee, **_grantee_details(details))


@transaction.atomic
def invite_new_grantee(
    funder: Organisation, name: str, email: str, details: dict[str, str], *, invited_by: User
) -> Grantee:
    """A group new to Digikind: make its organisation and invite its lead by email."""
    grantee = org_services.create_organisation(name, acting_user=invited_by)
    try:
        org_services.invite_member(grantee, email, MemberRole.LEAD, invited_by=invited_by)
    except org_services.OrgError as error:
        raise FunderError(str(error)) from None
    return Grantee.objects.create(
        organisation=funder,
        grantee=grantee,
        invited_email=email.strip().lower(),
        **_grantee_details(details),
    )


def _leads(organisation: Organisation) -> list[str]:
    return list(
        Membership.objects.for_org(organisation)
        .filter(role=MemberRole.LEAD)
        .values_list("user__email", flat=True)
    )


def _email(request: Request, template: str) -> None:
    to = _leads(request.organisation)
    if not to:
        return
    context = {
        "request": request,
        "url": settings.SITE_URL + request.get_absolute_url(),
    }
    subject = render_to_string(f"funders/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"funders/email/{template}_message.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, None, to))


@transaction.atomic
def ask(
    funder: Organisation, name: str, question_set: str, due_on: date, *, by: User | None
) -> Round:
    """Send a round of questions to every grantee in the portfolio."""
    if question_set not in question_sets():
        raise FunderError("Choose one of the question sets.")
    if due_on < timezone.localdate():
        raise FunderError("The due date has passed. Choose a date from today on.")
    grantees = list(Grantee.objects.for_org(funder).select_related("grantee"))
    if not grantees:
        raise FunderError("Add a grantee first, then ask your questions.")
    round_ = Round.objects.create(
        organisation=funder,
        name=name.strip() or "Questions",
        question_set=question_set,
        due_on=due_on,
        created_by=by,
    )
    for grantee in grantees:
        request = Request.objects.create(
            organisation=grantee.grantee, round=round_, grantee=grantee, funder=funder
        )
        _email(request, "request")
    return round_


@transaction.atomic
def remind(round_: Round) -> int:
    """Remind every grantee that has not answered yet; returns how many."""
    waiting = list(
        round_.requests.filter(answered_at=None).select_related("organisation", "round", "funder")
    )
    now = timezone.now()
    for request in waiting:
        request.reminded_at = now
        request.save(update_fields=["reminded_at"])
        _email(request, "reminder")
    return len(waiting)


def active_sharing(organisation: Organisation, funder: Organisation) -> Sharing | None:
    return Sharing.objects.for_org(organisation).filter(funder=funder, withdrawn_at=None).first()


def _log(
    organisation: Organisation, funder: Organisation, decision: str, parts: str, by: User | None
) -> None:
    records.append(
        organisation,
        "sharing",
        author=by,
        public={"funder": funder.name, "decision": decision, "parts": parts},
    )


def _parts_text(parts: list[str]) -> str:
    return "; ".join(PARTS[p] for p in PARTS if p in parts) or "Nothing"


@transaction.atomic
def answer(
    request: Request,
    answers: dict[str, str],
    parts: list[str],
    *,
    share: bool,
    by: User | None,
    carried: dict[str, str] | None = None,
) -> None:
    """Save the grantee's answers and the summary it agreed to share (only the parts chosen)."""
    request = (
        Request.objects.select_for_update().select_related("round", "funder").get(pk=request.pk)
    )
    question_set = question_sets()[request.round.question_set]
    missing = [q.ask for q in question_set.questions if q.id not in answers]
    if missing:
        raise FunderError(f"Answer every question. Still to answer: {missing[0]}")
    carried = carried or {}
    now = timezone.now()
    request.answers.all().delete()
    Answer.objects.bulk_create(
        Answer(
            request=request,
            question=q.id,
            value=answers[q.id],
            carried_from=carried.get(q.id, "") if carried.get(q.id) else "",
            answered_at=now,
        )
        for q in question_set.questions
    )
    parts = [p for p in PARTS if p in parts] if share else []
    lines = [*score_lines(question_set, answers), *data_lines(request.organisation)]
    request.figures.all().delete()
    Figure.objects.bulk_create(
        Figure(request=request, part=line.part, name=line.name, value=line.value)
        for line in lines
        if line.part in parts
    )
    request.answered_at = now
    request.answered_by = by
    request.parts_shared = parts
    request.save(update_fields=["answered_at", "answered_by", "parts_shared"])
    sharing = active_sharing(request.organisation, request.funder)
    if share and sharing is None:
        Sharing.objects.create(
            organisation=request.organisation, funder=request.funder, given_by=by
        )
        _log(request.organisation, request.funder, "Agreed to share", _parts_text(parts), by)
    elif share:
        _log(request.organisation, request.funder, "Shared again", _parts_text(parts), by)
    elif sharing is not None:
        _withdraw(sharing, by)
    refresh_publications(request.funder)


def _withdraw(sharing: Sharing, by: User | None) -> None:
    sharing.withdrawn_at = timezone.now()
    sharing.withdrawn_by = by
    sharing.save(update_fields=["withdrawn_at", "withdrawn_by"])
    _log(sharing.organisation, sharing.funder, "Withdrew consent", "Nothing from now on", by)


@transaction.atomic
def withdraw(organisation: Organisation, funder: Organisation, *, by: User | None) -> None:
    sharing = active_sharing(organisation, funder)
    if sharing is None:
        raise FunderError(f"You are not sharing anything with {funder.name}.")
    _withdraw(sharing, by)
    refresh_publications(funder)


# Publishing: which grantees the portfolio's figures are added up from.


def live_members(round_: Round) -> set[int]:
    """Answered requests of the round whose grantee shares with the funder today."""
    sharing = Sharing.objects.filter(funder=round_.organisation, withdrawn_at=None)
    return set(
        round_.requests.filter(
            answered_at__isnull=False,
            organisation__in=sharing.values("organisation"),
        ).values_list("pk", flat=True)
    )


def _cells(round_: Round, members: set[int]) -> dict[tuple[str, str, str], set[int]]:
    """The members behind each figure a page can show: by part, and for the whole portfolio
    or one filter value (the portfolio offers one filter at a time)."""
    from digikind.funders.portfolio import DIMENSIONS

    rows = Request.objects.filter(pk__in=members).values_list(
        "pk", "parts_shared", *(f"grantee__{d}" for d in DIMENSIONS)
    )
    cells: dict[tuple[str, str, str], set[int]] = {}
    for pk, parts, *values in rows:
        for part in parts:
            cells.setdefault((part, "", ""), set()).add(pk)
            for dimension, value in zip(DIMENSIONS, values, strict=True):
                cells.setdefault((part, dimension, value), set()).add(pk)
    return cells


def _safe_after(
    earlier: dict[tuple[str, str, str], set[int]], now: dict[tuple[str, str, str], set[int]]
) -> bool:
    """Whether figures from `now` can be shown after `earlier` was: every group behind a
    figure is the same as before, or has changed by at least MIN_GROUP grantees."""
    for cell in earlier.keys() | now.keys():
        before, after = earlier.get(cell, set()), now.get(cell, set())
        if min(len(before), len(after)) < MIN_GROUP:
            continue  # one of the two is too small to show any figure, so nothing to subtract
        changed = len(before ^ after)
        if 0 < changed < MIN_GROUP:
            return False
    return True


def refresh_publication(round_: Round) -> Publication | None:
    live = live_members(round_)
    publications = list(round_.publications.prefetch_related("members"))
    if publications and {m.pk for m in publications[0].members.all()} == live:
        return publications[0]
    now_cells = _cells(round_, live)
    for publication in publications:
        earlier = _cells(round_, {m.pk for m in publication.members.all()})
        if not _safe_after(earlier, now_cells):
            return None
    return publish(round_, live)


def publish(round_: Round, members: set[int] | list[int]) -> Publication:
    """A new set of figures for the round, from these answered requests, added up once."""
    from digikind.funders.portfolio import add_up

    publication = Publication.objects.create(organisation=round_.organisation, round=round_)
    publication.members.set(members)
    add_up(publication)
    return publication


def refresh_publications(funder: Organisation) -> None:
    for round_ in Round.objects.for_org(funder):
        refresh_publication(round_)


def is_funder(organisation: Organisation) -> bool:
    return organisation.kind == OrganisationKind.FUNDER
