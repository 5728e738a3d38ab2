"""The shapes the policy-check engine works with: a document of blocks, and its sentences."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """A paragraph, list item or table cell, with the heading it sits under and its page."""

    text: str
    section: str = ""
    page: int | None = None
    is_heading: bool = False


@dataclass
class Document:
    name: str
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what extraction could not do, in plain words

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


@dataclass(frozen=True)
class Sentence:
    text: str
    section: str
    page: int | None
    document: str
    index: int

    def where(self) -> str:
        parts = []
        if self.page:
            parts.append(f"page {self.page}")
        if self.section:
            parts.append(f"“{self.section}”")
        return ", ".join(parts)
