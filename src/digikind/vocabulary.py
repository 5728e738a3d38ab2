"""Digikind's shared vocabulary (domains, areas, topics...), read from vocabulary.yaml.

Plain Python with no Django import, so the policy-check engine can use it too.
"""

from functools import cache
from pathlib import Path
from typing import Any

import yaml

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")


@cache
def vocabulary() -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = yaml.safe_load(
        VOCABULARY_FILE.read_text(encoding="utf-8")
    )
    return data


def ids(kind: str) -> list[str]:
    """The ids of one kind of term: ids("topics") gives the 18 topic ids, in order."""
    return [str(term.get("id") or term.get("file")) for term in vocabulary()[kind]]


def names(kind: str) -> dict[str, str]:
    return {str(term["id"]): str(term["name"]) for term in vocabulary()[kind]}
