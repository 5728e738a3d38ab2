"""What the policy check finds: plain data, ready for the CLI, the web page and JSON."""

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    text: str
    where: str
    document: str


@dataclass
class TopicFinding:
    id: str
    name: str
    state: str  # covered | touched | missing
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class FailingFinding:
    id: str
    name: str
    flagged: bool
    reasons: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class SectionReading:
    section: str
    grade: float
    age: int
    words: int


@dataclass
class TermFinding:
    term: str
    instead: str
    count: int
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Readability:
    grade: float
    age: int
    readers: list[str]
    struggle: list[str]
    sections: list[SectionReading]
    longest_sentences: list[Evidence]
    vague_terms: list[TermFinding]
    jargon: list[TermFinding]


@dataclass
class ReviewDate:
    """The policy's own next-review date (a governance-review finding of its own)."""

    due: str  # ISO date
    overdue: bool
    evidence: Evidence
    message: str


@dataclass
class Report:
    documents: list[str]
    title: str
    language: str
    words: int
    sentences: int
    digital_scope: bool
    topics: list[TopicFinding]
    failings: list[FailingFinding]
    readability: Readability | None
    notes: list[str] = field(default_factory=list)
    review_date: ReviewDate | None = None

    def topic(self, topic_id: str) -> TopicFinding:
        return next(t for t in self.topics if t.id == topic_id)

    def failing(self, failing_id: str) -> FailingFinding:
        return next(f for f in self.failings if f.id == failing_id)

    def counts(self) -> dict[str, int]:
        counts = {"covered": 0, "touched": 0, "missing": 0}
        for topic in self.topics:
            counts[topic.state] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
