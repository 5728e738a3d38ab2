"""Who must use two-factor sign-in, and whether they have set it up."""

from allauth.mfa.models import Authenticator

from digikind.accounts.models import User


def has_authenticator_app(user: User) -> bool:
    return bool(Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists())


def needs_two_factor(user: User) -> bool:
    """Leads hold the keys to an organisation's safeguarding records, so they must use it."""
    return user.memberships.filter(role="lead").exists()


def current_code(secret: str, *, offset: int = 0) -> str:
    """The authenticator code for this secret now (offset in 30-second steps).

    Used by the demo's `digikind demo-code` and by the tests, which sign in like a person.
    """
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    counter = int(time.time()) // app_settings.TOTP_PERIOD + offset
    return str(format_hotp_value(hotp_value(secret, counter)))


def activate_authenticator_app(user: User, secret: str) -> list[str]:
    """Turn on two-factor sign-in with this secret; return the new recovery codes."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, secret)
    return list(RecoveryCodes.activate(user).get_unused_codes())
