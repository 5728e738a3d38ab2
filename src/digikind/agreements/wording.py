"""The agreement's fixed wording, read from data/wording.yaml (never written in code)."""

from functools import cache
from pathlib import Path
from typing import Any

import yaml

WORDING_FILE = Path(__file__).with_name("data") / "wording.yaml"

# The parts of an agreement, in the order young people read them. Each is a text field on
# the model and a section in the data file.
SECTION_IDS = ("channels", "replies", "will_do", "wont_do", "help_now", "records")


@cache
def wording() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(WORDING_FILE.read_text(encoding="utf-8"))
    missing = [s for s in SECTION_IDS if s not in data.get("sections", {})]
    if missing:
        raise ValueError(f"{WORDING_FILE} has no wording for: {', '.join(missing)}")
    return data


def section(section_id: str) -> dict[str, Any]:
    found: dict[str, Any] = wording()["sections"][section_id]
    return found


def titles() -> dict[str, str]:
    return {s: str(section(s)["title"]) for s in SECTION_IDS}


def intro() -> list[str]:
    return [str(line) for line in wording()["intro"]]


def _cited(node: Any) -> list[dict[str, str]]:
    """Every `source` and `sources_extra` below this node, in file order."""
    found: list[dict[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "source" and isinstance(value, dict):
                found.append(value)
            elif key == "sources_extra" and isinstance(value, list):
                found.extend(v for v in value if isinstance(v, dict))
            else:
                found.extend(_cited(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_cited(value))
    return found


def sources() -> list[tuple[str, str, str]]:
    """(part of the agreement, seed document, section) for each part, for the builder page."""
    data = wording()
    seeds: dict[str, str] = data["seeds"]
    opening = data["intro_source"]
    rows = [("Opening words", seeds[opening["seed"]], str(opening["section"]))]
    for section_id in SECTION_IDS:
        part = section(section_id)
        rows += [(part["title"], seeds[c["seed"]], c["section"]) for c in _cited(part)]
    return rows
