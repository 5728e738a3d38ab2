"""The prefilter only ever skips a search that would have found nothing: whatever a pattern
matches, `may_match` lets through. Checked on every pattern of the rules against every
sentence of the labelled policies, and on awkward patterns against made-up text."""

import dataclasses
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from digikind.policycheck.engine import policy_sentences
from digikind.policycheck.extract import extract
from digikind.policycheck.prefilter import may_match, needed_word_starts, word_starts
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
        for sentence in policy_sentences([document], rules()):
            text = normalise(sentence.text)
            texts.update({text, text.upper().replace("-", "")})
    return sorted(texts)


def test_no_sentence_a_rule_matches_is_ever_skipped():
    texts = corpus_texts()
    patterns = list(rule_patterns())
    skipped = 0
    for text in texts:
        for pattern in patterns:
            if not may_match(pattern, text):
                skipped += 1
                assert not pattern.search(text), (pattern.pattern, text)
    # The prefilter is doing its job: most searches are skipped.
    assert skipped > 0.5 * len(texts) * len(patterns)


def test_every_topic_pattern_can_be_prefiltered():
    unfiltered = [t.id for t in rules().topics if needed_word_starts(t.any_of_them[0]) is None]
    assert unfiltered == []


def test_a_sentence_that_is_not_plain_ascii_is_always_searched():
    pattern = re.compile(r"\bstaff\b", re.IGNORECASE)
    assert word_starts("ſtaff") is None
    assert may_match(pattern, "ſtaff") and pattern.search("ſtaff")


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
]


WORDS = (
    "official approved OFFICIAL accounts page pages e-mail email e mail dm dms DMs unavailable "
    "available availability please do don't never no only is are not allowed to 10 10:30 pm am "
    "10pm designated safeguarding data protection lead officer you staff Staff may can be have "
    "abe abcde abdce ab aabc bc x k's ks 1-1 1:1 sing ing xyz"
).split()
SEPARATORS = [" ", " ", ", ", "-", "  ", "\n", "(", " - ", ":", ".", "'", ""]


@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=8))
def test_awkward_patterns_on_made_up_text(pieces):
    text = "".join(word + separator for word, separator in pieces)
    for source in AWKWARD:
        pattern = re.compile(source, re.IGNORECASE)
        if pattern.search(text):
            assert may_match(pattern, text), (source, text)
