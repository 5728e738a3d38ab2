from datetime import date
from typing import Any

from django import forms

from digikind.form_fields import DateField
from digikind.register import knowledge
from digikind.register.models import Devices, Level, Purpose, YesNoUnknown

YES_NO = [("yes", "Yes"), ("no", "No")]


class PlatformForm(forms.Form):
    platform = forms.ChoiceField(
        label="Which platform or tool?",
        error_messages={"required": "Choose a platform, or “Something else”"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["platform"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Choose one"), *knowledge.platform_choices()]


class ChannelForm(forms.Form):
    platform = forms.CharField(widget=forms.HiddenInput)
    other_platform_name = forms.CharField(
        label="Name of the platform or tool", max_length=100, required=False
    )
    account_name = forms.CharField(
        label="Account name or number",
        max_length=150,
        help_text="For example @riversideyouth, or the last 4 digits of the phone number.",
        error_messages={"required": "Enter the account name or number"},
    )
    purpose = forms.ChoiceField(
        label="What is it for?",
        choices=Purpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what it is for"},
    )
    rationale = forms.CharField(
        label="Why do you use it?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The reason this tool is the right one for this job.",
    )
    owner = forms.CharField(
        label="Who owns it?",
        max_length=150,
        required=False,
        help_text="The person responsible for it.",
    )
    others_with_access = forms.CharField(
        label="Who else can get into it?", max_length=300, required=False
    )
    official = forms.TypedChoiceField(
        label="Is it an official account?",
        error_messages={"required": "Choose whether it is an official account"},
        choices=[("yes", "Yes, we set it up"), ("no", "No, an unofficial account we found")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        initial="yes",
    )
    youngest_age = forms.IntegerField(
        label="Age of the youngest people it reaches", min_value=0, max_value=120, required=False
    )
    oldest_age = forms.IntegerField(
        label="Age of the oldest people it reaches", min_value=0, max_value=120, required=False
    )
    one_to_one = forms.TypedChoiceField(
        label="Is it used for one-to-one support?",
        error_messages={"required": "Choose whether it is used for one-to-one support"},
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        initial="no",
    )
    receives_messages = forms.TypedChoiceField(
        label="Can young people send it messages?",
        error_messages={"required": "Choose whether young people can send it messages"},
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        initial="yes",
    )
    keeps_records = forms.ChoiceField(
        label="Can you keep messages as a record?",
        error_messages={"required": "Choose whether you can keep messages as a record"},
        choices=YesNoUnknown.choices,
        widget=forms.RadioSelect,
        initial=YesNoUnknown.UNKNOWN,
    )
    followers_visible = forms.ChoiceField(
        label="Can followers or members see each other?",
        error_messages={"required": "Choose whether followers or members can see each other"},
        choices=YesNoUnknown.choices,
        widget=forms.RadioSelect,
        initial=YesNoUnknown.UNKNOWN,
    )
    managers_trained = forms.ChoiceField(
        label="Have the people who run it had safeguarding training?",
        error_messages={
            "required": "Choose whether the people who run it have had safeguarding training"
        },
        choices=YesNoUnknown.choices,
        widget=forms.RadioSelect,
        initial=YesNoUnknown.UNKNOWN,
    )
    devices = forms.ChoiceField(
        label="Which devices is it used on?",
        error_messages={"required": "Choose which devices it is used on"},
        choices=Devices.choices,
        widget=forms.RadioSelect,
        initial=Devices.WORK,
    )
    review_date = DateField(label="When will you review it?", required=False)
    other_minimum_age = forms.IntegerField(
        label="Its minimum age, if you know it", min_value=0, max_value=21, required=False
    )
    other_organisational_use = forms.ChoiceField(
        label="Do its terms allow an organisation to use it?",
        required=False,
        choices=[
            ("depends", "Not sure"),
            ("allowed", "Yes"),
            ("personal-only", "No, personal use only"),
        ],
        widget=forms.RadioSelect,
        initial="depends",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, platform: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.platform_id = platform
        if platform != knowledge.OTHER:
            for name in ("other_platform_name", "other_minimum_age", "other_organisational_use"):
                del self.fields[name]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            self.platform_id == knowledge.OTHER
            and not (data.get("other_platform_name") or "").strip()
        ):
            self.add_error("other_platform_name", "Enter the name of the platform or tool")
        young, old = data.get("youngest_age"), data.get("oldest_age")
        if young is not None and old is not None and young > old:
            self.add_error(
                "oldest_age", "The oldest age must be the same as or more than the youngest"
            )
        return data

    def channel_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data["platform"] = self.platform_id
        if self.platform_id == knowledge.OTHER:
            data["own_facts"] = {
                "minimum_age_uk": data.pop("other_minimum_age"),
                "organisational_use": data.pop("other_organisational_use") or "depends",
            }
        else:
            data["other_platform_name"] = ""
        return data


def initial_for(platform: knowledge.Platform | None) -> dict[str, Any]:
    """What the platform's facts let us fill in for the lead."""
    if platform is None:
        return {}
    export = platform.value("chat_export")
    return {"keeps_records": {"yes": "yes", "no": "no"}.get(str(export), "unknown")}


def _level(label: str) -> forms.TypedChoiceField:
    """A low / medium / high choice, required, with a plain message if it is missed."""
    return forms.TypedChoiceField(
        label=label,
        choices=Level.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": f"Choose an answer for “{label}”"},
    )


class AssessmentForm(forms.Form):
    content_likelihood = _level("Content: how likely is harm?")
    content_impact = _level("Content: how bad would it be?")
    contact_likelihood = _level("Contact: how likely is harm?")
    contact_impact = _level("Contact: how bad would it be?")
    conduct_likelihood = _level("Conduct: how likely is harm?")
    conduct_impact = _level("Conduct: how bad would it be?")
    mitigations = forms.MultipleChoiceField(
        label="What do you do to make it safer?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )
    other_mitigations = forms.CharField(
        label="Anything else you do", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    residual_risk = _level("With all that in place, how big is the risk now?")
    signed_off_by = forms.CharField(
        label="Who signed it off?",
        max_length=150,
        error_messages={"required": "Enter who signed off this risk assessment"},
    )
    signed_off_on = DateField(
        label="Date signed off",
        initial=date.today,
        error_messages={"required": "Enter the date it was signed off"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["mitigations"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(m["id"], m["text"]) for m in knowledge.mitigations().values()]
