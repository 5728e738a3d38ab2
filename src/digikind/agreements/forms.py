from typing import Any

from django import forms
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join

from digikind.agreements.reading import AgreementReading
from digikind.agreements.wording import SECTION_IDS, section

MAX_SECTION_CHARS = 4000


class AgreementForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for section_id in SECTION_IDS:
            words = section(section_id)
            self.fields[section_id] = forms.CharField(
                label=str(words["title"]),
                required=False,
                max_length=MAX_SECTION_CHARS,
                widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "true"}),
                help_text=str(words["hint"]),
                error_messages={
                    "max_length": f"Keep “{words['title']}” under {MAX_SECTION_CHARS} characters"
                },
            )
        # The version goes last, after the text, like the other hidden fields.
        self.order_fields([*SECTION_IDS, "version"])

    def texts(self) -> dict[str, str]:
        """The text as typed, even if the form is not valid, so nothing is lost."""
        if self.is_bound:
            return {s: str(self.data.get(s, "")) for s in SECTION_IDS}
        return {s: str(self.initial.get(s, "")) for s in SECTION_IDS}

    def seen_version(self) -> int:
        return int(self.cleaned_data.get("version") or 0)

    def describe(self, reading: AgreementReading, hints: dict[str, list[str]]) -> None:
        """Put each part's reading age and the draft's hints under its box."""
        for part, measured in reading.sections:
            field = self.fields[part.id]
            base = str(section(part.id)["hint"])
            level = render_to_string(
                "agreements/_reading.html", {"grade": measured.grade, "words": measured.words}
            )
            field.help_text = format_html(
                "{}<br>{}{}",
                base,
                level.strip(),
                format_html_join("", "<br>{}", ((hint,) for hint in hints.get(part.id, []))),
            )
