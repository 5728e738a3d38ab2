"""Bring an organisation document (see document.py) into this Digikind.

Everything is made anew in one transaction, so a document that cannot be brought in leaves
nothing behind. The records keep the ids their hashes and encryption are bound to
(`origin_id`), so the chain verifies and the records open here as they did there."""

from typing import Any

from cryptography.exceptions import InvalidTag
from django.core.files.base import ContentFile
from django.db import transaction

from digikind.accounts.models import User
from digikind.agreements.models import Agreement
from digikind.api.models import ApiToken
from digikind.exchange import document as doc
from digikind.exchange.validation import validation_problems
from digikind.exchange.values import typed, unb64
from digikind.frameworks.models import FrameworkVersion, Question
from digikind.gaps.models import Action
from digikind.orgs.models import AuditEvent, Invitation, Membership, Organisation
from digikind.policies.models import PolicyCheck, PolicyFile
from digikind.records import crypto
from digikind.records import services as records
from digikind.records.models import ChainHead, Entry, EntryKey, RecordSettings, Subject
from digikind.register.models import Channel, RiskAssessment
from digikind.reviews.models import Answer, Response, ReviewCycle, ReviewLink


class ExchangeError(Exception):
    """A document that cannot be brought in; the message says what to do."""


def _unique_clashes(data: dict[str, Any]) -> list[str]:
    """Secrets that must be unique in the whole Digikind and are already here: the same
    organisation brought in twice."""
    checks = [
        (Invitation, "token_hash", [i["token_hash"] for i in data["invitations"]]),
        (ApiToken, "secret_hash", [t["secret_hash"] for t in data["api_tokens"]]),
        (ReviewLink, "token", [x["token"] for r in data["reviews"] for x in r["links"]]),
        (Response, "key_hash", [x["key_hash"] for r in data["reviews"] for x in r["responses"]]),
    ]
    if data["agreement"]:
        checks.append((Agreement, "share_token", [data["agreement"]["share_token"]]))
    return [
        str(model._meta.verbose_name_plural)
        for model, field, values in checks
        if values and model._default_manager.filter(**{f"{field}__in": values}).exists()
    ]


class _People:
    """People by email: the Digikind's own account if it has one, else a new account with no
    password (they set one with "Forgot your password?")."""

    def __init__(self, people: list[dict[str, Any]]) -> None:
        self.names = {p["email"]: p["name"] for p in people}
        self.found: dict[str, User] = {}

    def get(self, email: str | None) -> User | None:
        return None if email is None else self.account(email)

    def account(self, email: str) -> User:
        if email not in self.found:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(email, None, name=self.names.get(email, ""))
            self.found[email] = user
        return self.found[email]


def _framework_versions(data: dict[str, Any]) -> dict[tuple[str, int], FrameworkVersion]:
    wanted = {
        (v["framework"], v["version"]) for r in data["reviews"] for v in r["framework_versions"]
    }
    found = {
        (v.framework.urn, v.version): v
        for v in FrameworkVersion.objects.select_related("framework")
        if (v.framework.urn, v.version) in wanted
    }
    missing = sorted(wanted - set(found))
    if missing:
        names = ", ".join(f"{urn} version {version}" for urn, version in missing)
        raise ExchangeError(
            f"This Digikind does not have the question sets the reviews used ({names}). "
            "Load them with `digikind frameworks load`, then import again."
        )
    return found


def _reviews(
    organisation: Organisation, data: dict[str, Any], people: _People
) -> dict[int, ReviewCycle]:
    versions = _framework_versions(data)
    questions: dict[tuple[str, int, str], Question] = {}
    for version in versions.values():
        for question in version.questions.all():
            questions[(version.framework.urn, version.version, question.key)] = question
    cycles = {}
    for item in data["reviews"]:
        cycle = ReviewCycle.objects.create(
            organisation=organisation,
            created_by=people.get(item["created_by"]),
            **typed(ReviewCycle, item, doc.REVIEW),
        )
        cycle.framework_versions.set(
            [versions[(v["framework"], v["version"])] for v in item["framework_versions"]]
        )
        cycles[item["ref"]] = cycle
        links = {
            link["ref"]: ReviewLink.objects.create(
                organisation=organisation, cycle=cycle, **typed(ReviewLink, link, doc.LINK)
            )
            for link in item["links"]
        }
        for given in item["responses"]:
            response = Response.objects.create(
                organisation=organisation,
                cycle=cycle,
                link=links[given["link"]],
                **typed(Response, given, doc.RESPONSE),
            )
            Answer.objects.bulk_create(
                Answer(
                    response=response,
                    question=questions[(a["framework"], a["framework_version"], a["question"])],
                    **typed(Answer, a, doc.ANSWER),
                )
                for a in given["answers"]
            )
    return cycles


def _policy_checks(organisation: Organisation, data: dict[str, Any], people: _People) -> None:
    for item in data["policy_checks"]:
        check = PolicyCheck.objects.create(
            organisation=organisation,
            created_by=people.get(item["created_by"]),
            **typed(PolicyCheck, item, doc.POLICY_CHECK),
        )
        for given in item["files"]:
            stored = PolicyFile(policy_check=check, **typed(PolicyFile, given, doc.POLICY_FILE))
            if given.get("content_base64"):
                stored.content.save(
                    "upload", ContentFile(unb64(given["content_base64"])), save=False
                )
            stored.save()


def _channels(organisation: Organisation, data: dict[str, Any], people: _People) -> None:
    for item in data["channels"]:
        channel = Channel.objects.create(
            organisation=organisation,
            updated_by=people.get(item["updated_by"]),
            **typed(Channel, item, doc.CHANNEL),
        )
        for given in item["assessments"]:
            RiskAssessment.objects.create(
                organisation=organisation,
                channel=channel,
                **typed(RiskAssessment, given, doc.ASSESSMENT),
            )


class _Rewrap:
    """Moves the keys the organisation's key wraps from the exporting Digikind's records key to
    this one's. Keys wrapped by a person's key need no change."""

    def __init__(self, chain_id: int, records_key: str | None) -> None:
        self.given = records_key is not None
        self.here = crypto.organisation_key(records.master_key(), chain_id)
        self.there = crypto.organisation_key(records.master_key(records_key), chain_id)

    def __call__(self, wrapped: bytes, context: bytes) -> bytes:
        try:
            key = crypto.open_sealed(self.there, wrapped, context)
        except InvalidTag:
            if self.given:
                raise ExchangeError(
                    "The records key given does not open the records in this file. Check it is "
                    "the key of the Digikind the file was exported from, and import again."
                ) from None
            raise ExchangeError(
                "The records in this file were encrypted with another Digikind's records key. "
                "Ask its operator for that key (DIGIKIND_RECORDS_KEY, or the records_key file "
                "in its data folder) and import again with --records-key-file."
            ) from None
        return wrapped if self.here == self.there else crypto.seal(self.here, key, context)


def _records(
    organisation: Organisation, data: dict[str, Any], people: _People, records_key: str | None
) -> None:
    log = data["records"]
    chain_id = log["chain"]["organisation"]
    rewrap = _Rewrap(chain_id, records_key)
    ChainHead.objects.create(
        organisation=organisation,
        seq=log["chain"]["seq"],
        hash=log["chain"]["hash"],
        origin_id=chain_id,
    )
    if log["retention_days"] is not None:
        RecordSettings.objects.create(
            organisation=organisation, retention_days=log["retention_days"]
        )
    subjects = {}
    for item in log["subjects"]:
        fields = typed(Subject, item, doc.SUBJECT)
        if fields.get("wrapped_key"):
            fields["wrapped_key"] = rewrap(
                fields["wrapped_key"], f"subject:{item['origin']}".encode()
            )
        subjects[item["reference"]] = Subject.objects.create(
            organisation=organisation, origin_id=item["origin"], **fields
        )
    entries: dict[int, Entry] = {}
    for item in log["entries"]:
        entry = Entry.objects.create(
            organisation=organisation,
            origin_id=item["origin"],
            subject=subjects[item["subject"]] if item["subject"] else None,
            corrects=entries[item["corrects"]] if item["corrects"] else None,
            author=people.get(item["author"]),
            **typed(Entry, item, doc.ENTRY),
        )
        entries[entry.seq] = entry
        if item["key"]:
            wrapped = bytes.fromhex(item["key"])
            if entry.subject is None:
                wrapped = rewrap(wrapped, f"key:{item['origin']}".encode())
            EntryKey.objects.create(entry=entry, wrapped_key=wrapped)


def _rest(
    organisation: Organisation,
    data: dict[str, Any],
    people: _People,
    cycles: dict[int, ReviewCycle],
) -> None:
    for person in data["people"]:
        Membership.objects.create(
            organisation=organisation,
            user=people.account(person["email"]),
            role=person["role"],
            **typed(Membership, {"created_at": person["joined_at"]}, ["created_at"]),
        )
    for item in data["invitations"]:
        Invitation.objects.create(
            organisation=organisation,
            invited_by=people.get(item["invited_by"]),
            **typed(Invitation, item, doc.INVITATION),
        )
    for item in data["audit"]:
        AuditEvent.objects.create(
            organisation=organisation,
            actor=people.get(item["actor"]),
            **typed(AuditEvent, item, doc.AUDIT),
        )
    for item in data["api_tokens"]:
        ApiToken.objects.create(
            organisation=organisation,
            created_by=people.get(item["created_by"]),
            **typed(ApiToken, item, doc.TOKEN),
        )
    for item in data["actions"]:
        Action.objects.create(
            organisation=organisation,
            created_by=people.get(item["created_by"]),
            cycle_at_start=cycles.get(item["cycle_at_start"] or 0),
            **typed(Action, item, doc.ACTION),
        )
    if data["agreement"]:
        item = data["agreement"]
        Agreement.objects.create(
            organisation=organisation,
            published_by=people.get(item["published_by"]),
            updated_by=people.get(item["updated_by"]),
            **typed(Agreement, item, doc.AGREEMENT),
        )


def import_organisation(data: Any, *, records_key: str | None = None) -> Organisation:
    """Make the document's organisation here. `records_key`: the exporting Digikind's records
    key, when it differs from this one's."""
    problems = validation_problems(data)
    if problems:
        raise ExchangeError(
            "This file is not a Digikind organisation export this version can read: "
            + "; ".join(problems[:5])
        )
    slug = data["organisation"]["slug"]
    if Organisation.objects.filter(slug=slug).exists():
        raise ExchangeError(
            f"This Digikind already has an organisation with the address {slug!r}. "
            "Import into a Digikind that does not have it, or remove that organisation first."
        )
    clashes = _unique_clashes(data)
    if clashes:
        raise ExchangeError(
            "Some of this organisation's links and tokens are already in this Digikind "
            f"({', '.join(clashes)}): it looks imported already."
        )
    verification = doc.verify_chain(data)
    if not verification.ok:
        raise ExchangeError(
            "The records in this file do not verify, so they were not imported: "
            + " ".join(verification.problems[:3])
        )
    with transaction.atomic():
        organisation = Organisation.objects.create(
            **typed(Organisation, data["organisation"], doc.ORGANISATION)
        )
        people = _People(data["people"])
        cycles = _reviews(organisation, data, people)
        _policy_checks(organisation, data, people)
        _channels(organisation, data, people)
        _records(organisation, data, people, records_key)
        _rest(organisation, data, people, cycles)
    return organisation
