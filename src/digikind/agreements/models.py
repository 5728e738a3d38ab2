"""An organisation's digital agreement with its young people: one current agreement, its
working text in six parts, and a copy of the text last published for young people to read."""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from digikind.agreements.wording import ENGLISH, SECTION_IDS, WELSH, titles
from digikind.orgs.tenancy import OrgOwned


def new_share_token() -> str:
    return secrets.token_urlsafe(18)


@dataclass(frozen=True)
class Block:
    """A paragraph, or a list of items (lines that start with "- ")."""

    kind: str  # "p" | "ul"
    lines: list[str]


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    text: str

    @property
    def blocks(self) -> list[Block]:
        return blocks(self.text)


def blocks(text: str) -> list[Block]:
    found: list[Block] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith(("- ", "* ", "• ")):
            item = line[2:].strip()
            if found and found[-1].kind == "ul":
                found[-1].lines.append(item)
            else:
                found.append(Block("ul", [item]))
        else:
            found.append(Block("p", [line]))
    return found


def sections_of(texts: dict[str, str], language: str = ENGLISH) -> list[Section]:
    names = titles(language)
    return [Section(s, names[s], texts.get(s, "")) for s in SECTION_IDS]


class Agreement(OrgOwned):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class Language(models.TextChoices):
        ENGLISH = ENGLISH, "English"
        WELSH = WELSH, "Welsh (Cymraeg)"

    channels = models.TextField(blank=True)
    replies = models.TextField(blank=True)
    will_do = models.TextField(blank=True)
    wont_do = models.TextField(blank=True)
    help_now = models.TextField(blank=True)
    records = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    # The language the text is written in: its part titles and opening words follow it,
    # and its reading age is measured only in English.
    language = models.CharField(max_length=2, choices=Language, default=Language.ENGLISH)
    # What young people see: a copy made when it was published, so a draft in progress
    # never changes the shared page until it is published again.
    published_text = models.JSONField(default=dict, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_language = models.CharField(max_length=2, choices=Language, default=Language.ENGLISH)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    share_token = models.CharField(max_length=40, unique=True, default=new_share_token)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="one_agreement_per_org")
        ]

    def __str__(self) -> str:
        return f"Digital agreement of {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", args=[self.organisation.slug])

    def share_url(self) -> str:
        return reverse("agreements:shared", args=[self.share_token])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED and bool(self.published_text)

    def texts(self) -> dict[str, str]:
        return {s: str(getattr(self, s)) for s in SECTION_IDS}

    def sections(self) -> list[Section]:
        return sections_of(self.texts(), self.language)

    def published_sections(self) -> list[Section]:
        return sections_of(
            {s: str(self.published_text.get(s, "")) for s in SECTION_IDS}, self.published_language
        )

    @property
    def has_unpublished_changes(self) -> bool:
        return self.language != self.published_language or self.texts() != {
            s: self.published_text.get(s, "") for s in SECTION_IDS
        }
