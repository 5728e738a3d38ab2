"""The built-in platform knowledge base and the list of mitigations, read from data files.

Each platform fact carries its source and the date it was checked, so people can see how
fresh it is and check it themselves.
"""

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

DATA = Path(__file__).with_name("data")
SCHEMA = Path(__file__).with_name("schema.yaml")
OTHER = "other"


class DataError(Exception):
    """A data file that does not match its schema; the message names the file and the item."""


def _load(name: str, schema_key: str) -> dict[str, Any]:
    path = DATA / name
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    schema = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))[schema_key]
    # YAML reads 2026-11-21 as a date; the schema checks the text form.
    for platform in data.get("platforms", []) if isinstance(data, dict) else []:
        for fact in (platform.get("facts") or {}).values():
            if isinstance(fact, dict) and isinstance(fact.get("checked"), datetime.date):
                fact["checked"] = fact["checked"].isoformat()
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path)
    )
    if errors:
        problems = [
            f"{name}: {'/'.join(map(str, e.absolute_path)) or 'file'}: {e.message}" for e in errors
        ]
        raise DataError("\n".join(problems))
    if schema_key == "platforms":
        _check_fact_words(name, data, schema)
    ids = [item["id"] for item in data.get("platforms", data.get("mitigations", []))]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise DataError(f"{name}: these ids are used twice: {', '.join(duplicates)}.")
    return data


def _check_fact_words(name: str, data: dict[str, Any], schema: dict[str, Any]) -> None:
    """Every fact has its words in the file's `facts`, and so does every value it may take."""
    words: dict[str, dict[str, Any]] = data["facts"]
    facts = schema["properties"]["platforms"]["items"]["properties"]["facts"]["properties"]
    problems = [f"{name}: facts: {fact} has no label." for fact in facts if fact not in words]
    for fact, rule in facts.items():
        allowed = rule.get("properties", {}).get("value", {})
        for value in allowed.get("enum", []):
            if value not in words.get(fact, {}).get("values", {}):
                problems.append(f"{name}: facts: {fact}: the value {value!r} has no words.")
        if "integer" in allowed.get("type", []):
            needed = ["number"] + (["none"] if "null" in allowed["type"] else [])
            problems += [
                f"{name}: facts: {fact} needs `{key}`: the words for it."
                for key in needed
                if key not in words.get(fact, {})
            ]
    if problems:
        raise DataError("\n".join(problems))


@dataclass(frozen=True)
class FactRow:
    """One fact as a person reads it."""

    label: str
    value: str
    note: str
    checked: str
    source: str


@dataclass(frozen=True)
class Platform:
    id: str
    name: str
    kind: str
    facts: dict[str, dict[str, Any]]

    def value(self, fact: str) -> Any:
        return self.facts.get(fact, {}).get("value")


@cache
def platforms() -> dict[str, Platform]:
    data = _load("platforms.yaml", "platforms")
    return {p["id"]: Platform(p["id"], p["name"], p["kind"], p["facts"]) for p in data["platforms"]}


@cache
def fact_words() -> dict[str, dict[str, Any]]:
    """For each fact, in the order people read them: its label and the words for its values."""
    words: dict[str, dict[str, Any]] = _load("platforms.yaml", "platforms")["facts"]
    return words


def shown_value(fact: str, value: Any) -> str:
    """A fact's value in plain words, as the data file words it."""
    words = fact_words()[fact]
    if value is None:
        return str(words["none"])
    if "values" in words:
        return str(words["values"][str(value)])
    if "number" in words:
        return str(words["number"]).format(value=value)
    return str(value)


def fact_rows(platform: Platform | None) -> list[FactRow]:
    """What we know about a platform, fact by fact, in plain words with source and date."""
    if platform is None:
        return []
    return [
        FactRow(
            words["label"],
            shown_value(fact, platform.value(fact)),
            str(platform.facts[fact].get("note", "")),
            platform.facts[fact]["checked"],
            platform.facts[fact]["source"],
        )
        for fact, words in fact_words().items()
        if fact in platform.facts
    ]


@cache
def mitigations() -> dict[str, dict[str, Any]]:
    return {m["id"]: m for m in _load("mitigations.yaml", "mitigations")["mitigations"]}


def platform_choices() -> list[tuple[str, str]]:
    return [
        *sorted(((p.id, p.name) for p in platforms().values()), key=lambda c: c[1].lower()),
        (OTHER, "Something else"),
    ]
