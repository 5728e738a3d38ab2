"""Dates as a person reads them: "21 November 2026", never "2026-11-21".

The formats themselves are in digikind/formats (DATE_FORMAT and DATETIME_FORMAT), so a date
shown with these, with Django's `date` filter or on its own in a template all read the same.
Stored text dates (record answers, platform facts) are read as ISO dates first.
"""

from datetime import date, datetime

from django.utils import formats, timezone


def _parse(value: date | datetime | str) -> date | datetime:
    if isinstance(value, str):
        return datetime.fromisoformat(value) if len(value) > 10 else date.fromisoformat(value)
    return value


def _local(value: date | datetime | str) -> date | datetime:
    """The value as a date or datetime, a datetime in the site's time zone."""
    parsed = _parse(value)
    if isinstance(parsed, datetime) and timezone.is_aware(parsed):
        return timezone.localtime(parsed)
    return parsed


def uk_date(value: date | datetime | str | None) -> str:
    """21 November 2026 (a date and time is shown as its day in the site's time zone)."""
    if value in (None, ""):
        return ""
    return formats.date_format(_local(value), "DATE_FORMAT")


def uk_datetime(value: datetime | str | None) -> str:
    """21 November 2026, 14:05, in the site's time zone."""
    if value in (None, ""):
        return ""
    return formats.date_format(_local(value), "DATETIME_FORMAT")
