"""The list of records a person may read, filtered by kind, person, channel, date and status."""

from dataclasses import dataclass
from typing import Any

from digikind.orgs.models import Organisation
from digikind.records import kinds
from digikind.records.models import Entry, Kind


@dataclass(frozen=True)
class Listed:
    entry: Entry
    about: str
    status: str


def readable(organisation: Organisation, viewer_id: int | None, *, lead: bool) -> Any:
    """Leads read every entry; everyone else only the entries they wrote. Views of a concern
    are not records of their own: they show in the concern's history."""
    entries = Entry.objects.for_org(organisation).exclude(kind=Kind.VIEWED)
    return entries if lead else entries.filter(author=viewer_id)


def filtered(
    organisation: Organisation,
    choices: dict[str, Any],
    *,
    viewer_id: int | None,
    lead: bool,
    names: dict[int, str],
) -> list[Listed]:
    """Newest first. `choices` is a valid RecordFilterForm's cleaned data."""
    entries = readable(organisation, viewer_id, lead=lead).select_related(
        "subject", "author", "organisation"
    )
    status = choices.get("status") or ""
    status_kind, _, status_id = status.partition(":")
    kind = choices.get("kind") or status_kind
    if kind:
        entries = entries.filter(kind=kind)
    if status_kind and kind != status_kind:
        return []
    if choices.get("person"):
        entries = entries.filter(subject_id=int(choices["person"]))
    if choices.get("channel"):
        entries = entries.filter(public__channel=int(choices["channel"]))
    if choices.get("written_from"):
        entries = entries.filter(created_at__date__gte=choices["written_from"])
    if choices.get("written_to"):
        entries = entries.filter(created_at__date__lte=choices["written_to"])
    found = []
    for entry in entries.order_by("-seq"):
        state = kinds.status(entry.kind, entry.public)
        if status_id and state != status_id:
            continue
        found.append(Listed(entry, about(entry, names), kinds.status_label(entry.kind, state)))
    return found


def about(entry: Entry, names: dict[int, str]) -> str:
    """Who the entry is about, by name where the viewer may see it."""
    if entry.subject is None:
        return ""
    name = names.get(entry.subject.pk)
    return f"{name} ({entry.subject.reference})" if name else entry.subject.reference


def people_choices(
    organisation: Organisation, names: dict[int, str], *, lead: bool, viewer_id: int | None
) -> list[tuple[str, str]]:
    """The people a viewer can filter by: everyone for a lead, else those in their own records."""
    from digikind.records.models import Subject

    people = Subject.objects.for_org(organisation)
    if not lead:
        people = people.filter(entries__author=viewer_id).distinct()
    return [
        (str(p.pk), f"{names[p.pk]} ({p.reference})" if p.pk in names else p.reference)
        for p in people
    ]
