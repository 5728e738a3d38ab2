"""One organisation as one versioned JSON document (schema/organisation-v1.json).

It holds everything the organisation owns. Objects refer to one another by their place in
the document ("review 2"), people by email, question sets by their URN and version, so
the same organisation exported anywhere gives the same document. Records stay as stored:
encrypted, with their hash chain, which `verify_chain` checks from the document alone. A
subject-access copy adds each record's details and each person's name in plain text."""

import json
from typing import Any

from digikind.agreements.models import Agreement
from digikind.api.models import ApiToken
from digikind.exchange.values import b64, plain, row
from digikind.gaps.models import Action
from digikind.orgs.models import AuditEvent, Invitation, Membership, Organisation
from digikind.policies.models import PolicyCheck
from digikind.records import chain
from digikind.records import services as records
from digikind.records.models import ChainHead, Entry, EntryKey, RecordSettings, Subject
from digikind.register.models import Channel, RiskAssessment
from digikind.reviews.models import ReviewCycle

FORMAT = "digikind-organisation"
VERSION = 1

ORGANISATION = ["name", "slug", "kind", "created_at"]
INVITATION = ["email", "role", "token_hash", "created_at", "expires_at", "accepted_at",
              "revoked_at"]  # fmt: skip
AUDIT = ["action", "detail", "created_at"]
TOKEN = ["name", "scope", "secret_hash", "hint", "created_at", "last_used_at", "revoked_at"]
REVIEW = ["name", "created_at", "closes_on", "closed_at", "roles", "you_said_we_did"]
LINK = ["role", "label", "token", "created_at", "revoked_at"]
RESPONSE = ["role", "key_hash", "started_at", "submitted_at", "network", "empty", "burst"]
ANSWER = ["value", "text", "comment", "answered_at"]
POLICY_CHECK = ["created_at", "finished_at", "status", "progress", "title", "error", "report",
                "next_steps", "covered", "is_current"]  # fmt: skip
POLICY_FILE = ["position", "name", "size", "sha256", "document"]
CHANNEL = ["platform", "other_platform_name", "account_name", "purpose", "rationale", "owner",
           "others_with_access", "official", "youngest_age", "oldest_age", "one_to_one",
           "receives_messages", "keeps_records", "followers_visible", "managers_trained",
           "devices", "review_date", "own_facts", "version", "created_at",
           "updated_at"]  # fmt: skip
ASSESSMENT = ["content_likelihood", "content_impact", "contact_likelihood", "contact_impact",
              "conduct_likelihood", "conduct_impact", "mitigations", "other_mitigations",
              "residual_risk", "signed_off_by", "signed_off_on", "created_at"]  # fmt: skip
ACTION = ["gap_key", "topic", "title", "detail", "owner", "due_on", "status",
          "evidence_it_worked", "done_on", "version", "created_at", "updated_at"]  # fmt: skip
AGREEMENT = ["channels", "replies", "will_do", "wont_do", "help_now", "records", "status",
             "published_text", "published_at", "share_token", "version", "created_at",
             "updated_at"]  # fmt: skip
SUBJECT = ["reference", "kind", "created_at", "erased_at", "wrapped_key", "sealed_name"]
ENTRY = ["seq", "kind", "author_label", "created_at", "public", "sealed", "content_hash",
         "prev_hash", "hash"]  # fmt: skip


def _email(user: Any) -> str | None:
    return user.email if user is not None else None


def _reviews(organisation: Organisation) -> tuple[list[dict[str, Any]], dict[int, int]]:
    cycles = (
        ReviewCycle.objects.for_org(organisation)
        .order_by("created_at", "pk")
        .select_related("created_by")
        .prefetch_related("framework_versions__framework")
    )
    found, places = [], {}
    for place, cycle in enumerate(cycles, start=1):
        places[cycle.pk] = place
        links = list(cycle.links.order_by("created_at", "pk"))
        link_places = {link.pk: n for n, link in enumerate(links, start=1)}
        responses = []
        for response in cycle.responses.order_by("started_at", "pk").prefetch_related(
            "answers__question__framework_version__framework"
        ):
            answers = sorted(
                (
                    {
                        "framework": a.question.framework_version.framework.urn,
                        "framework_version": a.question.framework_version.version,
                        "question": a.question.key,
                        **row(a, ANSWER),
                    }
                    for a in response.answers.all()
                ),
                key=lambda a: (a["framework"], a["framework_version"], a["question"]),
            )
            responses.append(
                {
                    "link": link_places[response.link_id],
                    **row(response, RESPONSE),
                    "answers": answers,
                }
            )
        found.append(
            {
                "ref": place,
                **row(cycle, REVIEW),
                "created_by": _email(cycle.created_by),
                "framework_versions": sorted(
                    (
                        {"framework": v.framework.urn, "version": v.version}
                        for v in cycle.framework_versions.all()
                    ),
                    key=lambda v: (v["framework"], v["version"]),
                ),
                "links": [{"ref": link_places[x.pk], **row(x, LINK)} for x in links],
                "responses": responses,
            }
        )
    return found, places


def _policy_checks(organisation: Organisation) -> list[dict[str, Any]]:
    found = []
    checks = PolicyCheck.objects.for_org(organisation).order_by("created_at", "pk")
    for check in checks.select_related("created_by"):
        files = []
        for stored in check.files.order_by("position", "pk"):
            item = row(stored, POLICY_FILE)
            # A file still waiting to be read (if its upload is still there to read).
            if stored.content.name and stored.content.storage.exists(stored.content.name):
                with stored.content.open("rb") as handle:
                    item["content_base64"] = b64(handle.read())
            files.append(item)
        found.append(
            {**row(check, POLICY_CHECK), "created_by": _email(check.created_by), "files": files}
        )
    return found


def _channels(organisation: Organisation) -> list[dict[str, Any]]:
    channels = Channel.objects.for_org(organisation).order_by("created_at", "pk")
    return [
        {
            **row(channel, CHANNEL),
            "updated_by": _email(channel.updated_by),
            "assessments": [
                row(a, ASSESSMENT)
                for a in RiskAssessment.objects.filter(channel=channel).order_by("created_at", "pk")
            ],
        }
        for channel in channels.select_related("updated_by")
    ]


def _records(organisation: Organisation, decrypted: bool) -> dict[str, Any]:
    head = ChainHead.objects.filter(organisation=organisation).first()
    bound_to = records.chain_id(organisation)
    subjects = []
    for subject in Subject.objects.for_org(organisation).order_by("created_at", "pk"):
        item = {**row(subject, SUBJECT), "origin": records.subject_id(subject)}
        if decrypted:
            item["name"] = records.subject_name(subject)
        subjects.append(item)
    entries = []
    keys = dict(
        EntryKey.objects.filter(entry__organisation=organisation).values_list(
            "entry_id", "wrapped_key"
        )
    )
    for entry in (
        Entry.objects.for_org(organisation)
        .order_by("seq", "pk")
        .select_related("subject", "corrects", "author")
    ):
        item = {
            **row(entry, ENTRY),
            "origin": records.entry_id(entry),
            "subject": entry.subject.reference if entry.subject else None,
            "author": _email(entry.author),
            "corrects": entry.corrects.seq if entry.corrects else None,
            "key": plain(keys[entry.pk]) if entry.pk in keys else None,
        }
        if decrypted:
            item["details"] = records.sensitive(entry)
        entries.append(item)
    setting = RecordSettings.objects.for_org(organisation).first()
    return {
        "chain": {
            "organisation": bound_to,
            "seq": head.seq if head else 0,
            "hash": head.hash if head else chain.GENESIS,
        },
        "decrypted": decrypted,
        "retention_days": setting.retention_days if setting else None,
        "subjects": subjects,
        "entries": entries,
    }


def _actions(organisation: Organisation, reviews: dict[int, int]) -> list[dict[str, Any]]:
    actions = Action.objects.for_org(organisation).order_by("created_at", "pk")
    return [
        {
            **row(action, ACTION),
            "created_by": _email(action.created_by),
            "cycle_at_start": reviews.get(action.cycle_at_start_id or 0),
        }
        for action in actions.select_related("created_by")
    ]


def _agreement(organisation: Organisation) -> dict[str, Any] | None:
    agreement = Agreement.objects.for_org(organisation).first()
    if agreement is None:
        return None
    return {
        **row(agreement, AGREEMENT),
        "published_by": _email(agreement.published_by),
        "updated_by": _email(agreement.updated_by),
    }


def export_organisation(organisation: Organisation, *, decrypted: bool = False) -> dict[str, Any]:
    """The whole organisation as one document. `decrypted`: a subject-access copy, with
    record details and names in plain text besides the encrypted originals."""
    reviews, review_places = _reviews(organisation)
    memberships = Membership.objects.for_org(organisation).select_related("user")
    return {
        "format": FORMAT,
        "version": VERSION,
        "organisation": row(organisation, ORGANISATION),
        "people": sorted(
            (
                {
                    "email": m.user.email,
                    "name": m.user.name,
                    "role": m.role,
                    "joined_at": plain(m.created_at),
                }
                for m in memberships
            ),
            key=lambda p: p["email"],
        ),
        "invitations": [
            {**row(i, INVITATION), "invited_by": _email(i.invited_by)}
            for i in Invitation.objects.for_org(organisation)
            .order_by("created_at", "pk")
            .select_related("invited_by")
        ],
        "audit": [
            {**row(e, AUDIT), "actor": _email(e.actor)}
            for e in AuditEvent.objects.for_org(organisation)
            .order_by("created_at", "pk")
            .select_related("actor")
        ],
        "api_tokens": [
            {**row(t, TOKEN), "created_by": _email(t.created_by)}
            for t in ApiToken.objects.for_org(organisation)
            .order_by("created_at", "pk")
            .select_related("created_by")
        ],
        "reviews": reviews,
        "policy_checks": _policy_checks(organisation),
        "channels": _channels(organisation),
        "actions": _actions(organisation, review_places),
        "agreement": _agreement(organisation),
        "records": _records(organisation, decrypted),
    }


def verify_chain(document: dict[str, Any]) -> chain.Verification:
    """Check the records' hash chain from the document alone, as Digikind checks it."""
    log = document["records"]
    bound_to = log["chain"]["organisation"]
    rows = [
        {
            "seq": e["seq"],
            "fields": {
                "organisation": bound_to,
                "seq": e["seq"],
                "kind": e["kind"],
                "subject": e["subject"],
                "corrects": e["corrects"],
                "author": e["author_label"],
                "created_at": e["created_at"],
                "public": e["public"],
                "sealed": e["sealed"],
            },
            "content_hash": e["content_hash"],
            "prev_hash": e["prev_hash"],
            "hash": e["hash"],
        }
        for e in log["entries"]
    ]
    return chain.verify(rows, log["chain"]["seq"], log["chain"]["hash"])


def dumps(document: dict[str, Any]) -> str:
    """The document as a file: keys sorted, so the same organisation gives the same bytes."""
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
