"""The hash chain: how an entry's hash is made, and how a chain is checked. No Django here."""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

GENESIS = "0" * 64


class CanonicalEncoder(json.JSONEncoder):
    """JSON as the hash writes it (keys sorted, no spaces). Entries' open fields are stored
    this way too, so the stored text can be hashed as it is read."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.update(sort_keys=True, separators=(",", ":"), ensure_ascii=True, indent=None)
        super().__init__(*args, **kwargs)


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


def verify(entries: Iterable[dict[str, Any]], head_seq: int, head_hash: str) -> Verification:
    """Check entries (each: seq, fields, content_hash, prev_hash, hash), in the order stored.

    Says exactly which entry was changed, which are missing and where the order is broken.
    """
    return verify_hashed(
        (
            (e["seq"], content_hash(e["fields"]), e["content_hash"], e["prev_hash"], e["hash"])
            for e in entries
        ),
        head_seq,
        head_hash,
    )


def verify_hashed(
    entries: Iterable[tuple[int, str, str, str, str]], head_seq: int, head_hash: str
) -> Verification:
    """The same check over (seq, content hashed again now, stored content_hash, prev_hash,
    hash) tuples, in the order stored; read once, so a stream of batches does."""
    result = Verification()
    problems = result.problems
    expected_prev, expected_seq = GENESIS, 1
    previous_seq = 0
    checked = 0
    sha256 = hashlib.sha256
    for seq, recomputed, stored, prev_hash, entry_hash in entries:
        checked += 1
        if seq <= previous_seq:
            problems.append(f"Entry {seq} is out of order: it comes after entry {previous_seq}.")
        elif seq > expected_seq:
            missing = (
                f"{expected_seq}" if seq == expected_seq + 1 else f"{expected_seq} to {seq - 1}"
            )
            problems.append(
                f"Entry {missing} is missing: the chain jumps from {expected_seq - 1} to {seq}."
            )
        if recomputed != stored:
            problems.append(f"Entry {seq} was changed after it was written.")
        elif prev_hash != expected_prev and seq == expected_seq:
            problems.append(
                f"Entry {seq} does not follow entry {seq - 1}: something before it was changed."
            )
        if sha256(f"{prev_hash}{stored}".encode()).hexdigest() != entry_hash:
            problems.append(f"Entry {seq}'s chain link was changed.")
        expected_prev, expected_seq = entry_hash, seq + 1
        if seq > previous_seq:
            previous_seq = seq
    result.checked = checked
    if previous_seq < head_seq:
        problems.append(
            f"Entries after {previous_seq} are missing: "
            f"the chain was written up to entry {head_seq}."
        )
    elif previous_seq == head_seq and checked and expected_prev != head_hash:
        problems.append(f"The last entry ({head_seq}) is not the one that was written.")
    return result
