import uuid
from datetime import date
from typing import Any

from django import forms

from digikind.records.models import Subject, SubjectKind
from digikind.register.models import Channel

RISK_TYPES = [
    ("content", "Content: something harmful they saw"),
    ("contact", "Contact: someone harmful reached them"),
    ("conduct", "Conduct: how someone behaved"),
]
ESCALATION = [
    ("safeguarding_lead", "Safeguarding lead"),
    ("police", "Police"),
    ("ceop", "CEOP"),
    ("social_care", "Children's social care"),
]
COVERS = [
    ("contact", "Digital contact"),
    ("recording", "Recording calls or sessions"),
    ("images", "Photos and videos"),
]


class RecordForm(forms.Form):
    """Fields every kind of record has: who it is about, and a one-time id against double saving."""

    form_id = forms.CharField(widget=forms.HiddenInput)
    person = forms.ModelChoiceField(
        queryset=Subject.objects.none(),
        required=False,
        label="Who is it about?",
        help_text="Choose someone already recorded, or add a new person below.",
    )
    new_person = forms.CharField(
        label="Or a new person’s name",
        required=False,
        max_length=100,
        help_text="The name is encrypted. Others see only a reference like YP-12345.",
    )

    person_kind = SubjectKind.YOUNG_PERSON

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("form_id", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        field = self.fields["person"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Subject.objects.for_org(organisation).filter(wrapped_key__isnull=False)


class ContactForm(RecordForm):
    channel = forms.ModelChoiceField(
        queryset=Channel.objects.none(),
        label="Which channel?",
        error_messages={
            "required": "Choose the channel",
            "invalid_choice": "That channel is no longer in your register. "
            "Choose another, or add it to the register first.",
        },
    )
    happened_at = forms.DateTimeField(
        label="When?",
        widget=forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}),
        error_messages={"required": "Enter when it happened"},
    )
    out_of_hours = forms.TypedChoiceField(
        label="Was it outside your agreed hours?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether it was outside your agreed hours"},
    )
    copied_in = forms.CharField(
        label="Who else was copied in? (optional)", required=False, max_length=200
    )
    note = forms.CharField(
        label="Short note (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["channel"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Channel.objects.for_org(self.organisation)


class ConcernForm(RecordForm):
    happened_on = forms.DateField(
        label="When did it happen?",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        initial=date.today,
    )
    risk_type = forms.ChoiceField(
        label="What kind of risk?",
        choices=RISK_TYPES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of risk"},
    )
    description = forms.CharField(
        label="What happened?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Describe what happened, in a few words"},
    )
    who_was_told = forms.CharField(label="Who have you told?", required=False, max_length=300)
    escalated_to = forms.MultipleChoiceField(
        label="Passed on to",
        choices=ESCALATION,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    next_step = forms.CharField(label="What happens next?", required=False, max_length=500)
    status = forms.ChoiceField(
        label="Is it still open?",
        choices=[("open", "Yes, still open"), ("closed", "No, closed")],
        widget=forms.RadioSelect,
        initial="open",
    )


class ConsentForm(RecordForm):
    given_by = forms.ChoiceField(
        label="Who gave consent?",
        widget=forms.RadioSelect,
        choices=[
            ("young_person", "The young person"),
            ("parent_carer", "A parent or carer"),
            ("both", "Both"),
        ],
        error_messages={"required": "Say who gave consent"},
    )
    covers = forms.MultipleChoiceField(
        label="Consent for",
        choices=COVERS,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose what the consent is for"},
    )
    purpose = forms.CharField(
        label="What for?", max_length=500, error_messages={"required": "Say what it is for"}
    )
    who_can_see = forms.CharField(label="Who can see it?", required=False, max_length=300)
    starts_on = forms.DateField(
        label="Starts",
        initial=date.today,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    expires_on = forms.DateField(
        label="Ends (optional)",
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, expires = data.get("starts_on"), data.get("expires_on")
        if starts and expires and expires < starts:
            self.add_error("expires_on", "The end date is before the start date. Check both dates.")
        return data


class DebriefForm(RecordForm):
    person_kind = SubjectKind.STAFF
    happened_on = forms.DateField(
        label="When?",
        initial=date.today,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    what_happened = forms.CharField(
        label="What was hard?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say briefly what was hard"},
    )
    support = forms.CharField(
        label="What support was agreed?",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


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


FORMS: dict[str, type[RecordForm]] = {
    "contact": ContactForm,
    "concern": ConcernForm,
    "consent": ConsentForm,
    "debrief": DebriefForm,
}
# Which fields are shown to anyone who may read the entry, and which are encrypted.
PUBLIC_FIELDS = {
    "contact": ["out_of_hours"],
    "concern": ["happened_on", "risk_type", "escalated_to", "status"],
    "consent": ["given_by", "covers", "starts_on", "expires_on"],
    "debrief": ["happened_on"],
}
