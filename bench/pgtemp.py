"""A throwaway PostgreSQL server for the benchmarks: DATABASE_URL if one is set, else a new
cluster in a temporary folder (initdb, on a free port, trust on loopback only), removed after.

PostgreSQL will not run as root: as root, the cluster is run as the `postgres` user.
"""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _bin(name: str) -> str:
    """A PostgreSQL program: on the PATH, or where Debian's packages put it."""
    found = shutil.which(name) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))[-1:]
    if not found:
        raise SystemExit(f"PostgreSQL's {name} is not installed; set DATABASE_URL instead.")
    return found if isinstance(found, str) else found[0]


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Yield a DATABASE_URL for an empty database."""
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    folder = tempfile.mkdtemp(prefix="digikind-bench-pg-")
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = os.path.join(folder, "data"), _free_port()

    def run(program: str, *arguments: str) -> None:
        subprocess.run(
            [*as_user, _bin(program), *arguments], check=True, capture_output=True, cwd=folder
        )

    try:
        run("initdb", "-D", data, "-U", "digikind", "--auth=trust", "-E", "UTF8")
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=on"
        run("pg_ctl", "-D", data, "-o", options, "-l", os.path.join(folder, "log"), "-w", "start")
        try:
            run("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "digikind", "digikind")
            yield f"postgres://digikind@127.0.0.1:{port}/digikind"
        finally:
            run("pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
