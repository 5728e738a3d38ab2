"""What the sentence model sees in one sentence: its words and word pairs, and which of the
topic's rules matched it. The same function serves the trainer and the check."""

import re
from itertools import pairwise

WORD = re.compile(r"[a-z][a-z']*|\d+")
# Spellings and forms that mean the same thing to a reader.
SAME = {
    "e": "e",
    "esafety": "e-safety",
    "organization": "organisation",
    "organizations": "organisations",
    "behavior": "behaviour",
    "behaviors": "behaviours",
    "program": "programme",
    "programs": "programmes",
    "counselor": "counsellor",
    "color": "colour",
    "18's": "18s",
    "u18": "18s",
    "crb": "dbs",
}


def stem(word: str) -> str:
    """A rough stem, so "message", "messages", "messaging" and "messaged" count as one."""
    for ending in ("ing", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def tokens(text: str) -> list[str]:
    words = [SAME.get(w, w) for w in WORD.findall(text.lower().replace("’", "'"))]
    return ["0" if w.isdigit() else stem(w.removesuffix("'s")) for w in words]


def sentence_features(words: list[str], heading: list[str] | None = None) -> set[str]:
    """Words, neighbouring pairs and the words of the heading the sentence sits under; the
    topic's rule signals are added by the caller."""
    found = {f"w:{w}" for w in words} | {f"h:{w}" for w in heading or []}
    found.update(f"b:{a}_{b}" for a, b in pairwise(words))
    return found
