"""Emails in Welsh and English at once, Welsh first, as Welsh public bodies send them.

We do not know the language of someone we email: an invitee has no account yet, and the
language people choose is kept only in their browser's cookie. So every email we write is
in both languages; a reader of either finds theirs without being asked. See docs/welsh.md.
"""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation

from digikind.pages.languages import ENGLISH, WELSH

# Said in both languages above the Welsh, so an English reader knows to scroll down.
WELSH_FIRST = "Cymraeg yn gyntaf, Saesneg isod. Welsh first, English below."
BETWEEN = "-" * 40


def render(
    subject_template: str,
    message_template: str,
    context: dict[str, Any],
    request: HttpRequest | None = None,
) -> tuple[str, str]:
    """The subject ("Welsh / English") and the plain-text body (Welsh, then English).
    Each part's links end in `{{ language_query }}`, so the link in the Welsh part opens
    the page in Welsh and the one in the English part in English."""
    subjects, bodies = [], []
    for language, query in ((WELSH, "?lang=cy"), (ENGLISH, "?lang=en")):
        part = {**context, "language_query": query}
        with translation.override(language):
            subject = render_to_string(subject_template, part, request)
            subjects.append(" ".join(subject.split()))
            bodies.append(render_to_string(message_template, part, request).strip())
    welsh_body, english_body = bodies
    return " / ".join(subjects), f"{WELSH_FIRST}\n\n{welsh_body}\n\n{BETWEEN}\n\n{english_body}\n"
