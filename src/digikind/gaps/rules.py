"""The gap rules and the report's wording, read from data files and checked against a schema."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from digikind.vocabulary import names

DATA = Path(__file__).with_name("data")
SCHEMA = Path(__file__).with_name("schema.yaml")


class RulesError(ValueError):
    """The rules file is broken; the message says which rule and what to fix."""


@dataclass(frozen=True)
class Rule:
    id: str
    topic: str  # a topic id, or "any" with for_each: topic
    severity: int
    title: str
    why: str
    when: tuple[tuple[str, Any], ...]
    actions: dict[str, str]
    source: dict[str, str]
    for_each: str = ""


def _read(name: str) -> dict[str, Any]:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise RulesError(f"{name} must hold a mapping.")
    return data


@lru_cache(maxsize=1)
def wording() -> dict[str, Any]:
    return _read("wording.yaml")


@lru_cache(maxsize=1)
def rule_file() -> dict[str, Any]:
    data = _read("rules.yaml")
    schema = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))
    for error in jsonschema.Draft202012Validator(schema).iter_errors(data):
        where = "/".join(str(p) for p in error.absolute_path)
        raise RulesError(f"rules.yaml, at {where or 'the top'}: {error.message}")
    topics = names("topics")
    for rule in data["rules"]:
        if rule["topic"] not in topics and not (
            rule["topic"] == "any" and rule.get("for_each") == "topic"
        ):
            raise RulesError(f"rules.yaml, rule {rule['id']}: unknown topic {rule['topic']!r}.")
        for condition in rule["when"]:
            if (
                "policy_says" in condition
                and condition["policy_says"] not in (data["policy_patterns"])
            ):
                raise RulesError(
                    f"rules.yaml, rule {rule['id']}: no pattern called "
                    f"{condition['policy_says']!r} under policy_patterns."
                )
    for flag, topic in data["flag_topics"].items():
        if topic not in topics:
            raise RulesError(f"rules.yaml, flag_topics {flag}: unknown topic {topic!r}.")
    return data


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    return tuple(
        Rule(
            id=r["id"],
            topic=r["topic"],
            severity=r["severity"],
            title=r["title"],
            why=" ".join(r["why"].split()),
            when=tuple(next(iter(c.items())) for c in r["when"]),
            actions={k: " ".join(v.split()) for k, v in r["actions"].items()},
            source=r["source"],
            for_each=r.get("for_each", ""),
        )
        for r in rule_file()["rules"]
    )
