"""How the action plan is going: each action beside the gap it answers, as found today."""

from dataclasses import dataclass
from datetime import date

from digikind.gaps.detect import Gap
from digikind.gaps.models import Action, Status
from digikind.gaps.report import GapReport
from digikind.gaps.rules import wording


@dataclass
class ActionRow:
    action: Action
    gap: Gap | None
    outcome: str
    gap_closed: bool | None  # None for actions not tied to a gap


def plan_order(actions: list[Action]) -> list[Action]:
    """Open actions first, soonest due first; done ones last."""
    return sorted(actions, key=lambda a: (a.status == Status.DONE, a.due_on or date.max, a.pk))


def action_rows(actions: list[Action], report: GapReport) -> list[ActionRow]:
    texts = wording()["action_outcomes"]
    actions = plan_order(actions)
    latest = report.facts.practice.cycle if report.facts.practice else None
    rows = []
    for action in actions:
        if not action.gap_key:
            rows.append(ActionRow(action, None, texts["own_idea"], None))
            continue
        gap = report.gap(action.gap_key)
        newer_review = latest is not None and action.cycle_at_start_id != latest.pk
        if newer_review:
            key = "open_after_review" if gap else "closed_after_review"
        else:
            key = "open" if gap else "closed"
        rows.append(ActionRow(action, gap, texts[key].format(cycle=latest), gap is None))
    return rows


def summary(actions: list[Action]) -> dict[str, int]:
    counts = {label: 0 for _value, label in Status.choices}
    for action in actions:
        counts[action.get_status_display()] += 1
    counts["Overdue"] = sum(1 for a in actions if a.is_overdue())
    return counts
