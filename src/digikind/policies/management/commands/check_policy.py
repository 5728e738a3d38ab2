import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from digikind.policies.next_steps import next_steps
from digikind.policies.text_report import format_report
from digikind.policycheck import ExtractionError, Report, check_files

SUFFIXES = {".pdf", ".docx", ".odt", ".html", ".htm", ".md", ".txt"}


class Command(BaseCommand):
    help = "Check policies: the topics they cover, their failings and how easy they are to read."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="Policy files, or folders of them.")
        parser.add_argument("--json", action="store_true", help="Print the full findings as JSON.")
        parser.add_argument(
            "--together",
            action="store_true",
            help="Check all the files as one policy set (default: each file on its own).",
        )
        parser.add_argument(
            "--fail-under",
            type=int,
            metavar="N",
            help="Exit with status 1 if any policy covers fewer than N of the 18 topics.",
        )
        parser.add_argument(
            "--fail-on",
            default="",
            metavar="FAILINGS",
            help="Exit with status 1 if any policy shows one of these failings "
            "(comma-separated: absent,narrow,out-of-date,overly-restrictive).",
        )
        parser.add_argument(
            "--fail-over-grade",
            type=float,
            metavar="G",
            help="Exit with status 1 if any policy's reading grade is above G.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        files = self._files(options["paths"])
        groups = [files] if options["together"] else [[f] for f in files]
        results: list[tuple[list[Path], Report | None, str]] = []
        for number, group in enumerate(groups, start=1):
            if len(groups) > 1:
                self._progress(number, len(groups), group[0].name)
            try:
                report = check_files([(p.name, p.read_bytes()) for p in group])
                results.append((group, report, ""))
            except ExtractionError as error:
                results.append((group, None, str(error)))
            except OSError as error:
                results.append((group, None, f"Cannot read {group[0]}: {error.strerror}."))
        if len(groups) > 1:
            sys.stderr.write("\n")
        self._print(results, options["json"])
        failed = [self._failures(report, options) for _group, report, _error in results if report]
        problems = [p for group in failed for p in group]
        if any(error for _g, _r, error in results):
            problems.append("some files could not be read")
        if problems:
            raise CommandError("Failed: " + "; ".join(sorted(set(problems))) + ".", returncode=1)

    def _files(self, paths: list[Path]) -> list[Path]:
        files: list[Path] = []
        for path in paths:
            if path.is_dir():
                files += sorted(
                    p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
                )
            elif path.is_file():
                files.append(path)
            else:
                raise CommandError(f"{path} does not exist. Give policy files or folders of them.")
        if not files:
            raise CommandError(
                "No policy files found (PDF, Word, OpenDocument, HTML, Markdown or text)."
            )
        return files

    def _progress(self, number: int, total: int, name: str) -> None:
        width = 30
        done = int(width * number / total)
        sys.stderr.write(f"\r[{'#' * done}{' ' * (width - done)}] {number}/{total} {name[:40]:<40}")
        sys.stderr.flush()

    def _print(self, results: list[tuple[list[Path], Report | None, str]], as_json: bool) -> None:
        if as_json:
            out = []
            for group, report, error in results:
                item: dict[str, Any] = {"files": [str(p) for p in group]}
                if report:
                    item["report"] = report.to_dict()
                    item["next_steps"] = [step.__dict__ for step in next_steps(report)]
                else:
                    item["error"] = error
                out.append(item)
            self.stdout.write(
                json.dumps(out if len(out) > 1 else out[0], indent=2, ensure_ascii=False)
            )
            return
        for group, report, error in results:
            if report:
                self.stdout.write(format_report(report, next_steps(report)))
            else:
                self.stdout.write(f"Could not check {', '.join(p.name for p in group)}: {error}")
            self.stdout.write("")

    def _failures(self, report: Report, options: dict[str, Any]) -> list[str]:
        found = []
        covered = report.counts()["covered"]
        if options["fail_under"] is not None and covered < options["fail_under"]:
            found.append(f"fewer than {options['fail_under']} topics covered")
        wanted = {f.strip() for f in options["fail_on"].split(",") if f.strip()}
        found += [f"{f.id} found" for f in report.failings if f.flagged and f.id in wanted]
        grade = report.readability.grade if report.readability else 0
        if options["fail_over_grade"] is not None and grade > options["fail_over_grade"]:
            found.append(f"reading grade above {options['fail_over_grade']}")
        return found
