"""Lay out server-side SVG bar charts (the template draws them; no JavaScript)."""

from typing import Any

from digikind.reviews.scoring import Results

BAR = 14
GAP = 4
ROW_GAP = 14
SCALE = 3  # pixels per point: 100 points = 300 pixels
# Bar colours, drawn as SVG attributes so the page and the PDF (no page CSS there) match.
PALETTE = ["#1f5f5b", "#7a3b8f", "#b35900", "#1d5aa0", "#505a5f", "#8a2a2a", "#0b0c0c"]


def domain_chart(results: Results) -> dict[str, Any]:
    rows, y = [], 0
    for row in results.chart_rows():
        bars = []
        for index, (label, score) in enumerate(row["bars"]):
            bars.append(
                {
                    "label": label,
                    "score": score,
                    "y": y + index * (BAR + GAP),
                    "width": int((score or 0) * SCALE),
                    "colour": PALETTE[index % len(PALETTE)],
                }
            )
        rows.append({"domain": row["domain"], "y": y, "bars": bars})
        y += max(1, len(bars)) * (BAR + GAP) + ROW_GAP
    return {"rows": rows, "height": max(y, 40)}
