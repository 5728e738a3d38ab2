from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from digikind.policycheck.evaluate import evaluate_folder, format_evaluation


class Command(BaseCommand):
    help = "Compare the policy check with a folder of labelled policies (NAME.txt + NAME.json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path)
        parser.add_argument(
            "--worst", type=int, default=8, help="How many files to list by disagreements."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["folder"]
        if not folder.is_dir():
            raise CommandError(
                f"{folder} is not a folder. Give a folder of NAME.txt and NAME.json pairs."
            )
        evaluation = evaluate_folder(folder)
        if evaluation.files == 0:
            raise CommandError(f"{folder} has no labelled policies (NAME.txt with NAME.json).")
        self.stdout.write(format_evaluation(evaluation, options["worst"]))
