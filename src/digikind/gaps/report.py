"""The gap report: for each of the 18 topics, what policy, process, practice and the register
say, the gaps found there, and what data is missing to tell more."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.urls import reverse

from digikind.gaps.detect import Evidence, Gap, find_gaps
from digikind.gaps.facts import Facts, gather
from digikind.gaps.rules import rule_file, wording
from digikind.orgs.models import Organisation
from digikind.vocabulary import names


@dataclass
class Missing:
    title: str
    what_to_do: str
    url: str
    link_text: str


@dataclass
class TopicRow:
    id: str
    name: str
    policy: list[Evidence] = field(default_factory=list)
    process: list[str] = field(default_factory=list)
    practice: list[str] = field(default_factory=list)
    register: list[Evidence] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)


@dataclass
class GapReport:
    organisation: Organisation
    facts: Facts
    gaps: list[Gap]
    topics: list[TopicRow]
    missing: list[Missing]

    def gap(self, key: str) -> Gap | None:
        return next((g for g in self.gaps if g.key == key), None)

    def counts(self) -> dict[str, int]:
        counts = {level: 0 for level in wording()["priority"]["levels"].values()}
        for gap in self.gaps:
            counts[gap.priority.level] += 1
        return counts


def _missing(facts: Facts, needed: set[str]) -> list[Missing]:
    absent = set(needed)
    if facts.policy is None:
        absent.add("policy")
    if facts.practice is None:
        absent.add("practice")
    if not facts.channels:
        absent.add("register")
    if facts.practice is not None and facts.practice.results.hidden:
        absent.add("small_groups")
    texts = wording()["missing"]
    return [
        Missing(
            texts[key]["title"],
            texts[key]["what_to_do"],
            reverse(texts[key]["link"], args=[facts.organisation.slug]),
            texts[key]["link_text"],
        )
        for key in texts
        if key in absent
    ]


def _policy_view(facts: Facts, topic: str) -> list[Evidence]:
    views = wording()["topic_views"]["policy"]
    if facts.policy is None:
        return [Evidence("policy", views["none"], "")]
    finding = facts.policy.topics.get(topic, {"state": "missing", "evidence": []})
    quotes = [
        Evidence("policy", "", facts.policy.url, quote=s["text"], where=s.get("where", ""))
        for s in finding.get("evidence", [])[:2]
    ]
    return [Evidence("policy", views[finding["state"]], facts.policy.url), *quotes]


def _process_view(facts: Facts, topic: str) -> list[str]:
    views = wording()["topic_views"]["process"]
    lines = []
    if facts.practice is not None:
        leaders = facts.practice.group_topic_scores(["lead", "trustee"])
        scores = [s for _label, topics in leaders if (s := topics.get(topic)) is not None]
        if scores:
            lines.append(views["leaders"].format(score=round(max(scores))))
        else:
            lines.append(views["no_leaders"])
    channels = [c.channel for c in facts.channels]
    values: dict[str, dict[str, Any]] = {
        "channels": {
            "count": len(channels),
            "assessed": sum(1 for c in facts.channels if c.channel.assessments.all()),
        },
        "trained": {
            "count": len(channels),
            "trained": sum(1 for c in channels if c.managers_trained == "yes"),
        },
        "consents": {"count": facts.records.consents},
        "concerns": {"count": facts.records.open_concerns},
        "contacts": {"count": facts.records.contacts, "weeks": facts.records.weeks},
    }
    for figure in wording()["process_figures"].get(topic, []):
        lines.append(views[figure].format(**values[figure]))
    return lines


def _practice_view(facts: Facts, topic: str) -> list[str]:
    views = wording()["topic_views"]["practice"]
    lines = []
    if facts.practice is None:
        lines.append(views["none"])
    else:
        roles = ["staff", "volunteer", "young_person", "parent_carer"]
        for label, topics in facts.practice.group_topic_scores(roles):
            if (score := topics.get(topic)) is not None:
                lines.append(views["group"].format(group=label, score=round(score)))
    if topic == "availability-hours" and facts.records.contacts:
        share = round(100 * facts.records.out_of_hours / facts.records.contacts)
        lines.append(views["out_of_hours"].format(share=share, weeks=facts.records.weeks))
    return lines


def _register_view(facts: Facts, topic: str) -> list[Evidence]:
    flag_topics = rule_file()["flag_topics"]
    return [
        Evidence("register", f"{c.channel}: {flag.message}", c.channel.get_absolute_url())
        for c in facts.channels
        for flag in c.flags
        if flag_topics.get(flag.id) == topic
    ]


def build(organisation: Organisation, today: date | None = None) -> GapReport:
    facts = gather(organisation, today)
    findings = find_gaps(facts)
    rows = []
    for topic, name in names("topics").items():
        rows.append(
            TopicRow(
                topic,
                name,
                policy=_policy_view(facts, topic),
                process=_process_view(facts, topic),
                practice=_practice_view(facts, topic),
                register=_register_view(facts, topic),
                gaps=[g for g in findings.gaps if g.topic == topic],
            )
        )
    return GapReport(organisation, facts, findings.gaps, rows, _missing(facts, findings.missing))
