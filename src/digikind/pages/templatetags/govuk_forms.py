"""Template helpers that give form widgets GOV.UK Frontend's classes and hints."""

from django import forms, template
from django.forms.boundfield import BoundField
from django.utils.safestring import SafeString

register = template.Library()

INPUT_CLASSES = {
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "input": "govuk-input",
    "file": "govuk-file-upload",
}


@register.filter
def widget_kind(field: BoundField) -> str:
    widget = field.field.widget
    # CheckboxSelectMultiple is a kind of RadioSelect in Django, so it must be asked first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    return "input"


def described_by(field: BoundField) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


@register.filter
def govuk_widget(field: BoundField) -> SafeString:
    kind = widget_kind(field)
    base = INPUT_CLASSES.get(kind, "")
    css = base
    if field.errors:
        css += f" {base}--error"
    # The widget's own classes (a GOV.UK width such as govuk-input--width-5) are kept.
    css += " " + str(field.field.widget.attrs.get("class", ""))
    # GOV.UK's research: placeholders are mistaken for filled-in answers, so we never show them.
    attrs: dict[str, str | bool] = {"class": css.strip(), "placeholder": False}
    if described_by(field):
        attrs["aria-describedby"] = described_by(field)
    return field.as_widget(attrs=attrs)


@register.filter
def describedby(field: BoundField) -> str:
    return described_by(field)
