"""Benchmark: answer submissions under concurrent respondents, beside a trivial view.

Serves Digikind with gunicorn on loopback (a throwaway data folder, SQLite unless
DATABASE_URL is set), creates a review cycle, then has N respondents each post answers as
fast as they can for a few seconds. It does the same against /healthz (a view that does
nothing) in the same run and prints throughput, p50/p99 latency and the ratio. It also
prints what a respondent's question page weighs on first load and after.

Run: make bench   (or .venv/bin/python bench/reviews.py [--clients 8] [--seconds 8])
"""

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"


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


def hammer(clients: list[Client], send, seconds: float) -> list[float]:
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def work(client: Client) -> None:
        mine = []
        while time.perf_counter() < stop:
            began = time.perf_counter()
            status = send(client)
            assert status in (200, 302), status
            mine.append(time.perf_counter() - began)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=work, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


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
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="digikind-bench-")
    env = {
        **os.environ,
        "DIGIKIND_DATA_DIR": data,
        "DIGIKIND_REVIEW_ANSWERS_PER_MINUTE": "1000000",
        "DIGIKIND_REVIEW_STARTS_PER_HOUR": "1000000",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
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
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        clients = [Client(port) for _ in range(args.clients)]
        paths = {id(c): c.start(token) for c in clients}

        def answer(client: Client) -> int:
            status, _b, _h = client.request(
                "POST",
                paths[id(client)],
                {"csrfmiddlewaretoken": client.csrf, "value": client.value, "comment": "bench"},
            )
            return status

        def trivial(client: Client) -> int:
            return client.request("GET", "/healthz")[0]

        hammer(clients, trivial, 1)  # warm up
        rows = []
        for label, send in (
            ("trivial view (/healthz)", trivial),
            ("answer submission (POST)", answer),
        ):
            latencies = hammer(clients, send, args.seconds)
            rows.append(
                (
                    label,
                    len(latencies) / args.seconds,
                    statistics.median(latencies),
                    statistics.quantiles(latencies, n=100)[98],
                )
            )
        raw_first, gz_first, raw_after, gz_after = weight(port, token)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(data, ignore_errors=True)

    database = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite (WAL)"
    print(
        f"gunicorn, {args.workers} workers, {args.clients} concurrent respondents, {args.seconds:g} s each, {database}"
    )
    print(f"{'what':<28} {'requests/s':>11} {'p50 ms':>8} {'p99 ms':>8}")
    for label, rate, p50, p99 in rows:
        print(f"{label:<28} {rate:>11.0f} {1000 * p50:>8.1f} {1000 * p99:>8.1f}")
    print(f"ratio (answers / trivial): {rows[1][1] / rows[0][1]:.2f}  (aim: 0.50 or more)")
    print(
        f"question page, first load: {raw_first / 1024:.1f} KB ({gz_first / 1024:.1f} KB as sent compressed; aim under 12 KB)"
    )
    print(
        f"question page, after:      {raw_after / 1024:.1f} KB ({gz_after / 1024:.1f} KB as sent compressed; aim under 4 KB)"
    )


if __name__ == "__main__":
    sys.exit(main())
