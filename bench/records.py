"""Benchmark: records written per second by many writers at once, and chain entries verified
per second.

Each writer is its own process (as gunicorn workers are), all appending to one
organisation's chain on a throwaway database (SQLite unless DATABASE_URL is set).

Run: make bench   (or .venv/bin/python bench/records.py [--writers 4] [--seconds 6])
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIGIKIND = [str(ROOT / ".venv" / "bin" / "digikind")]

WRITER = """
import time
from digikind.orgs.models import Organisation
from digikind.records import services
org = Organisation.objects.get(slug="bench-club")
person = services.add_subject(org, "young_person", "Bench person")
stop, written = time.time() + {seconds}, 0
while time.time() < stop:
    services.append(org, "contact", author=None, subject=person, public={{"out_of_hours": False}},
                    sensitive={{"note": "A message about Saturday's session."}})
    written += 1
print("WRITTEN", written)
"""

VERIFY = """
import time
from digikind.orgs.models import Organisation
from digikind.records import services
org = Organisation.objects.get(slug="bench-club")
began = time.perf_counter()
check = services.verify(org)
print("VERIFIED", check.result.checked, time.perf_counter() - began, check.result.ok)
"""


def shell(script: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*DIGIKIND, "shell", "-v", "0", "-c", script], env=env, stdout=subprocess.PIPE, text=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Records written and verified per second.")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=6)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="digikind-records-bench-")
    env = {**os.environ, "DIGIKIND_DATA_DIR": folder}
    try:
        subprocess.run([*DIGIKIND, "migrate", "-v0"], env=env, check=True)
        subprocess.run(
            [
                *DIGIKIND,
                "shell",
                "-v",
                "0",
                "-c",
                "from digikind.orgs import services; services.create_organisation('Bench Club')",
            ],
            env=env,
            check=True,
        )
        began = time.perf_counter()
        writers = [shell(WRITER.format(seconds=args.seconds), env) for _ in range(args.writers)]
        written = 0
        for writer in writers:
            out, _ = writer.communicate(timeout=args.seconds + 120)
            written += int(out.split("WRITTEN")[1].split()[0])
        elapsed = time.perf_counter() - began
        out, _ = shell(VERIFY, env).communicate(timeout=600)
        checked, seconds, ok = out.split("VERIFIED")[1].split()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    database = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite (WAL)"
    print(f"{args.writers} writer processes for {args.seconds:g} s on {database}")
    print(f"{'what':<34} {'count':>8} {'per second':>11}")
    print(
        f"{'records written (all writers)':<34} {written:>8} {written / min(elapsed, args.seconds):>11.0f}"
    )
    print(
        f"{'chain entries verified':<34} {int(checked):>8} {int(checked) / float(seconds):>11.0f}"
    )
    print(f"chain intact after the run: {ok}")


if __name__ == "__main__":
    sys.exit(main())
