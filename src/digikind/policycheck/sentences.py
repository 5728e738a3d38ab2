"""Split a document's blocks into sentences, keeping each one's section and page."""

import re
from collections.abc import Callable

from digikind.policycheck.document import Document, Sentence

ABBREVIATIONS = re.compile(
    r"\b(?:e\.g|i\.e|etc|vs|no|nos|approx|incl|mr|mrs|ms|dr|st|para|paras|ref|tel|fig)\.$",
    re.IGNORECASE,
)
SPLIT = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9•])")
LEADING_BULLET = re.compile(r"^\s*(?:[-*•▪◦●·–]|o(?=\s)|\(?[a-z0-9ivx]{1,4}[.)])\s+", re.IGNORECASE)


def split_sentences(text: str) -> list[str]:
    pieces: list[str] = []
    for part in SPLIT.split(text.strip()):
        if pieces and ABBREVIATIONS.search(pieces[-1]):
            pieces[-1] = f"{pieces[-1]} {part}"
        else:
            pieces.append(part)
    return [LEADING_BULLET.sub("", p).strip() for p in pieces if p.strip()]


def sentences_of(
    document: Document, keep_heading: Callable[[str], bool] | None = None
) -> list[Sentence]:
    """The document's sentences; headings only where `keep_heading` says a heading line
    states something ("Ratified by the PCC, June 2024", "Next review: May 2025")."""
    found: list[Sentence] = []
    for block in document.blocks:
        if block.is_heading and not (keep_heading and keep_heading(block.text)):
            continue
        for text in split_sentences(block.text):
            if re.search(r"[A-Za-z]{2}", text):
                found.append(Sentence(text, block.section, block.page, document.name, len(found)))
    return found
