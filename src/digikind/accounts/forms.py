from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.mfa.base.forms import AuthenticateForm as AllauthAuthenticateForm
from allauth.mfa.base.forms import ReauthenticateForm as AllauthReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm as AllauthActivateTOTPForm
from django import forms


class LoginForm(AllauthLoginForm):  # type: ignore[misc]
    """allauth's sign-in form, with our labels (the reset link sits under the form)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Email address"
        self.fields["login"].widget.attrs.pop("placeholder", None)
        self.fields["login"].error_messages["required"] = "Enter your email address"
        self.fields["password"].help_text = ""
        self.fields["password"].widget.attrs.pop("placeholder", None)
        self.fields["password"].error_messages["required"] = "Enter your password"


def code_input(width: str) -> forms.TextInput:
    """A short box for a code of digits: phones show their number pad, and can fill in a code
    that arrives by text; `width` is GOV.UK's width class for the longest code it takes."""
    return forms.TextInput(
        attrs={
            "class": width,
            "inputmode": "numeric",
            "pattern": "[0-9]*",
            "autocomplete": "one-time-code",
            "spellcheck": "false",
        }
    )


class CodeFormMixin:
    """The code box of allauth's two-factor forms, as a short numeric field."""

    fields: dict[str, forms.Field]
    code_label = "Code"
    code_width = "govuk-input--width-10"  # 8 digits: a recovery code
    code_required = "Enter the 6-digit code from your authenticator app, or a recovery code"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.label = self.code_label
        field.widget = code_input(self.code_width)
        field.error_messages["required"] = self.code_required


class AuthenticateForm(CodeFormMixin, AllauthAuthenticateForm):  # type: ignore[misc]
    pass


class ReauthenticateForm(CodeFormMixin, AllauthReauthenticateForm):  # type: ignore[misc]
    pass


class ActivateTOTPForm(CodeFormMixin, AllauthActivateTOTPForm):  # type: ignore[misc]
    code_label = "The 6-digit code from the app"
    code_width = "govuk-input--width-5"
    code_required = "Enter the 6-digit code your authenticator app shows"
