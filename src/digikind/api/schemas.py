"""The shapes of the API's answers, as its OpenAPI schema shows them."""

from datetime import date, datetime
from typing import Any, Literal

from ninja import Schema


class Error(Schema):
    detail: str


class OrganisationOut(Schema):
    name: str
    slug: str
    token: str
    scope: Literal["read", "write"]


class ReviewOut(Schema):
    id: int
    name: str
    created_at: datetime
    closes_on: date
    closed_at: datetime | None
    is_open: bool
    roles: list[str]
    submitted: int


class GroupOut(Schema):
    group: str
    respondents: int
    domains: dict[str, float | None]
    topics: dict[str, float | None]


class HiddenGroup(Schema):
    group: str
    respondents: int


class DifferenceOut(Schema):
    topic: str
    name: str
    scores: dict[str, float]
    spread: float


class CommentOut(Schema):
    who: str
    question: str
    text: str


class ReviewResultsOut(Schema):
    review: ReviewOut
    min_group: int
    submitted: int
    groups: list[GroupOut]
    overall: GroupOut | None
    hidden: list[HiddenGroup]
    protected: list[str]
    differences: list[DifferenceOut]
    comments: dict[str, list[CommentOut]]
    comments_hidden: bool
    flagged: int


class PolicyFileOut(Schema):
    name: str
    size: int
    sha256: str


class PolicyCheckSummary(Schema):
    id: int
    status: Literal["queued", "running", "done", "failed"]
    progress: int
    title: str
    created_at: datetime
    finished_at: datetime | None
    covered: int | None
    is_current: bool
    error: str
    files: list[PolicyFileOut]


class PolicyCheckOut(PolicyCheckSummary):
    report: dict[str, Any] | None
    next_steps: list[dict[str, Any]]


class AssessmentOut(Schema):
    id: int
    content_likelihood: int
    content_impact: int
    contact_likelihood: int
    contact_impact: int
    conduct_likelihood: int
    conduct_impact: int
    mitigations: list[str]
    other_mitigations: str
    residual_risk: int
    signed_off_by: str
    signed_off_on: date
    created_at: datetime


class FlagOut(Schema):
    kind: str
    id: str
    message: str


class ChannelOut(Schema):
    id: int
    platform: str
    platform_name: str
    account_name: str
    purpose: str
    rationale: str
    owner: str
    others_with_access: str
    official: bool
    youngest_age: int | None
    oldest_age: int | None
    one_to_one: bool
    receives_messages: bool
    keeps_records: str
    followers_visible: str
    managers_trained: str
    devices: str
    review_date: date | None
    version: int
    assessments: list[AssessmentOut]
    flags: list[FlagOut]


class EvidenceOut(Schema):
    view: str
    text: str
    quote: str
    where: str
    link: str


class GapOut(Schema):
    key: str
    topic: str
    topic_name: str
    title: str
    priority: str
    priority_reasons: str
    people_affected: int
    known_since: str
    why: str
    technical_option: str
    social_option: str
    evidence: list[EvidenceOut]
    source: str


class ActionOut(Schema):
    id: int
    title: str
    topic: str
    owner: str
    due_on: date | None
    status: Literal["to_do", "doing", "done"]
    status_name: str
    detail: str
    evidence_it_worked: str
    done_on: date | None
    gap_key: str
    gap_now: str
    version: int


class ActionStatusIn(Schema):
    status: Literal["to_do", "doing", "done"]
    version: int | None = None
    evidence_it_worked: str | None = None


class AgreementSection(Schema):
    id: str
    title: str
    text: str


class AgreementOut(Schema):
    exists: bool
    status: Literal["none", "draft", "published"]
    version: int
    sections: list[AgreementSection]
    published_sections: list[AgreementSection]
    published_at: datetime | None
