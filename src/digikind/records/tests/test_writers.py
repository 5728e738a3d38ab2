"""Many writers at once never fork or break the chain, and a killed writer loses nothing it
acknowledged."""

import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from django.db import connection
from django.test import TransactionTestCase

from digikind.orgs import services as org_services
from digikind.records import services
from digikind.records.models import Entry

WRITER = """
import sys
from digikind.orgs.models import Organisation
from digikind.records import services
org, _ = Organisation.objects.get_or_create(slug="crash-club", defaults={"name": "Crash Club"})
for number in range(100000):
    entry = services.append(org, "contact", author=None, public={"n": number}, sensitive={"note": "x" * 50})
    print(entry.seq, flush=True)
"""


class ConcurrentWritersTestCase(TransactionTestCase):
    def test_concurrent_writers_never_fork_the_chain(self):
        organisation = org_services.create_organisation("Busy Club")
        errors = []

        def writer(number):
            try:
                for item in range(15):
                    services.append(
                        organisation,
                        "contact",
                        author=None,
                        public={"writer": number, "item": item},
                        sensitive={"note": "busy evening"},
                    )
            except Exception as error:  # collected and shown below
                errors.append(repr(error))
            finally:
                connection.close()

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(errors, [])
        self.assertEqual(Entry.objects.filter(organisation=organisation).count(), 60)
        self.assertEqual(sorted(Entry.objects.values_list("seq", flat=True)), list(range(1, 61)))
        check = services.verify(organisation)
        self.assertTrue(check.result.ok, check.result.problems)


def test_a_killed_writer_loses_no_acknowledged_entry():
    folder = Path(tempfile.mkdtemp())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "DJANGO_"))}
    env.update(DIGIKIND_DATA_DIR=str(folder), DATABASE_URL=f"sqlite:///{folder / 'crash.sqlite3'}")
    digikind = [sys.executable, "-m", "digikind"]
    subprocess.run([*digikind, "migrate", "-v0"], env=env, check=True, timeout=120)
    writer = subprocess.Popen(
        [*digikind, "shell", "-v", "0", "-c", WRITER], env=env, stdout=subprocess.PIPE, text=True
    )
    acknowledged = []
    assert writer.stdout is not None
    for line in writer.stdout:
        if not line.strip().isdigit():
            continue
        acknowledged.append(int(line))
        if len(acknowledged) >= 40:
            break
    writer.send_signal(signal.SIGKILL)  # mid-write, with no chance to tidy up
    writer.wait(timeout=30)
    check = subprocess.run(
        [*digikind, "records", "verify", "--org", "crash-club"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    written = int(check.stdout.split(":")[1].split()[0])
    assert written >= max(acknowledged), (written, max(acknowledged))
    assert "the chain is intact" in check.stdout
