"""Every write to the records log, and the reading, exporting and erasing of it."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from cryptography.exceptions import InvalidTag
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from digikind.accounts.models import User
from digikind.orgs.models import Organisation
from digikind.records import chain, crypto
from digikind.records.models import ChainHead, Entry, EntryKey, Kind, Subject

ERASED = {"erased": True}


class RecordError(Exception):
    """Something that cannot be recorded; the message says what to do instead."""


def _org_key(organisation: Organisation) -> bytes:
    master = hashlib.sha256(str(settings.RECORDS_KEY).encode()).digest()
    return crypto.organisation_key(master, organisation.pk)


def _subject_key(subject: Subject) -> bytes | None:
    if subject.wrapped_key is None:
        return None
    return crypto.open_sealed(
        _org_key(subject.organisation), bytes(subject.wrapped_key), f"subject:{subject.pk}".encode()
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


def subject_name(subject: Subject) -> str | None:
    key = _subject_key(subject)
    if key is None or subject.sealed_name is None:
        return None
    return str(
        crypto.open_json(key, bytes(subject.sealed_name), f"name:{subject.pk}".encode())["name"]
    )


def _fields(entry: Entry) -> dict[str, Any]:
    """What the entry's hash covers."""
    return {
        "organisation": entry.organisation_id,
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
            entry.sealed = crypto.seal_json(
                key, sensitive, f"entry:{organisation.pk}:{seq}".encode()
            )
        entry.content_hash = chain.content_hash(_fields(entry))
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


def sensitive(entry: Entry) -> dict[str, Any]:
    """The entry's private fields, or {"erased": True} once its key or its person's key is gone."""
    if entry.sealed is None:
        return {}
    wrapped = EntryKey.objects.filter(entry=entry).values_list("wrapped_key", flat=True).first()
    wrapper = (
        _subject_key(entry.subject) if entry.subject is not None else _org_key(entry.organisation)
    )
    if wrapped is None or wrapper is None:
        return dict(ERASED)
    try:
        key = crypto.open_sealed(wrapper, bytes(wrapped), f"key:{entry.pk}".encode())
        return crypto.open_json(
            key, bytes(entry.sealed), f"entry:{entry.organisation_id}:{entry.seq}".encode()
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


def verify(organisation: Organisation) -> ChainCheck:
    head = ChainHead.objects.filter(organisation=organisation).first()
    entries = (
        Entry.objects.for_org(organisation)
        .select_related("subject", "corrects")
        .order_by("seq", "pk")
    )
    rows = [
        {
            "seq": e.seq,
            "fields": _fields(e),
            "content_hash": e.content_hash,
            "prev_hash": e.prev_hash,
            "hash": e.hash,
        }
        for e in entries.iterator(chunk_size=2000)
    ]
    return ChainCheck(
        organisation,
        chain.verify(rows, head.seq if head else 0, head.hash if head else chain.GENESIS),
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
    organisation: Organisation,
    kind: str,
    data: dict[str, Any],
    *,
    author: User | None,
    public_fields: list[str],
) -> Entry:
    """Save one record from a form: who it is about, its open fields, and its sealed ones."""
    subject = data.get("person")
    if subject is None and (data.get("new_person") or "").strip():
        subject = add_subject(
            organisation, data.get("person_kind", "young_person"), data["new_person"]
        )
    skip = {"form_id", "person", "new_person", "person_kind", "channel", "happened_at"}
    public = {name: _plain(data[name]) for name in public_fields if name in data}
    if data.get("channel") is not None:
        channel = data["channel"]
        public.update(channel=channel.pk, channel_name=str(channel))
    if data.get("happened_at") is not None:
        public["happened_at"] = data["happened_at"].isoformat()
    private = {
        k: _plain(v)
        for k, v in data.items()
        if k not in skip and k not in public_fields and v not in ("", None, [])
    }
    return append(
        organisation, kind, author=author, public=public, sensitive=private or None, subject=subject
    )


def expire(organisation: Organisation, retention_days: dict[str, int], *, today: Any = None) -> int:
    """Erase entries older than their kind's retention period; returns how many were erased."""
    now = today or timezone.now()
    erased = 0
    for kind, days in retention_days.items():
        if not days:
            continue
        cutoff = now - timedelta(days=int(days))
        old = Entry.objects.for_org(organisation).filter(
            kind=kind, created_at__lt=cutoff, key__isnull=False
        )
        for entry in old:
            erase_entry(
                entry, by=None, reason=f"kept for {days} days, the period set for {kind} records"
            )
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


def export_person(subject: Subject) -> dict[str, Any]:
    """Everything recorded about one person (for a subject access request)."""
    entries = (
        Entry.objects.for_org(subject.organisation)
        .filter(subject=subject)
        .select_related("corrects")
    )
    return {
        "person": subject.reference,
        "name": subject_name(subject),
        "erased": subject.erased_at is not None,
        "entries": [
            {
                "number": e.seq,
                "kind": e.get_kind_display(),
                "written": e.created_at.isoformat(),
                "by": e.author_label,
                "corrects": e.corrects.seq if e.corrects else None,
                "details": e.public,
                "private_details": sensitive(e),
            }
            for e in entries
        ],
    }
