"""Render every Django form, ours and allauth's, with GOV.UK Frontend's markup."""

from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.http import HttpRequest

DJANGO_BLANK = "---------"
PLAIN_BLANK = "Choose one"


def plain_blank_choice(field: forms.Field) -> None:
    """Django starts an optional list with "---------", which people read as broken; a form
    that gives no prompt of its own ("Choose a person") gets "Choose one"."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == DJANGO_BLANK:
            field.empty_label = PLAIN_BLANK
    elif isinstance(field, forms.ChoiceField):
        # ChoiceField.choices is always a list of pairs once the field is built.
        choices: list[Any] = list(field.choices)  # type: ignore[arg-type]
        if choices and tuple(choices[0]) == ("", DJANGO_BLANK):
            field.choices = [("", PLAIN_BLANK), *choices[1:]]


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"

    def render(
        self, template_name: str, context: dict[str, Any], request: HttpRequest | None = None
    ) -> str:
        if isinstance(context.get("field"), BoundField):
            plain_blank_choice(context["field"].field)
        return str(super().render(template_name, context, request))
