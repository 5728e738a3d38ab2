from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from digikind.frameworks import files, services


class Command(BaseCommand):
    help = "Check framework files (`digikind frameworks check`) or load them (`... load`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["check", "load"])
        parser.add_argument(
            "paths",
            nargs="*",
            type=Path,
            help="Framework files to use (default: every file Digikind ships).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        paths: list[Path] = options["paths"] or files.framework_files()
        checked = [files.check_file(path) for path in paths]
        problems = [problem for result in checked for problem in result.problems]
        for problem in problems:
            self.stderr.write(str(problem))
        if problems:
            raise CommandError(
                f"{len(problems)} problem(s) in the framework files. Nothing was loaded."
            )
        if options["action"] == "check":
            questions = sum(len(result.questions()) for result in checked)
            self.stdout.write(f"{len(checked)} framework files are fine ({questions} questions).")
            return
        for result in checked:
            try:
                outcome = services.load_framework(result)
            except services.FrameworkError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(outcome)
