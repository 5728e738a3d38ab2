"""The board report: a short, plain summary for trustees, with an anonymised version to share
with a funder. Built from the gap report, the latest review and the action plan."""

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from digikind.gaps.detect import Evidence, Gap
from digikind.gaps.models import Action
from digikind.gaps.progress import ActionRow, action_rows, summary
from digikind.gaps.report import GapReport, build
from digikind.orgs.models import Organisation
from digikind.reviews.charts import domain_chart
from digikind.reviews.scoring import Results
from digikind.vocabulary import names

TOP_GAPS = 5


@dataclass
class BoardReport:
    organisation: Organisation
    made_on: date
    for_funder: bool
    gap_report: GapReport
    top_gaps: list[Gap]
    actions: list[ActionRow]
    action_summary: dict[str, int]
    results: Results | None
    chart: dict[str, Any] | None
    change: list[tuple[str, float]]

    @property
    def policy(self) -> Any:
        return self.gap_report.facts.policy


def _anonymise(report: GapReport, gaps: list[Gap]) -> list[Gap]:
    """For a funder: channels by platform only, no links into the organisation's pages."""
    swaps = [
        (str(c.channel), f"a {c.channel.platform_name} channel") for c in report.facts.channels
    ]

    def clean(text: str) -> str:
        for name, generic in swaps:
            text = text.replace(name, generic)
        return text

    # Two channels on one platform with the same gap read the same once names are gone:
    # a funder sees that gap once, with the evidence of both.
    merged: dict[str, Gap] = {}
    for gap in gaps:
        title = clean(gap.title)[:1].upper() + clean(gap.title)[1:]
        evidence = [Evidence(e.view, clean(e.text), "", e.quote, e.where) for e in gap.evidence]
        if title in merged:
            merged[title].evidence.extend(e for e in evidence if e not in merged[title].evidence)
        else:
            merged[title] = replace(gap, title=title, evidence=evidence)
    return list(merged.values())


def board_report(organisation: Organisation, *, for_funder: bool = False) -> BoardReport:
    report = build(organisation)
    actions = list(Action.objects.for_org(organisation))
    rows = action_rows(actions, report)
    practice = report.facts.practice
    results = practice.results if practice and practice.results.overall else None
    domain_names = names("domains")
    return BoardReport(
        organisation=organisation,
        made_on=report.facts.today,
        for_funder=for_funder,
        gap_report=report,
        top_gaps=(_anonymise(report, report.gaps) if for_funder else report.gaps)[:TOP_GAPS],
        actions=rows,
        action_summary=summary(actions),
        results=results,
        chart=domain_chart(results) if results else None,
        change=[(domain_names[d], v) for d, v in results.change.items()] if results else [],
    )
