"""The policy's own next-review date, found in its text, and whether it has passed."""

import re
from calendar import monthrange
from datetime import date

from digikind.policycheck.document import Sentence

MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
# "Next review: March 2025", "Review date Feb 2025", "to be reviewed by 1 September 2024",
# "Review due: 09/2025". A date after a plain "reviewed"/"updated" is when it was last done.
NEXT_REVIEW = re.compile(
    r"\b(?:next review(?: date)?|date of next review|review (?:date|due)|due for review|"
    r"(?:to be|will be) reviewed (?:by|in|on|before)|review by)\b\W{0,5}(?:on |in |by )?",
    re.IGNORECASE,
)
DATE = re.compile(
    r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?P<year>(?:19|20)\d\d)"
    r"|(?:(?P<nday>\d{1,2})[/.-])?(?P<nmonth>\d{1,2})[/.-](?P<nyear>(?:19|20)\d\d)"
    r"|(?P<iyear>(?:19|20)\d\d)-(?P<imonth>\d\d)-(?P<iday>\d\d)"
    r"|(?P<onlyyear>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _by(year: int, month: int, day: str | None) -> date:
    """A review due in a month is due by that month's end, unless a day is given."""
    return date(year, month, int(day) if day else monthrange(year, month)[1])


def _date(found: re.Match[str]) -> date | None:
    g = found.groupdict()
    try:
        if g["month"]:
            return _by(int(g["year"]), MONTHS[g["month"].lower()[:3]], g["day"])
        if g["nmonth"]:
            return _by(int(g["nyear"]), int(g["nmonth"]), g["nday"])
        if g["iyear"]:
            return date(int(g["iyear"]), int(g["imonth"]), int(g["iday"]))
        # A year alone: the review is due by its end.
        return date(int(g["onlyyear"]), 12, 31)
    except ValueError:
        return None


def next_review(sentences: list[Sentence]) -> tuple[date, Sentence] | None:
    """The latest next-review date the policy states, with the sentence that states it."""
    found: list[tuple[date, Sentence]] = []
    for sentence in sentences:
        for cue in NEXT_REVIEW.finditer(sentence.text):
            when = DATE.match(sentence.text, cue.end()) or DATE.search(
                sentence.text[cue.end() : cue.end() + 40]
            )
            if when and (due := _date(when)):
                found.append((due, sentence))
    return max(found, key=lambda pair: pair[0]) if found else None
