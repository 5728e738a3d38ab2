"""Show text stored in both languages ({"en": ..., "cy": ...}) in the reader's language."""

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def tr(value: object) -> str:
    """Welsh when the reader uses Welsh and a Welsh text exists; English otherwise."""
    if not isinstance(value, dict):
        return "" if value is None else str(value)
    language = (get_language() or "en")[:2]
    return str(value.get(language) or value.get("en") or "")


@register.filter
def get_item(mapping: dict[str, object], key: str) -> object:
    """Look up a key in a dictionary: {{ names|get_item:topic }}."""
    return mapping.get(key, key)
