"""Show text stored in both languages ({"en": ..., "cy": ...}) in the reader's language."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()


@register.filter
def tr(value: object) -> str:
    """Welsh when the reader uses Welsh and a Welsh text exists; English otherwise. English
    on a Welsh page is marked lang="en", so screen readers say it in English."""
    if not isinstance(value, dict):
        return "" if value is None else str(value)
    language = (get_language() or "en")[:2]
    if language != "en" and not value.get(language) and value.get("en"):
        return english_inside(str(value["en"]))
    return str(value.get(language) or value.get("en") or "")


def english_inside(text: str) -> SafeString:
    """English text (a quoted policy sentence, a question with no Welsh yet) on a page that
    may be in Welsh."""
    return format_html('<span lang="en">{}</span>', text)


@register.filter
def get_item(mapping: dict[str, object], key: str) -> object:
    """Look up a key in a dictionary: {{ names|get_item:topic }}."""
    return mapping.get(key, key)
