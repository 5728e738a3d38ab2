"""Benchmark: a funder's portfolio page and its exports, for 2,000 grantees answering 3 rounds,
on SQLite and on a throwaway PostgreSQL (started here, as .ci/run starts one), beside a
trivial page. Aims: the portfolio page under 0.5 s, each export under 2 s.

Run: make bench   (or .venv/bin/python bench/funders_portfolio.py [--grantees 2000]
     [--rounds 3] [--runs 5] [--databases sqlite,postgresql])

`build_portfolio` makes the data straight in the database (bulk inserts, no gap reports), the
way the services leave it: requests, answers' figures, sharing and withdrawals, and one
publication a round. tests/test_bench_funders_portfolio.py runs it on a small portfolio and
checks the page's figures against its own sums.
"""

import argparse
import glob
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
DIGIKIND = str(ROOT / ".venv" / "bin" / "digikind")
PG_PORT = 55433  # not .ci/run's 55432, so both can run at once

REGIONS = ("North East", "North West", "Midlands", "London", "South West", "Wales")
SIZES = ("small", "medium", "large")
PROGRAMMES = ("Small grants", "Youth voice", "Digital futures")
KINDS = ("youth club", "sports club", "faith group", "uniformed group")
# How the newest round stands, by share of grantees (the rest answered and share).
NOT_ASKED, WITHDRAWN, NOT_SHARED, WAITING = 0.02, 0.03, 0.05, 0.10


@dataclass
class BuiltPortfolio:
    funder: Any
    lead: Any
    rounds: list[Any]  # oldest first
    statuses: dict[str, int]  # how many grantees the newest round should show in each status
    grantees: int = 0
    figures: int = 0
    shared: dict[int, list[int]] = field(default_factory=dict)  # round pk: members' request pks


def _figure_names() -> list[tuple[str, str]]:
    from digikind.gaps.rules import rules
    from digikind.vocabulary import names

    return [
        *(("scores", f"score:{d}") for d in names("domains")),
        ("policy", "policy:covered"),
        *(("policy", f"missing:{t}") for t in names("topics")),
        *(("policy", f"failing:{f}") for f in names("policy_failings")),
        ("register", "register:channels"),
        ("register", "register:conflicts"),
        ("register", "register:assessed"),
        *(("gaps", f"gap:{r.id}") for r in rules() if "{topic}" not in r.title),
        ("actions", "actions:total"),
        ("actions", "actions:done"),
        ("actions", "actions:overdue"),
    ]


def _value(rng: random.Random, name: str) -> float:
    if name.startswith("score:"):
        return float(rng.randrange(0, 101, 5))
    if name.startswith(("missing:", "failing:", "gap:")):
        return float(rng.random() < 0.3)
    if name == "policy:covered":
        return float(rng.randint(4, 18))
    return float(rng.randint(0, 9))


def build_portfolio(grantees: int, rounds: int = 3, seed: int = 1) -> BuiltPortfolio:
    """A funder with `grantees` youth organisations, each asked `rounds` times a year apart."""
    from django.db import transaction
    from django.utils import timezone

    from digikind.funders.models import Answer, Figure, Grantee, Request, Round, Sharing
    from digikind.funders.question_sets import answer_options, question_sets
    from digikind.funders.services import publish
    from digikind.orgs.models import Organisation
    from digikind.orgs.roles import MemberRole, OrganisationKind
    from digikind.test import make_person

    rng = random.Random(seed)  # noqa: S311 (made-up data, the same every run)
    now = timezone.now()
    names = _figure_names()
    with transaction.atomic():
        funder = Organisation.objects.create(
            name=f"Bench Fund {seed}", slug=f"bench-fund-{seed}", kind=OrganisationKind.FUNDER
        )
        lead = make_person(f"lead{seed}@bench-fund.example", funder, MemberRole.LEAD)
        orgs = Organisation.objects.bulk_create(
            Organisation(name=f"Bench group {seed}-{i:05d}", slug=f"bench-group-{seed}-{i:05d}")
            for i in range(grantees)
        )
        rows = Grantee.objects.bulk_create(
            Grantee(
                organisation=funder,
                grantee=org,
                region=rng.choice(REGIONS),
                size=rng.choice(SIZES),
                programme=rng.choice(PROGRAMMES),
                kind=rng.choice(KINDS),
                identifier=f"GB-CHC-{1000000 + i}" if i % 4 else "",
            )
            for i, org in enumerate(orgs)
        )
        made = [
            Round.objects.create(
                organisation=funder,
                name=f"Round {year + 1}",
                question_set="full",
                due_on=(now + timedelta(days=365 * (year + 1 - rounds) + 28)).date(),
                created_at=now - timedelta(days=365 * (rounds - 1 - year)),
            )
            for year in range(rounds)
        ]
        # Each grantee's place in the newest round, drawn once.
        place = {}
        for grantee in rows:
            draw = rng.random()
            place[grantee.pk] = (
                "not_asked"
                if draw < NOT_ASKED
                else "withdrawn"
                if draw < NOT_ASKED + WITHDRAWN
                else "not_shared"
                if draw < NOT_ASKED + WITHDRAWN + NOT_SHARED
                else "asked"
                if draw < NOT_ASKED + WITHDRAWN + NOT_SHARED + WAITING
                else "answered"
            )
        Sharing.objects.bulk_create(
            Sharing(
                organisation_id=g.grantee_id,
                funder=funder,
                given_at=made[0].created_at,
                withdrawn_at=now - timedelta(days=3) if place[g.pk] == "withdrawn" else None,
            )
            for g in rows
            if place[g.pk] != "not_shared"
        )
        requests = []
        for number, round_ in enumerate(made):
            newest = number == rounds - 1
            for grantee in rows:
                state = place[grantee.pk]
                if newest and state == "not_asked":
                    continue
                answered = not (newest and state == "asked")
                shares = answered and state != "not_shared"
                requests.append(
                    Request(
                        organisation_id=grantee.grantee_id,
                        round=round_,
                        grantee=grantee,
                        funder=funder,
                        asked_at=round_.created_at,
                        answered_at=round_.created_at + timedelta(days=9) if answered else None,
                        parts_shared=sorted({p for p, _n in names}) if shares else [],
                    )
                )
        Request.objects.bulk_create(requests, batch_size=2000)
        figures = [
            Figure(request=r, part=part, name=name, value=_value(rng, name))
            for r in requests
            if r.parts_shared
            for part, name in names
        ]
        Figure.objects.bulk_create(figures, batch_size=5000)
        questions = [q.id for q in question_sets()["full"].questions]
        values = [o["value"] for o in answer_options()]
        Answer.objects.bulk_create(
            (
                Answer(request=r, question=q, value=rng.choice(values), answered_at=r.answered_at)
                for r in requests
                if r.answered_at
                for q in questions
            ),
            batch_size=5000,
        )
        shared: dict[int, list[int]] = {}
        live = {g.grantee_id for g in rows if place[g.pk] not in ("withdrawn", "not_shared")}
        for round_ in made:
            members = [
                r.pk
                for r in requests
                if r.round_id == round_.pk and r.answered_at and r.organisation_id in live
            ]
            publish(round_, members)
            shared[round_.pk] = members
    statuses = dict.fromkeys(("not_asked", "asked", "overdue", "answered", "not_shared"), 0)
    statuses["withdrawn"] = 0
    for state in place.values():
        statuses[state] += 1
    return BuiltPortfolio(funder, lead, made, statuses, grantees, len(figures), shared)


# Timing, inside one Django process per database.


def _time(client: Any, url: str, runs: int) -> tuple[float, int, int]:
    """Median seconds over `runs`, the number of queries and the size of the answer."""
    from django.db import connection

    queries = []

    def count(execute: Any, sql: str, *args: Any) -> Any:
        queries.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(count):
        response = client.get(url)  # also warms caches: question sets, rules, templates
    assert response.status_code == 200, (url, response.status_code)
    took = []
    for _ in range(runs):
        began = time.perf_counter()
        response = client.get(url)
        took.append(time.perf_counter() - began)
    took.sort()
    return took[len(took) // 2], len(queries), len(response.content)


def inside(grantees: int, rounds: int, runs: int) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digikind.settings")
    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment(debug=False)
    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    built = build_portfolio(grantees, rounds)
    build_s = time.perf_counter() - began
    from django.db import connection

    if connection.vendor == "postgresql":
        # After a bulk load autovacuum would gather the planner's statistics in a minute or
        # so; gather them now, or the first plans are made for empty tables.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client()
    client.force_login(built.lead)
    slug = built.funder.slug
    portfolio = reverse("funders:portfolio", args=[slug])
    pages = [
        ("trivial page (the funder's People)", reverse("orgs:member_list", args=[slug]), None),
        ("portfolio page", portfolio, 0.5),
        ("portfolio, waiting only", portfolio + "?status=asked", 0.5),
        ("portfolio, last page", portfolio + f"?page={max(1, -(-grantees // 50))}", 0.5),
        ("portfolio, one region", portfolio + "?show=region:London", 0.5),
        ("export CSV", reverse("funders:export_csv", args=[slug]), 2.0),
        ("export JSON", reverse("funders:export_json", args=[slug]), 2.0),
    ]
    database = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(
        connection.vendor, connection.vendor
    )
    print(
        f"{database}: {built.grantees} grantees x {rounds} rounds, {built.figures} figures "
        f"(built in {build_s:.0f} s)"
    )
    print(f"  {'what':<36} {'median':>9} {'aim':>7} {'queries':>8} {'size':>9}")
    for name, url, aim in pages:
        seconds, queries, size = _time(client, url, runs)
        verdict = "" if aim is None else ("ok" if seconds < aim else "SLOW")
        aim_text = f"<{aim:g} s" if aim else ""
        print(
            f"  {name:<36} {1000 * seconds:>6.0f} ms {aim_text:>7} {queries:>8} "
            f"{size // 1024:>6} KB {verdict}"
        )
    sys.stdout.flush()


# Databases: SQLite in a temporary folder, PostgreSQL started and stopped here.


def _run_inside(env: dict[str, str], args: argparse.Namespace) -> None:
    command = [PYTHON, __file__, "--inside", f"--grantees={args.grantees}"]
    command += [f"--rounds={args.rounds}", f"--runs={args.runs}"]
    subprocess.run(command, env=env, check=True)


def _postgres(folder: str) -> tuple[list[str], str]:
    """Start a throwaway PostgreSQL in `folder`; returns how to stop it and its URL."""
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not binaries:
        raise SystemExit(
            "PostgreSQL is not installed: apt-get install postgresql (or run with "
            "--databases sqlite)."
        )
    pg_bin = binaries[-1]
    run_as: list[str] = []
    if os.getuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(folder, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    data = f"{folder}/data"
    subprocess.run(
        [*run_as, f"{pg_bin}/initdb", "-D", data, "-U", "digikind", "-A", "trust"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = f"-c listen_addresses=127.0.0.1 -p {PG_PORT} -k {folder} -c fsync=off"
    pg_ctl = [*run_as, f"{pg_bin}/pg_ctl", "-D", data]
    subprocess.run(
        [*pg_ctl, "-l", f"{folder}/log", "-w", "-o", options, "start"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    stop = [*pg_ctl, "-m", "fast", "stop"]
    subprocess.run(
        [f"{pg_bin}/createdb", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "digikind", "bench"],
        check=True,
    )
    return stop, f"postgres://digikind@127.0.0.1:{PG_PORT}/bench"


def main() -> None:
    parser = argparse.ArgumentParser(description="Funder portfolio page and export timings.")
    parser.add_argument("--grantees", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        inside(args.grantees, args.rounds, args.runs)
        return
    for database in args.databases.split(","):
        folder = tempfile.mkdtemp(prefix=f"digikind-funders-bench-{database}-")
        env = {**os.environ, "DIGIKIND_DATA_DIR": folder}
        env.pop("DATABASE_URL", None)
        stop: list[str] = []
        try:
            if database == "postgresql":
                stop, env["DATABASE_URL"] = _postgres(folder)
            _run_inside(env, args)
        finally:
            if stop:
                subprocess.run(stop, check=False, stdout=subprocess.DEVNULL)
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
