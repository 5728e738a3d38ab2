"""The funder's portfolio: each grantee's status, and figures added up in the database from the
summaries grantees share, shown under the five-organisation rule.

The rule is the reviews' one (reviews/privacy.py, `shown_parts`), with organisations in place
of people:
- a figure is shown only when it rests on five or more grantees;
- one filter at a time (region, size, programme or kind), and the filter's groups go through
  complementary suppression, so that the whole portfolio minus the groups shown never gives
  away a small group;
- a share ("7 of 20 have no policy on devices") is shown only when those with and those without
  are each none or five or more;
- figures come from a publication (models.Publication): a set of grantees that changes only by
  five or more at a time, so that figures from one day and the next cannot be subtracted;
- a grantee whose consent is withdrawn is in no later figure or list.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Avg, Count, Exists, OuterRef, Q, QuerySet, Subquery

from digikind.funders.models import Figure, Grantee, Publication, Request, Round, Sharing
from digikind.funders.services import live_members
from digikind.funders.summary import figure_label
from digikind.orgs.models import Organisation
from digikind.reviews.privacy import MIN_GROUP, shown_parts

DIMENSIONS = ("region", "size", "programme", "kind")
DIMENSION_NAMES = {"region": "Region", "size": "Size", "programme": "Programme", "kind": "Kind"}
STATUSES = {
    "not_asked": "Not asked",
    "asked": "Asked",
    "overdue": "Overdue",
    "answered": "Answered",
    "not_shared": "Answered, not shared",
    "withdrawn": "Consent withdrawn",
}
# Figures that are a yes or no for each grantee: shown as a share of grantees.
YES_NO = ("missing:", "failing:", "gap:")


@dataclass(frozen=True)
class Filter:
    dimension: str = ""
    value: str = ""

    @property
    def label(self) -> str:
        if not self.dimension:
            return "All grantees"
        return f"{DIMENSION_NAMES[self.dimension]}: {self.value or 'not given'}"

    @classmethod
    def parse(cls, text: str) -> "Filter":
        dimension, _, value = (text or "").partition(":")
        return cls(dimension, value) if dimension in DIMENSIONS else cls()

    @property
    def key(self) -> str:
        return f"{self.dimension}:{self.value}" if self.dimension else ""


@dataclass
class Pattern:
    name: str
    label: str
    value: float | None  # None: hidden by the five-organisation rule
    grantees: int  # how many grantees it rests on (shown only with the value)
    yes_no: bool
    part: str = ""
    change: float | None = None


@dataclass
class Figures:
    publication: Publication | None
    held_back: bool  # a withdrawal since the last publication: nothing shown until it is safe
    waiting: int  # answers not yet in the figures
    filter: Filter
    grantees: int | None  # None when the group is hidden
    patterns: list[Pattern] = field(default_factory=list)

    def by_kind(self, prefix: str) -> list[Pattern]:
        return [p for p in self.patterns if p.name.startswith(prefix)]

    @property
    def scores(self) -> list[Pattern]:
        return self.by_kind("score:")

    @property
    def common_gaps(self) -> list[Pattern]:
        shown = [p for p in self.by_kind("gap:") if p.value]
        return sorted(shown, key=lambda p: -(p.value or 0))[:5]

    @property
    def missing_topics(self) -> list[Pattern]:
        shown = [p for p in self.by_kind("missing:") if p.value]
        return sorted(shown, key=lambda p: -(p.value or 0))[:5]

    @property
    def out_of_date(self) -> Pattern | None:
        return next(iter(self.by_kind("failing:out-of-date")), None)

    @property
    def others(self) -> list[Pattern]:
        return [p for p in self.patterns if not p.name.startswith(("score:", *YES_NO))]


def active_sharers(funder: Organisation) -> QuerySet[Sharing]:
    return Sharing.objects.filter(funder=funder, withdrawn_at=None)


def current_publication(round_: Round) -> tuple[Publication | None, bool, int]:
    """The publication to show, whether figures are held back, and answers not yet in them."""
    live = live_members(round_)
    publication = round_.publications.first()
    if publication is None:
        return None, False, len(live)
    members = set(publication.members.values_list("pk", flat=True))
    if not members <= live:
        return None, True, 0
    return publication, False, len(live - members)


def _members(publication: Publication, funder: Organisation) -> QuerySet[Request]:
    return Request.objects.filter(
        publications=publication, organisation__in=active_sharers(funder).values("organisation")
    )


def _group_shown(publication: Publication, funder: Organisation, chosen: Filter) -> dict[str, bool]:
    """For each part, whether the chosen filter's group may be shown (complementary
    suppression across the filter's groups)."""
    figures = Figure.objects.filter(request__in=_members(publication, funder))
    if not chosen.dimension:
        rows = figures.values("part").annotate(n=Count("request", distinct=True))
        return {r["part"]: shown_parts({"all": r["n"]})[1] for r in rows}
    column = f"request__grantee__{chosen.dimension}"
    counts: dict[str, dict[str, int]] = {}
    for row in figures.values("part", column).annotate(n=Count("request", distinct=True)):
        counts.setdefault(row["part"], {})[row[column]] = row["n"]
    return {part: chosen.value in shown_parts(by_value)[0] for part, by_value in counts.items()}


def _aggregate(
    publication: Publication, funder: Organisation, chosen: Filter, exclude: int | None = None
) -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    members = _members(publication, funder)
    if chosen.dimension:
        members = members.filter(**{f"grantee__{chosen.dimension}": chosen.value})
    if exclude is not None:
        members = members.exclude(pk=exclude)
    figures = Figure.objects.filter(request__in=members)
    part_counts = {
        r["part"]: r["n"]
        for r in figures.values("part").annotate(n=Count("request", distinct=True))
    }
    rows = figures.values("name", "part").annotate(
        n=Count("id"), mean=Avg("value"), yes=Count("id", filter=Q(value__gt=0))
    )
    return {r["name"]: dict(r) for r in rows}, part_counts


def _patterns(
    rows: dict[str, dict[str, Any]], part_counts: dict[str, int], allowed: dict[str, bool]
) -> list[Pattern]:
    patterns = []
    for name, row in sorted(rows.items()):
        part, n = str(row["part"]), part_counts.get(str(row["part"]), 0)
        yes_no = name.startswith(YES_NO)
        value: float | None
        if yes_no:
            yes = int(row["yes"])
            counts = {"yes": yes, "no": n - yes}
            shown, total = shown_parts(counts)
            ok = total and {k for k, c in counts.items() if c} <= shown
            value = round(100 * yes / n) if n else None
        else:
            ok = shown_parts({"all": n})[1]
            value = round(float(row["mean"]), 1)
        if not allowed.get(part, False):
            ok = False
        patterns.append(Pattern(name, figure_label(name), value if ok else None, n, yes_no, part))
    return patterns


def figures(round_: Round, chosen: Filter | None = None) -> Figures:
    chosen = chosen or Filter()
    funder = round_.organisation
    publication, held_back, waiting = current_publication(round_)
    result = Figures(publication, held_back, waiting, chosen, None)
    if publication is None:
        return result
    allowed = _group_shown(publication, funder, chosen)
    rows, part_counts = _aggregate(publication, funder, chosen)
    result.patterns = _patterns(rows, part_counts, allowed)
    group = max(part_counts.values(), default=0)
    result.grantees = group if any(allowed.values()) and group >= MIN_GROUP else None
    previous = Round.objects.for_org(funder).filter(created_at__lt=round_.created_at).first()
    if previous is not None:
        before = {p.name: p for p in figures(previous, chosen).patterns}
        for pattern in result.patterns:
            earlier = before.get(pattern.name)
            if pattern.value is not None and earlier is not None and earlier.value is not None:
                pattern.change = round(pattern.value - earlier.value, 1)
    return result


def benchmark(request: Request) -> list[tuple[Pattern, float | None]]:
    """The grantee's own figures beside the portfolio's, where the portfolio's figure would
    still rest on five or more other grantees once the grantee's own part is taken away."""
    publication, _held, _waiting = current_publication(request.round)
    if publication is None:
        return []
    funder = request.funder
    everyone = figures(request.round).patterns
    others, other_parts = _aggregate(publication, funder, Filter(), exclude=request.pk)
    own = {f.name: f.value for f in request.figures.all()}
    rows = []
    for pattern in everyone:
        other = others.get(pattern.name)
        if pattern.value is None or other is None:
            continue
        n = other_parts.get(pattern.part, 0)
        if not shown_parts({"others": n})[1]:
            continue
        if pattern.yes_no:
            yes = int(other["yes"])
            counts = {"yes": yes, "no": n - yes}
            shown, _total = shown_parts(counts)
            if not {k for k, c in counts.items() if c} <= shown:
                continue
        mine = own.get(pattern.name)
        if pattern.yes_no and mine is not None:
            mine = 100.0 * mine
        rows.append((pattern, mine))
    return rows


def filter_choices(funder: Organisation) -> list[Filter]:
    choices = [Filter()]
    for dimension in DIMENSIONS:
        values = (
            Grantee.objects.for_org(funder)
            .exclude(**{dimension: ""})
            .order_by(dimension)
            .values_list(dimension, flat=True)
            .distinct()
        )
        choices += [Filter(dimension, v) for v in values]
    return choices


def grantee_statuses(round_: Round | None, funder: Organisation) -> Any:
    """Every grantee with its status in the round, worked out in the database."""
    grantees: Any = Grantee.objects.for_org(funder).select_related("grantee")
    sharing = Sharing.objects.filter(funder=funder, organisation=OuterRef("grantee"))
    grantees = grantees.annotate(
        sharing_now=Exists(sharing.filter(withdrawn_at=None)),
        ever_shared=Exists(sharing),
    )
    if round_ is None:
        return grantees.annotate(request_id=Subquery(Request.objects.none().values("pk")))
    request = Request.objects.filter(round=round_, grantee=OuterRef("pk"))
    return grantees.annotate(
        request_id=Subquery(request.values("pk")[:1]),
        answered_at=Subquery(request.values("answered_at")[:1]),
        reminded_at=Subquery(request.values("reminded_at")[:1]),
    )


def status_of(grantee: Grantee, round_: Round | None, today: object = None) -> str:
    from django.utils import timezone

    today = today or timezone.localdate()
    if grantee.ever_shared and not grantee.sharing_now:  # type: ignore[attr-defined]
        return "withdrawn"
    if round_ is None or grantee.request_id is None:  # type: ignore[attr-defined]
        return "not_asked"
    if grantee.answered_at is not None:  # type: ignore[attr-defined]
        return "answered" if grantee.sharing_now else "not_shared"  # type: ignore[attr-defined]
    return "overdue" if today > round_.due_on else "asked"  # type: ignore[operator]


def status_counts(round_: Round | None, funder: Organisation) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    total = Grantee.objects.for_org(funder).count()
    sharing = Sharing.objects.filter(funder=funder)
    withdrawn = (
        Grantee.objects.for_org(funder)
        .filter(grantee__in=sharing.values("organisation"))
        .exclude(grantee__in=sharing.filter(withdrawn_at=None).values("organisation"))
    )
    counts["withdrawn"] = withdrawn.count()
    if round_ is None:
        counts["not_asked"] = total - counts["withdrawn"]
        return counts
    from django.utils import timezone

    requests = Request.objects.filter(round=round_).exclude(grantee__in=withdrawn.values("pk"))
    active = sharing.filter(withdrawn_at=None).values("organisation")
    row = requests.aggregate(
        asked=Count("pk"),
        answered=Count("pk", filter=Q(answered_at__isnull=False, organisation__in=active)),
        not_shared=Count("pk", filter=Q(answered_at__isnull=False) & ~Q(organisation__in=active)),
        overdue=Count("pk", filter=Q(answered_at=None, round__due_on__lt=timezone.localdate())),
    )
    counts["answered"], counts["not_shared"], counts["overdue"] = (
        row["answered"],
        row["not_shared"],
        row["overdue"],
    )
    counts["asked"] = row["asked"] - row["answered"] - row["not_shared"] - row["overdue"]
    counts["not_asked"] = total - counts["withdrawn"] - row["asked"]
    return counts
