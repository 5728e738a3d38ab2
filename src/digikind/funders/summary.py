"""The summary a grantee shares with a funder: a few numbers, never raw answers, records or
names. Built from the grantee's answers and its gap report, and shown to the grantee's lead
word for word before they agree to share it."""

from dataclasses import dataclass
from statistics import mean

from digikind.funders.question_sets import QuestionSet, answer_score
from digikind.gaps.models import Action, Status
from digikind.gaps.report import GapReport, build
from digikind.gaps.rules import rules
from digikind.orgs.models import Organisation
from digikind.vocabulary import names

TOP_GAPS = 5

# The parts of the summary, in the order they are shown; a grantee can leave any out.
PARTS = {
    "scores": "Scores by domain, from your answers",
    "policy": "Your policy check: how many topics it covers, which it misses, and its flags",
    "register": "Your channels register: how many channels, and how many conflicts",
    "gaps": "Your top five gaps, by kind only (no channel names, no evidence)",
    "actions": "How your action plan is going: how many actions, done and overdue",
}


@dataclass(frozen=True)
class Line:
    part: str
    name: str
    value: float


def figure_label(name: str) -> str:
    """What a figure's name means, in words, for pages and exports."""
    kind, _, key = name.partition(":")
    if kind == "score":
        return f"Score: {names('domains').get(key, key)}"
    if kind == "missing":
        return f"Policy misses: {names('topics').get(key, key)}"
    if kind == "failing":
        return f"Policy is {names('policy_failings').get(key, key).lower()}"
    if kind == "gap":
        rule_id, _, topic = key.partition(":")
        rule = next((r for r in rules() if r.id == rule_id), None)
        title = rule.title if rule else rule_id
        return "Gap: " + title.replace("{channel}", "A channel").replace(
            "{topic}", names("topics").get(topic, topic)
        )
    return {
        "policy:covered": "Policy topics covered (of 18)",
        "register:channels": "Channels in the register",
        "register:conflicts": "Conflicts found in the register",
        "register:assessed": "Channels with a risk assessment",
        "actions:total": "Actions in the plan",
        "actions:done": "Actions done",
        "actions:overdue": "Actions overdue",
    }.get(name, name)


def score_lines(question_set: QuestionSet, answers: dict[str, str]) -> list[Line]:
    by_domain: dict[str, list[float]] = {}
    for question in question_set.questions:
        score = answer_score(answers.get(question.id, ""))
        if score is not None:
            by_domain.setdefault(question.domain, []).append(score)
    return [
        Line("scores", f"score:{domain}", round(mean(by_domain[domain])))
        for domain in names("domains")
        if domain in by_domain
    ]


def data_lines(organisation: Organisation, report: GapReport | None = None) -> list[Line]:
    """Every figure except the scores, from the grantee's own data as it is today."""
    report = report or build(organisation)
    facts = report.facts
    lines = []
    if facts.policy is not None:
        topics = facts.policy.topics
        covered = sum(1 for t in topics.values() if t.get("state") == "covered")
        lines.append(Line("policy", "policy:covered", covered))
        for topic in names("topics"):
            state = topics.get(topic, {}).get("state", "missing")
            lines.append(Line("policy", f"missing:{topic}", float(state == "missing")))
        for failing in names("policy_failings"):
            flagged = bool(facts.policy.failings.get(failing, {}).get("flagged"))
            lines.append(Line("policy", f"failing:{failing}", float(flagged)))
    lines.append(Line("register", "register:channels", len(facts.channels)))
    lines.append(
        Line(
            "register",
            "register:conflicts",
            sum(1 for c in facts.channels for f in c.flags if f.kind == "conflict"),
        )
    )
    lines.append(
        Line(
            "register",
            "register:assessed",
            sum(1 for c in facts.channels if c.channel.assessments.all()),
        )
    )
    seen = set()
    for gap in report.gaps:
        name = f"gap:{gap.rule.id}" + (f":{gap.topic}" if "{topic}" in gap.rule.title else "")
        if name not in seen:
            seen.add(name)
            lines.append(Line("gaps", name, 1.0))
        if len(seen) == TOP_GAPS:
            break
    actions = list(Action.objects.for_org(organisation))
    lines.append(Line("actions", "actions:total", len(actions)))
    lines.append(
        Line("actions", "actions:done", sum(1 for a in actions if a.status == Status.DONE))
    )
    lines.append(Line("actions", "actions:overdue", sum(1 for a in actions if a.is_overdue())))
    return lines
