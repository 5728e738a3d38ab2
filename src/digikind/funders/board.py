"""The board-ready PDFs of the funders' pages: the funder's portfolio summary, and what a
grantee shared with whom. Both are made like the board report (reports/pdf.py) and show
only what the pages show: the portfolio's figures under the five-organisation rule, never
one grantee's figures; the grantee's own summary, as it was shared."""

from dataclasses import dataclass, field
from datetime import datetime

from django.template.loader import render_to_string
from django.utils import timezone

from digikind.funders.models import Request, Round, Sharing
from digikind.funders.portfolio import (
    STATUSES,
    YES_NO,
    Figures,
    Filter,
    Pattern,
    benchmark,
    figures,
    status_counts,
)
from digikind.funders.question_sets import question_sets
from digikind.funders.summary import PARTS, figure_label
from digikind.orgs.models import Organisation
from digikind.reports.pdf import html_to_pdf


@dataclass
class PortfolioBoard:
    funder: Organisation
    made_on: datetime
    round: Round | None
    question_set: str
    counts: list[tuple[str, int]]  # status label, how many grantees
    total: int
    figures: Figures | None


def portfolio_board(funder: Organisation, round_: Round | None, chosen: Filter) -> PortfolioBoard:
    counts = status_counts(round_, funder)
    chosen_set = question_sets().get(round_.question_set) if round_ else None
    return PortfolioBoard(
        funder=funder,
        made_on=timezone.localtime(),
        round=round_,
        question_set=chosen_set.name if chosen_set else "",
        counts=[(label, counts[key]) for key, label in STATUSES.items()],
        total=sum(counts.values()),
        figures=figures(round_, chosen) if round_ else None,
    )


def portfolio_pdf(board: PortfolioBoard) -> bytes:
    return html_to_pdf(
        render_to_string(
            "funders/portfolio_print.html",
            {"organisation": board.funder, "board": board, "figures": board.figures},
        )
    )


@dataclass
class SharedRequest:
    request: Request
    parts: list[str]  # the parts' descriptions, as the lead saw them when sharing
    figures: list[tuple[str, str]]  # label, value in words
    benchmark: list[tuple[Pattern, float | None]] = field(default_factory=list)


@dataclass
class FunderSharing:
    funder: Organisation
    decisions: list[Sharing]  # every time consent was given, and withdrawn if it was
    sharing_now: bool
    requests: list[SharedRequest]


@dataclass
class SharingBoard:
    organisation: Organisation
    made_on: datetime
    funders: list[FunderSharing]


def _value(name: str, value: float) -> str:
    if name.startswith(YES_NO):
        return "Yes" if value else "No"
    return f"{value:g}"


def sharing_board(organisation: Organisation) -> SharingBoard:
    requests = list(
        Request.objects.for_org(organisation)
        .select_related("round", "funder")
        .prefetch_related("figures")
        .order_by("funder__name", "-asked_at")
    )
    decisions = list(Sharing.objects.for_org(organisation).select_related("funder"))
    funders = {r.funder_id: r.funder for r in requests}
    funders.update({s.funder_id: s.funder for s in decisions})
    result = []
    for funder in sorted(funders.values(), key=lambda f: f.name):
        mine = [s for s in decisions if s.funder_id == funder.pk]
        sharing_now = any(s.withdrawn_at is None for s in mine)
        shared = []
        for request in (r for r in requests if r.funder_id == funder.pk and r.answered_at):
            shared.append(
                SharedRequest(
                    request,
                    [PARTS[p] for p in PARTS if p in request.parts_shared],
                    [
                        (figure_label(f.name), _value(f.name, f.value))
                        for f in sorted(request.figures.all(), key=lambda f: (f.part, f.name))
                    ],
                    benchmark(request) if sharing_now else [],
                )
            )
        result.append(FunderSharing(funder, mine, sharing_now, shared))
    return SharingBoard(organisation, timezone.localtime(), result)


def sharing_pdf(board: SharingBoard) -> bytes:
    return html_to_pdf(
        render_to_string(
            "funders/sharing_print.html", {"organisation": board.organisation, "board": board}
        )
    )
