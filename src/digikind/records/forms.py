"""The record forms, built from data/kinds.yaml so their questions match the record pages."""

import uuid
from datetime import date
from functools import cache
from typing import Any

from django import forms

from digikind.form_fields import DateField
from digikind.records import kinds
from digikind.records.models import Subject
from digikind.register.models import Channel

YES_NO = [("yes", "Yes"), ("no", "No")]


class PersonField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """People by name where the viewer may see it, otherwise by reference."""

    names: dict[int, str] = {}

    def label_from_instance(self, obj: Any) -> str:
        name = self.names.get(obj.pk)
        return f"{name} ({obj.reference})" if name else str(obj.reference)


class RecordForm(forms.Form):
    """Fields every kind of record has: who it is about, and a one-time id against double saving."""

    form_id = forms.CharField(widget=forms.HiddenInput)
    person = PersonField(
        queryset=Subject.objects.none(),
        required=False,
        empty_label="Choose a person",
        label="Who is it about?",
        help_text="Choose someone already recorded, or add a new person below.",
    )
    new_person = forms.CharField(
        label="Or a new person’s name",
        required=False,
        max_length=100,
        help_text="The name is encrypted. Only leads, and whoever records about the person, "
        "see it. Others see a reference like YP-12345.",
    )

    kind: kinds.Kind

    def __init__(
        self, *args: Any, organisation: Any, names: dict[int, str] | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", {}).setdefault("form_id", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        people = Subject.objects.for_org(organisation).filter(wrapped_key__isnull=False)
        if not people.exists():
            del self.fields["person"]
            self.fields["new_person"].label = "Who is it about? (optional)"
            self.fields[
                "new_person"
            ].help_text = "Their name. It is encrypted. Others see a reference like YP-12345."
        else:
            field = self.fields["person"]
            assert isinstance(field, PersonField)
            field.queryset = people
            field.names = names or {}
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField) and name == "channel":
                field.queryset = Channel.objects.for_org(organisation)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for field in self.kind.form_fields:
            later, earlier = data.get(field.id), data.get(field.not_before or "")
            if later and earlier and later < earlier:
                self.add_error(field.id, dict(field.errors)["not_before"])
        return data


def _django_field(field: kinds.Field) -> forms.Field:
    common: dict[str, Any] = {
        "label": field.label,
        "required": field.required,
        "error_messages": dict(field.errors),
    }
    if field.default == "today":
        common["initial"] = date.today
    elif field.default:
        common["initial"] = field.default
    choices = [(c.id, c.label) for c in field.choices]
    if field.type == "text":
        return forms.CharField(max_length=field.max_length, **common)
    if field.type == "long_text":
        area = forms.Textarea(attrs={"rows": field.rows or 4})
        return forms.CharField(max_length=field.max_length, widget=area, **common)
    if field.type == "date":
        return DateField(**common)
    if field.type == "datetime":
        when = forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"})
        return forms.DateTimeField(widget=when, **common)
    if field.type == "yes_no":
        return forms.TypedChoiceField(
            choices=YES_NO, coerce=lambda v: v == "yes", widget=forms.RadioSelect, **common
        )
    if field.type == "choice":
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if field.type == "choices":
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if field.type == "channel":
        return forms.ModelChoiceField(
            queryset=Channel.objects.none(), empty_label="Choose a channel", **common
        )
    raise kinds.KindsError(f"A form cannot ask a {field.type} question ({field.id}).")


@cache
def form_for(kind_id: str) -> type[RecordForm]:
    """The form for one kind of record; KeyError if there is none."""
    kind = kinds.form_kinds()[kind_id]
    attrs: dict[str, Any] = {f.id: _django_field(f) for f in kind.form_fields}
    attrs["kind"] = kind
    return type(f"{kind_id.title()}Form", (RecordForm,), attrs)


class CorrectionForm(forms.Form):
    form_id = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(
        label="What should be corrected or added?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Write the correction or addition"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("form_id", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)


class RecordFilterForm(forms.Form):
    """Which records to list: every choice is optional, and a GET form, so it works without
    JavaScript and the address can be bookmarked."""

    kind = forms.ChoiceField(label="Kind of record", required=False)
    person = forms.ChoiceField(label="Person", required=False)
    channel = forms.ChoiceField(label="Channel", required=False)
    status = forms.ChoiceField(label="Status", required=False)
    written_from = DateField(label="Written on or after", required=False)
    written_to = DateField(label="Written on or before", required=False)

    def __init__(
        self, *args: Any, organisation: Any, people: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choice = self._choice
        choice(
            "kind",
            "Any kind",
            [(k.id, k.label) for k in kinds.kinds().values() if k.id != "viewed"],
        )
        choice("person", "Anyone", people)
        channels = Channel.objects.for_org(organisation)
        choice("channel", "Any channel", [(str(c.pk), str(c)) for c in channels])
        choice("status", "Any status", kinds.status_filters())

    def _choice(self, name: str, prompt: str, options: list[tuple[str, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", prompt), *options]
        field.error_messages["invalid_choice"] = f"Choose from the list, or choose {prompt.lower()}"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("written_from"), data.get("written_to")
        if since and until and until < since:
            self.add_error("written_to", "The second date is before the first. Check both dates.")
        return data


class RetentionForm(forms.Form):
    """How many days each kind of record's details are kept."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in kinds.form_kinds().values():
            self.fields[kind.id] = forms.IntegerField(
                label=f"{kind.label}: days to keep",
                help_text=f"Suggested: {kind.keep_days}. "
                "Enter 0 to keep them until you erase them.",
                min_value=0,
                max_value=36500,
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-5"}),
                error_messages={
                    "required": f"Enter how many days to keep {kind.label.lower()} records",
                    "invalid": "Enter a whole number of days, like 730",
                    "min_value": "Enter 0 or more days",
                    "max_value": "Enter 36500 days (100 years) or fewer",
                },
            )
