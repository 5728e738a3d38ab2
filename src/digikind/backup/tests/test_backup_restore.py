"""`digikind backup` on one Digikind, `digikind restore` into a fresh data folder and an empty
database: every record, review and policy check is there, the chains verify and the records
open. Run as an operator would, in separate processes, on the database the tests use
(SQLite, or PostgreSQL when DATABASE_URL names one)."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
from django.db import connection
from django.test import SimpleTestCase

DIGIKIND = str(Path(sys.executable).parent / "digikind")

# What a person would look for after a restore, printed as JSON by `digikind shell`.
WHAT_IS_THERE = """
import json
from digikind.orgs.models import Organisation
from digikind.policies.models import PolicyCheck
from digikind.records import services
from digikind.records.models import Entry, Subject
from digikind.reviews.models import ReviewCycle, Answer
found = {}
for org in Organisation.objects.order_by("slug"):
    found[org.slug] = {
        "reviews": sorted(ReviewCycle.objects.for_org(org).values_list("name", flat=True)),
        "answers": Answer.objects.filter(response__organisation=org).count(),
        "checks": sorted(PolicyCheck.objects.for_org(org).values_list("title", flat=True)),
        "records": [[e.seq, e.hash, services.sensitive(e)]
                    for e in Entry.objects.for_org(org).order_by("seq")],
        "people": sorted(map(str, map(services.subject_name, Subject.objects.for_org(org)))),
        "chain": services.verify(org).result.problems,
    }
print(json.dumps(found))
"""


class Digikind:
    """One Digikind install: a data folder and a database of its own."""

    def __init__(self, database_url: str | None) -> None:
        self.data = Path(tempfile.mkdtemp())
        self.env = {**os.environ, "DIGIKIND_DATA_DIR": str(self.data)}
        self.env.pop("DATABASE_URL", None)
        self.env.pop("DIGIKIND_TEST_SQLITE", None)
        if database_url:
            self.env["DATABASE_URL"] = database_url

    def run(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [DIGIKIND, *args], env=self.env, capture_output=True, text=True, timeout=600
        )
        if ok:
            assert done.returncode == 0, f"digikind {' '.join(args)}:\n{done.stderr}"
        return done

    def contents(self) -> dict:
        return json.loads(self.run("shell", "--no-imports", "-c", WHAT_IS_THERE).stdout)


class ScratchDatabases:
    """Empty PostgreSQL databases beside the test database, for the two installs."""

    def __init__(self) -> None:
        self.settings = connection.settings_dict
        self.names: list[str] = []

    def drop(self) -> None:
        if not self.names:
            return
        with self._admin() as admin:
            for name in self.names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _admin(self) -> psycopg.Connection:
        s = self.settings
        return psycopg.connect(
            dbname="postgres", host=s["HOST"] or None, port=s["PORT"] or None,
            user=s["USER"] or None, password=s["PASSWORD"] or None, autocommit=True,
        )  # fmt: skip

    def new(self) -> str:
        name = f"digikind_restore_{os.getpid()}_{len(self.names)}"
        with self._admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        self.names.append(name)
        s = self.settings
        auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
        return f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{name}"


class BackupRestoreTestCase(SimpleTestCase):
    """One source Digikind with the demo for all the tests; each restores into its own."""

    @classmethod
    def database_url(cls) -> str | None:
        if connection.vendor != "postgresql":
            return None  # each install's SQLite file lives in its own data folder
        return cls.scratch.new()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scratch = ScratchDatabases()
        cls.addClassCleanup(cls.scratch.drop)
        cls.source = Digikind(cls.database_url())
        cls.source.run("migrate", "--verbosity", "0")
        cls.source.run("frameworks", "load")
        cls.source.run("load-demo")
        # A policy file uploaded and not read yet: kept in the data folder, not the database.
        cls.upload = Path("uploads/policies/1/1/0")
        (cls.source.data / cls.upload).parent.mkdir(parents=True)
        (cls.source.data / cls.upload).write_text("Staff use the club's own accounts.\n")
        cls.before = cls.source.contents()

    def setUp(self):
        self.backup = Path(tempfile.mkdtemp()) / "backup.tar.gz"

    def test_a_restore_into_a_fresh_data_folder_finds_everything(self):
        said = self.source.run("backup", "--with-keys", "--output", str(self.backup)).stdout
        self.assertEqual(said.strip(), f"Backed up to {self.backup}.")
        fresh = Digikind(self.database_url())
        said = fresh.run("restore", str(self.backup)).stdout
        self.assertIn("riverside-youth-project: 3 reviews, 1 policy check, 12 records; "
                      "the chain is intact; records open with this Digikind's records key.",
                      said)  # fmt: skip
        after = fresh.contents()
        self.assertEqual(after, self.before)
        demo = after["riverside-youth-project"]
        self.assertEqual(demo["chain"], [])
        self.assertIn("Jamie (demo)", demo["people"])
        self.assertGreater(demo["answers"], 0)
        self.assertTrue(all("erased" not in details for _, _, details in demo["records"]))
        self.assertEqual(
            (fresh.data / self.upload).read_text(), "Staff use the club's own accounts.\n"
        )
        self.assertEqual(
            (fresh.data / "records_key").read_text(), (self.source.data / "records_key").read_text()
        )
        fresh.run("migrate", "--check")  # nothing left for migrate to do

    def test_without_keys_the_records_key_is_needed_and_then_records_open(self):
        said = self.source.run("backup", "--output", str(self.backup)).stdout
        self.assertIn("The records key is not in the backup", said)
        fresh = Digikind(self.database_url())
        fresh.run("migrate", "--verbosity", "0")
        said = fresh.run("restore", str(self.backup)).stdout
        self.assertIn("records DO NOT OPEN with this Digikind's records key", said)
        self.assertIn("The backup holds no keys", said)
        (fresh.data / "records_key").write_text((self.source.data / "records_key").read_text())
        self.assertEqual(fresh.contents(), self.before)

    def test_a_digikind_that_holds_organisations_is_replaced_only_when_asked(self):
        self.source.run("backup", "--with-keys", "--output", str(self.backup))
        fresh = Digikind(self.database_url())
        fresh.run("restore", str(self.backup))
        fresh.run("create-organisation", "Made after the backup", "--lead-email", "n@example.org")
        refused = fresh.run("restore", str(self.backup), ok=False)
        self.assertEqual(refused.returncode, 1)
        held = len(self.before) + 1  # the backup's organisations and the one made since
        self.assertIn(f"already holds {held} organisation(s)", refused.stderr)
        self.assertIn("run the command again with --replace", refused.stderr)
        self.assertIn("made-after-the-backup", fresh.contents())
        fresh.run("restore", "--replace", str(self.backup))
        self.assertEqual(fresh.contents(), self.before)

    def test_a_file_that_is_not_a_backup_is_refused_plainly(self):
        fresh = Digikind(self.database_url())
        self.backup.write_text("not a backup")
        refused = fresh.run("restore", str(self.backup), ok=False)
        self.assertIn("is not a Digikind backup (not a .tar.gz file)", refused.stderr)
        refused = fresh.run("restore", str(self.backup.with_name("missing.tar.gz")), ok=False)
        self.assertIn("There is no file", refused.stderr)
