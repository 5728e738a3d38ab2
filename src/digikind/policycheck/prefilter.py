"""A cheap test that tells most sentences a pattern cannot match, before the regex search.

A rule pattern is a list of alternatives, and each alternative needs certain words:
r"\\b(official|approved)\\b.{0,40}\\b(accounts?|pages?)\\b" matches only a sentence with a word
beginning "offic" or "appro" and a word beginning "accou" or "pages". `needed_word_starts`
reads these needs out of the parsed pattern, once per pattern; `word_starts` lists how each
word of a sentence begins (its first one to five characters), once per sentence. When no
alternative has all it needs, the pattern cannot match and the search is skipped; otherwise
the pattern is searched as before, so a result never depends on this test.

It is only ever a shortcut: a pattern that has an alternative needing no particular word
(it may match inside a word, or anything at all) is searched every time, and so is a
sentence that is not plain ASCII (case folding in Unicode lets the long s, U+017F, match "s").
"""

import re
from contextlib import suppress
from functools import cache, lru_cache
from re import Pattern

# The parser behind `re` (Python 3.11 and later; sre_parse before). Its output has kept
# its shape for many versions; tests/policycheck/test_prefilter.py checks it still fits.
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

LONGEST = 5  # characters of a word start kept: enough to tell most words apart
MOST_STARTS = 2000  # more spellings than this for one part of a pattern: not worth it
# A word start is a word character then word characters, spaces, hyphens or apostrophes
# ("e-mai", "is on", "don't"): the characters whose matching case folding leaves alone.
JOINING = frozenset(" -'")
WORD_CHAR = re.compile(r"\w")
WORD_START = re.compile(rf"\b(?=(\w[\w '-]{{0,{LONGEST - 1}}}))")
NOT_WORD_CATEGORIES = (sre_parse.CATEGORY_SPACE, sre_parse.CATEGORY_NOT_WORD)
_END = ("end", None)  # "anything may follow": a word start ends here

# For each alternative of a pattern, sets of word starts: a match has one of each set.
Condition = tuple[tuple[frozenset[str], ...], ...]


class _NoStart(Exception):
    """This part of the pattern need not begin a word."""


def _is_word_char(char: str) -> bool:
    return char.isascii() and bool(WORD_CHAR.match(char))


def _chars(items: Any) -> list[str] | None:
    """The characters a literal or character class matches, lowercase, if they are few and
    all word characters or JOINING; else None."""
    found: list[str] = []
    for op, av in items:
        if op is sre_parse.LITERAL:
            found.append(chr(av))
        elif op is sre_parse.RANGE and av[1] - av[0] < 26:
            found.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre_parse.CATEGORY and av is sre_parse.CATEGORY_DIGIT:
            found.extend("0123456789")
        else:
            return None
    if all(_is_word_char(c) or c in JOINING for c in found):
        return sorted({c.lower() for c in found})
    return None


def _starts(items: list[Any], prefix: str = "") -> set[str]:
    """Every word start a match of `items` can begin with, `items` beginning at the start of
    a word and `prefix` already matched. Raises _NoStart if a match need not begin a word."""
    if len(prefix) == LONGEST:
        return {prefix}
    if not items or items[0] is _END:
        if prefix:
            return {prefix}
        raise _NoStart
    (op, av), rest = items[0], items[1:]
    if op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT) or (
        op is sre_parse.AT and av is sre_parse.AT_BOUNDARY
    ):
        return _starts(rest, prefix)  # takes no characters, only narrows the match
    if op is sre_parse.SUBPATTERN and not av[1] and not av[2]:  # a group, same flags
        return _starts(list(av[3]) + rest, prefix)
    if op is sre_parse.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            found |= _starts(list(branch) + rest, prefix)
        return found
    if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT):
        low, high, repeated = av
        tail = rest if high == 1 else [_END]  # after two or more repeats: anything may follow
        found = _starts(list(repeated) + tail, prefix)
        if low == 0:
            found |= _starts(rest, prefix)
        return found
    chars = _chars([(op, av)] if op is sre_parse.LITERAL else av if op is sre_parse.IN else [])
    if chars and (prefix or all(_is_word_char(c) for c in chars)):
        found = set()
        for char in chars:
            found |= _starts(rest, prefix + char)
            if len(found) > MOST_STARTS:
                raise _NoStart
        return found
    if prefix:
        return {prefix}  # the word start ends here; what follows does not matter
    raise _NoStart


def _starts_word_after(item: Any, at_start: bool) -> bool:
    """Whether a word character right after `item` begins a word, given whether one right
    before it would."""
    op, av = item
    if op is sre_parse.AT:
        return av in (sre_parse.AT_BOUNDARY, sre_parse.AT_BEGINNING, sre_parse.AT_BEGINNING_STRING)
    if op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
        return at_start
    if op is sre_parse.LITERAL:
        return chr(av).isascii() and not _is_word_char(chr(av))
    if op is sre_parse.IN:
        return all(
            (o is sre_parse.LITERAL and chr(a).isascii() and not _is_word_char(chr(a)))
            or (o is sre_parse.CATEGORY and a in NOT_WORD_CATEGORIES)
            for o, a in av
        )
    if op is sre_parse.SUBPATTERN and not av[1] and not av[2]:
        return _starts_word_after_all(list(av[3]), at_start)
    if op is sre_parse.BRANCH:
        return all(_starts_word_after_all(list(branch), at_start) for branch in av[1])
    if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT):
        low, high, repeated = av
        # After one repeat, as after the item once; after more, only what holds whatever
        # came before.
        repeats = _starts_word_after_all(list(repeated), at_start if high == 1 else False)
        return repeats and (at_start or low > 0)
    return False


def _starts_word_after_all(items: list[Any], at_start: bool) -> bool:
    for item in items:
        at_start = _starts_word_after(item, at_start)
    return at_start


def _cost(starts: frozenset[str]) -> float:
    """Roughly how often a sentence has a word beginning so: a quarter for each character."""
    return sum(4.0 ** -len(start) for start in starts)


def _needs(items: list[Any], at_start: bool) -> list[frozenset[str]]:
    """Sets of word starts a match of `items` has one of each of, `at_start` telling whether
    the match begins where a word would."""
    found: list[frozenset[str]] = []
    for k, (op, av) in enumerate(items):
        if at_start:
            with suppress(_NoStart):
                found.append(frozenset(_starts(items[k:])))
        if op is sre_parse.SUBPATTERN and not av[1] and not av[2]:
            found.extend(_needs(list(av[3]), at_start))
        elif op is sre_parse.BRANCH:
            # Each branch needs its own; together they need one of all of them.
            cheapest = [min(_needs(list(b), at_start), key=_cost, default=None) for b in av[1]]
            if all(c is not None for c in cheapest):
                found.append(frozenset().union(*cheapest))  # type: ignore[arg-type]
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) and av[0] > 0:
            found.extend(_needs(list(av[2]), at_start))
        at_start = _starts_word_after((op, av), at_start)
    return found


def _alternatives(items: list[Any]) -> list[list[Any]]:
    """The top-level alternatives of a parsed pattern. The parser moves a start they all
    share (r"\\b") in front of them; it goes back to each."""
    k = 0
    while k < len(items) and items[k][0] in (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT):
        k += 1
    if k == len(items) - 1:
        op, av = items[k]
        if op is sre_parse.BRANCH:
            return [alt for branch in av[1] for alt in _alternatives(items[:k] + list(branch))]
        if op is sre_parse.SUBPATTERN and not av[1] and not av[2]:
            return _alternatives(items[:k] + list(av[3]))
    return [items]


@cache
def needed_word_starts(pattern: Pattern[str]) -> Condition | None:
    """What any match of `pattern` needs, or None if some alternative needs no particular
    word (then every sentence is searched)."""
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        return None
    try:
        parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
        condition = []
        for alternative in _alternatives(parsed):
            needs = sorted(set(_needs(alternative, False)), key=_cost)  # rarest first
            if not needs:
                return None
            condition.append(tuple(needs))
    except RecursionError:
        return None
    return tuple(condition)


@lru_cache(maxsize=4096)
def word_starts(text: str) -> frozenset[str] | None:
    """How each word of `text` begins: its first one to LONGEST characters, lowercase; None
    if the text is not plain ASCII."""
    if not text.isascii():
        return None
    return frozenset(
        start[:n] for start in WORD_START.findall(text.lower()) for n in range(1, len(start) + 1)
    )


def may_match(pattern: Pattern[str], text: str) -> bool:
    """False only when `pattern` cannot match `text`."""
    condition = needed_word_starts(pattern)
    if condition is None:
        return True
    found = word_starts(text)
    if found is None:
        return True
    for needs in condition:
        for starts in needs:
            if starts.isdisjoint(found):
                break
        else:
            return True
    return False
