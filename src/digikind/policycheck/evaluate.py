"""Compare the policy check with labelled policies, and two labellers with each other.

Two layouts are read: a folder of NAME.txt + NAME.json pairs (tests/policy_corpus/dev), and
the real-policy set (tests/policy_real: manifest/*.jsonl, texts/, labels/<pass>/), whose
labels give evidence as character offsets into the text rather than quotes.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digikind.policycheck.engine import check
from digikind.policycheck.extract import extract
from digikind.policycheck.report import Report
from digikind.vocabulary import ids

# Label files spell failings with underscores, the vocabulary with hyphens.
FLAG_KEYS = {
    "absent": "absent",
    "narrow": "narrow",
    "out_of_date": "out-of-date",
    "overly_restrictive": "overly-restrictive",
}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        if predicted and actual:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        if self.tp == 0:
            return 0.0 if (self.fp or self.fn) else 1.0
        return 2 * p * r / (p + r)

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 1.0


@dataclass
class Disagreement:
    file: str
    item: str
    predicted: str
    labelled: str
    engine_says: list[str]
    label_says: str


@dataclass
class Evaluation:
    files: int = 0
    topics: dict[str, Counts] = field(default_factory=dict)
    flags: dict[str, Counts] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        total = Counts()
        for c in self.topics.values():
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
            total.tn += c.tn
        return total


def _empty() -> Evaluation:
    return Evaluation(
        topics={t: Counts() for t in ids("topics")}, flags={k: Counts() for k in FLAG_KEYS}
    )


def _pairs(folder: Path, labels: Path | None, split: str | None) -> list[tuple[Path, Path]]:
    """(text, label) paths for a folder of pairs or for the real-policy set's split."""
    manifest = folder / "manifest"
    if not manifest.is_dir():
        return [(t, (labels or folder) / f"{t.stem}.json") for t in sorted(folder.glob("*.txt"))]
    label_folder = labels or folder / "labels" / "final"
    pairs = []
    for path in sorted(manifest.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line) if line.strip() else None
            if entry and (split is None or entry["split"] == split):
                name = entry["id"]
                pairs.append((folder / "texts" / f"{name}.txt", label_folder / f"{name}.json"))
    return pairs


def label_evidence(label: dict[str, Any], text: str) -> dict[str, str]:
    """A label's evidence as text: quotes as given, or offsets read out of the text."""
    quotes = {k: str(v) for k, v in label.get("evidence", {}).items()}
    for key, (start, end) in label.get("evidence_offsets", {}).items():
        quotes[key] = text[start:end]
    return quotes


def evaluate_folder(
    folder: Path, labels: Path | None = None, split: str | None = None
) -> Evaluation:
    result = _empty()
    for text_path, label_path in _pairs(folder, labels, split):
        if not text_path.exists():
            result.errors.append(
                f"{text_path.name} is not here; see tests/policy_real/README.md to restore it."
            )
            continue
        if not label_path.exists():
            result.errors.append(f"{text_path.name} has no label file {label_path.name}; skipped.")
            continue
        label = json.loads(label_path.read_text(encoding="utf-8"))
        report = check([extract(text_path.name, text_path.read_bytes())])
        result.files += 1
        _compare(text_path.name, report, label, result, text_path.read_text("utf-8", "replace"))
    return result


def compare_labels(first: Path, second: Path, texts: Path | None = None) -> Evaluation:
    """How far two labelling passes agree: the first taken as truth, the second as the guess."""
    result = _empty()
    for first_path in sorted(first.glob("*.json")):
        second_path = second / first_path.name
        if not second_path.exists():
            result.errors.append(f"{first_path.name} is labelled in {first} but not {second}.")
            continue
        a = json.loads(first_path.read_text(encoding="utf-8"))
        b = json.loads(second_path.read_text(encoding="utf-8"))
        text_path = (texts or first) / f"{first_path.stem}.txt"
        text = text_path.read_text("utf-8", "replace") if text_path.exists() else ""
        a_says, b_says = label_evidence(a, text), label_evidence(b, text)
        result.files += 1
        for topic_id, counts in result.topics.items():
            state_a = a["topics"].get(topic_id, "missing")
            state_b = b["topics"].get(topic_id, "missing")
            counts.add(state_b == "covered", state_a == "covered")
            if (state_a == "covered") != (state_b == "covered"):
                result.disagreements.append(
                    Disagreement(
                        first_path.stem + ".txt",
                        topic_id,
                        state_b,
                        state_a,
                        [b_says.get(topic_id, "")],
                        a_says.get(topic_id, ""),
                    )
                )
        for key, counts in result.flags.items():
            flag_a, flag_b = bool(a["flags"].get(key)), bool(b["flags"].get(key))
            counts.add(flag_b, flag_a)
            if flag_a != flag_b:
                result.disagreements.append(
                    Disagreement(
                        first_path.stem + ".txt",
                        key,
                        str(flag_b).lower(),
                        str(flag_a).lower(),
                        [b_says.get(key, "")],
                        a_says.get(key, ""),
                    )
                )
    return result


def _compare(
    name: str, report: Report, label: dict[str, Any], result: Evaluation, text: str
) -> None:
    evidence = label_evidence(label, text)
    for topic_id, counts in result.topics.items():
        finding = report.topic(topic_id)
        labelled = label["topics"].get(topic_id, "missing")
        predicted_covered, actual_covered = finding.state == "covered", labelled == "covered"
        counts.add(predicted_covered, actual_covered)
        if predicted_covered != actual_covered:
            result.disagreements.append(
                Disagreement(
                    name,
                    topic_id,
                    finding.state,
                    labelled,
                    [e.text for e in finding.evidence[:2]],
                    str(evidence.get(topic_id, "")),
                )
            )
    for key, counts in result.flags.items():
        failing = report.failing(FLAG_KEYS[key])
        actual = bool(label["flags"].get(key, False))
        counts.add(failing.flagged, actual)
        if failing.flagged != actual:
            result.disagreements.append(
                Disagreement(
                    name,
                    key,
                    str(failing.flagged).lower(),
                    str(actual).lower(),
                    [e.text for e in failing.evidence[:2]] + failing.reasons[:1],
                    str(evidence.get(key, "")),
                )
            )


def format_evaluation(evaluation: Evaluation, worst_files: int = 8) -> str:
    lines = [
        f"Policies compared: {evaluation.files}",
        "",
        "Topics (covered vs not covered)",
        f"{'topic':<22} {'precision':>9} {'recall':>7} {'f1':>6}   tp  fp  fn",
    ]
    for topic_id, c in evaluation.topics.items():
        lines.append(
            f"{topic_id:<22} {c.precision:>9.2f} {c.recall:>7.2f} {c.f1:>6.2f}  "
            f"{c.tp:>3} {c.fp:>3} {c.fn:>3}"
        )
    micro = evaluation.micro
    lines += [
        "",
        f"micro-F1 over all topics and files: {micro.f1:.3f} "
        f"(precision {micro.precision:.3f}, recall {micro.recall:.3f})",
        "",
        "Failings",
        f"{'failing':<22} {'accuracy':>8} {'f1':>6}   tp  fp  fn  tn",
    ]
    for key, c in evaluation.flags.items():
        lines.append(
            f"{key:<22} {c.accuracy:>8.2f} {c.f1:>6.2f}  {c.tp:>3} {c.fp:>3} {c.fn:>3} {c.tn:>3}"
        )
    by_file: dict[str, list[Disagreement]] = {}
    for d in evaluation.disagreements:
        by_file.setdefault(d.file, []).append(d)
    lines += ["", "Files with the most disagreements"]
    for name, items in sorted(by_file.items(), key=lambda kv: -len(kv[1]))[:worst_files]:
        lines.append(f"- {name}: {len(items)}")
        for d in items:
            lines.append(f"    {d.item}: check says {d.predicted}, label says {d.labelled}")
            for text in d.engine_says:
                lines.append(f"      check: {text[:160]}")
            if d.label_says:
                lines.append(f"      label: {d.label_says[:160]}")
    lines += evaluation.errors
    return "\n".join(lines)
