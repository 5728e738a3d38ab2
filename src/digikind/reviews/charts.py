"""Lay out server-side SVG bar charts (the template draws them; no JavaScript).

The chart is drawn 320 units wide, the width of a small phone's screen, with each domain's
name on its own line above its bars: so on a phone it is drawn at about its own size and
its 13-unit text stays readable, where a wider chart would be shrunk to fit.
"""

from typing import Any

from digikind.reviews.scoring import Results

WIDTH = 320
TEXT = 13  # text size, in the chart's units
LABEL = 18  # the domain's name, above its bars
BAR = 14
GAP = 4
ROW_GAP = 14
SCALE = 1.6  # units per point: 100 points = 160 units, leaving room for "All respondents: 100"
# Bar colours, drawn as SVG attributes so the page and the PDF (no page CSS there) match.
PALETTE = ["#1f5f5b", "#7a3b8f", "#b35900", "#1d5aa0", "#505a5f", "#8a2a2a", "#0b0c0c"]


def domain_chart(results: Results) -> dict[str, Any]:
    rows, y = [], 0
    for row in results.chart_rows():
        bars = []
        for index, (label, score) in enumerate(row["bars"]):
            top = y + LABEL + index * (BAR + GAP)
            width = round((score or 0) * SCALE)
            bars.append(
                {
                    "label": label,
                    "score": score,
                    "y": top,
                    "width": width,
                    "text_x": width + 6,
                    "text_y": top + BAR - 3,
                    "colour": PALETTE[index % len(PALETTE)],
                }
            )
        rows.append({"domain": row["domain"], "y": y + TEXT, "bars": bars})
        y += LABEL + max(1, len(bars)) * (BAR + GAP) + ROW_GAP
    return {"rows": rows, "height": max(y, 40), "width": WIDTH, "text": TEXT}
