"""How easy the agreement is to read: its Flesch-Kincaid grade as a whole and by part, in
plain words, and its hardest sentences. An agreement is published only when the whole text
and every part of it read at grade 6 or lower."""

import re
from dataclasses import dataclass

from digikind import readability
from digikind.agreements.models import Section, sections_of

MAX_GRADE = 6.0
BULLET = re.compile(r"^\s*[-*•]\s+")
SENTENCE = re.compile(r"(?<=[.!?])\s+")
PLACEHOLDER = re.compile(r"\[[^\]\n]{1,60}\]")


def prepared(text: str) -> str:
    """One sentence per line at least: list items and lines with no full stop still end one."""
    lines = []
    for raw in text.splitlines():
        line = BULLET.sub("", raw).strip()
        if line:
            lines.append(line if line.endswith((".", "!", "?")) else line + ".")
    return "\n".join(lines)


def sentences(text: str) -> list[str]:
    return [s.strip() for line in prepared(text).splitlines() for s in SENTENCE.split(line)]


@dataclass(frozen=True)
class Reading:
    grade: float
    words: int

    @property
    def age(self) -> int:
        return readability.reading_age(self.grade)

    @property
    def easy_enough(self) -> bool:
        return self.grade <= MAX_GRADE


def measure(text: str) -> Reading:
    ready = prepared(text)
    return Reading(readability.flesch_kincaid_grade(ready), len(readability.words(ready)))


@dataclass(frozen=True)
class Hard:
    sentence: str
    grade: float
    section: str


@dataclass(frozen=True)
class AgreementReading:
    overall: Reading
    sections: list[tuple[Section, Reading]]
    hardest: list[Hard]
    placeholders: list[str]

    @property
    def target_age(self) -> int:
        return readability.reading_age(MAX_GRADE)

    @property
    def too_hard(self) -> list[tuple[Section, Reading]]:
        """Parts above grade 6: a hard part is not hidden by easy ones around it."""
        return [(part, m) for part, m in self.sections if m.words and not m.easy_enough]

    @property
    def easy_enough(self) -> bool:
        return self.overall.easy_enough and not self.too_hard


def read_agreement(texts: dict[str, str], *, limit: int = 5) -> AgreementReading:
    parts = sections_of(texts)
    whole = "\n\n".join(prepared(p.text) for p in parts if p.text.strip())
    hard = [
        Hard(sentence, grade, part.title)
        for part in parts
        for sentence in sentences(part.text)
        if len(readability.words(sentence)) >= 4
        and (grade := readability.flesch_kincaid_grade(sentence)) > MAX_GRADE
    ]
    hard.sort(key=lambda h: -h.grade)
    gaps = sorted({m.group(0) for p in parts for m in PLACEHOLDER.finditer(p.text)})
    return AgreementReading(
        overall=Reading(readability.flesch_kincaid_grade(whole), len(readability.words(whole))),
        sections=[(p, measure(p.text)) for p in parts],
        hardest=hard[:limit],
        placeholders=gaps,
    )
