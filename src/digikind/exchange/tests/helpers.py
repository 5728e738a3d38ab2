"""An organisation with something of everything, and a way to make this database as if it
had never held it (the "fresh Digikind" an export is brought into)."""

import tempfile
from io import StringIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings

from digikind.accounts.models import User
from digikind.api import services as api_services
from digikind.demo.services import load_demo
from digikind.orgs.models import Organisation
from digikind.policies.models import PolicyCheck, PolicyFile
from digikind.records import services as records
from digikind.records.models import Entry, EntryKey, Subject

UNREAD_POLICY = b"Staff only message young people on the club's own accounts.\n"


def full_organisation() -> Organisation:
    """The demo organisation, plus what the demo lacks: an erased person, an erased entry,
    a correction, an entry about no one, an API token and a policy file not read yet."""
    call_command("frameworks", "load", stdout=StringIO())
    with override_settings(DATA_DIR=tempfile.mkdtemp()):
        organisation = load_demo(keep_credentials=False).organisation
    lead = organisation.membership_set.filter(role="lead").first().user
    first = Entry.objects.for_org(organisation).order_by("seq").first()
    records.correct(first, "It was the Tuesday, not the Monday.", author=lead)
    gone = records.add_subject(organisation, "parent_carer", "Sam Erased")
    erased = records.append(
        organisation, "contact", author=lead, subject=gone, public={"channel": None},
        sensitive={"note": "Rang about the trip."},
    )  # fmt: skip
    records.erase_person(gone, by=lead)
    records.erase_entry(erased, by=lead, reason="Asked to")
    records.append(
        organisation, "debrief", author=lead, public={"held_on": "2026-01-05"},
        sensitive={"what_happened": "Nothing of note, said “fine” twice."},
    )  # fmt: skip
    api_services.create_token(organisation, "Spreadsheet", "read", by=lead)
    check = PolicyCheck.objects.create(organisation=organisation, created_by=lead)
    stored = PolicyFile(policy_check=check, position=0, name="policy.txt",
                        size=len(UNREAD_POLICY), sha256="0" * 64)  # fmt: skip
    stored.content.save("upload", SimpleUploadedFile("policy.txt", UNREAD_POLICY), save=False)
    stored.save()
    return organisation


def forget(organisation: Organisation) -> None:
    """Remove the organisation and every account, as a fresh Digikind would have neither."""
    entries = Entry.objects.for_org(organisation)
    EntryKey.objects.filter(entry__in=entries).delete()
    entries.update(corrects=None)  # corrections protect what they correct
    entries.delete()
    Subject.objects.for_org(organisation).delete()
    organisation.delete()
    User.objects.all().delete()
