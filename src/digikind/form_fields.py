"""Form fields that several apps share."""

from django import forms


class DateField(forms.DateField):
    """A date picked in the browser's own date box, with a plain message for a date that
    does not exist."""

    widget = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    default_error_messages = {"invalid": "Enter a real date, for example 30/06/2027"}
