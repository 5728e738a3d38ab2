"""The portfolio as CSV and JSON, one row per grantee, and a grantee's shared summaries.

Only figures a grantee shares today leave Digikind. For each part of the summary and each
question the row says whether it was asked, answered, or answered but not shared (the way
360Giving's diversity data marks what was collected but not published).
"""

import csv
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from digikind.funders.models import Answer, Figure, Grantee, Request, Round
from digikind.funders.portfolio import STATUSES, active_sharers, grantee_statuses
from digikind.funders.question_sets import question_sets
from digikind.funders.summary import PARTS, figure_label
from digikind.orgs.models import Organisation

ASKED, ANSWERED, NOT_SHARED, NOT_ASKED = "asked", "answered", "answered-not-shared", "not-asked"


@dataclass
class SharedSummary:
    request: Request
    figures: list[tuple[str, str, float]]  # part, label, value


def shared_summaries(funder: Organisation, grantee: Grantee) -> list[SharedSummary]:
    """What this grantee shares with the funder today: nothing once consent is withdrawn."""
    requests = Request.objects.filter(
        funder=funder,
        grantee=grantee,
        answered_at__isnull=False,
        organisation__in=active_sharers(funder).values("organisation"),
    ).select_related("round")
    return [
        SharedSummary(
            r, [(f.part, figure_label(f.name), f.value) for f in r.figures.order_by("part", "name")]
        )
        for r in requests
    ]


def _rows(funder: Organisation, round_: Round | None) -> tuple[list[str], list[dict[str, Any]]]:
    question_set = question_sets().get(round_.question_set) if round_ else None
    grantees = list(grantee_statuses(round_, funder).order_by("grantee__name"))
    sharing = set(active_sharers(funder).values_list("organisation", flat=True))
    requests: dict[int, Request] = {}
    figures: dict[int, dict[str, float]] = defaultdict(dict)
    answered: dict[int, set[str]] = defaultdict(set)
    if round_ is not None:
        requests = {r.grantee_id: r for r in round_.requests.all()}
        shared_ids = [
            r.pk for r in requests.values() if r.organisation_id in sharing and r.answered_at
        ]
        for request_id, name, value in Figure.objects.filter(request__in=shared_ids).values_list(
            "request", "name", "value"
        ):
            figures[request_id][name] = value
        for request_id, question in Answer.objects.filter(request__round=round_).values_list(
            "request", "question"
        ):
            answered[request_id].add(question)
    names = sorted({n for f in figures.values() for n in f})
    questions = [q.id for q in question_set.questions] if question_set else []
    header = [
        "org_id",
        "name",
        "region",
        "size",
        "programme",
        "kind",
        "status",
        "answered_at",
        *(f"{p}_status" for p in PARTS),
        *(f"question_{q}" for q in questions),
        *names,
    ]
    rows = []
    for grantee in grantees:
        request = requests.get(grantee.pk)
        shares = request is not None and request.organisation_id in sharing
        row: dict[str, Any] = {
            "org_id": grantee.identifier,
            "name": grantee.grantee.name,
            "region": grantee.region,
            "size": grantee.size,
            "programme": grantee.programme,
            "kind": grantee.kind,
            "status": STATUSES[grantee.status],
            "answered_at": request.answered_at.isoformat()
            if request and request.answered_at
            else "",
        }
        for part in PARTS:
            row[f"{part}_status"] = _state(
                request, shares, part in (request.parts_shared if request else [])
            )
        for q in questions:
            given = request is not None and q in answered[request.pk]
            row[f"question_{q}"] = (
                NOT_ASKED
                if request is None
                else ASKED
                if not given
                else ANSWERED
                if shares and "scores" in request.parts_shared
                else NOT_SHARED
            )
        own = figures.get(request.pk, {}) if request and shares else {}
        for name in names:
            row[name] = own.get(name, "")
        rows.append(row)
    return header, rows


def _state(request: Request | None, shares: bool, part_shared: bool) -> str:
    if request is None:
        return NOT_ASKED
    if request.answered_at is None:
        return ASKED
    return ANSWERED if shares and part_shared else NOT_SHARED


def write_csv(out: Any, funder: Organisation, round_: Round | None) -> None:
    header, rows = _rows(funder, round_)
    writer = csv.DictWriter(out, fieldnames=header)
    writer.writerow({h: h for h in header})
    writer.writerows(rows)


def write_json(out: Any, funder: Organisation, round_: Round | None) -> None:
    header, rows = _rows(funder, round_)
    labels = {h: figure_label(h) for h in header if ":" in h}
    # One write: json.dump would send thousands of small pieces to the response one by one.
    text = json.dumps(
        {
            "funder": funder.name,
            "round": round_.name if round_ else None,
            "due_on": round_.due_on.isoformat() if round_ else None,
            "org_id_scheme": "360Giving organisation identifier (org-id.guide)",
            "figure_labels": labels,
            "grantees": rows,
        },
        indent=1,
    )
    out.write(text)
