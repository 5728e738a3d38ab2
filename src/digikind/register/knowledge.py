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
FACT_LABELS = {
    "minimum_age_uk": "Minimum age in the UK",
    "organisational_use": "Can an organisation use it?",
    "end_to_end_encryption": "End-to-end encryption",
    "followers_hideable": "Can the list of followers or members be hidden?",
    "chat_export": "Can you keep a copy of chats as a record?",
    "recording": "Recording",
    "data_location": "Where data is held",
}
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
    ids = [item["id"] for item in data.get("platforms", data.get("mitigations", []))]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise DataError(f"{name}: these ids are used twice: {', '.join(duplicates)}.")
    return data


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
def mitigations() -> dict[str, dict[str, Any]]:
    return {m["id"]: m for m in _load("mitigations.yaml", "mitigations")["mitigations"]}


def platform_choices() -> list[tuple[str, str]]:
    return [
        *sorted(((p.id, p.name) for p in platforms().values()), key=lambda c: c[1].lower()),
        (OTHER, "Something else"),
    ]
