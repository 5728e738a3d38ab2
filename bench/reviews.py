"""Benchmark: answer submissions under concurrent respondents, beside a trivial view.

Serves Digikind with gunicorn on loopback (a throwaway data folder; SQLite, or with
--database postgresql a throwaway PostgreSQL, see pgtemp.py), creates a review cycle, then
runs Locust headless for a bounded time: N respondents each sending answers as fast as they
can (bench/locustfile.py), then N users asking for /healthz (a view that does nothing). It
prints throughput, p50/p99 latency and the ratio, and what a respondent's question page
weighs on first load and after, as sent.

Run: make bench   (or .venv/bin/python bench/reviews.py [--users 50] [--seconds 15]
                   [--database postgresql])
"""

import argparse
import contextlib
import csv
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
sys.path.insert(0, str(Path(__file__).parent))
import pgtemp  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(env: dict[str, str]) -> str:
    """Migrate, load the question sets, and make one open review; return a staff link token."""
    subprocess.run([BIN / "digikind", "migrate", "-v0"], env=env, check=True)
    subprocess.run(
        [BIN / "digikind", "frameworks", "load"], env=env, check=True, capture_output=True
    )
    script = (
        "from datetime import date, timedelta\n"
        "from digikind.orgs import services as orgs\n"
        "from digikind.reviews import services\n"
        "from digikind.frameworks.models import latest_versions\n"
        "org = orgs.create_organisation('Bench Youth Club')\n"
        "cycle = services.start_cycle(org, name='Bench', framework_versions=latest_versions('organisation')[:1],"
        " roles=['staff'], closes_on=date.today() + timedelta(days=7), created_by=None)\n"
        "print(cycle.links.get().token)\n"
    )
    out = subprocess.run(
        [BIN / "digikind", "shell", "-v", "0", "-c", script],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip().splitlines()[-1]


class Client:
    """One respondent's browser: keeps its connection and cookies."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}
        self.encoding = "identity"

    def request(
        self, method: str, path: str, body: dict[str, str] | None = None
    ) -> tuple[int, bytes, dict[str, str]]:
        headers = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Accept-Encoding": self.encoding,
        }
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1{path}"
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, content, dict(response.getheaders())

    def start(self, token: str) -> str:
        _status, page, _h = self.request("GET", f"/r/{token}/")
        csrf = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        status, _body, _h = self.request("POST", f"/r/{token}/", {"csrfmiddlewaretoken": csrf})
        assert status == 302, status
        _status, page, _h = self.request("GET", f"/r/{token}/q/1/")
        self.csrf = (
            re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        )
        self.value = (
            re.search(rb'name="value" type="radio" value="([^"]+)"', page).group(1).decode()
        )
        return f"/r/{token}/q/1/"


def locust(port: int, user: str, users: int, seconds: float, env: dict[str, str]) -> dict:
    """Run one Locust user class headless against the server; its summary row."""
    folder = tempfile.mkdtemp(prefix="digikind-locust-")
    try:
        subprocess.run(
            [
                BIN / "locust",
                "-f",
                Path(__file__).parent / "locustfile.py",
                "--headless",
                "--users",
                str(users),
                "--spawn-rate",
                str(users),
                "--run-time",
                f"{seconds:g}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                f"{folder}/run",
                "--only-summary",
                "--loglevel",
                "ERROR",
                "--exit-code-on-error",
                "0",
                user,
            ],
            env=env,
            check=True,
            capture_output=True,
            timeout=seconds + 120,
        )
        with open(f"{folder}/run_stats.csv", newline="") as stats:
            rows = {row["Name"]: row for row in csv.DictReader(stats)}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    name = "answer" if user == "Respondent" else "trivial"
    if name not in rows:
        raise SystemExit(f"Locust sent no {name} requests: {sorted(rows)}")
    return rows[name]


def weight(port: int, token: str) -> tuple[int, int, int, int]:
    """Bytes of a question page: first load (page and every asset it links) and after, as
    sent uncompressed and as sent to a browser that accepts brotli and gzip."""
    client = Client(port)
    path = client.start(token)
    sizes = {}
    _s, html, _h = client.request("GET", path)
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)
    for encoding in ("identity", "br, gzip"):
        client.encoding = encoding
        _s, html, _h = client.request("GET", path)
        first = len(html)
        for asset in assets:
            _s, body, _h = client.request("GET", asset.decode())
            first += len(body)
        sizes[encoding] = (first, len(html))
    client.encoding = "identity"
    return sizes["identity"][0], sizes["br, gzip"][0], sizes["identity"][1], sizes["br, gzip"][1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Answer submissions under load, beside a trivial view."
    )
    parser.add_argument("--users", type=int, default=50, help="concurrent respondents")
    parser.add_argument("--seconds", type=float, default=15, help="Locust's run time, each")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="digikind-bench-")
    with contextlib.ExitStack() as stack:
        env = {
            **os.environ,
            "DIGIKIND_DATA_DIR": data,
            "DIGIKIND_REVIEW_ANSWERS_PER_MINUTE": "1000000",
            "DIGIKIND_REVIEW_STARTS_PER_HOUR": "1000000",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
        if args.database == "postgresql":
            env["DATABASE_URL"] = stack.enter_context(pgtemp.throwaway_postgres())
        else:
            env.pop("DATABASE_URL", None)
        stack.callback(shutil.rmtree, data, ignore_errors=True)
        token = prepare(env)
        port = free_port()
        server = subprocess.Popen(
            [
                BIN / "gunicorn",
                os.environ.get("BENCH_WSGI", "digikind.wsgi"),
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
            ],
            env=env,
        )
        stack.callback(server.wait, timeout=10)
        stack.callback(server.terminate)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        env["BENCH_TOKEN"] = token
        rows = [
            ("trivial view (/healthz)", locust(port, "Trivial", args.users, args.seconds, env)),
            ("answer submission (POST)", locust(port, "Respondent", args.users, args.seconds, env)),
        ]
        raw_first, gz_first, raw_after, gz_after = weight(port, token)

    database = "PostgreSQL" if args.database == "postgresql" else "SQLite (WAL)"
    print(
        f"Locust headless, {args.users} concurrent users, {args.seconds:g} s each; "
        f"gunicorn, {args.workers} workers; {database}"
    )
    print(f"{'what':<28} {'requests/s':>11} {'p50 ms':>8} {'p99 ms':>8} {'failures':>9}")
    for label, row in rows:
        print(
            f"{label:<28} {float(row['Requests/s']):>11.0f} {row['50%']:>8} {row['99%']:>8} "
            f"{row['Failure Count']:>9}"
        )
    ratio = float(rows[1][1]["Requests/s"]) / float(rows[0][1]["Requests/s"])
    print(f"ratio (answers / trivial): {ratio:.2f}  (aim: 0.50 or more; answers' p99 under 100 ms)")
    print(
        f"question page, first load: {raw_first / 1024:.1f} KB "
        f"({gz_first / 1024:.1f} KB as sent compressed; aim under 12 KB)"
    )
    print(
        f"question page, after:      {raw_after / 1024:.1f} KB "
        f"({gz_after / 1024:.1f} KB as sent compressed; aim under 4 KB)"
    )


if __name__ == "__main__":
    sys.exit(main())
