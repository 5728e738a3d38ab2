from datetime import date, timedelta

from django import forms

from digikind.form_fields import DateField
from digikind.frameworks.models import FrameworkVersion, latest_versions
from digikind.orgs.roles import RespondentRole


class FrameworkChoiceField(forms.ModelMultipleChoiceField[FrameworkVersion]):
    def label_from_instance(self, obj: FrameworkVersion) -> str:
        return f"{obj.name['en']} (version {obj.version})"


class CycleForm(forms.Form):
    name = forms.CharField(
        label="Name this review",
        max_length=150,
        help_text="For example: Spring 2027 review.",
        error_messages={"required": "Give the review a name"},
    )
    framework_versions = FrameworkChoiceField(
        label="Which question sets?",
        queryset=FrameworkVersion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Each person is only asked the questions meant for their group.",
        error_messages={"required": "Choose at least one question set"},
    )
    roles = forms.MultipleChoiceField(
        label="Who should answer?",
        choices=RespondentRole.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="You get one link for each group to share by email, text or QR code.",
        error_messages={"required": "Choose at least one group"},
    )
    closes_on = DateField(
        label="Closing date",
        help_text="Answers are taken until the end of this day.",
        error_messages={"required": "Enter a closing date"},
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        versions = latest_versions("organisation")
        field = self.fields["framework_versions"]
        assert isinstance(field, FrameworkChoiceField)
        field.queryset = FrameworkVersion.objects.filter(pk__in=[v.pk for v in versions]).order_by(
            "framework__slug"
        )
        self.fields["closes_on"].initial = date.today() + timedelta(days=28)


class LinkForm(forms.Form):
    role = forms.ChoiceField(
        label="Group",
        choices=RespondentRole.choices,
        error_messages={"required": "Choose the group the link is for"},
    )

    def __init__(self, *args: object, roles: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["role"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = roles

    label = forms.CharField(
        label="Who is this link for? (optional)",
        max_length=100,
        required=False,
        help_text="For example a team or a person's first name. Answers stay anonymous.",
    )


class NoteForm(forms.Form):
    you_said_we_did = forms.CharField(
        label="You said, we did",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=(
            "Tell people what you heard and what you changed. "
            "Everyone who opens a link to this review will see it."
        ),
    )


class AnswerForm(forms.Form):
    """Built per question; the view checks the value against the question's scale."""

    value = forms.CharField(required=False, max_length=40)
    text = forms.CharField(required=False, strip=False, widget=forms.Textarea)
    comment = forms.CharField(required=False, strip=False, widget=forms.Textarea)
