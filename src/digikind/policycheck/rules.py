"""Load the policy-check rules from their data files, compile them, and check their shape."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from re import IGNORECASE, Pattern, compile
from typing import Any

import yaml

from digikind.policycheck.fast_search import finds, join

RULES_DIR = Path(__file__).with_name("rules")


class RulesError(Exception):
    """A rules file is missing something or has a pattern that does not compile."""


def _load(name: str) -> dict[str, Any]:
    path = RULES_DIR / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise RulesError(f"{path.name} must be a mapping.")
    return data


def _compile(patterns: list[str], where: str) -> tuple[Pattern[str], ...]:
    """Check each pattern, then join them into one, whose search skips the pieces a
    sentence lacks the words for (fast_search.join)."""
    for pattern in patterns:
        try:
            compile(pattern, IGNORECASE)
        except Exception as error:
            raise RulesError(
                f"{where}: the pattern {pattern!r} does not compile ({error})."
            ) from None
    if not patterns:
        return ()
    return (join(patterns, IGNORECASE),)


def _require(data: dict[str, Any], keys: list[str], where: str) -> None:
    missing = [k for k in keys if k not in data]
    if missing:
        raise RulesError(f"{where} is missing {', '.join(missing)}.")


@dataclass(frozen=True)
class TopicRule:
    """How one topic is recognised (see topics.yaml for what each list means)."""

    id: str
    digital: bool
    cues: tuple[Pattern[str], ...]
    touch_only: tuple[Pattern[str], ...]
    statements: tuple[Pattern[str], ...]
    ignore: tuple[Pattern[str], ...]
    demote: tuple[Pattern[str], ...]
    # One search that any of cues, statements, touch_only or ignore would pass: most
    # sentences say nothing about most topics, and this tells so in one step.
    any_of_them: tuple[Pattern[str], ...] = ()


@dataclass(frozen=True)
class ObsoleteItem:
    name: str
    pattern: Pattern[str]
    ended: int
    now: str
    weak: bool


@dataclass(frozen=True)
class PlainWord:
    term: str
    pattern: Pattern[str]
    instead: str


@dataclass(frozen=True)
class Rules:
    rule: tuple[Pattern[str], ...]
    purpose: tuple[Pattern[str], ...]
    digital: tuple[Pattern[str], ...]
    young_people: tuple[Pattern[str], ...]
    contact: tuple[Pattern[str], ...]
    not_contact: tuple[Pattern[str], ...]
    young_person_subject: tuple[Pattern[str], ...]
    adult: tuple[Pattern[str], ...]
    image: tuple[Pattern[str], ...]
    direct_contact: tuple[Pattern[str], ...]
    topics: tuple[TopicRule, ...]
    obsolete: tuple[ObsoleteItem, ...]
    historical: tuple[Pattern[str], ...]
    current: tuple[Pattern[str], ...]
    ban: tuple[Pattern[str], ...]
    ban_scope: tuple[Pattern[str], ...]
    blanket: tuple[Pattern[str], ...]
    mitigation: tuple[Pattern[str], ...]
    targeted: tuple[Pattern[str], ...]
    alternatives: tuple[Pattern[str], ...]
    platforms: dict[str, Pattern[str]]
    general_digital: tuple[Pattern[str], ...]
    situations: dict[str, Pattern[str]]
    vague: tuple[PlainWord, ...]
    jargon: tuple[PlainWord, ...]
    furniture: tuple[Pattern[str], ...]
    record_lines: tuple[Pattern[str], ...]


@cache
def rules() -> Rules:
    from digikind.vocabulary import ids

    language = _load("language.yaml")
    _require(
        language,
        ["rule_patterns", "digital_patterns", "young_people_patterns"],
        "language.yaml",
    )
    absent = _load("absent.yaml")
    _require(
        absent,
        [
            "contact_patterns",
            "not_contact_patterns",
            "young_person_subject_patterns",
            "adult_patterns",
            "image_patterns",
            "direct_contact_patterns",
        ],
        "absent.yaml",
    )
    topic_data = _load("topics.yaml")
    if list(topic_data) != ids("topics"):
        raise RulesError(
            "topics.yaml must list the 18 topics of vocabulary.yaml, in the same order."
        )
    topics = []
    for topic_id, spec in topic_data.items():
        where = f"topics.yaml, {topic_id}"
        _require(spec, ["digital", "cues"], where)
        unknown = set(spec) - {"digital", "cues", "touch_only", "statements", "ignore", "demote"}
        if unknown:
            raise RulesError(f"{where} has unknown keys: {', '.join(sorted(unknown))}.")
        every = [
            p for key in ("cues", "statements", "touch_only", "ignore") for p in spec.get(key, [])
        ]
        topics.append(
            TopicRule(
                id=topic_id,
                digital=bool(spec["digital"]),
                cues=_compile(spec["cues"], where),
                touch_only=_compile(spec.get("touch_only", []), f"{where}, touch_only"),
                statements=_compile(spec.get("statements", []), f"{where}, statements"),
                ignore=_compile(spec.get("ignore", []), f"{where}, ignore"),
                demote=_compile(spec.get("demote", []), f"{where}, demote"),
                any_of_them=_compile(every, where),
            )
        )
    obsolete = _load("obsolete.yaml")
    _require(obsolete, ["items", "historical_patterns", "current_patterns"], "obsolete.yaml")
    restrictive = _load("restrictive.yaml")
    _require(
        restrictive,
        ["ban_patterns", "scope_patterns", "blanket_patterns", "mitigation_patterns"],
        "restrictive.yaml",
    )
    narrow = _load("narrow.yaml")
    _require(narrow, ["platform_patterns", "general_patterns", "situation_patterns"], "narrow.yaml")
    plain = _load("plain_words.yaml")
    _require(plain, ["vague", "jargon"], "plain_words.yaml")

    def words(kind: str) -> tuple[PlainWord, ...]:
        return tuple(
            PlainWord(
                w["term"],
                _compile([w["pattern"]], f"plain_words.yaml, {w['term']}")[0],
                w["instead"],
            )
            for w in plain[kind]
        )

    return Rules(
        rule=_compile(language["rule_patterns"], "language.yaml"),
        purpose=_compile(language.get("purpose_patterns", []), "language.yaml"),
        digital=_compile(language["digital_patterns"], "language.yaml"),
        young_people=_compile(language["young_people_patterns"], "language.yaml"),
        contact=_compile(absent["contact_patterns"], "absent.yaml"),
        not_contact=_compile(absent["not_contact_patterns"], "absent.yaml"),
        young_person_subject=_compile(absent["young_person_subject_patterns"], "absent.yaml"),
        adult=_compile(absent["adult_patterns"], "absent.yaml"),
        image=_compile(absent["image_patterns"], "absent.yaml"),
        direct_contact=_compile(absent["direct_contact_patterns"], "absent.yaml"),
        topics=tuple(topics),
        obsolete=tuple(
            ObsoleteItem(
                i["name"],
                _compile([i["pattern"]], f"obsolete.yaml, {i['name']}")[0],
                int(i["ended"]),
                i["now"],
                bool(i.get("weak", False)),
            )
            for i in obsolete["items"]
        ),
        historical=_compile(obsolete["historical_patterns"], "obsolete.yaml"),
        current=_compile(obsolete["current_patterns"], "obsolete.yaml"),
        ban=_compile(restrictive["ban_patterns"], "restrictive.yaml"),
        ban_scope=_compile(restrictive["scope_patterns"], "restrictive.yaml"),
        blanket=_compile(restrictive["blanket_patterns"], "restrictive.yaml"),
        mitigation=_compile(restrictive["mitigation_patterns"], "restrictive.yaml"),
        targeted=_compile(restrictive["targeted_patterns"], "restrictive.yaml"),
        alternatives=_compile(restrictive["alternative_patterns"], "restrictive.yaml"),
        platforms={
            k: _compile([v], "narrow.yaml")[0] for k, v in narrow["platform_patterns"].items()
        },
        general_digital=_compile(narrow["general_patterns"], "narrow.yaml"),
        situations={
            k: _compile([v], "narrow.yaml")[0] for k, v in narrow["situation_patterns"].items()
        },
        vague=words("vague"),
        jargon=words("jargon"),
        furniture=_compile(_load("furniture.yaml")["patterns"], "furniture.yaml"),
        record_lines=_compile(language.get("record_line_patterns", []), "language.yaml"),
    )


def matches(patterns: tuple[Pattern[str], ...], text: str) -> bool:
    return any(finds(p, text) for p in patterns)


QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """The text the rules match against: straight quotes and plain hyphens, as in the rules."""
    return text.translate(QUOTES)
