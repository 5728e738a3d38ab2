"""Every change to review cycles, links, responses and answers."""

import hashlib
import hmac
import ipaddress
import secrets
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from digikind.accounts.models import User
from digikind.frameworks.models import FrameworkVersion
from digikind.orgs.models import Organisation
from digikind.reviews.models import Answer, Response, ReviewCycle, ReviewLink, hash_key
from digikind.reviews.questions import AskedQuestion, asked, cycle_versions
from digikind.reviews.scoring import answer_score

MAX_TEXT = 2000
BURST = timedelta(hours=1)  # empty responses from one network this close together are a burst
CLOSED = gettext_lazy(
    "This review has closed, so we cannot take more answers. Thank you for your time."
)
LINK_OFF = gettext_lazy(
    "The link you used has been switched off, so we cannot take answers through it. "
    "Ask the person who sent it for a new link."
)
TOO_MANY_EMPTY = gettext_lazy(
    "Several answers with only “I don’t know” have been sent from this network in the last "
    "hour, so we cannot take another one like it now. Your answers are saved: go back and "
    "answer at least one question, or try again in an hour."
)


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


@transaction.atomic
def close_cycle(cycle: ReviewCycle) -> None:
    if cycle.closed_at is None:
        cycle.closed_at = timezone.now()
        cycle.save(update_fields=["closed_at"])
    # The network hashes were only for spotting bursts while answers came in.
    Response.objects.filter(cycle=cycle).exclude(network="").update(network="")


def set_note(cycle: ReviewCycle, note: str) -> None:
    cycle.you_said_we_did = note.strip()[:MAX_TEXT]
    cycle.save(update_fields=["you_said_we_did"])


def link_problem(link: ReviewLink) -> str:
    """Why a link cannot take answers now, or "" if it can."""
    if not link.cycle.is_open:
        return str(CLOSED)
    if link.revoked_at is not None:
        return str(LINK_OFF)
    return ""


def check_response(response: Response) -> None:
    """Checked on every step: the response's own link is still on, for its role, and the
    review is open. Another open link of the same review does not make it count."""
    problem = link_problem(response.link)
    if problem:
        raise ReviewError(problem)
    if response.link.role != response.role or response.link.cycle_id != response.cycle_id:
        raise ReviewError(str(LINK_OFF))


def network_key(cycle: ReviewCycle, address: str) -> str:
    """A keyed hash of the network an answer came from, different for every cycle. IPv6
    addresses count by their /64, which is what one home or phone usually has."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return ""
    network = str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)
    message = f"review-network:{cycle.pk}:{network}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def find_response(link: ReviewLink, key: str | None) -> Response | None:
    if not key:
        return None
    # Unique per cycle, so no ordering is needed (`[:1]`, not `.first()`): this runs on
    # every answer.
    found = list(Response.objects.filter(cycle=link.cycle_id, key_hash=hash_key(key))[:1])
    if not found:
        return None
    response = found[0]
    # Its cycle is the link's; its link too, mostly: already read, so each step's checks
    # need no more queries.
    response.cycle = link.cycle
    if response.link_id == link.pk:
        response.link = link
    return response


def start_response(link: ReviewLink) -> tuple[Response, str]:
    """A new anonymous response; the returned key goes in the respondent's browser only."""
    if link.revoked_at is not None or not link.cycle.is_open:
        raise ReviewError(_("This review is not taking answers any more."))
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
            _(
                "Please keep your answer and comment under %(most)s characters each. "
                "What you typed is still in the box: shorten it and send it again."
            )
            % {"most": MAX_TEXT}
        )
    if asked.is_free_text:
        if not text.strip() and value != Answer.DONT_KNOW:
            raise ReviewError(_("Write your answer, or choose “I don’t know”."))
        return
    allowed = {option for option, _label in asked.options()} | {Answer.DONT_KNOW}
    if value not in allowed:
        raise ReviewError(_("Choose one of the answers, or “I don’t know”."))


def save_answer(
    response: Response, asked: AskedQuestion, *, value: str, text: str = "", comment: str = ""
) -> None:
    """Save or replace one answer. Going back and answering again changes the answer; it never
    counts twice."""
    if response.submitted_at is not None:
        raise ReviewError(
            _("You have already sent your answers, so they cannot be changed. Thank you.")
        )
    check_response(response)
    question = asked.question
    if (
        asked.role != response.role
        or response.role not in question.roles
        or question.framework_version_id not in {pk for pk, _hash in cycle_versions(response.cycle)}
    ):
        raise ReviewError(_("This question is not part of your review. Go back to your questions."))
    check_answer(asked, value, text, comment)
    fields = {
        "value": value,
        "text": text.strip(),
        "comment": comment.strip(),
        "answered_at": timezone.now(),
    }
    # One UPDATE when the question was answered before, else one INSERT: the fewest writes
    # (every answer is a write, and SQLite takes one at a time).
    mine = Answer.objects.filter(response=response, question=asked.question)
    if mine.update(**fields):
        return
    try:
        with transaction.atomic():
            Answer.objects.create(response=response, question=asked.question, **fields)
    except IntegrityError:  # two tabs saved the same question at once: the other one won
        pass


def _has_score(response: Response) -> bool:
    return any(
        answer_score(asked(answer.question, response.role, 0), answer.value) is not None
        for answer in response.answers.select_related("question__framework_version")
        if response.role in answer.question.roles
    )


@transaction.atomic
def submit_response(response: Response, *, address: str = "") -> bool:
    """Send the answers. Returns False if they were already sent (a double click).

    A response with no scored answer is "empty": it counts towards no group's five. Only a
    few empty ones are taken from one network in an hour, and those are flagged as a burst.
    """
    locked = (
        Response.objects.select_for_update().select_related("link", "cycle").get(pk=response.pk)
    )
    if locked.submitted_at is not None:
        return False
    check_response(locked)
    if not locked.answers.exists():
        raise ReviewError(_("Answer at least one question before sending."))
    locked.empty = not _has_score(locked)
    if locked.empty:
        locked.network = network_key(locked.cycle, address)
    if locked.empty and locked.network:
        # One empty submission at a time per cycle, so the count below cannot be raced.
        list(ReviewCycle.objects.select_for_update().filter(pk=locked.cycle_id).values("pk"))
        earlier = Response.objects.filter(
            cycle=locked.cycle_id,
            network=locked.network,
            empty=True,
            submitted_at__gte=timezone.now() - BURST,
        ).exclude(pk=locked.pk)
        count = earlier.count()
        if count >= settings.REVIEW_EMPTY_PER_NETWORK:
            raise ReviewError(str(TOO_MANY_EMPTY))
        if count:
            earlier.update(burst=True)
            locked.burst = True
    locked.submitted_at = timezone.now()
    locked.save(update_fields=["submitted_at", "empty", "network", "burst"])
    return True
