from datetime import date, timedelta
from typing import Any

from django import forms

from digikind.funders.question_sets import QuestionSet, answer_options, question_sets
from digikind.funders.summary import PARTS


class GranteeDetailsForm(forms.Form):
    region = forms.CharField(label="Region (optional)", max_length=60, required=False)
    size = forms.CharField(
        label="Size (optional)",
        max_length=30,
        required=False,
        help_text="For example small, medium or large.",
    )
    programme = forms.CharField(label="Grant programme (optional)", max_length=100, required=False)
    kind = forms.CharField(
        label="Kind of group (optional)",
        max_length=60,
        required=False,
        help_text="For example youth club or sports club.",
    )
    identifier = forms.CharField(
        label="360Giving organisation identifier (optional)",
        max_length=60,
        required=False,
        help_text="As in your published grants data, for example GB-CHC-1234567.",
    )


class AddByCodeForm(GranteeDetailsForm):
    code = forms.CharField(
        label="The group's Digikind code",
        max_length=20,
        help_text="The group's lead finds it on their Funders page. It looks like ABCD-EFGH-JKLM.",
        error_messages={"required": "Enter the group's code"},
    )
    field_order = ["code"]


class InviteGranteeForm(GranteeDetailsForm):
    name = forms.CharField(
        label="The group's name",
        max_length=200,
        error_messages={"required": "Enter the group's name"},
    )
    email = forms.EmailField(
        label="Their lead's email address",
        help_text="We will send a link to join Digikind. It works for 14 days.",
        error_messages={
            "required": "Enter their lead's email address",
            "invalid": "Enter an email address like name@example.org",
        },
    )
    field_order = ["name", "email"]


class AskForm(forms.Form):
    name = forms.CharField(
        label="Name this round",
        max_length=150,
        initial="Digital safeguarding questions",
        error_messages={"required": "Give this round a name"},
    )
    question_set = forms.ChoiceField(
        label="Which questions?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose which questions to ask"},
    )
    due_on = forms.DateField(
        label="Answers due by",
        help_text="For example 31/3/2027",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"required": "Enter a due date", "invalid": "Enter a date like 31/3/2027"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["question_set"].choices = [  # type: ignore[attr-defined]
            (s.id, f"{s.name}: {s.summary}") for s in question_sets().values()
        ]
        self.fields["due_on"].initial = (date.today() + timedelta(days=28)).strftime("%d/%m/%Y")


class AnswerForm(forms.Form):
    """The questions, carried-forward answers ticked in advance, and what to share."""

    share = forms.BooleanField(
        label="Share this summary with the funder",
        required=False,
        help_text="You can stop sharing at any time. It is written in your records log.",
    )
    parts = forms.MultipleChoiceField(
        label="What to share",
        choices=list(PARTS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, question_set: QuestionSet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(o["value"], o["label"]) for o in answer_options()]
        self.questions = list(question_set.questions)
        for question in self.questions:
            self.fields[f"q_{question.id}"] = forms.ChoiceField(
                label=question.ask,
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": "Answer this question, or confirm the answer we filled in"
                },
            )
        self.order_fields([f"q_{q.id}" for q in self.questions] + ["parts", "share"])

    def answers(self) -> dict[str, str]:
        return {q.id: self.cleaned_data[f"q_{q.id}"] for q in self.questions}
