"""The policy check as readable text, for the command line."""

from digikind import readability
from digikind.policies.next_steps import NextStep
from digikind.policycheck.report import Evidence, Report

MARKS = {"covered": "✓", "touched": "~", "missing": "✗"}


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _quote(e: Evidence) -> str:
    where = f" ({e.where})" if e.where else ""
    text = e.text if len(e.text) <= 220 else e.text[:217] + "..."
    return f"“{text}”{where}"


def format_report(report: Report, steps: list[NextStep]) -> str:
    lines = [
        f"Policy check: {report.title or ', '.join(report.documents)}",
        f"Files: {', '.join(report.documents)}. Words: {report.words}. "
        f"Mainly about digital: {'yes' if report.digital_scope else 'no'}.",
    ]
    lines += [f"Note: {note}" for note in report.notes]
    if report.language != "en":
        return "\n".join(lines)
    counts = report.counts()
    lines += [
        "",
        f"TOPICS: {counts['covered']} covered, {counts['touched']} touched, "
        f"{counts['missing']} missing",
        "  (✓ covered: states a rule · ~ touched: mentioned, no rule · ✗ missing)",
    ]
    for topic in report.topics:
        lines.append(f"  {MARKS[topic.state]} {topic.name}: {topic.state}")
        for e in topic.evidence[:1]:
            lines.append(f"      {_quote(e)}")
        if topic.id == "governance-review" and report.review_date:
            mark = "!" if report.review_date.overdue else " "
            lines.append(f"    {mark} {report.review_date.message}")
            lines.append(f"      {_quote(report.review_date.evidence)}")
    lines += ["", "FAILINGS"]
    for failing in report.failings:
        if failing.flagged:
            lines.append(f"  ! {failing.name}: {' '.join(failing.reasons)}")
            lines += [f"      {_quote(e)}" for e in failing.evidence[:2]]
        else:
            lines.append(f"  - {failing.name}: no")
    r = report.readability
    if r:
        lines += ["", "READABILITY", f"  {_first_upper(readability.reading_level(r.grade))}."]
        if r.readers:
            lines.append(f"  Easy enough for {', '.join(r.readers)}.")
        if r.struggle:
            lines.append(f"  Hard for {', '.join(r.struggle)}.")
        hardest = sorted(r.sections, key=lambda s: -s.grade)[:3]
        if hardest:
            lines.append(
                "  Hardest sections: "
                + "; ".join(f"“{s.section}”: {readability.reading_level(s.grade)}" for s in hardest)
            )
        for term in r.vague_terms[:6]:
            lines.append(f"  Vague: “{term.term}” ×{term.count}: {term.instead}")
        for term in r.jargon[:6]:
            lines.append(f"  Jargon: “{term.term}” ×{term.count}: try {term.instead}")
        for e in r.longest_sentences[:2]:
            lines.append(f"  Long sentence: {_quote(e)}")
    if steps:
        lines += ["", "WHAT TO DO NEXT: talk these through"]
        for step in steps:
            lines.append(f"  {step.topic_name} ({step.state}):")
            lines += [f"    - {q}" for q in step.questions]
    return "\n".join(lines)
