"""Fill in once, reuse: answers Digikind can carry forward for the grantee's lead to confirm.

First an answer the group gave any funder to the same question in the last year; else what its
policy check, latest review, register or action plan already says (see data/question_sets.yaml).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from digikind.funders.models import Answer
from digikind.funders.question_sets import QuestionSet, answer_label
from digikind.gaps.facts import Facts, gather
from digikind.gaps.models import Action, Status
from digikind.orgs.models import Organisation
from digikind.vocabulary import names

REUSE_DAYS = 365
POLICY_STATES = {"covered": "yes", "touched": "partly", "missing": "not-yet"}


@dataclass(frozen=True)
class Carried:
    value: str
    source: str  # said to the lead: where the answer came from

    @property
    def label(self) -> str:
        return answer_label(self.value)


def _from_review(facts: Facts, domain: str) -> Carried | None:
    practice = facts.practice
    overall = practice.results.overall if practice else None
    score = overall.domains.get(domain) if overall else None
    if practice is None or score is None:
        return None
    value = "yes" if score >= 70 else "partly" if score >= 40 else "not-yet"
    return Carried(
        value,
        f"Your review “{practice.cycle.name}” scored {names('domains')[domain].lower()} "
        f"at {round(score)} out of 100.",
    )


def _from_policy(facts: Facts, topic: str) -> Carried | None:
    if facts.policy is None:
        return None
    state = facts.policy.topics.get(topic, {}).get("state", "missing")
    words = {"covered": "covers", "touched": "only touches on", "missing": "does not cover"}
    return Carried(
        POLICY_STATES[state],
        f"Your policy check of {facts.policy.since:%-d %B %Y} {words[state]} "
        f"{names('topics')[topic].lower()}.",
    )


def _from_register(facts: Facts) -> Carried | None:
    if not facts.channels:
        return None
    assessed = sum(1 for c in facts.channels if c.channel.assessments.all())
    total = len(facts.channels)
    value = "yes" if assessed == total else "partly" if assessed else "not-yet"
    return Carried(
        value, f"{assessed} of the {total} channels in your register have a risk assessment."
    )


def _from_actions(organisation: Organisation, topic: str) -> Carried | None:
    statuses = set(
        Action.objects.for_org(organisation).filter(topic=topic).values_list("status", flat=True)
    )
    if not statuses:
        return None
    topic_name = names("topics")[topic].lower()
    if Status.DONE in statuses:
        return Carried("yes", f"Your action plan has a done action on {topic_name}.")
    return Carried("partly", f"Your action plan has an open action on {topic_name}.")


def carried_forward(organisation: Organisation, question_set: QuestionSet) -> dict[str, Carried]:
    since = timezone.now() - timedelta(days=REUSE_DAYS)
    earlier: dict[str, Answer] = {}
    for answer in (
        Answer.objects.filter(
            request__organisation=organisation,
            request__answered_at__gte=since,
            question__in=[q.id for q in question_set.questions],
        )
        .select_related("request__funder")
        .order_by("answered_at")
    ):
        earlier[answer.question] = answer  # the newest wins
    facts = gather(organisation)
    found = {}
    for question in question_set.questions:
        given = earlier.get(question.id)
        if given is not None:
            found[question.id] = Carried(
                given.value,
                f"You answered this for {given.request.funder.name} on "
                f"{given.answered_at:%-d %B %Y}.",
            )
            continue
        source, key = next(iter(question.carry.items()), ("", ""))
        carried = None
        if source == "policy_topic":
            carried = _from_policy(facts, key)
        elif source == "review_domain":
            carried = _from_review(facts, key)
        elif source == "register":
            carried = _from_register(facts)
        elif source == "actions":
            carried = _from_actions(organisation, key)
        if carried is not None:
            found[question.id] = carried
    return found
