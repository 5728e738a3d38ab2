from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    """Nobody signs up on their own: people join an organisation by invitation."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": (
            "The email address or password is not right. Check them and try again"
        ),
        "too_many_login_attempts": (
            "Too many failed sign-ins. Wait a few minutes, then try again, or reset your password"
        ),
        "incorrect_password": "The password is not right. Enter the password you sign in with",
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False


class MFAAdapter(DefaultMFAAdapter):  # type: ignore[misc]
    """allauth's two-factor sign-in, with messages that say what to do."""

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": (
            "The code is not right, or it was used already. Enter the code your "
            "authenticator app shows now"
        ),
    }
