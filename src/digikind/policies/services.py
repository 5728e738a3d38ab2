"""Start and run policy checks. The engine (digikind.policycheck) does the reading, each file
in a child process with memory and time limits; this module keeps what was read (never the
uploaded file once it is read), the findings, and which check counts as the policy.

Small uploads are read and checked while the person waits, so a file they can fix gets a
message on the upload form. Bigger ones go to the background task, with a progress page."""

import hashlib
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from digikind.accounts.models import User
from digikind.orgs.models import AuditEvent, Organisation
from digikind.policies.models import PolicyCheck, PolicyFile
from digikind.policies.next_steps import next_steps
from digikind.policycheck import Document, ExtractionError, Limits, check
from digikind.policycheck.document import Block
from digikind.policycheck.sandbox import extract_in_child

# Read and check at once up to this size and this much text (about a second's work);
# anything bigger is read by the background task.
READ_NOW_BYTES = 2 * 1024 * 1024
CHECK_NOW_CHARACTERS = 100_000
# Uploaded files wait on disk only until the task reads them; this bounds how many can wait.
MOST_WAITING = 3


class PolicyUploadError(Exception):
    """An upload Digikind will not take; the message says what to do instead."""


def upload_limit_bytes() -> int:
    return int(settings.POLICY_UPLOAD_MAX_MB) * 1024 * 1024


def limits() -> Limits:
    return Limits(max_bytes=upload_limit_bytes())


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def start_policy_check(
    organisation: Organisation, uploads: list[Upload], *, created_by: User | None
) -> PolicyCheck:
    """Check the uploads now if they are small, else store them for the background task.
    Raises PolicyUploadError, with nothing saved, for an upload the person can fix."""
    if not uploads:
        raise PolicyUploadError("Choose at least one file with your policy in it.")
    total = sum(len(u.data) for u in uploads)
    if total > upload_limit_bytes():
        raise PolicyUploadError(
            f"These files come to {total // (1024 * 1024)} MB; the most Digikind takes at once is "
            f"{settings.POLICY_UPLOAD_MAX_MB} MB. Upload fewer files, or save them without "
            "pictures."
        )
    documents = [read_now(u) for u in uploads] if total <= READ_NOW_BYTES else None
    if documents is None and _waiting(organisation) >= MOST_WAITING:
        raise PolicyUploadError(
            f"{MOST_WAITING} policies are still waiting to be read. Wait a few minutes until "
            "they are done, then upload this one again."
        )
    with transaction.atomic():
        policy_check = PolicyCheck.objects.create(organisation=organisation, created_by=created_by)
        for position, upload in enumerate(uploads):
            stored = PolicyFile(
                policy_check=policy_check,
                position=position,
                name=upload.name[:255],
                size=len(upload.data),
                sha256=hashlib.sha256(upload.data).hexdigest(),
                document=document_to_json(documents[position]) if documents else None,
            )
            if documents is None:
                stored.content.save(upload.name, ContentFile(upload.data), save=False)
            stored.save()
        if documents and sum(len(d.text) for d in documents) <= CHECK_NOW_CHARACTERS:
            _finish(policy_check, documents)
            return policy_check
        from digikind.policies.tasks import run_policy_check

        transaction.on_commit(lambda: run_policy_check.enqueue(policy_check.pk))
    return policy_check


def read_now(upload: Upload) -> Document:
    try:
        return extract_in_child(upload.name, upload.data, limits())
    except ExtractionError as error:
        raise PolicyUploadError(str(error)) from None


def _waiting(organisation: Organisation) -> int:
    return (
        PolicyCheck.objects.for_org(organisation)
        .filter(status__in=[PolicyCheck.Status.QUEUED, PolicyCheck.Status.RUNNING])
        .count()
    )


def document_to_json(document: Document) -> dict[str, object]:
    return {
        "name": document.name,
        "title": document.title,
        "notes": document.notes,
        "blocks": [asdict(block) for block in document.blocks],
    }


def document_from_json(data: dict[str, object]) -> Document:
    blocks = data.get("blocks")
    notes = data.get("notes")
    return Document(
        name=str(data.get("name", "")),
        title=str(data.get("title", "")),
        blocks=[Block(**block) for block in blocks] if isinstance(blocks, list) else [],
        notes=[str(note) for note in notes] if isinstance(notes, list) else [],
    )


def _set(policy_check: PolicyCheck, **fields: object) -> None:
    for key, value in fields.items():
        setattr(policy_check, key, value)
    policy_check.save(update_fields=list(fields))


def run(policy_check: PolicyCheck) -> PolicyCheck:
    """Read any file not yet read, forget the file, and store the findings. Never raises for
    a bad file: the check fails with a plain message instead."""
    _set(policy_check, status=PolicyCheck.Status.RUNNING, progress=5)
    files = list(policy_check.files.all())
    documents = []
    for number, stored in enumerate(files, start=1):
        if stored.document is None:
            try:
                with stored.content.open("rb") as handle:
                    data = handle.read()
                document = extract_in_child(stored.name, data, limits())
            except (ExtractionError, OSError, ValueError) as error:
                message = (
                    str(error)
                    if isinstance(error, ExtractionError)
                    else f"We lost {stored.name} before we could read it. Upload it again."
                )
                _forget_files(files)
                _set(
                    policy_check,
                    status=PolicyCheck.Status.FAILED,
                    error=message,
                    progress=100,
                    finished_at=timezone.now(),
                )
                return policy_check
            stored.document = document_to_json(document)
            stored.save(update_fields=["document"])
            _forget_files([stored])
        documents.append(document_from_json(stored.document or {}))
        _set(policy_check, progress=5 + int(70 * number / len(files)))
    _finish(policy_check, documents)
    return policy_check


def _forget_files(files: list[PolicyFile]) -> None:
    """Delete uploaded files once read (or once they cannot be read): only what was read,
    the name, size and fingerprint (sha256) are kept."""
    for stored in files:
        if stored.content:
            stored.content.delete(save=False)
            stored.save(update_fields=["content"])


def _finish(policy_check: PolicyCheck, documents: list[Document]) -> None:
    report = check(documents)
    steps = next_steps(report)
    _set(
        policy_check,
        status=PolicyCheck.Status.DONE,
        progress=100,
        title=report.title[:300],
        report=report.to_dict(),
        next_steps=[s.__dict__ for s in steps],
        covered=report.counts()["covered"],
        finished_at=timezone.now(),
    )


@transaction.atomic
def choose_policy_check(policy_check: PolicyCheck, *, by: User | None) -> PolicyCheck:
    """Make this check the one the gap report, board report and agreement use."""
    if policy_check.status != PolicyCheck.Status.DONE:
        raise PolicyUploadError("Only a policy Digikind has read can be used.")
    PolicyCheck.objects.for_org(policy_check.organisation).filter(is_current=True).update(
        is_current=False
    )
    _set(policy_check, is_current=True)
    AuditEvent.objects.create(
        organisation=policy_check.organisation,
        actor=by,
        action="policy check chosen",
        detail=describe(policy_check),
    )
    return policy_check


@transaction.atomic
def remove_policy_check(policy_check: PolicyCheck, *, by: User | None) -> None:
    """Remove a check, its files and what was read. If it was the one in use, the newest
    remaining check is used instead."""
    _forget_files(list(policy_check.files.all()))
    AuditEvent.objects.create(
        organisation=policy_check.organisation,
        actor=by,
        action="policy check removed",
        detail=describe(policy_check),
    )
    policy_check.delete()


def describe(policy_check: PolicyCheck) -> str:
    what = policy_check.title or ", ".join(policy_check.file_names()) or "Policy check"
    return f"{what[:200]}, uploaded {policy_check.created_at:%-d %B %Y}"


def previous_check(policy_check: PolicyCheck) -> PolicyCheck | None:
    return (
        PolicyCheck.objects.for_org(policy_check.organisation)
        .filter(status=PolicyCheck.Status.DONE, created_at__lt=policy_check.created_at)
        .order_by("-created_at")
        .first()
    )


STATE_ORDER = {"missing": 0, "touched": 1, "covered": 2}


@dataclass
class Change:
    name: str
    before: str
    after: str


@dataclass
class Comparison:
    earlier: PolicyCheck
    better: list[Change]
    worse: list[Change]
    failings_added: list[str]
    failings_gone: list[str]
    grade_before: float | None
    grade_after: float | None


def compare(policy_check: PolicyCheck, earlier: PolicyCheck) -> Comparison:
    now, then = policy_check.report or {}, earlier.report or {}
    before = {t["id"]: t for t in then.get("topics", [])}
    better: list[Change] = []
    worse: list[Change] = []
    for topic in now.get("topics", []):
        old = before.get(topic["id"])
        if not old or old["state"] == topic["state"]:
            continue
        change = Change(topic["name"], old["state"], topic["state"])
        (better if STATE_ORDER[topic["state"]] > STATE_ORDER[old["state"]] else worse).append(
            change
        )
    flags_now = {f["name"] for f in now.get("failings", []) if f["flagged"]}
    flags_then = {f["name"] for f in then.get("failings", []) if f["flagged"]}

    def grade(report: dict[str, object]) -> float | None:
        reading = report.get("readability")
        return reading.get("grade") if isinstance(reading, dict) else None

    return Comparison(
        earlier,
        better,
        worse,
        sorted(flags_now - flags_then),
        sorted(flags_then - flags_now),
        grade(then),
        grade(now),
    )
