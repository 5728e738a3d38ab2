"""Benchmark: the pages a lead reads most, for a large organisation.

Builds (on a throwaway database, SQLite unless DATABASE_URL is set) a made-up organisation of
100,000 records over 3 years, 40 channels, 20 closed reviews of 500 respondents each and 30
policy checks (`digikind bench-build-large-org`), then times the gap report, the records home,
the latest review's results, the board report page and its PDF through Django's test client
(the whole request: middleware, views, templates), and prints a table with the aims: the
best of --runs views, and the first view (which fills the cache).

Run: make bench   (or .venv/bin/python bench/large_org.py [--scale 0.2] [--runs 3])
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIGIKIND = str(ROOT / ".venv" / "bin" / "digikind")

TIMINGS = """
import time
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from digikind.demo.large import NAME
from digikind.orgs.models import Membership, Organisation
from digikind.records.models import Entry
from digikind.records import services as records
from digikind.reviews.models import latest_closed_cycle

org = Organisation.objects.get(name=NAME)
lead = Membership.objects.filter(organisation=org, role="lead").first().user
client = Client()
client.force_login(lead)
cycle = latest_closed_cycle(org)
pages = [
    ("Gap report", reverse("gaps:report", args=[org.slug]), 300),
    ("Records home", reverse("records:home", args=[org.slug]), 300),
    ("Review results (latest)", reverse("reviews:results", args=[org.slug, cycle.pk]), 300),
    ("Board report page", reverse("reports:board", args=[org.slug]), 300),
    ("Board report PDF", reverse("reports:board_pdf", args=[org.slug]), 2000),
]
print(f"records {{Entry.objects.for_org(org).count()}}")
for name, url, aim in pages:
    # The first view also fills the cache (a closed review's results) and loads question
    # sets, rules and fonts: shown apart, as what the first person to look waits.
    began = time.perf_counter()
    response = client.get(url)
    first = 1000 * (time.perf_counter() - began)
    assert response.status_code == 200, (url, response.status_code)
    best = None
    for _ in range({runs}):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(url)
            ms = 1000 * (time.perf_counter() - began)
        best = ms if best is None else min(best, ms)
    size = len(response.content)
    print(f"ROW|{{name}}|{{best:.0f}}|{{first:.0f}}|{{aim}}|{{len(queries)}}|{{size // 1024}}")
began = time.perf_counter()
check = records.verify(org)
seconds = time.perf_counter() - began
print(f"VERIFY|{{check.result.checked}}|{{seconds:.3f}}|{{check.result.ok}}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description="Large organisation page timings.")
    parser.add_argument("--scale", type=float, default=1.0, help="shrink every count")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per page (best shown)")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="digikind-large-bench-")
    env = {**os.environ, "DIGIKIND_DATA_DIR": folder, "ALLOWED_HOSTS": "testserver"}
    try:
        for command in (["migrate", "-v", "0"], ["frameworks", "load"]):
            subprocess.run([DIGIKIND, *command], env=env, check=True, stdout=subprocess.DEVNULL)
        built = subprocess.run(
            [DIGIKIND, "bench-build-large-org", "--scale", str(args.scale)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        out = subprocess.run(
            [DIGIKIND, "shell", "-v", "0", "-c", TIMINGS.format(runs=args.runs)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(built.stdout.strip())
    print(
        f"{'what (large organisation)':<28} {'ms':>7} {'first ms':>9} {'aim ms':>7} "
        f"{'queries':>8} {'KB':>6}"
    )
    for line in out.splitlines():
        if line.startswith("ROW|"):
            _row, name, ms, first, aim, queries, size = line.split("|")
            mark = "ok" if float(ms) < float(aim) else "SLOW"
            print(f"{name:<28} {ms:>7} {first:>9} {aim:>7} {queries:>8} {size:>6}  {mark}")
        elif line.startswith("VERIFY|"):
            _row, checked, seconds, ok = line.split("|")
            rate = int(checked) / float(seconds)
            print(f"chain of {checked} entries verified at {rate:.0f} entries/s (intact: {ok})")


if __name__ == "__main__":
    sys.exit(main())
