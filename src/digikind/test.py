"""The shared base for Digikind's tests: one organisation with a lead and a staff member,
and an outsider who leads another organisation. Every app's tests build on it."""

import subprocess
from html.parser import HTMLParser

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


class _Page(HTMLParser):
    """What a person finds on a page: form controls by id, the error summary's links and
    the message shown at each field."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: dict[str, dict[str, str]] = {}
        self.summary: list[tuple[str, str]] = []
        self.field_errors: list[str] = []
        self.select_firsts: dict[str, str] = {}
        self._stack: list[str] = []  # "summary", "link", "error", "select", "option"
        self._text: list[str] = []
        self._href = ""
        self._select = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        classes = found.get("class", "").split()
        if tag in ("input", "textarea", "select", "fieldset") and found.get("id"):
            self.controls[found["id"]] = {"tag": tag, **found}
        if "govuk-error-summary" in classes:
            self._stack.append("summary")
        elif tag == "a" and "summary" in self._stack:
            self._stack.append("link")
            self._href, self._text = found.get("href", ""), []
        elif "govuk-error-message" in classes:
            self._stack.append("error")
            self._text = []
        elif tag == "select":
            self._select = found.get("name", "")
        elif tag == "option" and self._select and self._select not in self.select_firsts:
            self._stack.append("option")
            self._text = []
        elif tag == "div" and "summary" in self._stack:
            self._stack.append("div")

    def handle_endtag(self, tag: str) -> None:
        if not self._stack:
            return
        top = self._stack[-1]
        text = " ".join("".join(self._text).split())
        if top == "link" and tag == "a":
            self.summary.append((text, self._href))
            self._stack.pop()
        elif top == "error" and tag == "p":
            self.field_errors.append(text.removeprefix("Error:").strip())
            self._stack.pop()
        elif top == "option" and tag == "option":
            self.select_firsts[self._select] = text
            self._stack.pop()
        elif top in ("div", "summary") and tag == "div":
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] in ("link", "error", "option"):
            self._text.append(data)


def read_page(html: str | bytes) -> _Page:
    page = _Page()
    page.feed(html.decode() if isinstance(html, bytes) else html)
    return page


def pdf_text(pdf: bytes, page: int | None = None) -> str:
    """The PDF's words as a reader gets them (pdftotext), on one line: `page` alone if given."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    text = subprocess.run(  # noqa: S603 (tests only: poppler's tools on our own PDFs)
        ["pdftotext", *pages, "-", "-"],  # noqa: S607
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return " ".join(text.split())


def pdf_info(pdf: bytes, *options: str) -> str:
    return subprocess.run(  # noqa: S603
        ["pdfinfo", *options, "-"],  # noqa: S607
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
