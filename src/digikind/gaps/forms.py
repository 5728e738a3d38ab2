from typing import Any

from django import forms

from digikind.form_fields import DateField
from digikind.gaps.models import Status
from digikind.vocabulary import names


class ActionForm(forms.Form):
    title = forms.CharField(
        label="What will you do?",
        max_length=200,
        error_messages={"required": "Enter what you will do"},
    )
    topic = forms.ChoiceField(
        label="Topic",
        choices=list(names("topics").items()),
        error_messages={"required": "Choose the topic"},
    )
    detail = forms.CharField(
        label="More detail (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    owner = forms.CharField(
        label="Who owns it?",
        max_length=150,
        help_text="A name or a role, such as “Sam” or “the youth work team”.",
        error_messages={"required": "Enter who owns it: a name or a role"},
    )
    due_on = DateField(label="When is it due?", required=False)
    status = forms.ChoiceField(
        label="Where is it up to?",
        choices=Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where it is up to"},
    )
    evidence_it_worked = forms.CharField(
        label="If it is done: what shows it worked?",
        help_text="For example: fewer late-night messages in the records, or staff answers "
        "in the next review.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    gap_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=120)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == Status.DONE and not data.get("evidence_it_worked", "").strip():
            self.add_error(
                "evidence_it_worked",
                "Say what shows the action worked before you mark it done, or choose "
                "“In progress” for now.",
            )
        return data

    def action_fields(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("version", "gap_key")}
