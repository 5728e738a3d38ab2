"""Scale-out check: two app servers, one PostgreSQL, one task worker, as in the README.

Starts (on loopback, production profile) a throwaway PostgreSQL (see pgtemp.py), two gunicorn
app servers on different ports and `digikind db_worker` (django_tasks_db's worker). Then:
- a policy check too long to read at once is queued, for the worker to run;
- respondents answer a review with every request going to the other server than the last
  (so cookies, CSRF and the respondent's key must hold across processes), and send;
- one more respondent than the per-network start limit is refused, wherever it comes from
  (rate limits are counted in the database, not per process);
- failed sign-ins for one address, alternating servers, lock that address out on both
  (allauth's limits live in the cache, here the database cache);
- a member signed in on one server is signed in on the other (sessions in the database),
  and writes records through both at once.
It checks that every answer landed once, the policy check finished and the records chain
verifies, prints a table, and exits non-zero if anything is wrong.

Run: .venv/bin/python bench/scale_out.py [--respondents 20] [--records 40]
(CI runs it on a small load; `make bench` runs the default.)
"""

import argparse
import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
sys.path.insert(0, str(Path(__file__).parent))
import pgtemp  # noqa: E402

CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
STAFF = "staff@scale.example"  # locked out by failed sign-ins
WRITER = "writer@scale.example"  # signs in and writes records
PASSWORD = "a long made-up password 18"

SETUP = """
import json
from datetime import date, timedelta
from digikind.accounts.models import User
from digikind.frameworks.models import latest_versions
from digikind.orgs import services as orgs
from digikind.orgs.roles import MemberRole
from digikind.policies import services as policies
from digikind.demo.services import POLICY_FILE
from digikind.reviews import services as reviews
from digikind.register import services as register
org = orgs.create_organisation("Scale Youth Network")
staff = User.objects.create_user("{staff}", "{password}", name="Sam Staff")
orgs.add_member(org, staff, MemberRole.STAFF)
writer = User.objects.create_user("{writer}", "{password}", name="Wren Writer")
orgs.add_member(org, writer, MemberRole.STAFF)
cycle = reviews.start_cycle(org, name="Scale", framework_versions=latest_versions("organisation")[:1],
    roles=["staff"], closes_on=date.today() + timedelta(days=7), created_by=None)
channel = register.create_channel(org, {{"platform": "whatsapp", "account_name": "Club",
    "purpose": "service_delivery"}}, by=None)
# Long enough that it is not read at once: it waits for the worker.
text = POLICY_FILE.read_text() * (1 + 120_000 // len(POLICY_FILE.read_text()))
check = policies.start_policy_check(org, [policies.Upload("long-policy.txt", text.encode())],
    created_by=None)
print(json.dumps({{"token": cycle.links.get().token, "slug": org.slug, "channel": channel.pk,
    "check": check.pk, "check_status": check.status}}))
"""

RESULTS = """
import json
from digikind.orgs.models import Organisation
from digikind.policies.models import PolicyCheck
from digikind.records import services as records
from digikind.reviews.models import Answer, Response
org = Organisation.objects.get(slug="{slug}")
check = PolicyCheck.objects.get(pk={check})
chain = records.verify(org).result
print(json.dumps({{
    "responses": Response.objects.filter(organisation=org).count(),
    "sent": Response.objects.filter(organisation=org, submitted_at__isnull=False).count(),
    "answers": Answer.objects.filter(response__organisation=org).count(),
    "check": check.status, "entries": chain.checked, "chain_ok": chain.ok,
    "problems": chain.problems[:3],
}}))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int) -> None:
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"No server came up on port {port}.")


class Browser:
    """One person's browser, sending each request to the next server in turn."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.turn = 0
        self.cookies: dict[str, str] = {}
        self.served_by: set[int] = set()

    def request(
        self, method: str, path: str, body: dict[str, str] | list[tuple[str, str]] | None = None
    ) -> tuple[int, bytes, dict[str, str]]:
        port = self.ports[self.turn % len(self.ports)]
        self.turn += 1
        self.served_by.add(port)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{port}{path}"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        conn.close()
        return response.status, content, dict(response.getheaders())

    def form(self, path: str, fields: dict[str, str]) -> tuple[int, bytes, dict[str, str]]:
        """Open a form's page on one server, send it to the other."""
        _status, page, _h = self.request("GET", path)
        found = CSRF.search(page)
        assert found, f"no form on {path}"
        return self.request(
            "POST", path, {"csrfmiddlewaretoken": found.group(1).decode(), **fields}
        )


def respond(ports: list[int], token: str) -> tuple[int, int]:
    """One respondent, start to send: (questions answered, servers used)."""
    browser = Browser(ports)
    status, _b, headers = browser.form(f"/r/{token}/", {})
    assert status == 302, f"start: {status}"
    path, answered = headers["Location"], 0
    while "/q/" in path:
        _s, page, _h = browser.request("GET", path)
        value = re.search(rb'name="value" type="radio" value="([^"]+)"', page)
        fields = {"csrfmiddlewaretoken": CSRF.search(page).group(1).decode()}
        if value:
            fields["value"] = value.group(1).decode()
        else:
            fields["text"] = "We use WhatsApp groups."
        status, _b, headers = browser.request("POST", path, fields)
        assert status == 302, f"answer on {path}: {status}"
        answered += 1
        path = headers["Location"]
    status, _b, headers = browser.form(f"/r/{token}/check/", {})
    assert status == 302 and "thanks" in headers["Location"], f"send: {status}"
    return answered, len(browser.served_by)


def main() -> None:
    parser = argparse.ArgumentParser(description="Two app servers, PostgreSQL and a worker.")
    parser.add_argument("--respondents", type=int, default=20)
    parser.add_argument("--records", type=int, default=40, help="records written at once")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    args = parser.parse_args()
    rows: list[tuple[str, str, bool]] = []
    began = time.perf_counter()
    with contextlib.ExitStack() as stack:
        folder = tempfile.mkdtemp(prefix="digikind-scale-")
        stack.callback(shutil.rmtree, folder, ignore_errors=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DIGIKIND_", "DJANGO_"))}
        env.update(
            DIGIKIND_PROFILE="production",
            SECRET_KEY=secrets.token_urlsafe(50),
            DIGIKIND_RECORDS_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            DIGIKIND_DATA_DIR=folder,
            STATIC_ROOT=f"{folder}/static",
            DIGIKIND_CACHE="database",
            DIGIKIND_TASKS="database",
            DIGIKIND_REVIEW_STARTS_PER_HOUR=str(args.respondents),
            DIGIKIND_REVIEW_ANSWERS_PER_MINUTE="100000",
            DATABASE_URL=stack.enter_context(pgtemp.throwaway_postgres()),
        )

        def digikind(*command: str) -> str:
            done = subprocess.run(
                [BIN / "digikind", *command], env=env, capture_output=True, text=True
            )
            if done.returncode:
                raise SystemExit(f"digikind {' '.join(command)} failed:\n{done.stderr}")
            return done.stdout

        digikind("migrate", "-v", "0")
        digikind("collectstatic", "--no-input", "-v", "0")
        digikind("frameworks", "load")
        made = json.loads(
            digikind(
                "shell",
                "-v",
                "0",
                "-c",
                SETUP.format(staff=STAFF, writer=WRITER, password=PASSWORD),
            ).splitlines()[-1]
        )
        rows.append(
            (
                "policy check waits for the worker",
                made["check_status"],
                made["check_status"] == "queued",
            )
        )

        ports = [free_port(), free_port()]
        logs = open(f"{folder}/servers.log", "w")  # noqa: SIM115 (closed with the stack)
        stack.callback(logs.close)
        for port in ports:
            server = subprocess.Popen(
                [
                    BIN / "gunicorn",
                    "digikind.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(args.workers),
                ],
                env=env,
                stdout=logs,
                stderr=logs,
            )
            stack.callback(server.wait, timeout=20)
            stack.callback(server.terminate)
        worker = subprocess.Popen(
            [BIN / "digikind", "db_worker", "--interval", "0.5"], env=env, stdout=logs, stderr=logs
        )
        stack.callback(worker.wait, timeout=20)
        stack.callback(worker.terminate)
        for port in ports:
            wait_for(port)

        # Respondents, all at once, each alternating between the two servers.
        token, outcomes, failures = made["token"], [], []
        lock = threading.Lock()

        def one() -> None:
            try:
                result = respond(ports, token)
                with lock:
                    outcomes.append(result)
            except Exception as error:
                with lock:
                    failures.append(repr(error))

        threads = [threading.Thread(target=one) for _ in range(args.respondents)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        questions = outcomes[0][0] if outcomes else 0
        rows.append(
            (
                "respondents sent, through both servers",
                f"{len(outcomes)} of {args.respondents}",
                not failures and all(used == 2 for _n, used in outcomes),
            )
        )
        for failure in failures[:3]:
            print("respondent failed:", failure)

        # The start limit is shared: one more start is refused on either server.
        refused = []
        for port in ports:
            status, _b, _h = Browser([port]).form(f"/r/{token}/", {})
            refused.append(status)
        rows.append(
            (
                "one more start than the limit refused",
                ", ".join(map(str, refused)),
                refused == [429, 429],
            )
        )

        # Failed sign-ins counted across servers: five wrong, then the right one is refused.
        intruder = Browser(ports)
        for _ in range(5):
            intruder.form("/accounts/login/", {"login": STAFF, "password": "wrong password"})
        _s, page, _h = intruder.form("/accounts/login/", {"login": STAFF, "password": PASSWORD})
        locked = b"Too many failed" in page or b"too many" in page.lower()
        rows.append(
            (
                "failed sign-ins lock out on both servers",
                "locked" if locked else "not locked",
                locked,
            )
        )

        # Sessions shared: signed in through one server, the other knows them.
        staff = Browser(ports)
        status, _b, _h = staff.form("/accounts/login/", {"login": WRITER, "password": PASSWORD})
        signed_in = status == 302
        home = f"/o/{made['slug']}/records/"
        status, _b, _h = staff.request("GET", home)
        rows.append(
            (
                "signed in on one server, known on the other",
                str(status),
                signed_in and status == 200,
            )
        )

        # Records written through both servers at once: the chain stays one chain.
        written, record_failures = [], []

        def record(number: int) -> None:
            writer = Browser(ports)
            writer.cookies = dict(staff.cookies)
            writer.turn = number
            try:
                status, _b, _h = writer.form(
                    f"{home}new/contact/",
                    {
                        "form_id": f"scale-{number}",
                        "new_person": f"Young person {number}",
                        "channel": str(made["channel"]),
                        "happened_at": "2026-11-20T16:30",
                        "out_of_hours": "no",
                        "note": f"Message {number}",
                    },
                )
                assert status == 302, status
                with lock:
                    written.append(number)
            except Exception as error:
                with lock:
                    record_failures.append(repr(error))

        threads = [threading.Thread(target=record, args=(n,)) for n in range(args.records)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for failure in record_failures[:3]:
            print("record failed:", failure)

        # The worker finishes the policy check.
        deadline = time.perf_counter() + 600
        while True:
            found = json.loads(
                digikind(
                    "shell", "-v", "0", "-c", RESULTS.format(slug=made["slug"], check=made["check"])
                ).splitlines()[-1]
            )
            if found["check"] in ("done", "failed") or time.perf_counter() > deadline:
                break
            time.sleep(2)
        expected = len(outcomes) * questions
        rows.append(
            (
                "every answer landed once",
                f"{found['answers']} of {len(outcomes)} × {questions}",
                found["answers"] == expected
                and found["sent"] == len(outcomes) == found["responses"],
            )
        )
        rows.append(("policy check run by the worker", found["check"], found["check"] == "done"))
        rows.append(
            (
                "records written through both servers",
                f"{len(written)} of {args.records}",
                len(written) == args.records,
            )
        )
        rows.append(
            (
                "records chain verifies",
                f"{found['entries']} entries, {'intact' if found['chain_ok'] else found['problems']}",
                found["chain_ok"] and found["entries"] >= len(written),
            )
        )
    seconds = time.perf_counter() - began
    print(
        f"Scale-out check: 2 gunicorn app servers × {args.workers} workers, one PostgreSQL, "
        f"one db_worker; {args.respondents} respondents, {args.records} records ({seconds:.0f} s)"
    )
    print(f"{'check':<46} {'result':<28} ok")
    for name, result, ok in rows:
        print(f"{name:<46} {result:<28} {'yes' if ok else 'NO'}")
    if not all(ok for _n, _r, ok in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
