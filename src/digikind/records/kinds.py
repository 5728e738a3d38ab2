"""What each kind of record holds, read from data/kinds.yaml, and its answers in plain words.

The form, the record page, the list of records and the copy a person downloads all read the
same definition, so a field is labelled and shown the same way everywhere.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

# Also used as kinds.uk_date by the rest of records.
from digikind.dates import uk_date as uk_date
from digikind.dates import uk_datetime as uk_datetime

DATA = Path(__file__).with_name("data") / "kinds.yaml"
SCHEMA = Path(__file__).with_name("schema.yaml")
NOT_GIVEN = "Not given"


class KindsError(Exception):
    """kinds.yaml does not match its schema; the message names the place."""


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    short: str


@dataclass(frozen=True)
class Field:
    id: str
    type: str
    heading: str
    label: str = ""
    public: bool = False
    in_form: bool = True
    required: bool = True
    max_length: int | None = None
    rows: int | None = None
    default: str | None = None
    not_before: str | None = None
    choices: tuple[Choice, ...] = ()
    errors: tuple[tuple[str, str], ...] = ()

    def choice_label(self, value: Any, *, short: bool = False) -> str:
        for choice in self.choices:
            if choice.id == value:
                return choice.short if short else choice.label
        return str(value)


@dataclass(frozen=True)
class Status:
    id: str
    label: str
    filter: str


@dataclass(frozen=True)
class Kind:
    id: str
    label: str
    in_form: bool
    person_kind: str
    keep_days: int
    statuses: tuple[Status, ...]
    fields: tuple[Field, ...]

    @property
    def form_fields(self) -> list[Field]:
        return [f for f in self.fields if f.in_form]

    @property
    def public_fields(self) -> list[str]:
        return [f.id for f in self.fields if f.public]


def _field(item: dict[str, Any]) -> Field:
    return Field(
        id=item["id"],
        type=item["type"],
        heading=item["heading"],
        label=item.get("label", item["heading"]),
        public=item.get("public", False),
        in_form=item.get("form", True),
        required=item.get("required", True),
        max_length=item.get("max_length"),
        rows=item.get("rows"),
        default=item.get("default"),
        not_before=item.get("not_before"),
        choices=tuple(
            Choice(c["id"], c["label"], c.get("short", c["label"])) for c in item.get("choices", [])
        ),
        errors=tuple(sorted(item.get("errors", {}).items())),
    )


def load(path: Path = DATA) -> dict[str, Kind]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    schema = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=str)
    if errors:
        raise KindsError(
            "\n".join(
                f"{path.name}: {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors
            )
        )
    found = {}
    for kind_id, item in data["kinds"].items():
        fields = tuple(_field(f) for f in item["fields"])
        ids = [f.id for f in fields]
        if len(set(ids)) != len(ids):
            raise KindsError(f"{path.name}: {kind_id} uses a field id twice.")
        for field in fields:
            if field.not_before and field.not_before not in ids:
                raise KindsError(f"{path.name}: {kind_id}/{field.id}: no field {field.not_before}.")
            if field.type in ("choice", "choices") and not field.choices:
                raise KindsError(f"{path.name}: {kind_id}/{field.id} needs choices.")
        found[kind_id] = Kind(
            id=kind_id,
            label=item["label"],
            in_form=item.get("form", True),
            person_kind=item.get("person_kind", "young_person"),
            keep_days=item.get("keep_days", 0),
            statuses=tuple(Status(**s) for s in item.get("statuses", [])),
            fields=fields,
        )
    return found


@cache
def kinds() -> dict[str, Kind]:
    return load()


def form_kinds() -> dict[str, Kind]:
    """The kinds a person records through a form (not corrections, erasures or views)."""
    return {k: v for k, v in kinds().items() if v.in_form}


def join_words(items: Iterable[str]) -> str:
    """["A", "B", "C"] as "A, B and C"."""
    words = [str(i) for i in items]
    return (
        words[0]
        if len(words) == 1
        else ", ".join(words[:-1]) + " and " + words[-1]
        if words
        else ""
    )


def shown(field: Field, value: Any, public: dict[str, Any]) -> str:
    """One stored answer as a person reads it."""
    if value in (None, "", []):
        return ""
    try:
        if field.type == "date":
            return uk_date(value)
        if field.type == "datetime":
            return uk_datetime(value)
    except (TypeError, ValueError):
        return str(value)
    if field.type == "yes_no":
        return "Yes" if value is True or value == "yes" else "No"
    if field.type == "choice":
        return field.choice_label(value, short=True)
    if field.type == "choices":
        values = value if isinstance(value, list) else [value]
        return join_words(field.choice_label(v) for v in values)
    if field.type == "channel":
        return str(public.get("channel_name") or "A channel no longer in the register")
    if field.type == "record":
        return f"Record {value}"
    return str(value)


@dataclass(frozen=True)
class Row:
    heading: str
    text: str


def rows(kind_id: str, public: dict[str, Any], private: dict[str, Any]) -> list[Row]:
    """The record's answers, labelled, in the data file's order. Erased details are left out:
    the page says once that they are erased."""
    kind = kinds().get(kind_id)
    if kind is None:
        return [Row(key, str(value)) for key, value in public.items()]
    found = []
    for field in kind.fields:
        source = public if field.public else private
        if not field.public and ("erased" in private or "unreadable" in private):
            continue
        text = shown(field, source.get(field.id), public)
        if text or (field.in_form and kind.in_form):
            found.append(Row(field.heading, text or NOT_GIVEN))
    return found


def status(kind_id: str, public: dict[str, Any], today: date | None = None) -> str | None:
    """open or closed for a concern; active, withdrawn or expired for a consent."""
    if kind_id == "concern":
        return "closed" if public.get("status") == "closed" else "open"
    if kind_id == "consent":
        today_text = (today or date.today()).isoformat()
        if public.get("withdrawn_on"):
            return "withdrawn"
        expires = public.get("expires_on")
        return "expired" if expires and expires < today_text else "active"
    return None


def status_label(kind_id: str, status_id: str | None) -> str:
    kind = kinds().get(kind_id)
    for item in kind.statuses if kind else ():
        if item.id == status_id:
            return item.label
    return ""


def status_filters() -> list[tuple[str, str]]:
    """Choices for the list's status filter: "concern:open" -> "Open concerns"."""
    return [(f"{k.id}:{s.id}", s.filter) for k in kinds().values() for s in k.statuses]
