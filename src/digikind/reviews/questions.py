"""Which questions each role is asked in a cycle, in what words, on what scale."""

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from digikind.frameworks.files import FREE_TEXT
from digikind.frameworks.models import Question
from digikind.reviews.models import ReviewCycle

YOUNG_ROLES = ("young_person", "parent_carer")
PRACTICE_ROLES = ("staff", "volunteer")


@dataclass(frozen=True)
class AskedQuestion:
    question: Question
    role: str
    number: int
    wording: dict[str, str]
    hint: dict[str, str]
    scale_id: str
    scale: dict[str, Any] | None
    polarity: str

    @property
    def is_free_text(self) -> bool:
        return self.scale_id == FREE_TEXT

    def options(self) -> list[tuple[str, dict[str, str]]]:
        """(value, label) pairs for the radio buttons, lowest level first."""
        if not self.scale:
            return []
        if self.scale["kind"] == "maturity":
            return [(level["id"], level["name"]) for level in self.scale["levels"]]
        return [(option["id"], option["label"]) for option in self.scale["options"]]


def asked(question: Question, role: str, number: int) -> AskedQuestion:
    """How a person in this role is asked the question: its words, its hint and its scale.
    Young people and parents get their own words and hint, never those written for staff."""
    hint = question.hint
    if role in YOUNG_ROLES:
        hint = question.young_person_hint or {}
    if role in YOUNG_ROLES and question.young_person.get("en"):
        scale_id, polarity = question.young_person_answer, question.young_person_polarity
        wording = question.young_person
    elif role in PRACTICE_ROLES and question.practice.get("en"):
        scale_id, polarity = question.practice_answer, question.practice_polarity
        wording = question.practice
    else:
        scale_id, polarity, wording = question.answer, "positive", question.leader
    scale = question.framework_version.scale(scale_id)
    return AskedQuestion(
        question, role, number, dict(wording), dict(hint), scale_id, scale, polarity
    )


def questions_for(cycle: ReviewCycle, role: str) -> list[AskedQuestion]:
    # Framework versions never change once loaded, so their questions can be kept in memory;
    # the content hash in the key guards against a reused id holding other content.
    return list(_questions_for(cycle_versions(cycle), role))


# A cycle's question sets are chosen when it starts and never change, so each process reads
# them once per cycle, not on every answer. The start time is in the key because a test
# database can give a new cycle the id of one rolled back.
_cycle_versions: dict[tuple[int, object], tuple[tuple[int, str], ...]] = {}


def cycle_versions(cycle: ReviewCycle) -> tuple[tuple[int, str], ...]:
    """The cycle's framework versions as (id, content hash), in id order."""
    key = (cycle.pk, cycle.created_at)
    if key not in _cycle_versions:
        if len(_cycle_versions) > 1000:
            _cycle_versions.clear()
        _cycle_versions[key] = tuple(
            cycle.framework_versions.order_by("pk").values_list("pk", "content_hash")
        )
    return _cycle_versions[key]


@lru_cache(maxsize=256)
def _questions_for(versions: tuple[tuple[int, str], ...], role: str) -> tuple[AskedQuestion, ...]:
    questions = (
        Question.objects.filter(framework_version__in=[pk for pk, _hash in versions])
        .select_related("framework_version", "section")
        .order_by("framework_version__framework__slug", "position")
    )
    chosen = [q for q in questions if role in q.roles]
    return tuple(asked(q, role, number) for number, q in enumerate(chosen, start=1))
