"""Make the phone numbers and web addresses in an agreement's line tappable on a phone."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

WEB = re.compile(
    r"\b(?:https?://)?((?:[a-z0-9-]+\.)+(?:uk|org|com|net|cymru|wales))(?![a-z0-9-])(/[^\s<]*)?(?<![.,;:!?])",
    re.I,
)
# 0808 80 23456 is written 080880 23456 (Meic), hence the 6-and-5 form.
PHONE = re.compile(
    r"(?<![\d/])(999|116 ?\d{3}|0\d{5} ?\d{5}|0\d{2,4} ?\d{3,4}(?: ?\d{3,4})?)(?!\d)"
)


def _phone(match: re.Match[str]) -> str:
    number = match.group(1)
    return f'<a class="govuk-link" href="tel:{number.replace(" ", "")}">{number}</a>'


@register.filter
def with_links(line: str) -> SafeString:
    """Escape the line, then link web addresses and phone numbers in it."""
    parts = WEB.split(escape(line))
    out = []
    # re.split with groups gives: text, group1, group2, text, ... ; rebuild with links.
    for index in range(0, len(parts), 3):
        out.append(PHONE.sub(_phone, parts[index]))
        if index + 2 < len(parts):
            host, path = parts[index + 1], parts[index + 2] or ""
            out.append(f'<a class="govuk-link" href="https://{host}{path}">{host}{path}</a>')
    return mark_safe("".join(out))  # noqa: S308 (escaped above; only our own tags added)
