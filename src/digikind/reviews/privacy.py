"""The one rule for which anonymous figures may be shown (the privacy page states it in words).

- A group's figure for a question, domain or topic is shown only when at least MIN_GROUP
  people in that group gave a scored answer to it. "I don't know" and empty answers do not
  count, so nobody can make a group look big by sending empty answers.
- Complementary suppression: a total ("All respondents") minus the groups shown beside it
  must never give away the groups that are hidden. So when the hidden groups hold between
  one and MIN_GROUP - 1 people together, the smallest shown group is hidden too.

Every page and export that shows review figures reads them through `shown_parts`.
"""

from collections.abc import Mapping

MIN_GROUP = 5


def shown_parts(counts: Mapping[str, int], minimum: int = MIN_GROUP) -> tuple[set[str], bool]:
    """Which parts of a total may be shown beside it, and whether the total may be shown.

    `counts` maps each part (a group) to how many people in it gave a scored answer.
    """
    total = sum(counts.values())
    if total < minimum:
        return set(), False
    shown = {part for part, count in counts.items() if count >= minimum}
    hidden = total - sum(counts[part] for part in shown)
    if 0 < hidden < minimum and shown:
        # Taking the shown parts away from the total would leave the hidden few. Hiding the
        # smallest shown part as well leaves at least `minimum` people in what is hidden.
        smallest = min(shown, key=lambda part: (counts[part], part))
        shown.discard(smallest)
    return shown, True


def hidden_by_rule(counts: Mapping[str, int], minimum: int = MIN_GROUP) -> set[str]:
    """Parts big enough to show on their own that are hidden to protect a smaller part."""
    shown, _total = shown_parts(counts, minimum)
    return {part for part, count in counts.items() if count >= minimum} - shown
