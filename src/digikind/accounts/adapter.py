from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    """Nobody signs up on their own: people join an organisation by invitation."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False
