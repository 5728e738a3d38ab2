"""The records log: append-only, hash-chained per organisation, sensitive fields encrypted.

Entries are never updated or deleted by Digikind. A correction or an addition is a new entry
that points at the one it corrects. Keys live in separate tables, so erasing data (forgetting
a key) never touches an entry, and the chain still verifies.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from digikind.orgs.tenancy import OrgOwned
from digikind.records.chain import CanonicalEncoder


class Kind(models.TextChoices):
    CONTACT = "contact", "Digital contact"
    CONCERN = "concern", "Concern or incident"
    CONSENT = "consent", "Consent"
    DEBRIEF = "debrief", "Debrief"
    CORRECTION = "correction", "Correction or addition"
    ERASURE = "erasure", "Erasure"
    VIEWED = "viewed", "Concern viewed"
    SHARING = "sharing", "Sharing with a funder"


class SubjectKind(models.TextChoices):
    YOUNG_PERSON = "young_person", "Young person"
    PARENT_CARER = "parent_carer", "Parent or carer"
    STAFF = "staff", "Member of staff or volunteer"


class Subject(OrgOwned):
    """A person entries are about. Their name is encrypted under their own key."""

    reference = models.CharField(max_length=40)
    kind = models.CharField(max_length=20, choices=SubjectKind)
    wrapped_key = models.BinaryField(null=True)
    sealed_name = models.BinaryField(null=True)
    created_at = models.DateTimeField(default=timezone.now)
    erased_at = models.DateTimeField(null=True, blank=True)
    # The id this person had where their keys were made, if brought in from another Digikind
    # (digikind import-organisation): their sealed name and key are bound to it.
    origin_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference"], name="unique_subject_reference"
            )
        ]

    def __str__(self) -> str:
        return self.reference


class ChainHead(models.Model):
    """The end of an organisation's chain, locked while an entry is added: no forks."""

    organisation = models.OneToOneField(
        "orgs.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)
    # The organisation's id where the chain began, if brought in from another Digikind: the
    # hashes and the encryption are bound to it, so they still verify and open here.
    origin_id = models.PositiveBigIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Chain head {self.seq} of {self.organisation}"


class PublicText(models.Func):
    """One of an entry's open fields as text, written the same way in an index and in a
    query (with the key in the SQL, not as a parameter), so that the database uses the index.
    """

    output_field = models.TextField()

    def __init__(self, key: str) -> None:
        if not key.isidentifier():
            raise ValueError(f"Not a field name: {key!r}")
        self.key = key
        super().__init__(models.F("public"))

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> Any:  # type: ignore[override]
        if connection.vendor == "postgresql":
            template = f"(%(expressions)s ->> '{self.key}')"
        else:
            template = f"json_extract(%(expressions)s, '$.{self.key}')"
        return super().as_sql(compiler, connection, template=template, **extra)


# When a contact happened, as stored (ISO text, which sorts by date): indexed, so that the
# records home and the gap report read only the weeks they show.
HAPPENED_AT = PublicText("happened_at")


class Entry(OrgOwned):
    seq = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, choices=Kind)
    subject = models.ForeignKey(
        Subject, null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_label = models.CharField(max_length=254)
    created_at = models.DateTimeField(default=timezone.now)
    # Stored as the hash writes it, so that checking the chain need not parse it.
    public = models.JSONField(default=dict, encoder=CanonicalEncoder)
    sealed = models.BinaryField(null=True)
    content_hash = models.CharField(max_length=64)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)
    # The entry's id where it was written, if brought in from another Digikind (its key's
    # wrapping is bound to it).
    origin_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["seq"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "seq"], name="one_entry_per_place")
        ]
        indexes = [
            models.Index("organisation", "kind", HAPPENED_AT, name="entry_kind_happened_at"),
            models.Index(fields=["organisation", "kind", "seq"], name="entry_kind_seq"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("records:detail", args=[self.organisation.slug, self.pk])


class EntryKey(models.Model):
    """An entry's own key, wrapped by its person's (or the organisation's) key.

    Deleting it erases the entry."""

    entry = models.OneToOneField(Entry, on_delete=models.CASCADE, related_name="key")
    wrapped_key = models.BinaryField()

    def __str__(self) -> str:
        return f"Key for {self.entry}"


class RecordSettings(OrgOwned):
    """How long each kind of entry is kept, in days (0 = keep until someone erases it)."""

    retention_days = models.JSONField(default=dict)

    def __str__(self) -> str:
        return f"Record settings for {self.organisation}"
