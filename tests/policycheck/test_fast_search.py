"""`finds(pattern, text)` gives exactly the answer `pattern.search(text)` gives: checked on
every pattern of the rules against every sentence of the labelled policies (as written, in
capitals, and with letters that fold to ASCII ones), and on awkward patterns against
made-up text."""

import dataclasses
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from digikind.policycheck.engine import policy_sentences
from digikind.policycheck.extract import extract
from digikind.policycheck.fast_search import finds, lowercase_twin, needed_word_starts, read
from digikind.policycheck.rules import normalise, rules

CORPUS = Path(__file__).resolve().parents[1] / "policy_corpus"


def rule_patterns(value=None):
    """Every compiled pattern in the rules, wherever it sits."""
    value = rules() if value is None else value
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from rule_patterns(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from rule_patterns(item)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from rule_patterns(getattr(value, field.name))


def corpus_texts():
    texts = set()
    for path in sorted(CORPUS.glob("*/*.txt")):
        document = extract(path.name, path.read_bytes())
        texts.update(normalise(s.text) for s in policy_sentences([document], rules()))
    texts.update([t.upper().replace("-", "") for t in sorted(texts)[::3]])
    return sorted(texts)


def test_every_rule_pattern_finds_what_a_plain_search_finds():
    texts = corpus_texts()
    # Letters that Unicode case folding matches to ASCII ones: never skipped.
    texts += [t.replace("s", "ſ").replace("k", "\u212a") for t in texts[::20]]
    patterns = list(rule_patterns())
    skipped = 0
    for text in texts:
        for pattern in patterns:
            expected = pattern.search(text) is not None
            assert finds(pattern, text) == expected, (pattern.pattern, text)
            skipped += not expected and read(text) is not None
    assert skipped > 0.5 * len(texts) * len(patterns)


def test_every_topic_pattern_can_be_prefiltered():
    unfiltered = [t.id for t in rules().topics if needed_word_starts(t.any_of_them[0]) is None]
    assert unfiltered == []


def test_most_rule_patterns_have_a_lowercase_twin():
    patterns = list(rule_patterns())
    assert sum(lowercase_twin(p) is not None for p in patterns) > 0.9 * len(patterns)


def test_a_sentence_that_is_not_plain_ascii_is_searched_as_written():
    pattern = re.compile(r"\bstaff\b", re.IGNORECASE)
    assert read("ſtaff") is None
    assert finds(pattern, "ſtaff")
    assert not finds(pattern, "stuff")


AWKWARD = [
    r"\b(official|approved)\b.{0,40}\b(accounts?|pages?)\b",
    r"\be-?mails?\b|\bdms?\b",
    r"\b(un)?availab(le|ility)\b",
    r"(^|[,;:(]\s*|\s-\s+|\band\s+)(please )?(do|don't|never)\b",
    r"^no\b|\bonly\.?$",
    r"\b(is|are) (not |never )?(allowed|to)\b",
    r"\b\d{1,2}([:.]\d\d)? ?(am|pm)(?!\w)",
    r"\b(designated )?(safeguarding|(?<!data )protection) (lead|officer)\b",
    r"\b(you|staff)\b( \w+){0,2} (may|can)\b(?! (be|have))",
    r"\bab(c|d)*e\b",
    r"\b(?:a|b)+c\b|x\b",
    r"\bk'?s\b|\b1[-:]1\b",
    r"\w+ing\b",
    r"[a-z]{2}\b",
    r"\bSTAFF\b|[A-F]x|[^a-z]y",
    r"(?-i:Staff) must|\b(ab)\1\b",
    r"\bſtaff|\bK",
]


WORDS = (
    "official approved OFFICIAL accounts page pages e-mail email e mail dm dms DMs unavailable "
    "available availability please do don't never no only is are not allowed to 10 10:30 pm am "
    "10pm designated safeguarding data protection lead officer you staff Staff may can be have "
    "abe abcde abdce ab aabc bc x k's ks 1-1 1:1 sing ing xyz abab Bx Cy 3y"
).split()
SEPARATORS = [" ", " ", ", ", "-", "  ", "\n", "(", " - ", ":", ".", "'", ""]


@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=8))
def test_awkward_patterns_on_made_up_text(pieces):
    text = "".join(word + separator for word, separator in pieces)
    for source in AWKWARD:
        pattern = re.compile(source, re.IGNORECASE)
        assert finds(pattern, text) == (pattern.search(text) is not None), (source, text)
