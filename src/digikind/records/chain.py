"""The hash chain: how an entry's hash is made, and how a chain is checked. No Django here."""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

GENESIS = "0" * 64


def content_hash(fields: dict[str, Any]) -> str:
    """The hash of everything stored in an entry (the encrypted text included, never keys)."""
    return hashlib.sha256(
        json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()
    ).hexdigest()


def link(prev_hash: str, content: str) -> str:
    return hashlib.sha256(f"{prev_hash}{content}".encode()).hexdigest()


@dataclass
class Verification:
    checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(entries: list[dict[str, Any]], head_seq: int, head_hash: str) -> Verification:
    """Check entries (each: seq, fields, content_hash, prev_hash, hash), in the order stored.

    Says exactly which entry was changed, which are missing and where the order is broken.
    """
    result = Verification()
    expected_prev, expected_seq = GENESIS, 1
    previous_seq = 0
    for entry in entries:
        seq = entry["seq"]
        result.checked += 1
        if seq <= previous_seq:
            result.problems.append(
                f"Entry {seq} is out of order: it comes after entry {previous_seq}."
            )
        elif seq > expected_seq:
            missing = (
                f"{expected_seq}" if seq == expected_seq + 1 else f"{expected_seq} to {seq - 1}"
            )
            result.problems.append(
                f"Entry {missing} is missing: the chain jumps from {expected_seq - 1} to {seq}."
            )
        if content_hash(entry["fields"]) != entry["content_hash"]:
            result.problems.append(f"Entry {seq} was changed after it was written.")
        elif entry["prev_hash"] != expected_prev and seq == expected_seq:
            result.problems.append(
                f"Entry {seq} does not follow entry {seq - 1}: something before it was changed."
            )
        if link(entry["prev_hash"], entry["content_hash"]) != entry["hash"]:
            result.problems.append(f"Entry {seq}'s chain link was changed.")
        expected_prev, expected_seq, previous_seq = entry["hash"], seq + 1, max(seq, previous_seq)
    if previous_seq < head_seq:
        result.problems.append(
            f"Entries after {previous_seq} are missing: "
            f"the chain was written up to entry {head_seq}."
        )
    elif previous_seq == head_seq and entries and expected_prev != head_hash:
        result.problems.append(f"The last entry ({head_seq}) is not the one that was written.")
    return result
