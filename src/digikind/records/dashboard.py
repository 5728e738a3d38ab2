"""What a lead sees first: open concerns, consents about to end, and out-of-hours contact."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Q
from django.utils import formats

from digikind.orgs.models import Organisation
from digikind.records import kinds, services
from digikind.records.models import HAPPENED_AT, Entry, Kind, PublicText


@dataclass
class OutOfHours:
    label: str
    total: int
    out_of_hours: int

    @property
    def share(self) -> int:
        return round(100 * self.out_of_hours / self.total) if self.total else 0


def open_concerns(organisation: Organisation) -> list[tuple[Entry, str]]:
    """Concerns still open, with their next step (filtered in the database, read in one go)."""
    concerns = list(
        Entry.objects.for_org(organisation)
        .filter(kind=Kind.CONCERN)
        .alias(status=PublicText("status"))
        .filter(status="open")
        .select_related("subject", "organisation")
    )
    return [
        (concern, str(opened.get("next_step") or "No next step written"))
        for concern, opened in zip(
            concerns, services.sensitive_many(organisation, concerns), strict=True
        )
    ]


# How long an ended or withdrawn consent stays on the records home (all of them are in the
# record list, under "Ended consents").
RECENTLY_ENDED_DAYS = 90


def consents_to_watch(
    organisation: Organisation, within_days: int = 30, today: date | None = None
) -> list[tuple[Entry, str]]:
    """Consents withdrawn or ended in the last 90 days, or ending in the next `within_days`."""
    today = today or date.today()
    soon = (today + timedelta(days=within_days)).isoformat()
    recent = (today - timedelta(days=RECENTLY_ENDED_DAYS)).isoformat()
    consents = (
        Entry.objects.for_org(organisation)
        .filter(kind=Kind.CONSENT)
        .alias(expires=PublicText("expires_on"), withdrawn=PublicText("withdrawn_on"))
        .filter(Q(withdrawn__gte=recent) | Q(expires__gte=recent, expires__lte=soon))
        .select_related("subject", "organisation")
    )
    found: list[tuple[Entry, str]] = []
    for consent in consents:
        expires = consent.public.get("expires_on")
        if consent.public.get("withdrawn_on"):
            found.append((consent, "Withdrawn"))
        elif expires:
            found.append(
                (
                    consent,
                    "Ended" if expires < today.isoformat() else f"Ends {kinds.uk_date(expires)}",
                )
            )
    return found


@dataclass(frozen=True)
class Contact:
    day: date
    out_of_hours: bool
    channel: str


def recent_contacts(
    organisation: Organisation, weeks: int = 8, today: date | None = None
) -> list[Contact]:
    """Recorded digital contact in the last `weeks` weeks, with when it happened.

    Filtered in the database on the indexed "happened at" text (ISO dates sort as text: any
    time on or after `since` starts with a date that sorts at or after it), so the cost is
    the contacts shown, not every contact ever recorded."""
    since = (today or date.today()) - timedelta(weeks=weeks)
    recent = (
        Entry.objects.for_org(organisation)
        .filter(kind=Kind.CONTACT)
        .alias(happened=HAPPENED_AT)
        .filter(happened__gte=since.isoformat())
        .order_by()
        # Just the three fields shown, not every contact's whole JSON.
        .values_list(HAPPENED_AT, PublicText("out_of_hours"), PublicText("channel_name"))
    )
    found = []
    for when, out_of_hours, channel in recent:
        day = datetime.fromisoformat(when).date()
        if day < since:
            continue
        # JSON true reads as 1 from SQLite and as "true" from PostgreSQL.
        late = out_of_hours in (1, True, "true")
        found.append(Contact(day, late, channel or "Unknown"))
    return found


def out_of_hours(
    organisation: Organisation, weeks: int = 8
) -> tuple[list[OutOfHours], list[OutOfHours]]:
    """The share of recorded contact outside agreed hours, by week and by channel."""
    by_week: dict[date, Counter[str]] = defaultdict(Counter)  # by the week's Monday
    by_channel: dict[str, Counter[str]] = defaultdict(Counter)
    for contact in recent_contacts(organisation, weeks):
        monday = contact.day - timedelta(days=contact.day.weekday())
        for counts in (by_week[monday], by_channel[contact.channel]):
            counts["total"] += 1
            counts["out"] += 1 if contact.out_of_hours else 0
    return (
        [
            OutOfHours(f"Week of {formats.date_format(k, 'j F')}", v["total"], v["out"])
            for k, v in sorted(by_week.items())
        ],
        [OutOfHours(k, v["total"], v["out"]) for k, v in sorted(by_channel.items())],
    )
