"""The shared base for Digikind's tests: one organisation with a lead and a staff member,
and an outsider who leads another organisation. Every app's tests build on it."""

from allauth.mfa.totp.internal.auth import generate_totp_secret
from django.core.cache import cache
from django.test import TestCase

from digikind.accounts.models import User
from digikind.accounts.two_factor import activate_authenticator_app
from digikind.orgs import services
from digikind.orgs.models import Organisation
from digikind.orgs.roles import MemberRole

PASSWORD = "correct-horse-battery"


def make_person(email: str, organisation: Organisation, role: str, name: str = "") -> User:
    """A member of `organisation`; leads get an authenticator app, as Digikind requires."""
    user = User.objects.create_user(email, PASSWORD, name=name)
    services.add_member(organisation, user, role)
    if role == MemberRole.LEAD:
        user.totp_secret = generate_totp_secret()  # type: ignore[attr-defined]
        activate_authenticator_app(user, user.totp_secret)  # type: ignore[attr-defined]
    return user


class BaseTestCase(TestCase):
    def setUp(self) -> None:
        super().setUp()
        cache.clear()  # rate limits and used two-factor codes live in the cache
        self.org = services.create_organisation("Alice's Youth Club")
        self.alice = make_person("alice@example.org", self.org, MemberRole.LEAD, "Alice")
        self.bob = make_person("bob@example.org", self.org, MemberRole.STAFF, "Bob")
        self.other_org = services.create_organisation("Charlie's Sports Club")
        self.charlie = make_person(
            "charlie@example.org", self.other_org, MemberRole.LEAD, "Charlie"
        )


def assert_svg_image(content: bytes) -> None:
    """What a browser needs to draw an SVG served on its own as an <img>: the SVG namespace
    on the root, a size, and some drawing."""
    from xml.etree import ElementTree

    root = ElementTree.fromstring(content)  # noqa: S314 (our own SVG, in tests)
    assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
    assert root.get("width") and root.get("height")
    assert root.find("{http://www.w3.org/2000/svg}path") is not None
