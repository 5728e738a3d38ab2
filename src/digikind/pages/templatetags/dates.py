"""{{ channel.review_date|uk_date }} and {{ entry.created_at|uk_datetime }}: dates in full, as
digikind.dates shows them. Loaded in every template (TEMPLATES' builtins)."""

from datetime import date, datetime

from django import template

from digikind import dates

register = template.Library()


@register.filter
def uk_date(value: date | datetime | str | None) -> str:
    try:
        return dates.uk_date(value)
    except (TypeError, ValueError):  # not a date after all: show it as it is
        return str(value)


@register.filter
def uk_datetime(value: datetime | str | None) -> str:
    try:
        return dates.uk_datetime(value)
    except (TypeError, ValueError):
        return str(value)


@register.filter
def whole_years(days: int) -> int:
    """730 days is 2 years; 0 when a number of days is not a whole number of years."""
    return days // 365 if days >= 365 and days % 365 == 0 else 0
