"""Organisation data as the API gives it: plain dicts for the schemas in schemas.py."""

from typing import Any

from digikind.agreements.services import current_agreement
from digikind.gaps.exports import gap_rows
from digikind.gaps.models import Action
from digikind.gaps.progress import action_rows
from digikind.gaps.report import build
from digikind.orgs.models import Organisation
from digikind.policies.models import PolicyCheck
from digikind.register.conflicts import flags
from digikind.register.models import Channel
from digikind.reviews.models import ReviewCycle
from digikind.reviews.privacy import MIN_GROUP
from digikind.reviews.scoring import GroupResult, results


def review(cycle: ReviewCycle) -> dict[str, Any]:
    return {
        "id": cycle.pk,
        "name": cycle.name,
        "created_at": cycle.created_at,
        "closes_on": cycle.closes_on,
        "closed_at": cycle.closed_at,
        "is_open": cycle.is_open,
        "roles": list(cycle.roles),
        "submitted": sum(1 for r in cycle.responses.all() if r.submitted_at is not None),
    }


def _group(group: GroupResult) -> dict[str, Any]:
    return {
        "group": group.label,
        "respondents": group.respondents,
        "domains": group.domains,
        "topics": group.topics,
    }


def review_results(cycle: ReviewCycle) -> dict[str, Any]:
    """The results page's figures, after the same privacy rule."""
    found = results(cycle)
    return {
        "review": review(cycle),
        "min_group": MIN_GROUP,
        "submitted": found.submitted,
        "groups": [_group(g) for g in found.groups],
        "overall": _group(found.overall) if found.overall else None,
        "hidden": [{"group": label, "respondents": n} for label, n in found.hidden],
        "protected": found.protected,
        "differences": [
            {"topic": d.topic, "name": d.name, "scores": dict(d.scores), "spread": d.spread}
            for d in found.differences
        ],
        "comments": {
            key: [{"who": c.who, "question": c.question, "text": c.text} for c in items]
            for key, items in found.comments.items()
        },
        "comments_hidden": found.comments_hidden,
        "flagged": found.flagged,
    }


def policy_summary(check: PolicyCheck) -> dict[str, Any]:
    return {
        "id": check.pk,
        "status": check.status,
        "progress": check.progress,
        "title": check.title,
        "created_at": check.created_at,
        "finished_at": check.finished_at,
        "covered": check.covered,
        "is_current": check.is_current,
        "error": check.error,
        "files": [{"name": f.name, "size": f.size, "sha256": f.sha256} for f in check.files.all()],
    }


def policy_check(check: PolicyCheck) -> dict[str, Any]:
    return {
        **policy_summary(check),
        "report": check.report,
        "next_steps": list(check.next_steps or []),
    }


def channel(found: Channel) -> dict[str, Any]:
    assessments = list(found.assessments.all())
    return {
        "id": found.pk,
        "platform": found.platform,
        "platform_name": found.platform_name,
        "account_name": found.account_name,
        "purpose": found.purpose,
        "rationale": found.rationale,
        "owner": found.owner,
        "others_with_access": found.others_with_access,
        "official": found.official,
        "youngest_age": found.youngest_age,
        "oldest_age": found.oldest_age,
        "one_to_one": found.one_to_one,
        "receives_messages": found.receives_messages,
        "keeps_records": found.keeps_records,
        "followers_visible": found.followers_visible,
        "managers_trained": found.managers_trained,
        "devices": found.devices,
        "review_date": found.review_date,
        "version": found.version,
        "assessments": [
            {
                "id": a.pk,
                **{
                    f"{risk}_{part}": getattr(a, f"{risk}_{part}")
                    for risk in ("content", "contact", "conduct")
                    for part in ("likelihood", "impact")
                },
                "mitigations": [str(m) for m in a.mitigations],
                "other_mitigations": a.other_mitigations,
                "residual_risk": a.residual_risk,
                "signed_off_by": a.signed_off_by,
                "signed_off_on": a.signed_off_on,
                "created_at": a.created_at,
            }
            for a in assessments
        ],
        "flags": [
            {"kind": f.kind, "id": f.id, "message": f.message}
            for f in flags(found, has_assessment=bool(assessments))
        ],
    }


def gaps(organisation: Organisation) -> list[dict[str, Any]]:
    return gap_rows(build(organisation))


def actions(organisation: Organisation, only: int | None = None) -> list[dict[str, Any]]:
    found = list(Action.objects.for_org(organisation))
    if only is not None:
        found = [a for a in found if a.pk == only]
    report = build(organisation)
    return [
        {
            "id": row.action.pk,
            "title": row.action.title,
            "topic": row.action.topic,
            "owner": row.action.owner,
            "due_on": row.action.due_on,
            "status": row.action.status,
            "status_name": row.action.get_status_display(),
            "detail": row.action.detail,
            "evidence_it_worked": row.action.evidence_it_worked,
            "done_on": row.action.done_on,
            "gap_key": row.action.gap_key,
            "gap_now": row.outcome,
            "version": row.action.version,
        }
        for row in action_rows(found, report)
    ]


def agreement(organisation: Organisation) -> dict[str, Any]:
    found = current_agreement(organisation)
    if found is None:
        return {
            "exists": False,
            "status": "none",
            "version": 0,
            "sections": [],
            "published_sections": [],
            "published_at": None,
        }

    def sections(items: Any) -> list[dict[str, str]]:
        return [{"id": s.id, "title": s.title, "text": s.text} for s in items]

    return {
        "exists": True,
        "status": found.status,
        "version": found.version,
        "sections": sections(found.sections()),
        "published_sections": sections(found.published_sections()) if found.is_published else [],
        "published_at": found.published_at,
    }
