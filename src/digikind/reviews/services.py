"""Every change to review cycles, links, responses and answers."""

import secrets
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from digikind.accounts.models import User
from digikind.frameworks.models import FrameworkVersion
from digikind.orgs.models import Organisation
from digikind.reviews.models import Answer, Response, ReviewCycle, ReviewLink, hash_key
from digikind.reviews.questions import AskedQuestion

MAX_TEXT = 2000


class ReviewError(Exception):
    """Something a person asked for that cannot be done; the message says what to do instead."""


@transaction.atomic
def start_cycle(
    organisation: Organisation,
    *,
    name: str,
    framework_versions: list[FrameworkVersion],
    roles: list[str],
    closes_on: date,
    created_by: User | None,
) -> ReviewCycle:
    if not framework_versions:
        raise ReviewError("Choose at least one question set.")
    if not roles:
        raise ReviewError("Choose at least one group of people to ask.")
    if closes_on < date.today():
        raise ReviewError("The closing date has passed. Choose today or a later date.")
    cycle = ReviewCycle.objects.create(
        organisation=organisation,
        name=name.strip(),
        roles=roles,
        closes_on=closes_on,
        created_by=created_by,
    )
    cycle.framework_versions.set(framework_versions)
    for role in roles:
        ReviewLink.objects.create(organisation=organisation, cycle=cycle, role=role)
    return cycle


def add_link(cycle: ReviewCycle, role: str, label: str = "") -> ReviewLink:
    if role not in cycle.roles:
        raise ReviewError("This review does not ask that group.")
    return ReviewLink.objects.create(
        organisation=cycle.organisation, cycle=cycle, role=role, label=label.strip()
    )


def revoke_link(link: ReviewLink) -> None:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])


def close_cycle(cycle: ReviewCycle) -> None:
    if cycle.closed_at is None:
        cycle.closed_at = timezone.now()
        cycle.save(update_fields=["closed_at"])


def set_note(cycle: ReviewCycle, note: str) -> None:
    cycle.you_said_we_did = note.strip()[:MAX_TEXT]
    cycle.save(update_fields=["you_said_we_did"])


def find_response(link: ReviewLink, key: str | None) -> Response | None:
    if not key:
        return None
    return (
        Response.objects.select_related("cycle", "link")
        .filter(cycle=link.cycle_id, key_hash=hash_key(key))
        .first()
    )


def start_response(link: ReviewLink) -> tuple[Response, str]:
    """A new anonymous response; the returned key goes in the respondent's browser only."""
    if link.revoked_at is not None or not link.cycle.is_open:
        raise ReviewError("This review is not taking answers any more.")
    key = secrets.token_urlsafe(24)
    response = Response.objects.create(
        organisation=link.organisation,
        cycle=link.cycle,
        link=link,
        role=link.role,
        key_hash=hash_key(key),
    )
    return response, key


def check_answer(asked: AskedQuestion, value: str, text: str, comment: str) -> None:
    if len(comment) > MAX_TEXT or len(text) > MAX_TEXT:
        raise ReviewError(
            f"Please keep your answer and comment under {MAX_TEXT} characters each. "
            "What you typed is still in the box: shorten it and send it again."
        )
    if asked.is_free_text:
        if not text.strip() and value != Answer.DONT_KNOW:
            raise ReviewError("Write your answer, or choose “I don’t know”.")
        return
    allowed = {option for option, _label in asked.options()} | {Answer.DONT_KNOW}
    if value not in allowed:
        raise ReviewError("Choose one of the answers, or “I don’t know”.")


def save_answer(
    response: Response, asked: AskedQuestion, *, value: str, text: str = "", comment: str = ""
) -> Answer:
    """Save or replace one answer. Going back and answering again changes the answer; it never
    counts twice."""
    if response.submitted_at is not None:
        raise ReviewError(
            "You have already sent your answers, so they cannot be changed. Thank you."
        )
    if not response.cycle.is_open or response.link.revoked_at is not None:
        raise ReviewError(
            "This review has closed, so we cannot take more answers. Thank you for your time."
        )
    check_answer(asked, value, text, comment)
    try:
        with transaction.atomic():
            answer, _created = Answer.objects.update_or_create(
                response=response,
                question=asked.question,
                defaults={
                    "value": value,
                    "text": text.strip(),
                    "comment": comment.strip(),
                    "answered_at": timezone.now(),
                },
            )
    except IntegrityError:  # two tabs saved the same question at once: the other one won
        answer = Answer.objects.get(response=response, question=asked.question)
    return answer


@transaction.atomic
def submit_response(response: Response) -> bool:
    """Send the answers. Returns False if they were already sent (a double click)."""
    locked = Response.objects.select_for_update().get(pk=response.pk)
    if locked.submitted_at is not None:
        return False
    if not locked.cycle.is_open:
        raise ReviewError(
            "This review has closed, so we cannot take more answers. Thank you for your time."
        )
    if not locked.answers.exists():
        raise ReviewError("Answer at least one question before sending.")
    locked.submitted_at = timezone.now()
    locked.save(update_fields=["submitted_at"])
    return True
