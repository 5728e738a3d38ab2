"""What the register flags on its own: conflicts with platform facts, and missing pieces.

Plain functions over a channel and its platform's facts, so each rule is easy to test.
"""

from dataclasses import dataclass
from datetime import date

from digikind.dates import uk_date
from digikind.register import knowledge
from digikind.register.models import Channel, Purpose, YesNoUnknown


@dataclass(frozen=True)
class Flag:
    kind: str  # "conflict" or "missing"
    id: str  # names the rule, so the gap report can tie it to a policy topic
    message: str


def fact(channel: Channel, name: str) -> object:
    """The platform's fact, or what the lead told us for a platform Digikind does not know."""
    known = knowledge.platforms().get(channel.platform)
    if known is not None:
        return known.value(name)
    return channel.own_facts.get(name)


def conflicts(channel: Channel, today: date | None = None) -> list[Flag]:
    today = today or date.today()
    found = []
    if (
        channel.purpose == Purpose.SERVICE_DELIVERY
        and fact(channel, "organisational_use") == "personal-only"
    ):
        found.append(
            Flag(
                "conflict",
                "personal-terms",
                f"{channel.platform_name}’s terms allow personal use only, but this channel is "
                "used to work with young people. Consider a business or education version.",
            )
        )
    minimum = fact(channel, "minimum_age_uk")
    if (
        isinstance(minimum, int)
        and channel.youngest_age is not None
        and channel.youngest_age < minimum
    ):
        found.append(
            Flag(
                "conflict",
                "under-age",
                f"It reaches young people from age {channel.youngest_age}, but "
                f"{channel.platform_name}’s minimum age is {minimum}.",
            )
        )
    if channel.one_to_one and channel.keeps_records == YesNoUnknown.NO:
        found.append(
            Flag(
                "conflict",
                "no-records",
                "It is used for one-to-one support but keeps no record. Nobody could show "
                "later what was said, which leaves staff and young people exposed.",
            )
        )
    if (
        channel.purpose == Purpose.PROMOTION
        and channel.receives_messages
        and channel.managers_trained != YesNoUnknown.YES
    ):
        found.append(
            Flag(
                "conflict",
                "untrained",
                "Young people can message this promotion channel, but no safeguarding "
                "training is recorded for the people who run it.",
            )
        )
    if channel.review_date is not None and channel.review_date < today:
        found.append(
            Flag(
                "conflict",
                "review-overdue",
                f"Its review date ({uk_date(channel.review_date)}) has passed.",
            )
        )
    return found


def missing(channel: Channel, has_assessment: bool) -> list[Flag]:
    checks = [
        (
            not channel.rationale.strip(),
            "no-rationale",
            "There is no reason written down for using it.",
        ),
        (not channel.owner.strip(), "no-owner", "Nobody is named as its owner."),
        (not has_assessment, "no-assessment", "It has no risk assessment."),
        (channel.review_date is None, "no-review-date", "It has no review date."),
    ]
    return [Flag("missing", rule, message) for gap, rule, message in checks if gap]


def flags(channel: Channel, has_assessment: bool, today: date | None = None) -> list[Flag]:
    return conflicts(channel, today) + missing(channel, has_assessment)
