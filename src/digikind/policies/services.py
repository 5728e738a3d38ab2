"""Start and run policy checks. The engine (digikind.policycheck) does the reading; this
module stores files and findings, and compares a check with the one before."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from digikind.accounts.models import User
from digikind.orgs.models import Organisation
from digikind.policies.models import PolicyCheck, PolicyFile
from digikind.policies.next_steps import next_steps
from digikind.policycheck import ExtractionError, Limits, check
from digikind.policycheck.sandbox import extract_in_child


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


@transaction.atomic
def start_policy_check(
    organisation: Organisation, uploads: list[Upload], *, created_by: User | None
) -> PolicyCheck:
    if not uploads:
        raise PolicyUploadError("Choose at least one file with your policy in it.")
    total = sum(len(u.data) for u in uploads)
    if total > upload_limit_bytes():
        raise PolicyUploadError(
            f"These files come to {total // (1024 * 1024)} MB; the most Digikind takes at once is "
            f"{settings.POLICY_UPLOAD_MAX_MB} MB. Upload fewer files, or save them without "
            "pictures."
        )
    policy_check = PolicyCheck.objects.create(organisation=organisation, created_by=created_by)
    for position, upload in enumerate(uploads):
        stored = PolicyFile(
            policy_check=policy_check,
            position=position,
            name=upload.name[:255],
            size=len(upload.data),
            sha256=hashlib.sha256(upload.data).hexdigest(),
        )
        stored.content.save(upload.name, ContentFile(upload.data), save=False)
        stored.save()
    from digikind.policies.tasks import run_policy_check

    transaction.on_commit(lambda: run_policy_check.enqueue(policy_check.pk))
    return policy_check


def _set(policy_check: PolicyCheck, **fields: object) -> None:
    for key, value in fields.items():
        setattr(policy_check, key, value)
    policy_check.save(update_fields=list(fields))


def run(policy_check: PolicyCheck) -> PolicyCheck:
    """Read the files and store the findings. Never raises for a bad file: the check fails
    with a message instead, and the files stay so nothing is lost."""
    _set(policy_check, status=PolicyCheck.Status.RUNNING, progress=5)
    files = list(policy_check.files.all())
    documents = []
    try:
        for number, stored in enumerate(files, start=1):
            with stored.content.open("rb") as handle:
                documents.append(extract_in_child(stored.name, handle.read(), limits()))
            _set(policy_check, progress=5 + int(70 * number / len(files)))
        report = check(documents)
    except ExtractionError as error:
        _set(
            policy_check,
            status=PolicyCheck.Status.FAILED,
            error=str(error),
            progress=100,
            finished_at=timezone.now(),
        )
        return policy_check
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
    return policy_check


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
