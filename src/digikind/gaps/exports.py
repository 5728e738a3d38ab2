"""The gap report and action plan as CSV and JSON, for spreadsheets and other tools."""

import csv
import io
import json
from typing import Any

from django.http import HttpResponse

from digikind.gaps.progress import ActionRow
from digikind.gaps.report import GapReport
from digikind.spreadsheet import safe_cell


def gap_rows(report: GapReport) -> list[dict[str, Any]]:
    return [
        {
            "key": gap.key,
            "topic": gap.topic,
            "topic_name": gap.topic_name,
            "title": gap.title,
            "priority": gap.priority.level,
            "priority_reasons": "; ".join(gap.priority.reasons),
            "people_affected": gap.affected,
            "known_since": gap.since.isoformat() if gap.since else "",
            "why": gap.why,
            "technical_option": gap.actions.get("technical", ""),
            "social_option": gap.actions.get("social", ""),
            "evidence": [
                {"view": e.view, "text": e.text, "quote": e.quote, "where": e.where, "link": e.url}
                for e in gap.evidence
            ],
            "source": f"{gap.rule.source['seed']}: {gap.rule.source['section']}",
        }
        for gap in report.gaps
    ]


def action_rows(rows: list[ActionRow]) -> list[dict[str, Any]]:
    return [
        {
            "id": row.action.pk,
            "title": row.action.title,
            "topic": row.action.topic,
            "owner": row.action.owner,
            "due_on": row.action.due_on.isoformat() if row.action.due_on else "",
            "status": row.action.get_status_display(),
            "detail": row.action.detail,
            "evidence_it_worked": row.action.evidence_it_worked,
            "done_on": row.action.done_on.isoformat() if row.action.done_on else "",
            "gap_key": row.action.gap_key,
            "gap_now": row.outcome,
        }
        for row in rows
    ]


def download(rows: list[dict[str, Any]], name: str, file_format: str) -> HttpResponse:
    if file_format == "json":
        body = json.dumps(rows, indent=2, ensure_ascii=False)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        out = io.StringIO()
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response
