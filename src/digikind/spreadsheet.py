"""Cells for CSV exports that a spreadsheet opens as text, never as a formula."""

from typing import Any

# A cell starting with one of these may run as a formula in Excel, LibreOffice or Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """One spreadsheet cell: lists flattened to text, yes/no in words, never a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        text = " | ".join(
            " ".join(str(v) for v in item.values() if v) if isinstance(item, dict) else str(item)
            for item in value
        )
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
