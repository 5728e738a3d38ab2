"""What a restored Digikind holds, organisation by organisation, for the operator to check."""

from cryptography.exceptions import InvalidTag

from digikind.orgs.models import Organisation
from digikind.policies.models import PolicyCheck
from digikind.records import services as records
from digikind.records.models import Entry, Subject
from digikind.reviews.models import ReviewCycle


def _records_open(organisation: Organisation) -> bool | None:
    """Whether this Digikind's records key opens the organisation's records (None: nothing
    to open)."""
    subject = Subject.objects.for_org(organisation).filter(wrapped_key__isnull=False).first()
    if subject is None:
        return None
    try:
        records.subject_name(subject)
    except InvalidTag:
        return False
    return True


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


OPENS = {
    None: ".",
    True: "; records open with this Digikind's records key.",
    False: "; records DO NOT OPEN with this Digikind's records key.",
}


def summary() -> list[str]:
    lines = []
    for organisation in Organisation.objects.order_by("slug"):
        check = records.verify(organisation).result
        chain = "the chain is intact" if check.ok else "CHAIN PROBLEMS: " + check.problems[0]
        lines.append(
            f"{organisation.slug}: "
            f"{_count(ReviewCycle.objects.for_org(organisation).count(), 'review')}, "
            f"{_count(PolicyCheck.objects.for_org(organisation).count(), 'policy check')}, "
            f"{_count(Entry.objects.for_org(organisation).count(), 'record')}; "
            f"{chain}{OPENS[_records_open(organisation)]}"
        )
    return lines or ["The backup holds no organisations."]
