"""Results of a review cycle, computed in one place from the stored answers.

How scores work (shown on the results page in plain words):
- each answer becomes a score from 0 to 100: a maturity level by its place on the scale;
  yes / often / I agree score 100 and no / never / I disagree score 0, turned round for
  statements where agreeing describes a risk; "I don't know" and written answers get no score;
- a question's score for a group is the average of its answers' scores;
- a domain's or topic's score is the average of its questions' scores;
- groups of fewer than five people are never shown on their own.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import mean
from typing import Any

from digikind.frameworks.models import Question
from digikind.orgs.roles import RespondentRole
from digikind.reviews.models import Answer, Response, ReviewCycle
from digikind.reviews.questions import AskedQuestion, asked
from digikind.vocabulary import names

MIN_GROUP = 5
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
class Results:
    cycle: ReviewCycle
    submitted: int
    groups: list[GroupResult]
    overall: GroupResult | None
    hidden: list[tuple[str, int]]
    differences: list[Difference]
    comments: dict[str, list[tuple[str, str, str]]]
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


def _group(
    label: str,
    responses: list[Response],
    asked_by_role: dict[tuple[int, str], AskedQuestion],
    answers: dict[int, list[Answer]],
) -> GroupResult:
    per_question: dict[int, list[float]] = defaultdict(list)
    questions: dict[int, Question] = {}
    for response in responses:
        for answer in answers.get(response.pk, []):
            question = asked_by_role[(answer.question_id, response.role)]
            score = answer_score(question, answer.value)
            if score is not None:
                per_question[answer.question_id].append(score)
                questions[answer.question_id] = question.question
    question_scores = {qid: mean(scores) for qid, scores in per_question.items()}
    by_domain: dict[str, list[float]] = defaultdict(list)
    by_topic: dict[str, list[float]] = defaultdict(list)
    for qid, score in question_scores.items():
        by_domain[questions[qid].domain].append(score)
        for topic in questions[qid].topics:
            by_topic[topic].append(score)
    return GroupResult(
        label,
        len(responses),
        {d: round(mean(by_domain[d])) if by_domain[d] else None for d in names("domains")},
        {t: round(mean(by_topic[t])) if by_topic[t] else None for t in names("topics")},
    )


@dataclass
class LoadedAnswers:
    responses: list[Response]
    answers: dict[int, list[Answer]]
    asked_by_role: dict[tuple[int, str], AskedQuestion]


def load_answers(cycle: ReviewCycle) -> LoadedAnswers:
    """The sent responses of a cycle, their answers, and how each question was asked per role."""
    responses = list(cycle.responses.filter(submitted_at__isnull=False))
    answers: dict[int, list[Answer]] = defaultdict(list)
    for answer in Answer.objects.filter(response__in=responses).select_related(
        "question__framework_version"
    ):
        answers[answer.response_id].append(answer)
    roles = {r.role for r in responses}
    questions = {a.question_id: a.question for items in answers.values() for a in items}
    asked_by_role = {
        (qid, role): asked(q, role, 0) for qid, q in questions.items() for role in roles
    }
    return LoadedAnswers(responses, answers, asked_by_role)


def overall_result(cycle: ReviewCycle) -> GroupResult | None:
    """All respondents' scores for a cycle (none if fewer than five answered)."""
    loaded = load_answers(cycle)
    if len(loaded.responses) < MIN_GROUP:
        return None
    return _group(ALL, loaded.responses, loaded.asked_by_role, loaded.answers)


def results(cycle: ReviewCycle, loaded: LoadedAnswers | None = None) -> Results:
    loaded = loaded or load_answers(cycle)
    responses, answers, asked_by_role = loaded.responses, loaded.answers, loaded.asked_by_role
    labels = dict(RespondentRole.choices)

    by_role: dict[str, list[Response]] = defaultdict(list)
    for response in responses:
        by_role[response.role].append(response)
    groups, hidden = [], []
    for role in cycle.roles:
        members = by_role.get(role, [])
        if len(members) >= MIN_GROUP:
            groups.append(_group(labels[role], members, asked_by_role, answers))
        elif members:
            hidden.append((labels[role], len(members)))
    overall = (
        _group(ALL, responses, asked_by_role, answers) if len(responses) >= MIN_GROUP else None
    )

    differences = []
    for topic, name in names("topics").items():
        scores = [
            (g.label, float(score)) for g in groups if (score := g.topics.get(topic)) is not None
        ]
        if len(scores) >= 2:
            values = [score for _label, score in scores]
            if max(values) - min(values) >= DIFFERENCE:
                differences.append(Difference(topic, name, scores, max(values) - min(values)))
    differences.sort(key=lambda d: -d.spread)

    comments: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    if overall is not None and cycle.closed_at is not None:
        shown_roles = {role for role in cycle.roles if len(by_role.get(role, [])) >= MIN_GROUP}
        topic_names = names("topics")
        for response in responses:
            # Comments from a group too small to show keep no label that could identify them.
            who = labels[response.role] if response.role in shown_roles else "Someone"
            for answer in answers.get(response.pk, []):
                question = asked_by_role[(answer.question_id, response.role)].question
                for text in (answer.comment, answer.text):
                    if text:
                        comments[topic_names[question.topics[0]]].append(
                            (who, question.leader["en"], text)
                        )
    result = Results(cycle, len(responses), groups, overall, hidden, differences, dict(comments))
    previous = (
        ReviewCycle.objects.for_org(cycle.organisation)
        .filter(closed_at__isnull=False, created_at__lt=cycle.created_at)
        .order_by("-created_at")
        .first()
    )
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
