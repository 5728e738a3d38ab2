"""Results of a review cycle, computed in one place from the stored answers.

How scores work (shown on the results page in plain words):
- each answer becomes a score from 0 to 100: a maturity level by its place on the scale;
  yes / often / I agree score 100 and no / never / I disagree score 0, turned round for
  statements where agreeing describes a risk; "I don't know" and written answers get no score;
- a question's score for a group is the average of its answers' scores;
- a domain's or topic's score is the average of its questions' scores;
- the privacy rule (privacy.py) decides which figures are shown: only those five or more
  people gave a scored answer to, and never one that a total would give away by subtraction;
- comments show only for a question whose group has five or more such people, sorted by
  their own words.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import mean
from typing import Any, TypeVar

from django.core.cache import cache

from digikind.frameworks.models import Question
from digikind.orgs.roles import RespondentRole
from digikind.reviews.models import Answer, Response, ReviewCycle
from digikind.reviews.privacy import MIN_GROUP, hidden_by_rule, shown_parts
from digikind.reviews.questions import AskedQuestion, asked
from digikind.vocabulary import names

__all__ = ["MIN_GROUP", "Results", "answer_score", "load_answers", "results"]

DIFFERENCE = 25  # points between groups that count as "views differ"
ALL = "All respondents"


def answer_score(question: AskedQuestion, value: str) -> float | None:
    if value in ("", Answer.DONT_KNOW) or question.is_free_text or not question.scale:
        return None
    values = [v for v, _label in question.options()]
    if value not in values or len(values) < 2:
        return None
    index = values.index(value)
    if question.scale["kind"] == "maturity":
        return 100 * index / (len(values) - 1)
    # Choice scales list their options from "yes"/"never"... in the file's order; positive
    # answers are the first for yes-no and agreement, the last for frequency.
    if question.scale_id == "frequency":
        score = 100 * index / (len(values) - 1)
    else:
        score = 100 * (len(values) - 1 - index) / (len(values) - 1)
    return 100 - score if question.polarity == "negative" else score


@dataclass
class GroupResult:
    """A group's scores as shown: None where there is no score or the privacy rule hides it."""

    label: str
    respondents: int
    domains: dict[str, float | None]
    topics: dict[str, float | None]


@dataclass
class Difference:
    topic: str
    name: str
    scores: list[tuple[str, float]]
    spread: float


@dataclass
class Comment:
    who: str
    question: str
    text: str


@dataclass
class Results:
    cycle: ReviewCycle
    submitted: int
    groups: list[GroupResult]
    overall: GroupResult | None
    hidden: list[tuple[str, int]]
    differences: list[Difference]
    comments: dict[str, list[Comment]]
    comments_hidden: bool = False
    protected: list[str] = field(default_factory=list)  # shown groups with scores hidden to
    # protect a smaller group (complementary suppression)
    flagged: int = 0  # near-empty answers sent in a burst from one network
    previous: ReviewCycle | None = None
    change: dict[str, float] = field(default_factory=dict)

    @property
    def domain_names(self) -> dict[str, str]:
        return names("domains")

    def chart_rows(self) -> list[dict[str, Any]]:
        shown = [*self.groups, *([self.overall] if self.overall else [])]
        return [
            {"domain": name, "bars": [(g.label, g.domains.get(d)) for g in shown]}
            for d, name in names("domains").items()
        ]


@dataclass(frozen=True, slots=True)
class LoadedAnswer:
    """What scoring reads of one answer (plain values, not a model instance)."""

    response_id: int
    question_id: int
    value: str
    text: str
    comment: str
    score: float | None = None  # answer_score, worked out once when loaded


@dataclass
class _Raw:
    """A group's scores before the privacy rule, with how many people each one rests on."""

    label: str
    respondents: int
    domains: dict[str, float]
    topics: dict[str, float]
    domain_people: dict[str, int]
    topic_people: dict[str, int]


def _raw(
    label: str,
    responses: list[Response],
    asked_by_role: dict[tuple[int, str], AskedQuestion],
    answers: dict[int, list[LoadedAnswer]],
) -> _Raw:
    per_question: dict[int, list[float]] = defaultdict(list)
    questions: dict[int, Question] = {}
    domain_people: dict[str, set[int]] = defaultdict(set)
    topic_people: dict[str, set[int]] = defaultdict(set)
    for response in responses:
        for answer in answers.get(response.pk, []):
            question = asked_by_role[(answer.question_id, response.role)]
            score = answer.score
            if score is None:  # "I don't know" and written answers count nobody
                continue
            per_question[answer.question_id].append(score)
            questions[answer.question_id] = question.question
            domain_people[question.question.domain].add(response.pk)
            for topic in question.question.topics:
                topic_people[topic].add(response.pk)
    question_scores = {qid: mean(scores) for qid, scores in per_question.items()}
    by_domain: dict[str, list[float]] = defaultdict(list)
    by_topic: dict[str, list[float]] = defaultdict(list)
    for qid, score in question_scores.items():
        by_domain[questions[qid].domain].append(score)
        for topic in questions[qid].topics:
            by_topic[topic].append(score)
    return _Raw(
        label,
        len(responses),
        {d: round(mean(scores)) for d, scores in by_domain.items()},
        {t: round(mean(scores)) for t, scores in by_topic.items()},
        {d: len(people) for d, people in domain_people.items()},
        {t: len(people) for t, people in topic_people.items()},
    )


@dataclass
class _Shown:
    groups: list[GroupResult]
    overall: GroupResult | None
    hidden: list[tuple[str, int]]
    protected: list[str]


def _apply_rule(parts: list[_Raw], everyone: _Raw) -> _Shown:
    """Run every domain and topic figure through the privacy rule (see privacy.py)."""
    domains: dict[str, dict[str, float | None]] = {p.label: {} for p in [*parts, everyone]}
    topics: dict[str, dict[str, float | None]] = {p.label: {} for p in [*parts, everyone]}
    protected: set[str] = set()
    for kind, target, keys in (
        ("domains", domains, names("domains")),
        ("topics", topics, names("topics")),
    ):
        for key in keys:
            people_of = "domain_people" if kind == "domains" else "topic_people"
            counts = {p.label: getattr(p, people_of).get(key, 0) for p in parts}
            shown, total_shown = shown_parts(counts)
            protected |= hidden_by_rule(counts)
            for part in parts:
                target[part.label][key] = (
                    getattr(part, kind).get(key) if part.label in shown else None
                )
            target[everyone.label][key] = getattr(everyone, kind).get(key) if total_shown else None

    def result(raw: _Raw) -> GroupResult:
        return GroupResult(raw.label, raw.respondents, domains[raw.label], topics[raw.label])

    def any_shown(raw: _Raw) -> bool:
        return any(
            v is not None for v in [*domains[raw.label].values(), *topics[raw.label].values()]
        )

    groups = [result(p) for p in parts if any_shown(p)]
    return _Shown(
        groups,
        result(everyone) if any_shown(everyone) else None,
        [(p.label, p.respondents) for p in parts if not any_shown(p)],
        [p.label for p in parts if p.label in protected],
    )


@dataclass
class LoadedAnswers:
    responses: list[Response]
    answers: dict[int, list[LoadedAnswer]]
    asked_by_role: dict[tuple[int, str], AskedQuestion]


def load_answers(cycle: ReviewCycle) -> LoadedAnswers:
    """The sent responses of a cycle, their answers, and how each question was asked per role.
    An answer to a question its respondent's role is not asked is left out.

    Answers are read as plain values in one query and each question once, so the cost is
    one cycle's answers, never a model instance (with its question's JSON) per answer."""
    responses = list(cycle.responses.filter(submitted_at__isnull=False))
    role_of = {r.pk: r.role for r in responses}
    rows = Answer.objects.filter(
        response__cycle=cycle, response__submitted_at__isnull=False
    ).values_list("response_id", "question_id", "value", "text", "comment")
    loaded = list(rows.iterator(chunk_size=5000))
    questions = {
        q.pk: q
        for q in Question.objects.filter(pk__in={row[1] for row in loaded}).select_related(
            "framework_version"
        )
    }
    roles = {r.role for r in responses}
    asked_by_role = {
        (qid, role): asked(question, role, 0)
        for qid, question in questions.items()
        for role in roles
        if role in question.roles
    }
    # Many answers share a question, role and value: score each such triple once.
    scores: dict[tuple[int, str, str], float | None] = {}
    answers: dict[int, list[LoadedAnswer]] = defaultdict(list)
    for response_id, question_id, value, text, comment in loaded:
        role = role_of[response_id]
        how = asked_by_role.get((question_id, role))
        if how is None:
            continue
        key = (question_id, role, value)
        if key not in scores:
            scores[key] = answer_score(how, value)
        answers[response_id].append(
            LoadedAnswer(response_id, question_id, value, text, comment, scores[key])
        )
    return LoadedAnswers(responses, answers, asked_by_role)


def _shown(cycle: ReviewCycle, loaded: LoadedAnswers) -> _Shown:
    labels = dict(RespondentRole.choices)
    by_role: dict[str, list[Response]] = defaultdict(list)
    for response in loaded.responses:
        by_role[response.role].append(response)
    parts = [
        _raw(str(labels[role]), by_role[role], loaded.asked_by_role, loaded.answers)
        for role in cycle.roles
        if by_role.get(role)
    ]
    everyone = _raw(ALL, loaded.responses, loaded.asked_by_role, loaded.answers)
    return _apply_rule(parts, everyone)


# Raise this when scoring, the privacy rule or what they return changes, so that no result
# worked out by the old code is shown.
RESULTS_VERSION = 1
T = TypeVar("T")


def once_closed(cycle: ReviewCycle, what: str, work_out: Callable[[], T]) -> T:
    """`work_out()`, kept in the cache once the cycle is closed: a closed cycle takes no more
    answers, so its results never change, and a large one takes a second to score."""
    if cycle.closed_at is None:
        return work_out()
    key = f"review-{what}:{RESULTS_VERSION}:{cycle.pk}:{cycle.closed_at.isoformat()}"
    found: T | None = cache.get(key)
    if found is None:
        found = work_out()
        cache.set(key, found, timeout=60 * 60 * 24 * 30)
    return found


def overall_result(cycle: ReviewCycle) -> GroupResult | None:
    """All respondents' scores for a cycle, as the privacy rule lets them be shown."""
    return once_closed(cycle, "overall", lambda: _shown(cycle, load_answers(cycle)).overall)


def _counts(answer: LoadedAnswer, asked: AskedQuestion) -> bool:
    """Whether an answer counts towards its question's five: a scored or a written answer."""
    if answer.value == Answer.DONT_KNOW:
        return False
    return answer.score is not None or bool(asked.is_free_text and answer.text)


def _comments(cycle: ReviewCycle, loaded: LoadedAnswers) -> tuple[dict[str, list[Comment]], bool]:
    """Comments from groups of five or more who answered that question, sorted by their own
    words so that their order says nothing about who wrote them or when."""
    labels = dict(RespondentRole.choices)
    topic_names = names("topics")
    counting: dict[tuple[int, str], int] = defaultdict(int)
    written: list[tuple[tuple[int, str], Comment, str]] = []
    for response in loaded.responses:
        for answer in loaded.answers.get(response.pk, []):
            asked_ = loaded.asked_by_role[(answer.question_id, response.role)]
            key = (answer.question_id, response.role)
            counting[key] += _counts(answer, asked_)
            for text in (answer.comment, answer.text):
                if text:
                    question = asked_.question
                    written.append(
                        (
                            key,
                            Comment(str(labels[response.role]), question.leader["en"], text),
                            topic_names[question.topics[0]],
                        )
                    )
    comments: dict[str, list[Comment]] = defaultdict(list)
    hidden = False
    for key, comment, topic in written:
        if counting[key] >= MIN_GROUP:
            comments[topic].append(comment)
        else:
            hidden = True
    for items in comments.values():
        items.sort(key=lambda c: (c.question, c.text.casefold(), c.text, c.who))
    return dict(comments), hidden


def results(cycle: ReviewCycle, loaded: LoadedAnswers | None = None) -> Results:
    if loaded is None:
        return once_closed(cycle, "results", lambda: _results(cycle, load_answers(cycle)))
    return _results(cycle, loaded)


def _results(cycle: ReviewCycle, loaded: LoadedAnswers) -> Results:
    shown = _shown(cycle, loaded)
    differences = []
    for topic, name in names("topics").items():
        scores = [
            (g.label, float(score))
            for g in shown.groups
            if (score := g.topics.get(topic)) is not None
        ]
        if len(scores) >= 2:
            values = [score for _label, score in scores]
            if max(values) - min(values) >= DIFFERENCE:
                differences.append(Difference(topic, name, scores, max(values) - min(values)))
    differences.sort(key=lambda d: -d.spread)

    comments: dict[str, list[Comment]] = {}
    comments_hidden = False
    if shown.overall is not None and cycle.closed_at is not None:
        comments, comments_hidden = _comments(cycle, loaded)
    result = Results(
        cycle,
        len(loaded.responses),
        shown.groups,
        shown.overall,
        shown.hidden,
        differences,
        comments,
        comments_hidden=comments_hidden,
        protected=shown.protected,
        flagged=sum(1 for r in loaded.responses if r.burst),
    )
    previous = (
        ReviewCycle.objects.for_org(cycle.organisation)
        .filter(closed_at__isnull=False, created_at__lt=cycle.created_at)
        .order_by("-created_at")
        .first()
    )
    overall = shown.overall
    earlier = overall_result(previous) if previous is not None and overall is not None else None
    if earlier is not None and overall is not None:
        result.previous = previous
        result.change = {
            d: float(now) - float(then)
            for d in names("domains")
            if (now := overall.domains.get(d)) is not None
            and (then := earlier.domains.get(d)) is not None
        }
    return result
