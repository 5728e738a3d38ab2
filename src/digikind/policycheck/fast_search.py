r"""Searching a rule pattern in a sentence fast, with exactly the answer `pattern.search` gives.

Two shortcuts, both for plain ASCII sentences (case folding in Unicode lets the long s,
U+017F, match "s", so any other sentence is searched as written):

1. A prefilter. A rule pattern is a list of alternatives, and each alternative needs certain
   words: r"\b(official|approved)\b.{0,40}\b(accounts?|pages?)\b" matches only a sentence
   with a word beginning "offic" or "appro" and one beginning "accou" or "pages".
   `needed_word_starts` reads these needs out of the parsed pattern, once per pattern; `read`
   lists how each word of a sentence begins (its first one to five characters), once per
   sentence. When no alternative has all it needs, the search is skipped. A pattern with an
   alternative that needs no particular word (it may match inside a word) is always searched.
   A rules list joined into one pattern (`join`) keeps its pieces, so only the pieces a
   sentence has the words for are searched; `Needs` also tells for many patterns at once
   which a sentence may match (the engine asks it for all 18 topics).
2. A lowercase twin. Ignoring case stops Python's regex engine from using its quick
   first-character checks; a pattern whose own letters are all lowercase finds the same in
   the lowercased sentence without ignoring case, about twice as fast.

The rules stay in their YAML files: all of this is derived from the patterns as written.
"""

import re
from contextlib import suppress
from dataclasses import dataclass
from functools import cache, lru_cache
from re import Pattern

# The parser behind `re` (Python 3.11 and later; sre_parse before). Its output has kept
# its shape for many versions; tests/policycheck/test_fast_search.py checks it still fits.
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


Alternative = tuple[frozenset[str], ...]  # a match has a word start from each set


@dataclass(frozen=True)
class Needs:
    """What several patterns' matches need, to tell in one look which of the patterns a
    sentence may match (the others cannot)."""

    size: int
    always: frozenset[int]  # patterns with an alternative that needs no particular word
    # Each word start of an alternative's rarest set: the alternative's pattern (by
    # position) and its other needs.
    by_start: dict[str, tuple[tuple[int, Alternative], ...]]
    starts: frozenset[str]

    @classmethod
    def of(cls, patterns: list[Pattern[str]]) -> "Needs":
        always: set[int] = set()
        by_start: dict[str, list[tuple[int, Alternative]]] = {}
        for position, pattern in enumerate(patterns):
            alternatives = needed_word_starts(pattern)
            if alternatives is None:
                always.add(position)
                continue
            for alternative in alternatives:
                for start in alternative[0]:
                    by_start.setdefault(start, []).append((position, alternative[1:]))
        return cls(
            len(patterns),
            frozenset(always),
            {start: tuple(entries) for start, entries in by_start.items()},
            frozenset(by_start),
        )

    def may_match(self, text: str) -> set[int]:
        """The positions of the patterns that may match `text`; the others cannot."""
        seen = read(text)
        return set(range(self.size)) if seen is None else self.met_by(seen[1])

    def met_by(self, found: frozenset[str]) -> set[int]:
        """The positions of the patterns that may match a sentence whose words begin as
        `found` says."""
        met = set(self.always)
        # Most sentences have none of the rarest starts: one set operation tells.
        for start in self.starts & found:
            for position, others in self.by_start[start]:
                if position not in met and all(not o.isdisjoint(found) for o in others):
                    met.add(position)
        return met


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


@cache
def _never_ascii(char: str) -> bool:
    """Whether a literal character matches no ASCII character, even ignoring case ("©" or
    "é" do not, but the long s matches "s"): asked of the regex engine itself."""
    literal = re.compile(re.escape(char), re.IGNORECASE)
    return not char.isascii() and not any(literal.fullmatch(chr(c)) for c in range(128))


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
    if op is sre_parse.LITERAL and _never_ascii(chr(av)):
        return set()  # no plain ASCII text matches this way
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


def needed_word_starts(pattern: Pattern[str]) -> list[Alternative] | None:
    """What a match of `pattern` needs, alternative by alternative (the rarest set of word
    starts first), or None if some alternative needs no particular word."""
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        return None
    try:
        parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
        alternatives = []
        for alternative in _alternatives(parsed):
            needs = sorted(set(_needs(alternative, False)), key=lambda s: (_cost(s), sorted(s)))
            if not needs:
                return None
            alternatives.append(tuple(needs))
    except RecursionError:
        return None
    return alternatives


def _lowercase_only(items: Any) -> bool:
    """Whether a parsed pattern names no capital letter and nothing outside ASCII, and has
    nothing else that matches differently once the text is lowercase (a back-reference, a
    group with flags of its own)."""
    for op, av in items:
        if op in (sre_parse.LITERAL, sre_parse.NOT_LITERAL):
            if not chr(av).isascii() or chr(av).isupper():
                return False
        elif op is sre_parse.IN:
            if not _lowercase_only(av):
                return False
        elif op is sre_parse.RANGE:
            low, high = av
            if high > 127 or (low <= ord("Z") and high >= ord("A")):
                return False
        elif op is sre_parse.SUBPATTERN:
            if av[1] or av[2] or not _lowercase_only(av[3]):
                return False
        elif op is sre_parse.BRANCH:
            if not all(_lowercase_only(branch) for branch in av[1]):
                return False
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT):
            if not _lowercase_only(av[2]):
                return False
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            if not _lowercase_only(av[1]):
                return False
        elif op not in (sre_parse.AT, sre_parse.ANY, sre_parse.CATEGORY, sre_parse.NEGATE):
            return False
    return True


def lowercase_twin(pattern: Pattern[str]) -> Pattern[str] | None:
    """The pattern matching case-sensitively, for plain ASCII text once lowercased, if that
    finds exactly what the case-insensitive pattern finds in the text as written (it does
    when the pattern's own letters are all lowercase). Python's regex engine cannot use its
    quick first-character checks when ignoring case, so the twin is about twice as fast."""
    if pattern.flags != re.IGNORECASE | re.UNICODE:
        return None
    if not _lowercase_only(sre_parse.parse(pattern.pattern, pattern.flags)):
        return None
    return re.compile(pattern.pattern)


@lru_cache(maxsize=4096)
def read(text: str) -> tuple[str, frozenset[str]] | None:
    """A plain ASCII text lowercased, and how each of its words begins (its first one to
    LONGEST characters); None for any other text."""
    if not text.isascii():
        return None
    lowered = text.lower()
    starts = frozenset(
        start[:n] for start in WORD_START.findall(lowered) for n in range(1, len(start) + 1)
    )
    return lowered, starts


# The patterns each joined pattern was made of, by the joined pattern's text and flags.
_PIECES: dict[tuple[str, int], tuple[str, ...]] = {}


def join(sources: list[str], flags: int) -> Pattern[str]:
    """One pattern that matches wherever one of `sources` does. `finds` remembers the
    pieces, and searches only those whose words a sentence has."""
    pattern = re.compile("|".join(f"(?:{source})" for source in sources), flags)
    _PIECES[pattern.pattern, pattern.flags] = tuple(sources)
    return pattern


@dataclass(frozen=True)
class _Plan:
    pieces: tuple[Pattern[str], ...]  # as written, for text that is not plain ASCII
    twins: tuple[Pattern[str] | None, ...]  # for the lowercased text, where there is one
    needs: Needs


@cache
def _plan(source: str, flags: int) -> _Plan:
    """How `finds` searches a pattern, worked out once. Looked up by the pattern's text and
    flags: hashing a compiled pattern hashes all its code, which takes longer than a search."""
    pieces = [re.compile(piece, flags) for piece in _PIECES.get((source, flags), (source,))]
    return _Plan(tuple(pieces), tuple(lowercase_twin(p) for p in pieces), Needs.of(pieces))


def finds(pattern: Pattern[str], text: str) -> bool:
    """Whether `pattern.search(text)` finds anything: the same answer, found faster."""
    seen = read(text)
    if seen is None:
        return pattern.search(text) is not None
    lowered, starts = seen
    plan = _plan(pattern.pattern, pattern.flags)
    for piece in plan.needs.met_by(starts):
        twin = plan.twins[piece]
        if twin is not None:
            if twin.search(lowered):
                return True
        elif plan.pieces[piece].search(text):
            return True
    return False


@cache
def needs_of(patterns: tuple[tuple[str, int], ...]) -> Needs:
    """The Needs of several patterns, given by their text and flags."""
    return Needs.of([re.compile(source, flags) for source, flags in patterns])
