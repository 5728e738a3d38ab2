"""Everything the gap report reads from the other apps, gathered once per report.

Data flows one way: this module reads policies, reviews, the register and records; nothing
there reads back from here.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.urls import reverse

from digikind.orgs.models import Organisation
from digikind.policies.models import PolicyCheck, current_policy_check
from digikind.records.dashboard import recent_contacts
from digikind.records.models import Entry, Kind, PublicText
from digikind.register.conflicts import Flag, flags
from digikind.register.models import Channel
from digikind.reviews.models import ReviewCycle, latest_closed_cycle
from digikind.reviews.scoring import Results, load_answers, once_closed, results

RECORD_WEEKS = 8  # how far back the records figures look


@dataclass
class PolicyFacts:
    check: PolicyCheck
    topics: dict[str, dict[str, Any]]
    failings: dict[str, dict[str, Any]]
    grade: float | None
    age: int | None
    sentences: list[dict[str, str]]

    @property
    def url(self) -> str:
        return self.check.get_absolute_url()

    @property
    def since(self) -> date:
        return self.check.created_at.date()


@dataclass
class Respondent:
    role: str
    scores: dict[str, float]  # question key -> score from 0 (a risk) to 100 (all well)


@dataclass
class PracticeFacts:
    cycle: ReviewCycle
    results: Results
    respondents: list[Respondent]
    wording: dict[str, str]  # question key -> how staff and volunteers were asked it

    @property
    def url(self) -> str:
        return reverse("reviews:results", args=[self.cycle.organisation.slug, self.cycle.pk])

    @property
    def since(self) -> date:
        return (self.cycle.closed_at or self.cycle.created_at).date()

    def group_topic_scores(self, roles: list[str]) -> list[tuple[str, dict[str, float | None]]]:
        """Topic scores of the shown groups (five or more people) among these roles."""
        from digikind.orgs.roles import RespondentRole

        labels = {str(RespondentRole(role).label) for role in roles}
        return [(g.label, g.topics) for g in self.results.groups if g.label in labels]


@dataclass
class ChannelFacts:
    channel: Channel
    flags: list[Flag]

    @property
    def since(self) -> date:
        return self.channel.created_at.date()


@dataclass
class RecordFacts:
    contacts: int = 0
    out_of_hours: int = 0
    first_out_of_hours: date | None = None
    consents: int = 0
    open_concerns: int = 0
    weeks: int = RECORD_WEEKS


@dataclass
class Facts:
    organisation: Organisation
    today: date
    policy: PolicyFacts | None
    practice: PracticeFacts | None
    channels: list[ChannelFacts]
    records: RecordFacts
    young_people_in_reviews: bool = False
    notes: list[str] = field(default_factory=list)


def policy_facts(organisation: Organisation) -> PolicyFacts | None:
    check = current_policy_check(organisation)
    if check is None or not isinstance(check.report, dict):
        return None
    report = check.report
    topics = {t["id"]: t for t in report.get("topics", [])}
    failings = {f["id"]: f for f in report.get("failings", [])}
    seen: dict[str, dict[str, str]] = {}
    for finding in [*topics.values(), *failings.values()]:
        for evidence in finding.get("evidence", []):
            seen.setdefault(evidence["text"], evidence)
    readability = report.get("readability") or {}
    return PolicyFacts(
        check,
        topics,
        failings,
        readability.get("grade"),
        readability.get("age"),
        list(seen.values()),
    )


def practice_facts(organisation: Organisation) -> PracticeFacts | None:
    cycle = latest_closed_cycle(organisation)
    if cycle is None:
        return None
    return once_closed(cycle, "practice-facts", lambda: _practice_facts(cycle))


def _practice_facts(cycle: ReviewCycle) -> PracticeFacts:
    loaded = load_answers(cycle)
    respondents = []
    wording: dict[str, str] = {}
    for response in loaded.responses:
        scores = {}
        for answer in loaded.answers.get(response.pk, []):
            asked = loaded.asked_by_role[(answer.question_id, response.role)]
            score = answer.score
            if score is not None:
                scores[asked.question.key] = score
                if response.role in ("staff", "volunteer"):
                    wording.setdefault(asked.question.key, asked.wording.get("en", ""))
        respondents.append(Respondent(response.role, scores))
    return PracticeFacts(cycle, results(cycle, loaded), respondents, wording)


def record_facts(organisation: Organisation, today: date) -> RecordFacts:
    contacts = recent_contacts(organisation, RECORD_WEEKS, today)
    late = [c.day for c in contacts if c.out_of_hours]
    entries = Entry.objects.for_org(organisation)
    return RecordFacts(
        contacts=len(contacts),
        out_of_hours=len(late),
        first_out_of_hours=min(late, default=None),
        consents=entries.filter(kind=Kind.CONSENT).count(),
        open_concerns=entries.filter(kind=Kind.CONCERN)
        .alias(status=PublicText("status"))
        .filter(status="open")
        .count(),
    )


def gather(organisation: Organisation, today: date | None = None) -> Facts:
    today = today or date.today()
    channels = (
        Channel.objects.for_org(organisation)
        .select_related("organisation")
        .prefetch_related("assessments")
    )
    return Facts(
        organisation=organisation,
        today=today,
        policy=policy_facts(organisation),
        practice=practice_facts(organisation),
        channels=[
            ChannelFacts(c, flags(c, has_assessment=bool(c.assessments.all()), today=today))
            for c in channels
        ],
        records=record_facts(organisation, today),
        # Roles are a JSON list, which SQLite cannot search inside; an organisation has few cycles.
        young_people_in_reviews=any(
            "young_person" in roles
            for roles in ReviewCycle.objects.for_org(organisation).values_list("roles", flat=True)
        ),
    )
