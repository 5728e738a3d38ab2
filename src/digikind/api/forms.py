from django import forms

from digikind.api.models import Scope


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="The tool or person that will use it, such as “Monthly spreadsheet”.",
        error_messages={"required": "Give the token a name"},
    )
    scope = forms.ChoiceField(
        label="What it can do",
        choices=Scope.choices,
        widget=forms.RadioSelect,
        initial=Scope.READ,
        error_messages={"required": "Choose what the token can do"},
        help_text="Read only is safest. Read and write can also start policy checks and "
        "change the status of actions.",
    )
