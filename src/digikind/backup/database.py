"""A consistent copy of the database, and putting one back: SQLite's online backup API (people
can keep working meanwhile), pg_dump and pg_restore on PostgreSQL."""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connection

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
FILE_NAMES = {SQLITE: "database.sqlite3", POSTGRESQL: "database.pgdump"}
NAMES = {SQLITE: "SQLite", POSTGRESQL: "PostgreSQL"}


class BackupError(Exception):
    """Something that stops a backup or a restore; the message says what to do."""


def engine() -> str:
    vendor = connection.vendor
    if vendor not in FILE_NAMES:
        raise BackupError(
            f"Digikind backs up SQLite and PostgreSQL, not {vendor}. Use your database's own "
            "backup, or move organisations with `digikind export-organisation`."
        )
    return vendor


def _postgres() -> tuple[list[str], dict[str, str]]:
    """Connection options for pg_dump and pg_restore, and the password in their environment."""
    settings: dict[str, Any] = connection.settings_dict
    options = ["--dbname", str(settings["NAME"])]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            options += [flag, str(settings[key])]
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    return options, env


def _run(program: str, arguments: list[str], env: dict[str, str]) -> None:
    path = shutil.which(program)
    if path is None:
        raise BackupError(
            f"{program} is not installed here. Install PostgreSQL's client programs (on Debian: "
            "apt-get install postgresql-client), then try again."
        )
    done = subprocess.run([path, *arguments], env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0:
        raise BackupError(f"{program} failed: {done.stderr.strip() or done.stdout.strip()}")


def dump(target: Path) -> None:
    """Write a copy of the database to `target`."""
    if engine() == SQLITE:
        connection.ensure_connection()
        source = sqlite3.connect(str(connection.settings_dict["NAME"]))
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return
    options, env = _postgres()
    _run("pg_dump", [*options, "--format=custom", "--no-owner", "--no-privileges",
                     "--file", str(target)], env)  # fmt: skip


def load(source: Path) -> None:
    """Replace the database's contents with the copy at `source`."""
    kind = engine()
    connection.close()
    if kind == SQLITE:
        copy = sqlite3.connect(str(source))
        live = sqlite3.connect(str(connection.settings_dict["NAME"]))
        try:
            copy.backup(live)
        finally:
            live.close()
            copy.close()
        return
    options, env = _postgres()
    _run("pg_restore", [*options, "--clean", "--if-exists", "--no-owner", "--no-privileges",
                        "--single-transaction", str(source)], env)  # fmt: skip
