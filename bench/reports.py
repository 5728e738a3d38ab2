"""Benchmark: how long the gap report, the board report page and its PDF take for the demo
organisation, on a throwaway database (SQLite unless DATABASE_URL is set).

Run: make bench   (or .venv/bin/python bench/reports.py [--runs 5])
"""

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIGIKIND = str(ROOT / ".venv" / "bin" / "digikind")

TIMINGS = """
import time
from django.template.loader import render_to_string
from digikind.gaps.report import build
from digikind.orgs.models import Organisation
from digikind.reports.board import board_report
from digikind.reports.pdf import html_to_pdf

org = Organisation.objects.get(name="Riverside Youth Project")


def board_html():
    return render_to_string(
        "reports/board_print.html", {{"organisation": org, "board": board_report(org)}}
    )


def pdf():
    return html_to_pdf(board_html())


steps = [("Gap report (18 topics, all rules)", lambda: build(org)),
         ("Board report page", board_html), ("Board report PDF", pdf)]
for name, step in steps:
    step()  # warm caches: question sets, rules, fonts
    began = time.perf_counter()
    for _ in range({runs}):
        result = step()
    ms = 1000 * (time.perf_counter() - began) / {runs}
    size = f"{{len(result) // 1024}} KB" if isinstance(result, (bytes, str)) else f"{{len(result.gaps)}} gaps"
    print(f"{{name:<36}} {{ms:>8.0f}} ms   {{size}}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description="Gap report and board report timings.")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="digikind-reports-bench-")
    env = {**os.environ, "DIGIKIND_DATA_DIR": folder}
    try:
        for command in (["migrate", "-v", "0"], ["frameworks", "load"], ["load-demo"]):
            subprocess.run([DIGIKIND, *command], env=env, check=True, stdout=subprocess.DEVNULL)
        print(f"{'what (demo organisation)':<36} {'time':>11}   size")
        subprocess.run(
            [DIGIKIND, "shell", "-v", "0", "-c", TIMINGS.format(runs=args.runs)],
            env=env,
            check=True,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
