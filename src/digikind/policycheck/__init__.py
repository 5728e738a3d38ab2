"""Digikind's policy check: read a digital policy and report, with quoted evidence, which
topics it covers, which failings it shows and how easy it is to read.

A plain Python package with no Django import: the CLI, the web upload and the
background task all call `check_files` or `check_text`.
"""

from digikind.policycheck.document import Document
from digikind.policycheck.engine import check
from digikind.policycheck.extract import DEFAULT_LIMITS, ExtractionError, Limits, extract
from digikind.policycheck.report import Report

__all__ = [
    "DEFAULT_LIMITS",
    "Document",
    "ExtractionError",
    "Limits",
    "Report",
    "check",
    "check_files",
    "check_text",
]


def check_text(text: str, name: str = "policy.txt") -> Report:
    return check([extract(name, text.encode("utf-8"))])


def check_files(files: list[tuple[str, bytes]], limits: Limits = DEFAULT_LIMITS) -> Report:
    """Check several files together as one policy set; raises ExtractionError for a bad file."""
    return check([extract(name, data, limits) for name, data in files])
