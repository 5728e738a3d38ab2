from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.mfa.adapter import DefaultMFAAdapter
from django.core.mail import EmailMessage
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from digikind import bilingual_email

# allauth's emails that we have written in Welsh and English (templates/account/email/).
# Others stay allauth's English; none of them is sent with our settings.
BILINGUAL_EMAILS = frozenset({"account/email/password_reset_key", "account/email/unknown_account"})


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    """Nobody signs up on their own: people join an organisation by invitation."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _(
            "The email address or password is not right. Check them and try again"
        ),
        "too_many_login_attempts": _(
            "Too many failed sign-ins. Wait a few minutes, then try again, or reset your password"
        ),
        "incorrect_password": _("The password is not right. Enter the password you sign in with"),
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def render_mail(
        self,
        template_prefix: str,
        email: str | list[str],
        context: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> EmailMessage:
        if template_prefix not in BILINGUAL_EMAILS:
            english: EmailMessage = super().render_mail(template_prefix, email, context, headers)
            return english
        subject, body = bilingual_email.render(
            f"{template_prefix}_subject.txt",
            f"{template_prefix}_message.txt",
            context,
            allauth_context.request,
        )
        to = [email] if isinstance(email, str) else email
        return EmailMessage(
            self.format_email_subject(subject), body, self.get_from_email(), to, headers=headers
        )


class MFAAdapter(DefaultMFAAdapter):  # type: ignore[misc]
    """allauth's two-factor sign-in, with messages that say what to do."""

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": _(
            "The code is not right, or it was used already. Enter the code your "
            "authenticator app shows now"
        ),
    }
