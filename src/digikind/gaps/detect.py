"""Find the gaps: run each rule's conditions over the gathered facts.

A condition answers yes (with the evidence that shows it), no, or "cannot tell" when the data
it needs is missing. A rule is a gap only when every condition says yes.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from django.urls import reverse

from digikind import readability
from digikind.gaps.facts import ChannelFacts, Facts
from digikind.gaps.rules import Rule, rule_file, rules, wording
from digikind.register import knowledge
from digikind.register.models import Purpose
from digikind.reviews.scoring import MIN_GROUP
from digikind.vocabulary import names

VIEWS = ("policy", "process", "practice", "register")


@dataclass
class Evidence:
    view: str  # one of VIEWS
    text: str
    url: str
    quote: str = ""  # the policy's own words, shown as a quotation
    where: str = ""  # where in the policy the quote is


@dataclass
class Outcome:
    met: bool | None  # None: the data needed to tell is missing
    evidence: list[Evidence] = field(default_factory=list)
    affected: int = 0
    since: date | None = None
    missing: str = ""  # which data is missing: policy, practice, register or records


@dataclass
class Priority:
    level: str
    score: int
    reasons: list[str]


@dataclass
class Gap:
    key: str
    rule: Rule
    topic: str
    topic_name: str
    title: str
    evidence: list[Evidence]
    affected: int
    since: date | None
    priority: Priority

    @property
    def why(self) -> str:
        return self.rule.why

    @property
    def actions(self) -> dict[str, str]:
        return self.rule.actions


@dataclass
class Scope:
    """What a rule is about this time: the whole organisation, one channel or one topic."""

    topic: str
    channel: ChannelFacts | None = None


NO = Outcome(False)


def _say(key: str, **values: object) -> str:
    return str(wording()["evidence"][key]).format(**values)


def _roles(roles: list[str]) -> str:
    words = [wording()["roles"][r] for r in roles]
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


@lru_cache(maxsize=8)
def _patterns(name: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in rule_file()["policy_patterns"][name])


def _quote(facts: Facts, sentence: dict[str, str]) -> Evidence:
    assert facts.policy is not None
    return Evidence(
        "policy",
        _say("policy_says"),
        facts.policy.url,
        quote=sentence["text"],
        where=sentence.get("where", ""),
    )


# Policy conditions -------------------------------------------------------------------------


def policy_says(facts: Facts, pattern: str, scope: Scope) -> Outcome:
    if facts.policy is None:
        return Outcome(None, missing="policy")
    found = [
        s for s in facts.policy.sentences if any(p.search(s["text"]) for p in _patterns(pattern))
    ]
    if not found:
        return NO
    return Outcome(True, [_quote(facts, s) for s in found[:3]], since=facts.policy.since)


def policy_topic(facts: Facts, args: dict[str, Any], scope: Scope) -> Outcome:
    if facts.policy is None:
        return Outcome(None, missing="policy")
    topic = args.get("topic", scope.topic)
    finding = facts.policy.topics.get(topic, {"state": "missing", "evidence": []})
    if finding["state"] not in args["state"]:
        return NO
    text = wording()["evidence"]["policy_topic"][finding["state"]]
    evidence = [
        Evidence("policy", text.format(topic=names("topics")[topic].lower()), facts.policy.url)
    ]
    evidence += [_quote(facts, s) for s in finding.get("evidence", [])[:2]]
    return Outcome(True, evidence, since=facts.policy.since)


def policy_grade_above(facts: Facts, grade: float, scope: Scope) -> Outcome:
    if facts.policy is None or facts.policy.grade is None:
        return Outcome(None, missing="policy")
    if facts.policy.grade <= grade:
        return NO
    text = _say("policy_grade", level=readability.reading_level(facts.policy.grade))
    return Outcome(True, [Evidence("policy", text, facts.policy.url)], since=facts.policy.since)


def policy_failing(facts: Facts, failing: str, scope: Scope) -> Outcome:
    if facts.policy is None:
        return Outcome(None, missing="policy")
    finding = facts.policy.failings.get(failing)
    if not finding or not finding.get("flagged"):
        return NO
    text = _say(
        "policy_failing",
        failing=names("failings")[failing].lower(),
        reasons=" ".join(finding.get("reasons", [])),
    )
    evidence = [Evidence("policy", text, facts.policy.url)]
    evidence += [_quote(facts, s) for s in finding.get("evidence", [])[:2]]
    return Outcome(True, evidence, since=facts.policy.since)


def _platform_words(platform_id: str) -> list[str]:
    """Words that name a platform in a policy: its name, and the brand alone ("WhatsApp"
    for WhatsApp Business), but not a maker's name shared by several products."""
    known = knowledge.platforms().get(platform_id)
    words = [known.name] if known else []
    brand = platform_id.split("-")[0]
    if len(brand) >= 4 and brand not in ("microsoft", "google", "website"):
        words.append(brand)
    return words


def _named_platforms(facts: Facts) -> dict[str, str]:
    """Platforms the policy names, by id, with the word it names them by."""
    assert facts.policy is not None
    named: dict[str, str] = {}
    text = " ".join(sentence["text"] for sentence in facts.policy.sentences)
    for platform_id in knowledge.platforms():
        for word in _platform_words(platform_id):
            found = re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)
            if found:
                named.setdefault(platform_id, found.group(0))
    return named


def policy_names_platforms(facts: Facts, wanted: bool, scope: Scope) -> Outcome:
    if facts.policy is None:
        return Outcome(None, missing="policy")
    named = _named_platforms(facts)
    if bool(named) != wanted:
        return NO
    words = sorted(set(named.values()), key=str.lower)
    text = _say("policy_names", names=", ".join(words))
    return Outcome(True, [Evidence("policy", text, facts.policy.url)] if named else [])


def channel_named_in_policy(facts: Facts, wanted: bool, scope: Scope) -> Outcome:
    if facts.policy is None:
        return Outcome(None, missing="policy")
    assert scope.channel is not None
    channel = scope.channel.channel
    named = channel.platform in _named_platforms(facts)
    if named != wanted:
        return NO
    text = _say("channel_not_named", platform=channel.platform_name)
    return Outcome(True, [] if named else [Evidence("policy", text, facts.policy.url)])


# Practice conditions -----------------------------------------------------------------------


def practice_share(facts: Facts, args: dict[str, Any], scope: Scope) -> Outcome:
    if facts.practice is None:
        return Outcome(None, missing="practice")
    keys, roles = args["questions"], args["roles"]
    answered = [
        r
        for r in facts.practice.respondents
        if r.role in roles and any(k in r.scores for k in keys)
    ]
    if len(answered) < MIN_GROUP:
        return Outcome(None, missing="small_groups")
    at_risk = [r for r in answered if any(r.scores.get(k, 100) < 50 for k in keys)]
    if 100 * len(at_risk) < args["at_least"] * len(answered):
        return NO
    evidence = []
    for key in keys:
        group = [r for r in answered if key in r.scores]
        risky = [r for r in group if r.scores[key] < 50]
        if len(group) >= MIN_GROUP and risky:
            text = _say(
                "practice_share",
                count=len(risky),
                total=len(group),
                roles=_roles(roles),
                question=facts.practice.wording.get(key, key),
            )
            evidence.append(Evidence("practice", text, facts.practice.url))
    return Outcome(True, evidence, affected=len(at_risk), since=facts.practice.since)


def practice_topic_below(facts: Facts, args: dict[str, Any], scope: Scope) -> Outcome:
    if facts.practice is None:
        return Outcome(None, missing="practice")
    groups = facts.practice.group_topic_scores(args["roles"])
    if not groups:
        return Outcome(None, missing="small_groups")
    topic_name = names("topics")[scope.topic].lower()
    low = [
        (label, score)
        for label, topics in groups
        if (score := topics.get(scope.topic)) is not None and score < args["below"]
    ]
    if not low:
        return NO
    evidence = [
        Evidence(
            "practice",
            _say("practice_topic", group=label, topic=topic_name, score=round(score)),
            facts.practice.url,
        )
        for label, score in low
    ]
    people = {g.label: g.respondents for g in facts.practice.results.groups}
    return Outcome(
        True,
        evidence,
        affected=sum(people.get(label, 0) for label, _score in low),
        since=facts.practice.since,
    )


def groups_differ(facts: Facts, wanted: bool, scope: Scope) -> Outcome:
    if facts.practice is None:
        return Outcome(None, missing="practice")
    difference = next(
        (d for d in facts.practice.results.differences if d.topic == scope.topic), None
    )
    if (difference is not None) != wanted or difference is None:
        return NO
    topic_name = names("topics")[scope.topic].lower()
    evidence = [
        Evidence(
            "practice",
            _say("groups_differ", group=label, topic=topic_name, score=round(score)),
            facts.practice.url,
        )
        for label, score in difference.scores
    ]
    return Outcome(True, evidence, since=facts.practice.since)


def records_out_of_hours(facts: Facts, args: dict[str, Any], scope: Scope) -> Outcome:
    records = facts.records
    if records.contacts < args["min_contacts"]:
        return Outcome(None, missing="records")
    share = round(100 * records.out_of_hours / records.contacts)
    if share < args["at_least"]:
        return NO
    text = _say(
        "records_out_of_hours",
        count=records.out_of_hours,
        total=records.contacts,
        weeks=records.weeks,
        share=share,
    )
    url = reverse("records:home", args=[facts.organisation.slug])
    return Outcome(
        True,
        [Evidence("practice", text, url)],
        affected=records.out_of_hours,
        since=records.first_out_of_hours,
    )


# Register conditions -----------------------------------------------------------------------


def _channel_matches(channel: ChannelFacts, filters: dict[str, Any]) -> bool:
    c = channel.channel
    for name, wanted in filters.items():
        if name == "one_to_one_or_video":
            known = knowledge.platforms().get(c.platform)
            if (c.one_to_one or (known is not None and known.kind == "video")) != wanted:
                return False
        elif getattr(c, name) not in wanted:
            return False
    return True


def register_count(facts: Facts, args: dict[str, Any], scope: Scope) -> Outcome:
    if not facts.channels:
        return Outcome(None, missing="register")
    filters = {k: v for k, v in args.items() if k not in ("at_least", "at_most")}
    found = [c for c in facts.channels if _channel_matches(c, filters)]
    if len(found) < args.get("at_least", 0) or len(found) > args.get("at_most", len(found)):
        return NO
    filter_words = wording()["register_filters"][next(iter(filters))]
    url = reverse("register:list", args=[facts.organisation.slug])
    if not found:
        return Outcome(
            True, [Evidence("register", _say("register_none", what=filter_words["one"]), url)]
        )
    text = _say(
        "register_some",
        count=len(found),
        what_plural=filter_words["many"],
        names=", ".join(str(c.channel) for c in found),
    )
    evidence = [Evidence("register", text, found[0].channel.get_absolute_url())]
    return Outcome(True, evidence, since=min(c.since for c in found))


def channel_flag(facts: Facts, wanted: str | list[str], scope: Scope) -> Outcome:
    assert scope.channel is not None
    ids = [wanted] if isinstance(wanted, str) else wanted
    found = [f for f in scope.channel.flags if f.id in ids]
    if not found:
        return NO
    url = scope.channel.channel.get_absolute_url()
    return Outcome(
        True, [Evidence("register", f.message, url) for f in found], since=scope.channel.since
    )


def channel_is(facts: Facts, filters: dict[str, Any], scope: Scope) -> Outcome:
    assert scope.channel is not None
    if not _channel_matches(scope.channel, filters):
        return NO
    channel = scope.channel.channel
    text = _say("channel_is", channel=str(channel))
    return Outcome(
        True, [Evidence("register", text, channel.get_absolute_url())], since=scope.channel.since
    )


def young_people_in_scope(facts: Facts, wanted: bool, scope: Scope) -> Outcome:
    used = [
        c
        for c in facts.channels
        if c.channel.purpose == Purpose.SERVICE_DELIVERY
        and c.channel.youngest_age is not None
        and c.channel.youngest_age < 18
    ]
    evidence = []
    if used:
        names_ = ", ".join(str(c.channel) for c in used)
        url = reverse("register:list", args=[facts.organisation.slug])
        evidence.append(Evidence("register", _say("young_people_channels", names=names_), url))
    if facts.young_people_in_reviews:
        url = reverse("reviews:list", args=[facts.organisation.slug])
        evidence.append(Evidence("process", _say("young_people_reviews"), url))
    return Outcome(True, evidence) if bool(evidence) == wanted else NO


def any_of(facts: Facts, conditions: list[dict[str, Any]], scope: Scope) -> Outcome:
    """Met when any one of several conditions is: two sources that each show the same thing
    (staff say they use their own phones; the register lists a channel on them)."""
    met, missing = [], ""
    for condition in conditions:
        ((kind, args),) = condition.items()
        outcome = CONDITIONS[kind](facts, args, scope)
        if outcome.met:
            met.append(outcome)
        elif outcome.met is None:
            missing = missing or outcome.missing
    if not met:
        return Outcome(None, missing=missing) if missing else NO
    since = [o.since for o in met if o.since is not None]
    return Outcome(
        True,
        [e for o in met for e in o.evidence],
        affected=max(o.affected for o in met),
        since=min(since) if since else None,
    )


CONDITIONS: dict[str, Callable[[Facts, Any, Scope], Outcome]] = {
    "policy_says": policy_says,
    "policy_topic": policy_topic,
    "policy_grade_above": policy_grade_above,
    "policy_failing": policy_failing,
    "policy_names_platforms": policy_names_platforms,
    "channel_named_in_policy": channel_named_in_policy,
    "practice_share": practice_share,
    "practice_topic_below": practice_topic_below,
    "groups_differ": groups_differ,
    "records_out_of_hours": records_out_of_hours,
    "register_count": register_count,
    "channel_flag": channel_flag,
    "channel_is": channel_is,
    "young_people_in_scope": young_people_in_scope,
    "any_of": any_of,
}


# Rules to gaps -----------------------------------------------------------------------------


def priority(severity: int, affected: int, since: date | None, today: date) -> Priority:
    """Seriousness, then how many people, then how long: each adds to the score."""
    words = wording()["priority"]
    score = severity * 2
    reasons = [words["severity"][severity]]
    if affected:
        score += 2 if affected >= 20 else 1 if affected >= 5 else 0
        reasons.append(words["affected"].format(count=affected))
    else:
        reasons.append(words["affected_unknown"])
    if since is not None:
        days = (today - since).days
        score += 2 if days >= 365 else 1 if days >= 90 else 0
        reasons.append(words["since"].format(date=f"{since:%d %B %Y}".lstrip("0")))
    level = 3 if score >= 7 else 2 if score >= 4 else 1
    return Priority(words["levels"][level], score, reasons)


def _scopes(rule: Rule, facts: Facts) -> list[tuple[str, Scope, dict[str, str]]]:
    """(key, scope, title values) for each thing this rule is checked against."""
    if rule.for_each == "channel":
        return [
            (f"{rule.id}:channel-{c.channel.pk}", Scope(rule.topic, c), {"channel": str(c.channel)})
            for c in facts.channels
        ]
    if rule.for_each == "topic":
        return [
            (f"{rule.id}:{topic}", Scope(topic), {"topic": name})
            for topic, name in names("topics").items()
        ]
    return [(rule.id, Scope(rule.topic), {})]


@dataclass
class Findings:
    gaps: list[Gap]
    missing: set[str]  # data the rules needed but could not find


def find_gaps(facts: Facts) -> Findings:
    gaps, missing = [], set()
    topic_names = names("topics")
    for rule in rules():
        for key, scope, values in _scopes(rule, facts):
            outcomes = []
            for kind, args in rule.when:
                outcome = CONDITIONS[kind](facts, args, scope)
                if outcome.met is None:
                    missing.add(outcome.missing)
                if not outcome.met:
                    break
                outcomes.append(outcome)
            else:
                since = [o.since for o in outcomes if o.since is not None]
                affected = max((o.affected for o in outcomes), default=0)
                first = min(since) if since else None
                gaps.append(
                    Gap(
                        key=key,
                        rule=rule,
                        topic=scope.topic,
                        topic_name=topic_names[scope.topic],
                        title=rule.title.format(**values),
                        evidence=[e for o in outcomes for e in o.evidence],
                        affected=affected,
                        since=first,
                        priority=priority(rule.severity, affected, first, facts.today),
                    )
                )
    gaps.sort(key=lambda g: (-g.priority.score, g.topic, g.key))
    return Findings(gaps, missing)
