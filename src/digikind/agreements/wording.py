"""The agreement's fixed wording, read from data/wording.yaml (never written in code)."""

from functools import cache
from pathlib import Path
from typing import Any

import yaml

WORDING_FILE = Path(__file__).with_name("data") / "wording.yaml"
# What young people read, in Welsh, laid over the English file (which keeps the lead's
# hints, the sources and the policy cues).
WELSH_FILE = Path(__file__).with_name("data") / "wording.cy.yaml"
ENGLISH, WELSH = "en", "cy"

# The parts of an agreement, in the order young people read them. Each is a text field on
# the model and a section in the data file.
SECTION_IDS = ("channels", "replies", "will_do", "wont_do", "help_now", "records")


def laid_over(base: Any, over: Any) -> Any:
    """`over` in place of `base`: mappings key by key, lists of mappings item by item (the
    policy cues stay with their Welsh line), anything else replaced whole."""
    if isinstance(base, dict) and isinstance(over, dict):
        merged = dict(base)
        for key, value in over.items():
            merged[key] = laid_over(base[key], value) if key in base else value
        return merged
    if (
        isinstance(base, list)
        and isinstance(over, list)
        and all(isinstance(i, dict) for i in base + over)
    ):
        return [laid_over(b, o) for b, o in zip(base, over, strict=True)]
    return over


@cache
def wording(language: str = ENGLISH) -> dict[str, Any]:
    if language == WELSH:
        welsh = yaml.safe_load(WELSH_FILE.read_text(encoding="utf-8"))
        merged: dict[str, Any] = laid_over(wording(ENGLISH), welsh)
        return merged
    data: dict[str, Any] = yaml.safe_load(WORDING_FILE.read_text(encoding="utf-8"))
    missing = [s for s in SECTION_IDS if s not in data.get("sections", {})]
    if missing:
        raise ValueError(f"{WORDING_FILE} has no wording for: {', '.join(missing)}")
    return data


def section(section_id: str, language: str = ENGLISH) -> dict[str, Any]:
    found: dict[str, Any] = wording(language)["sections"][section_id]
    return found


def titles(language: str = ENGLISH) -> dict[str, str]:
    return {s: str(section(s, language)["title"]) for s in SECTION_IDS}


def intro(language: str = ENGLISH) -> list[str]:
    return [str(line) for line in wording(language)["intro"]]


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
