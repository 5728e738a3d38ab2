"""Every write to the records log, and the reading, exporting and erasing of it."""

import hashlib
import json
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.exceptions import InvalidTag
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from digikind.accounts.models import User
from digikind.orgs.models import Organisation
from digikind.records import chain, crypto, kinds
from digikind.records.models import (
    ChainHead,
    Entry,
    EntryKey,
    Kind,
    RecordSettings,
    Subject,
)

ERASED = {"erased": True}


class RecordError(Exception):
    """Something that cannot be recorded; the message says what to do instead."""


def chain_id(organisation: Organisation) -> int:
    """The id the organisation's chain and keys are bound to: its own, or the one it had in
    the Digikind it was imported from."""
    origin = (
        ChainHead.objects.filter(organisation=organisation)
        .values_list("origin_id", flat=True)
        .first()
    )
    return int(origin or organisation.pk)


def subject_id(subject: Subject) -> int:
    return int(subject.origin_id or subject.pk)


def entry_id(entry: Entry) -> int:
    return int(entry.origin_id or entry.pk)


def master_key(records_key: str | None = None) -> bytes:
    return hashlib.sha256(str(records_key or settings.RECORDS_KEY).encode()).digest()


def _org_key(organisation: Organisation, bound_to: int | None = None) -> bytes:
    """The organisation's key (`bound_to`: its chain id, when the caller has read it)."""
    return crypto.organisation_key(master_key(), bound_to or chain_id(organisation))


def _subject_key(subject: Subject, org_key: bytes | None = None) -> bytes | None:
    if subject.wrapped_key is None:
        return None
    return crypto.open_sealed(
        org_key or _org_key(subject.organisation),
        bytes(subject.wrapped_key),
        f"subject:{subject_id(subject)}".encode(),
    )


@transaction.atomic
def add_subject(organisation: Organisation, kind: str, name: str) -> Subject:
    """Someone entries can be about. Only a reference is kept in plain; the name is sealed."""
    key = crypto.new_key()
    for _attempt in range(5):
        reference = f"{'YP' if kind == 'young_person' else 'P'}-{secrets.randbelow(90000) + 10000}"
        if not Subject.objects.for_org(organisation).filter(reference=reference).exists():
            break
    subject = Subject.objects.create(organisation=organisation, reference=reference, kind=kind)
    subject.wrapped_key = crypto.seal(_org_key(organisation), key, f"subject:{subject.pk}".encode())
    subject.sealed_name = crypto.seal_json(
        key, {"name": name.strip()}, f"name:{subject.pk}".encode()
    )
    subject.save(update_fields=["wrapped_key", "sealed_name"])
    return subject


def subject_name(subject: Subject, org_key: bytes | None = None) -> str | None:
    key = _subject_key(subject, org_key)
    if key is None or subject.sealed_name is None:
        return None
    return str(
        crypto.open_json(key, bytes(subject.sealed_name), f"name:{subject_id(subject)}".encode())[
            "name"
        ]
    )


def _fields(entry: Entry, organisation_id: int | None = None) -> dict[str, Any]:
    """What the entry's hash covers (`organisation_id`: the chain's id, see chain_id)."""
    return {
        "organisation": organisation_id or chain_id(entry.organisation),
        "seq": entry.seq,
        "kind": entry.kind,
        "subject": entry.subject.reference if entry.subject is not None else None,
        "corrects": entry.corrects.seq if entry.corrects is not None else None,
        "author": entry.author_label,
        "created_at": entry.created_at.isoformat(),
        "public": entry.public,
        "sealed": bytes(entry.sealed).hex() if entry.sealed is not None else None,
    }


def append(
    organisation: Organisation,
    kind: str,
    *,
    author: User | None,
    public: dict[str, Any],
    sensitive: dict[str, Any] | None = None,
    subject: Subject | None = None,
    corrects: Entry | None = None,
) -> Entry:
    """Add one entry at the end of the organisation's chain; the chain is locked meanwhile."""
    if subject is not None and subject.wrapped_key is None:
        raise RecordError(
            "This person's records have been erased, so nothing more can be added about them."
        )
    ensure_head(organisation)
    with transaction.atomic():
        head = ChainHead.objects.select_for_update().get(organisation=organisation)
        bound_to = int(head.origin_id or organisation.pk)
        seq = head.seq + 1
        entry = Entry(
            organisation=organisation,
            seq=seq,
            kind=kind,
            subject=subject,
            corrects=corrects,
            author=author,
            author_label=author.email if author else "Digikind",
            created_at=timezone.now(),
            public=public,
        )
        key = None
        if sensitive:
            key = crypto.new_key()
            entry.sealed = crypto.seal_json(key, sensitive, f"entry:{bound_to}:{seq}".encode())
        entry.content_hash = chain.content_hash(_fields(entry, bound_to))
        entry.prev_hash = head.hash
        entry.hash = chain.link(head.hash, entry.content_hash)
        entry.save()
        if key is not None:
            wrapper = _subject_key(subject) if subject is not None else _org_key(organisation)
            assert wrapper is not None
            EntryKey.objects.create(
                entry=entry, wrapped_key=crypto.seal(wrapper, key, f"key:{entry.pk}".encode())
            )
        head.seq, head.hash = seq, entry.hash
        head.save(update_fields=["seq", "hash"])
    return entry


@dataclass
class NewEntry:
    """One entry for `append_many`."""

    kind: str
    public: dict[str, Any]
    sensitive: dict[str, Any] | None = None
    subject: Subject | None = None
    created_at: datetime | None = None


def append_many(organisation: Organisation, items: list[NewEntry], *, author: User | None) -> int:
    """Add many entries at the end of the chain in one transaction (imports, the bench's
    large organisation): the same hashes, keys and lock as `append`, written in bulk."""
    ensure_head(organisation)
    subject_keys: dict[int, bytes] = {}
    with transaction.atomic():
        head = ChainHead.objects.select_for_update().get(organisation=organisation)
        seq, prev = head.seq, head.hash
        entries, keys = [], []
        for item in items:
            if item.subject is not None and item.subject.wrapped_key is None:
                raise RecordError(
                    "This person's records have been erased, so nothing more can be added."
                )
            seq += 1
            entry = Entry(
                organisation=organisation,
                seq=seq,
                kind=item.kind,
                subject=item.subject,
                author=author,
                author_label=author.email if author else "Digikind",
                created_at=item.created_at or timezone.now(),
                public=item.public,
            )
            key = None
            if item.sensitive:
                key = crypto.new_key()
                entry.sealed = crypto.seal_json(
                    key, item.sensitive, f"entry:{organisation.pk}:{seq}".encode()
                )
            entry.content_hash = chain.content_hash(_fields(entry))
            entry.prev_hash = prev
            entry.hash = prev = chain.link(prev, entry.content_hash)
            entries.append(entry)
            keys.append(key)
        Entry.objects.bulk_create(entries, batch_size=1000)
        saved = dict(
            Entry.objects.for_org(organisation)
            .filter(seq__gt=head.seq, seq__lte=seq)
            .values_list("seq", "pk")
        )
        wrapped = []
        for entry, key in zip(entries, keys, strict=True):
            if key is None:
                continue
            pk = saved[entry.seq]
            if entry.subject is not None:
                if entry.subject.pk not in subject_keys:
                    subject_key = _subject_key(entry.subject)
                    assert subject_key is not None
                    subject_keys[entry.subject.pk] = subject_key
                wrapper = subject_keys[entry.subject.pk]
            else:
                wrapper = _org_key(organisation)
            wrapped.append(
                EntryKey(entry_id=pk, wrapped_key=crypto.seal(wrapper, key, f"key:{pk}".encode()))
            )
        EntryKey.objects.bulk_create(wrapped, batch_size=1000)
        head.seq, head.hash = seq, prev
        head.save(update_fields=["seq", "hash"])
    return len(entries)


def sensitive(entry: Entry) -> dict[str, Any]:
    """The entry's private fields, or {"erased": True} once its key or its person's key is gone."""
    if entry.sealed is None:
        return {}
    wrapped = EntryKey.objects.filter(entry=entry).values_list("wrapped_key", flat=True).first()
    wrapper = (
        _subject_key(entry.subject) if entry.subject is not None else _org_key(entry.organisation)
    )
    return _opened(entry, wrapped, wrapper, chain_id(entry.organisation))


def sensitive_many(organisation: Organisation, entries: Sequence[Entry]) -> list[dict[str, Any]]:
    """`sensitive` for many entries of one organisation (with their subjects selected): their
    keys in one query, each person's key opened once."""
    wrapped = dict(
        EntryKey.objects.filter(entry__in=[e for e in entries if e.sealed is not None]).values_list(
            "entry_id", "wrapped_key"
        )
    )
    bound_to = chain_id(organisation)
    org_key = _org_key(organisation, bound_to)
    people: dict[int, bytes | None] = {}
    found: list[dict[str, Any]] = []
    for entry in entries:
        if entry.sealed is None:
            found.append({})
            continue
        if entry.subject is None:
            wrapper: bytes | None = org_key
        else:
            if entry.subject.pk not in people:
                people[entry.subject.pk] = _subject_key(entry.subject, org_key)
            wrapper = people[entry.subject.pk]
        found.append(_opened(entry, wrapped.get(entry.pk), wrapper, bound_to))
    return found


def _opened(entry: Entry, wrapped: Any, wrapper: bytes | None, bound_to: int) -> dict[str, Any]:
    """Open one entry's private fields (`bound_to`: its chain's id, see chain_id)."""
    if entry.sealed is None:
        return {}
    if wrapped is None or wrapper is None:
        return dict(ERASED)
    try:
        key = crypto.open_sealed(wrapper, bytes(wrapped), f"key:{entry_id(entry)}".encode())
        return crypto.open_json(
            key,
            bytes(entry.sealed),
            f"entry:{bound_to}:{entry.seq}".encode(),
        )
    except InvalidTag:
        return {"unreadable": True}


@transaction.atomic
def erase_person(subject: Subject, *, by: User | None) -> Entry:
    """Forget the person's key: their entries stay in the chain but can never be read again."""
    if subject.wrapped_key is None:
        raise RecordError("This person's records were already erased.")
    Subject.objects.filter(pk=subject.pk).update(
        wrapped_key=None, sealed_name=None, erased_at=timezone.now()
    )
    subject.refresh_from_db()
    return append(
        subject.organisation, Kind.ERASURE, author=by, public={"person": subject.reference}
    )


@transaction.atomic
def erase_entry(entry: Entry, *, by: User | None, reason: str) -> Entry:
    EntryKey.objects.filter(entry=entry).delete()
    return append(
        entry.organisation, Kind.ERASURE, author=by, public={"entry": entry.seq, "reason": reason}
    )


@dataclass
class ChainCheck:
    organisation: Organisation
    result: chain.Verification


VERIFY_BATCH = 5000

# The hashed fields of one entry (`_fields`), with its stored hashes, read as plain values in
# the order stored. Times are read as stored text on SQLite: its driver's own time parser
# costs more than all the hashing.
_CHAIN_SQL = """
SELECT e.seq, e.kind, s.reference, c.seq, e.author_label, {created_at}, e.public, e.sealed,
       e.content_hash, e.prev_hash, e.hash
FROM records_entry e
LEFT JOIN records_subject s ON s.id = e.subject_id
LEFT JOIN records_entry c ON c.id = e.corrects_id
WHERE e.organisation_id = %s
ORDER BY e.seq, e.id
"""


def _chain_rows(organisation: Organisation) -> Iterator[tuple[int, str, str, str, str]]:
    """Each stored entry as (seq, its content hashed again, content_hash, prev_hash, hash),
    in the order stored, read in large batches with no model instances.

    The text hashed is exactly `chain.content_hash(_fields(entry))`: the same keys, sorted,
    with no spaces (a test keeps the two the same for every kind of value). The open fields
    are first hashed as stored (written by `chain.CanonicalEncoder`, that is the same text);
    only if that does not match are they parsed and written out again, which is what an older
    entry, or one stored by PostgreSQL, needs. Every other field ends unambiguously, so the
    stored text can only match if it is the very text that was hashed when written."""
    sqlite = connection.vendor == "sqlite"
    created_sql = "e.created_at || ''" if sqlite else "e.created_at"
    encode = chain.CanonicalEncoder().encode
    text = json.encoder.encode_basestring_ascii  # json.dumps of one string, as in the hash
    quoted: dict[str, str] = {}  # kinds, authors and people repeat: quote each once
    loads = json.loads
    sha256 = hashlib.sha256
    org_id = chain_id(organisation)  # hashed: an imported chain keeps its first id
    Q = '"'
    with connection.cursor() as cursor:
        cursor.execute(_CHAIN_SQL.format(created_at=created_sql), [organisation.pk])
        while batch := cursor.fetchmany(VERIFY_BATCH):
            for (
                seq,
                kind,
                subject,
                corrects,
                author,
                created_at,
                public,
                sealed,
                stored,
                prev,
                link,
            ) in batch:
                if sqlite:
                    # Stored as UTC "YYYY-MM-DD HH:MM:SS[.ffffff]"; read back, Django gives
                    # the same moment in UTC, whose isoformat() is this.
                    when = f"{created_at.replace(' ', 'T')}+00:00"
                else:
                    when = created_at.astimezone(UTC).isoformat()
                # Digits and letters only (times and hex), so quoting them needs no escapes.
                head = (
                    f'{{"author":{quoted.get(author) or quoted.setdefault(author, text(author))},'
                    f'"corrects":{"null" if corrects is None else int(corrects)},'
                    f'"created_at":"{when}",'
                    f'"kind":{quoted.get(kind) or quoted.setdefault(kind, text(kind))},'
                    f'"organisation":{org_id},"public":'
                )
                tail = (
                    f',"sealed":{"null" if sealed is None else f"{Q}{bytes(sealed).hex()}{Q}"},'
                    f'"seq":{int(seq)},'
                    f'"subject":{"null" if subject is None else text(subject)}}}'
                )
                if isinstance(public, str):
                    content = sha256(f"{head}{public}{tail}".encode()).hexdigest()
                    if content != stored:
                        public = loads(public)
                if not isinstance(public, str):
                    content = sha256(f"{head}{encode(public)}{tail}".encode()).hexdigest()
                yield seq, content, stored, prev, link


def verify(organisation: Organisation) -> ChainCheck:
    head = ChainHead.objects.filter(organisation=organisation).first()
    return ChainCheck(
        organisation,
        chain.verify_hashed(
            _chain_rows(organisation),
            head.seq if head else 0,
            head.hash if head else chain.GENESIS,
        ),
    )


def ensure_head(organisation: Organisation) -> None:
    """Make the chain's head row once; two first writers at the same moment are both fine."""
    if ChainHead.objects.filter(organisation=organisation).exists():
        return
    try:
        with transaction.atomic():
            ChainHead.objects.create(organisation=organisation)
    except IntegrityError:
        pass


def _plain(value: Any) -> Any:
    """Form values as JSON: dates as text, model objects as their id."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


def record(
    organisation: Organisation, kind: str, data: dict[str, Any], *, author: User | None
) -> Entry:
    """Save one record from a form: who it is about, its open fields, and its sealed ones."""
    definition = kinds.form_kinds()[kind]
    subject = data.get("person")
    if subject is None and (data.get("new_person") or "").strip():
        subject = add_subject(organisation, definition.person_kind, data["new_person"])
    public_fields = definition.public_fields
    skip = {"form_id", "person", "new_person", "channel"}
    public = {
        name: _plain(data[name]) for name in public_fields if name in data and name not in skip
    }
    if data.get("channel") is not None:
        channel = data["channel"]
        public.update(channel=channel.pk, channel_name=str(channel))
    private = {
        k: _plain(v)
        for k, v in data.items()
        if k not in skip and k not in public_fields and v not in ("", None, [])
    }
    return append(
        organisation, kind, author=author, public=public, sensitive=private or None, subject=subject
    )


def retention_days(organisation: Organisation) -> dict[str, int]:
    """How long each kind's details are kept, in days: the organisation's own setting, or the
    default from data/kinds.yaml. 0 means until someone erases them."""
    setting = RecordSettings.objects.for_org(organisation).first()
    chosen = setting.retention_days if setting else {}
    return {
        kind_id: int(chosen.get(kind_id, kind.keep_days))
        for kind_id, kind in kinds.form_kinds().items()
    }


@transaction.atomic
def set_retention(organisation: Organisation, days: dict[str, int]) -> None:
    setting, _created = RecordSettings.objects.get_or_create(organisation=organisation)
    setting.retention_days = {k: int(v) for k, v in days.items() if k in kinds.form_kinds()}
    setting.save(update_fields=["retention_days"])


def due_for_erasure(
    organisation: Organisation, retention: dict[str, int], *, now: Any = None
) -> dict[str, list[Entry]]:
    """Per kind, the entries kept longer than their period whose details can still be read."""
    now = now or timezone.now()
    due: dict[str, list[Entry]] = {}
    for kind, days in retention.items():
        if not days:
            continue
        due[kind] = list(
            Entry.objects.for_org(organisation)
            .filter(kind=kind, created_at__lt=now - timedelta(days=int(days)), key__isnull=False)
            .exclude(subject__isnull=False, subject__wrapped_key__isnull=True)
            .order_by("seq")
        )
    return due


def expire(
    organisation: Organisation,
    retention: dict[str, int],
    *,
    today: Any = None,
    by: User | None = None,
) -> int:
    """Erase the details of entries older than their kind's retention period, and of the
    corrections added to them; returns how many entries were due. Each erasure is logged."""
    erased = 0
    for kind, entries in due_for_erasure(organisation, retention, now=today).items():
        label = kinds.kinds()[kind].label.lower() if kind in kinds.kinds() else kind
        reason = f"Kept for {retention[kind]} days, the period set for {label} records"
        for entry in entries:
            with transaction.atomic():
                erase_entry(entry, by=by, reason=reason)
                for correction in entry.corrections.filter(key__isnull=False):
                    erase_entry(correction, by=by, reason=f"{reason} (a correction)")
            erased += 1
    return erased


def correct(entry: Entry, note: str, *, author: User | None) -> Entry:
    return append(
        entry.organisation,
        Kind.CORRECTION,
        author=author,
        public={"corrects": entry.seq},
        sensitive={"note": note.strip()},
        subject=entry.subject if entry.subject and entry.subject.wrapped_key else None,
        corrects=entry,
    )


def viewed(entry: Entry, *, by: User | None) -> None:
    """Every read of a concern is itself written to the log."""
    append(entry.organisation, Kind.VIEWED, author=by, public={"entry": entry.seq})


def details(entry: Entry) -> tuple[list[kinds.Row], bool]:
    """The entry's answers in plain words, and whether its private details were erased."""
    private = sensitive(entry)
    erased = "erased" in private or "unreadable" in private
    return kinds.rows(entry.kind, entry.public, private), erased


def author_name(entry: Entry) -> str:
    if entry.author is not None and entry.author.name:
        return str(entry.author.name)
    return entry.author_label


def visible_names(organisation: Organisation, viewer: User | None, *, lead: bool) -> dict[int, str]:
    """The names a viewer may read: a lead every person's; anyone else the people they have
    written records about. Erased people have no name."""
    people = Subject.objects.for_org(organisation).filter(wrapped_key__isnull=False)
    if not lead:
        people = people.filter(entries__author=viewer.pk if viewer else None).distinct()
    org_key = _org_key(organisation)
    return {p.pk: name for p in people if (name := subject_name(p, org_key))}


def history(entry: Entry) -> list[tuple[Entry, str]]:
    """What happened to an entry after it was written, oldest first: corrections (with their
    note), views of a concern, and erasing of its details."""
    later = Entry.objects.for_org(entry.organisation).filter(seq__gt=entry.seq)
    events = list(entry.corrections.select_related("author").order_by("seq"))
    events += list(
        later.filter(kind__in=[Kind.VIEWED, Kind.ERASURE], public__entry=entry.seq).select_related(
            "author"
        )
    )
    found = []
    for event in sorted(events, key=lambda e: e.seq):
        if event.kind == Kind.CORRECTION:
            note = sensitive(event)
            text = "Details erased" if "erased" in note else str(note.get("note", ""))
        elif event.kind == Kind.VIEWED:
            text = "Viewed"
        else:
            text = f"Details erased: {event.public.get('reason', 'no reason given')}"
        found.append((event, text))
    return found


def export_person(subject: Subject) -> dict[str, Any]:
    """Everything recorded about one person (for a subject access request), in plain words."""
    entries = (
        Entry.objects.for_org(subject.organisation)
        .filter(subject=subject)
        .select_related("corrects", "author")
    )
    exported = []
    for e in entries:
        rows, erased = details(e)
        exported.append(
            {
                "number": e.seq,
                "kind": e.get_kind_display(),
                "written": kinds.uk_datetime(e.created_at),
                "by": author_name(e),
                "corrects": e.corrects.seq if e.corrects else None,
                "details": {row.heading: row.text for row in rows},
                "details_erased": erased,
            }
        )
    return {
        "person": subject.reference,
        "name": subject_name(subject),
        "erased": subject.erased_at is not None,
        "entries": exported,
    }
