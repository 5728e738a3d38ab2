"""One backup file: a tar.gz holding manifest.json, a copy of the database and the data
folder's files (uploads and the like).

The database is copied with its engine's own tool (see database.py); the data folder's files
are copied first, so every file the copied database knows of is in the backup. Left out:
what Digikind makes again by itself (the cache, collected static files), the backups folder,
and the secret keys unless asked for, since whoever holds both the database and the records
key can read the records."""

import json
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from digikind.backup import database
from digikind.backup.database import BackupError

FORMAT = "digikind-backup"
VERSION = 1
KEYS = ("secret_key", "records_key")
REMADE = ("cache", "static", "backups")


def backups_folder() -> Path:
    return Path(settings.DATA_DIR) / "backups"


def _left_out(relative: Path, with_keys: bool) -> bool:
    top = relative.parts[0]
    if top in REMADE or (top in KEYS and not with_keys):
        return True
    # SQLite databases (and their journals) are never copied as files: the live one goes
    # through the backup API instead, and a test database has no place in a backup.
    return relative.name.endswith((".sqlite3", ".sqlite3-wal", ".sqlite3-shm", ".sqlite3-journal"))


def data_files(with_keys: bool) -> list[Path]:
    """The data folder's files that go in a backup, relative to it."""
    root = Path(settings.DATA_DIR)
    return sorted(
        path.relative_to(root)
        for path in root.rglob("*")
        if path.is_file() and not _left_out(path.relative_to(root), with_keys)
    )


def _migrations() -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def write_backup(target: Path | None = None, *, with_keys: bool = False) -> Path:
    """Back up the database and the data folder into one file; return its path."""
    kind = database.engine()
    now = timezone.now()
    if target is None:
        target = backups_folder() / f"digikind-backup-{now:%Y%m%d-%H%M%S}.tar.gz"
    target.parent.mkdir(parents=True, exist_ok=True)
    files = data_files(with_keys)
    with tempfile.TemporaryDirectory() as scratch:
        staged = Path(scratch)
        for relative in files:  # before the database: see the module's note
            (staged / "data" / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(Path(settings.DATA_DIR) / relative, staged / "data" / relative)
        database.dump(staged / database.FILE_NAMES[kind])
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": now.isoformat(),
            "database": kind,
            "migrations": _migrations(),
            "keys_included": with_keys,
            "files": [str(f) for f in files],
        }
        (staged / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            for item in sorted(staged.iterdir()):
                tar.add(item, arcname=item.name)
        partial.chmod(0o600)
        partial.replace(target)  # a backup file is never half written
    return target


@dataclass
class Restored:
    created_at: datetime
    files: int
    keys_included: bool


def _manifest(tar: tarfile.TarFile, source: Path) -> dict[str, Any]:
    try:
        member = tar.extractfile("manifest.json")
        assert member is not None
        manifest: dict[str, Any] = json.load(member)
    except (KeyError, AssertionError, json.JSONDecodeError):
        raise BackupError(
            f"{source} is not a Digikind backup (it has no manifest.json). Give a file that "
            "`digikind backup` wrote."
        ) from None
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(
            f"{source} is not a backup this version of Digikind can read "
            f"(format {manifest.get('format')!r}, version {manifest.get('version')!r})."
        )
    return manifest


def _check_migrations(manifest: dict[str, Any]) -> None:
    """Refuse a backup made by a newer Digikind: this one would not know its tables."""
    known = {(app, name) for app, name in MigrationLoader(None).disk_migrations}
    unknown = [f"{app} {name}" for app, name in manifest["migrations"].items()
               if (app, name) not in known]  # fmt: skip
    if unknown:
        raise BackupError(
            "This backup was made by a newer version of Digikind (it has changes this one "
            f"does not know: {', '.join(unknown[:3])}). Upgrade Digikind, then restore."
        )


def restore_backup(source: Path) -> Restored:
    """Put a backup's database and files back; the database's contents are replaced."""
    kind = database.engine()
    try:
        tar = tarfile.open(source, "r:gz")  # noqa: SIM115 (closed by the `with` below)
    except FileNotFoundError:
        raise BackupError(f"There is no file {source}. Give the backup file's path.") from None
    except tarfile.TarError:
        raise BackupError(
            f"{source} is not a Digikind backup (not a .tar.gz file). Give a file that "
            "`digikind backup` wrote."
        ) from None
    with tar, tempfile.TemporaryDirectory() as scratch:
        manifest = _manifest(tar, source)
        if manifest["database"] != kind:
            raise BackupError(
                f"This backup is of a {database.NAMES.get(manifest['database'], '?')} database "
                f"and this Digikind uses {database.NAMES[kind]}: a backup goes back into the same "
                "kind of database. To move between them, use `digikind export-organisation` and "
                "`digikind import-organisation`."
            )
        _check_migrations(manifest)
        tar.extractall(scratch, filter="data")
        staged = Path(scratch)
        database.load(staged / database.FILE_NAMES[kind])
        root = Path(settings.DATA_DIR)
        for relative in manifest["files"]:
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(staged / "data" / relative, root / relative)
    return Restored(
        created_at=datetime.fromisoformat(manifest["created_at"]),
        files=len(manifest["files"]),
        keys_included=bool(manifest["keys_included"]),
    )
