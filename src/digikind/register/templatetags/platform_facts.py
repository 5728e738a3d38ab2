"""{{ fact.value|fact_words }}: a platform fact's stored value ("personal-only") in words."""

from typing import Any

from django import template

from digikind.register import knowledge

register = template.Library()


@register.filter
def fact_words(value: Any) -> str:
    if isinstance(value, str | None) and value in knowledge.FACT_WORDS:
        return knowledge.FACT_WORDS[value]
    return str(value)
