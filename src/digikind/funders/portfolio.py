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
from datetime import date
from typing import Any

from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    DateTimeField,
    Exists,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from digikind.funders.models import (
    Figure,
    Grantee,
    Publication,
    PublishedSum,
    Request,
    Round,
    Sharing,
)
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


def _sum_fields() -> dict[str, Any]:
    # What each figure adds up to: how many gave it, its mean, and how many said yes.
    return {"n": Count("id"), "mean": Avg("value"), "yes": Count("id", filter=Q(value__gt=0))}


def add_up(publication: Publication) -> None:
    """Add up the publication's figures once, in the database: for the whole portfolio and
    each group of each filter, each part's count of grantees and each figure's sums."""
    figures = Figure.objects.filter(request__publications=publication)
    rows = []
    for dimension in ("", *DIMENSIONS):
        column = [f"request__grantee__{dimension}"] if dimension else []
        parts = figures.values(*column, "part").annotate(n=Count("request", distinct=True))
        sums = figures.values(*column, "part", "name").annotate(**_sum_fields())
        for row in [*parts, *sums]:
            rows.append(
                PublishedSum(
                    publication=publication,
                    dimension=dimension,
                    group=row[column[0]] if column else "",
                    part=row["part"],
                    name=row.get("name", ""),
                    grantees=row["n"],
                    mean=row.get("mean"),
                    yes=row.get("yes", 0),
                )
            )
    PublishedSum.objects.bulk_create(rows, batch_size=2000)


def _group_counts(publication: Publication, dimension: str) -> dict[str, dict[str, int]]:
    """For each part, how many members share it in each of the dimension's groups (one
    group, "", when there is no dimension): the chosen group's size and its neighbours',
    for complementary suppression."""
    counts: dict[str, dict[str, int]] = {}
    rows = publication.sums.filter(dimension=dimension, name="").values_list(
        "part", "group", "grantees"
    )
    for part, group, n in rows:
        counts.setdefault(part, {})[group] = n
    return counts


def _published_sums(publication: Publication, chosen: Filter) -> dict[str, dict[str, Any]]:
    rows = publication.sums.filter(dimension=chosen.dimension, group=chosen.value).exclude(name="")
    return {
        r.name: {"name": r.name, "part": r.part, "n": r.grantees, "mean": r.mean, "yes": r.yes}
        for r in rows
    }


def _group_shown(counts: dict[str, dict[str, int]], chosen: Filter) -> dict[str, bool]:
    """For each part, whether the chosen filter's group may be shown (complementary
    suppression across the filter's groups)."""
    if not chosen.dimension:
        return {part: shown_parts({"all": by[""]})[1] for part, by in counts.items()}
    return {part: chosen.value in shown_parts(by)[0] for part, by in counts.items()}


def _others(publication: Publication, request: Request) -> QuerySet[Figure]:
    """The figures of everyone in the publication who still shares, but this request."""
    members = _members(publication, request.funder).exclude(pk=request.pk)
    return Figure.objects.filter(request__in=members)


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


def figures(round_: Round, chosen: Filter | None = None, *, with_change: bool = True) -> Figures:
    chosen = chosen or Filter()
    funder = round_.organisation
    publication, held_back, waiting = current_publication(round_)
    result = Figures(publication, held_back, waiting, chosen, None)
    if publication is None:
        return result
    # Figures as added up when the publication was made: while it is shown, every member
    # still shares (see current_publication), so they are what adding up now would give.
    counts = _group_counts(publication, chosen.dimension)
    allowed = _group_shown(counts, chosen)
    part_counts = {part: by.get(chosen.value, 0) for part, by in counts.items()}
    rows = _published_sums(publication, chosen)
    result.patterns = _patterns(rows, part_counts, allowed)
    group = max(part_counts.values(), default=0)
    result.grantees = group if any(allowed.values()) and group >= MIN_GROUP else None
    previous = Round.objects.for_org(funder).filter(created_at__lt=round_.created_at).first()
    if with_change and previous is not None:
        # The round before only, not its own change since the one before that.
        before = {p.name: p for p in figures(previous, chosen, with_change=False).patterns}
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
    everyone = figures(request.round).patterns
    other_figures = _others(publication, request)
    others: dict[str, dict[str, Any]] = {
        r["name"]: dict(r) for r in other_figures.values("name", "part").annotate(**_sum_fields())
    }
    other_parts = {
        r["part"]: r["n"]
        for r in other_figures.values("part").annotate(n=Count("request", distinct=True))
    }
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


def grantee_statuses(round_: Round | None, funder: Organisation, today: date | None = None) -> Any:
    """Every grantee with its `status` in the round (a key of STATUSES), worked out in the
    database, so the portfolio can filter, count and page grantees without loading them all."""
    today = today or timezone.localdate()
    grantees: Any = Grantee.objects.for_org(funder).select_related("grantee")
    sharing = Sharing.objects.filter(funder=funder, organisation=OuterRef("grantee"))
    grantees = grantees.annotate(
        sharing_now=Exists(sharing.filter(withdrawn_at=None)),
        ever_shared=Exists(sharing),
    )
    withdrawn = When(ever_shared=True, sharing_now=False, then=Value("withdrawn"))
    if round_ is None:
        return grantees.annotate(
            request_id=Value(None, output_field=IntegerField()),
            answered_at=Value(None, output_field=DateTimeField()),
            status=Case(withdrawn, default=Value("not_asked")),
        )
    waiting = "overdue" if today > round_.due_on else "asked"
    # A join, not a subquery a column: a grantee has at most one request a round.
    asked = FilteredRelation("requests", condition=Q(requests__round=round_))
    return grantees.annotate(
        asked=asked,
        request_id=F("asked__pk"),
        answered_at=F("asked__answered_at"),
        reminded_at=F("asked__reminded_at"),
    ).annotate(
        status=Case(
            withdrawn,
            When(request_id=None, then=Value("not_asked")),
            When(answered_at__isnull=False, sharing_now=True, then=Value("answered")),
            When(answered_at__isnull=False, then=Value("not_shared")),
            default=Value(waiting),
            output_field=CharField(),
        )
    )


def status_counts(round_: Round | None, funder: Organisation) -> dict[str, int]:
    """How many grantees are in each status: one grouped query over the same annotation."""
    counts = dict.fromkeys(STATUSES, 0)
    rows = grantee_statuses(round_, funder).order_by().values("status").annotate(n=Count("pk"))
    counts.update({row["status"]: row["n"] for row in rows})
    return counts
