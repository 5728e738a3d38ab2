"""Reading levels in UK terms, the same on every page: {{ grade|reading_level }} gives
"reading age about 11 (US grade 6)"; reading_age and us_grade give each number alone."""

from django import template

from digikind import readability

register = template.Library()


@register.filter
def reading_level(grade: float | None) -> str:
    return "" if grade is None else readability.reading_level(float(grade))


@register.filter
def reading_age(grade: float | None) -> str:
    return "" if grade is None else str(readability.reading_age(float(grade)))


@register.filter
def us_grade(grade: float | None) -> str:
    return "" if grade is None else readability.us_grade(float(grade))
