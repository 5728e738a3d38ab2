"""Every change to an organisation's digital agreement: save, start again, publish, stop
sharing. Saves never overwrite someone else's work silently (see `EditConflict`)."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from digikind import editing, readability
from digikind.accounts.models import User
from digikind.agreements.draft import build_draft
from digikind.agreements.models import Agreement
from digikind.agreements.reading import read_agreement
from digikind.agreements.wording import SECTION_IDS
from digikind.orgs.models import AuditEvent, Organisation


class AgreementError(Exception):
    """Something that cannot be done; the message says what to do instead."""


class EditConflict(editing.EditConflict, AgreementError):
    """Someone else saved the agreement since this person opened it."""

    thing = "the agreement"


class NotReadyToPublish(AgreementError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


def current_agreement(organisation: Organisation) -> Agreement | None:
    return Agreement.objects.for_org(organisation).first()


def _clean(texts: dict[str, str]) -> dict[str, str]:
    return {
        s: "\n".join(line.rstrip() for line in texts.get(s, "").strip().splitlines())
        for s in SECTION_IDS
    }


@transaction.atomic
def save_texts(
    organisation: Organisation, texts: dict[str, str], *, seen_version: int, by: User | None
) -> Agreement:
    """Save the working text. `seen_version` is the version the person opened (0 if there
    was no agreement yet); if someone has saved since, nothing is saved."""
    fields = _clean(texts)
    if seen_version == 0:
        try:
            with transaction.atomic():
                return Agreement.objects.create(organisation=organisation, updated_by=by, **fields)
        except IntegrityError:
            raise EditConflict(Agreement.objects.get(organisation=organisation)) from None
    current = editing.save_unless_changed(
        Agreement.objects.filter(organisation=organisation),
        seen_version,
        {**fields, "updated_by": by},
        EditConflict,
    )
    if current is None:
        raise AgreementError("There is no agreement to save. Open the agreement page again.")
    return current


def publish_problems(texts: dict[str, str]) -> list[str]:
    """Why this text cannot be published yet, in plain words (none if it can)."""
    problems = []
    reading = read_agreement(_clean(texts))
    empty = [part.title for part, measured in reading.sections if not measured.words]
    if empty:
        problems.append(f"Write something in every part. Empty: {', '.join(empty)}.")
    if reading.placeholders:
        problems.append(
            "Fill in the gaps in square brackets before you publish: "
            f"{', '.join(reading.placeholders)}."
        )
    if reading.overall.words and not reading.easy_enough:
        target = f"most {reading.target_age}-year-olds"
        limit = f"a reading age of {reading.target_age} or under"
        if not reading.overall.easy_enough:
            problems.append(
                "The agreement is too hard to read: "
                f"{readability.reading_level(reading.overall.grade)}. Give it {limit}, so that "
                f"{target} can read it. Try shorter sentences and words."
            )
        for part, measured in reading.too_hard:
            problems.append(
                f"“{part.title}” is too hard to read: {readability.reading_level(measured.grade)}. "
                f"Give it {limit}, so that {target} can read it."
            )
    return problems


@transaction.atomic
def publish(
    organisation: Organisation, texts: dict[str, str], *, seen_version: int, by: User | None
) -> Agreement:
    """Save this text and make it the one young people see, if it is ready."""
    problems = publish_problems(texts)
    if problems:
        raise NotReadyToPublish(problems)
    agreement = save_texts(organisation, texts, seen_version=seen_version, by=by)
    agreement.status = Agreement.Status.PUBLISHED
    agreement.published_text = agreement.texts()
    agreement.published_at = timezone.now()
    agreement.published_by = by
    agreement.save(update_fields=["status", "published_text", "published_at", "published_by"])
    AuditEvent.objects.create(
        organisation=organisation,
        actor=by,
        action="agreement published",
        detail=f"Digital agreement, version {agreement.version}",
    )
    return agreement


@transaction.atomic
def unpublish(agreement: Agreement, *, by: User | None) -> Agreement:
    """Stop sharing: the shared page answers "not found" until it is published again."""
    agreement.status = Agreement.Status.DRAFT
    agreement.save(update_fields=["status"])
    AuditEvent.objects.create(
        organisation=agreement.organisation,
        actor=by,
        action="agreement unpublished",
        detail="Digital agreement no longer shared",
    )
    return agreement


def start_again(organisation: Organisation, *, seen_version: int, by: User | None) -> Agreement:
    """Replace the working text with a new draft from the register, policy and reviews.
    The published copy, if any, is not touched."""
    return save_texts(
        organisation, build_draft(organisation).texts, seen_version=seen_version, by=by
    )


def create_demo_agreement(organisation: Organisation, by: User | None) -> Agreement:
    """A draft agreement for the demo organisation, built like a lead's first draft."""
    existing = current_agreement(organisation)
    if existing is not None:
        return existing
    return save_texts(organisation, build_draft(organisation).texts, seen_version=0, by=by)
