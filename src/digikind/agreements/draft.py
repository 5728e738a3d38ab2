"""Build a first draft of the digital agreement from what Digikind already knows.

- The register: which channels the organisation uses, what for and why, whether young
  people can message one to one, whether messages are kept.
- The latest finished policy check: what the policy says about when staff reply (its
  "availability-hours" evidence). The policy's sentences are never pasted: they only pick
  which of our own lines to use, with gaps in [square brackets] for the lead to fill in.
- The young people's answers in the latest closed review, only when five or more young
  people answered: topics they scored low become things to talk about with them.

All wording comes from data/wording.yaml. The result is a suggestion the lead edits with
young people; nothing here is saved.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from digikind.agreements.wording import SECTION_IDS, section, titles, wording
from digikind.orgs.models import Organisation
from digikind.orgs.roles import RespondentRole
from digikind.policies.models import PolicyCheck, current_policy_check
from digikind.register.models import Channel, Purpose, YesNoUnknown
from digikind.reviews.models import ReviewCycle, latest_closed_cycle
from digikind.reviews.scoring import MIN_GROUP, results
from digikind.vocabulary import names

HOURS_TOPIC = "availability-hours"


@dataclass(frozen=True)
class LowTopic:
    topic: str
    name: str
    score: float
    prompt: str
    section_title: str


@dataclass(frozen=True)
class YoungPeople:
    """What the latest closed review says about young people's view, if it may be shown."""

    cycle: ReviewCycle | None
    answered: int
    low: list[LowTopic] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.cycle is not None and self.answered >= MIN_GROUP

    @property
    def min_group(self) -> int:
        return MIN_GROUP


@dataclass
class Draft:
    texts: dict[str, str]
    hints: dict[str, list[str]]
    channels: list[Channel]
    policy_check: PolicyCheck | None
    young_people: YoungPeople


def names_list(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def channels_for_young_people(organisation: Organisation) -> list[Channel]:
    """Official channels that reach young people: not internal ones, not unofficial ones."""
    return list(
        Channel.objects.for_org(organisation)
        .filter(official=True)
        .exclude(purpose=Purpose.INTERNAL)
        .order_by("purpose", "platform", "account_name")
    )


def not_named(channels: list[Channel], text: str) -> list[str]:
    """The channels for young people that a saved text does not name (by the label the draft
    gives them, or their account name), so the agreement never disagrees with the register
    without the lead being told."""
    said = text.casefold()
    return [
        _label(c)
        for c in channels
        if _label(c).casefold() not in said
        and not (c.account_name.strip() and c.account_name.strip().casefold() in said)
    ]


def hours_evidence(policy_check: PolicyCheck | None) -> list[str]:
    """The sentences the policy check found about when staff reply."""
    if policy_check is None or not isinstance(policy_check.report, dict):
        return []
    for topic in policy_check.report.get("topics", []):
        if topic.get("id") == HOURS_TOPIC:
            return [str(e.get("text", "")) for e in topic.get("evidence", [])]
    return []


def _matches(cues: list[str], sentences: list[str]) -> bool:
    return any(re.search(cue, s, re.IGNORECASE) for cue in cues for s in sentences)


def _label(channel: Channel) -> str:
    platform, account = channel.platform_name, channel.account_name.strip()
    if not account or account.lower() == platform.lower():
        return platform
    return f"{platform} ({account})"


def _channels(channels: list[Channel], hints: list[str]) -> list[str]:
    words = section("channels")
    lines = [str(line) for line in words["opening"]]
    if not channels:
        hints.append(str(words["empty_hint"]))
        return lines + [f"- {line}" for line in words["empty"]]
    for channel in channels:
        parts = [str(words["purpose"].get(channel.purpose, ""))]
        if not channel.receives_messages:
            parts.append(str(words["no_messages"]))
        elif channel.one_to_one:
            parts.append(str(words["one_to_one"]))
        elif channel.purpose == Purpose.SERVICE_DELIVERY:
            parts.append(str(words["group_only"]))
        if channel.rationale.strip():
            parts.append(str(words["why"]).format(rationale=_sentence(channel.rationale)))
        lines.append(f"- {_label(channel)}: {' '.join(p for p in parts if p)}")
    return lines


def _replies(policy_check: PolicyCheck | None, hints: list[str]) -> list[str]:
    words = section("replies")
    hours = words["hours"]
    evidence = hours_evidence(policy_check)
    lines = [str(line) for line in words["opening"]]
    if policy_check is None:
        hints.append(str(hours["no_policy"]["hint"]))
    elif _matches(hours["named"]["cues"], evidence):
        hints.append(str(hours["named"]["hint"]))
    else:
        hints.append(str(hours["unnamed"]["hint"]))
    for extra in words["extras"]:
        if _matches(extra["cues"], evidence):
            lines.append(str(extra["say"]))
            hints.append(str(extra["hint"]))
    return lines + [str(line) for line in words["always"]]


def _will_do(channels: list[Channel]) -> list[str]:
    words = section("will_do")
    lines = [str(line) for line in words["always"]]
    if any(c.one_to_one and c.receives_messages for c in channels):
        lines.append(str(words["if_one_to_one"]["line"]))
    if any(c.platform in wording()["video_platforms"] for c in channels):
        lines.append(str(words["if_video"]["line"]))
    return [f"- {line}" for line in lines]


def _wont_do(channels: list[Channel]) -> list[str]:
    words = section("wont_do")
    lines = [str(line) for line in words["always"]]
    news = [
        c.platform_name
        for c in channels
        if c.purpose == Purpose.PROMOTION and c.receives_messages and not c.one_to_one
    ]
    if news:
        names = names_list(sorted(set(news)))
        lines.append(str(words["if_promotion"]["line"]).format(names=names))
    return [f"- {line}" for line in lines]


def _help_now() -> list[str]:
    return [f"- {line}" for line in section("help_now")["always"]]


def _records(channels: list[Channel]) -> list[str]:
    words = section("records")
    lines = [str(line) for line in words["always"]]
    kept = sorted({c.platform_name for c in channels if c.keeps_records == YesNoUnknown.YES})
    if kept:
        lines.append(str(words["keeps"]).format(names=names_list(kept)))
    for name in sorted({c.platform_name for c in channels if c.keeps_records == YesNoUnknown.NO}):
        lines.append(str(words["does_not_keep"]).format(names=name))
    return lines


def young_people(organisation: Organisation) -> YoungPeople:
    """Topics young people scored low, from the latest closed review; nothing from a group
    of fewer than five, so no answer can be traced to a person."""
    cycle = latest_closed_cycle(organisation)
    if cycle is None:
        return YoungPeople(None, 0)
    answered = cycle.responses.filter(
        role=RespondentRole.YOUNG_PERSON, submitted_at__isnull=False
    ).count()
    if answered < MIN_GROUP:
        return YoungPeople(cycle, answered)
    label = RespondentRole.YOUNG_PERSON.label
    group = next((g for g in results(cycle).groups if g.label == label), None)
    if group is None:
        return YoungPeople(cycle, answered)
    data: dict[str, Any] = wording()["young_people"]
    bar = float(wording()["low_score"])
    topic_names, section_titles = names("topics"), titles()
    low = []
    for topic, score in group.topics.items():
        if score is None or score >= bar:
            continue
        about = data["topics"].get(topic, {})
        low.append(
            LowTopic(
                topic=topic,
                name=topic_names.get(topic, topic),
                score=score,
                prompt=str(about.get("prompt", data["general"])),
                section_title=section_titles.get(str(about.get("section", "")), ""),
            )
        )
    low.sort(key=lambda t: t.score)
    return YoungPeople(cycle, answered, low)


def build_draft(organisation: Organisation) -> Draft:
    channels = channels_for_young_people(organisation)
    policy_check = current_policy_check(organisation)
    hints: dict[str, list[str]] = {s: [] for s in SECTION_IDS}
    lines = {
        "channels": _channels(channels, hints["channels"]),
        "replies": _replies(policy_check, hints["replies"]),
        "will_do": _will_do(channels),
        "wont_do": _wont_do(channels),
        "help_now": _help_now(),
        "records": _records(channels),
    }
    return Draft(
        texts={s: "\n".join(lines[s]) for s in SECTION_IDS},
        hints=hints,
        channels=channels,
        policy_check=policy_check,
        young_people=young_people(organisation),
    )
