from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from digikind.policycheck.evaluate import compare_labels, evaluate_folder, format_evaluation


class Command(BaseCommand):
    help = (
        "Compare the policy check with labelled policies: a folder of NAME.txt + NAME.json "
        "pairs, or the real-policy set (a folder with manifest/, texts/ and labels/). "
        "With --agreement A B, compare two labelling passes instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, nargs="?")
        parser.add_argument(
            "--split", choices=["dev", "holdout"], help="Only this part of the real-policy set."
        )
        parser.add_argument("--labels", type=Path, help="Read the labels from this folder.")
        parser.add_argument(
            "--agreement",
            nargs=2,
            type=Path,
            metavar=("FIRST", "SECOND"),
            help="Two label folders to compare with each other (the first taken as truth).",
        )
        parser.add_argument("--texts", type=Path, help="With --agreement: where the texts are.")
        parser.add_argument(
            "--worst", type=int, default=8, help="How many files to list by disagreements."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["agreement"]:
            first, second = options["agreement"]
            for labels in (first, second):
                if not labels.is_dir():
                    raise CommandError(f"{labels} is not a folder of labels.")
            evaluation = compare_labels(first, second, options["texts"])
            self.stdout.write(f"Agreement of {second} with {first}")
        else:
            folder: Path | None = options["folder"]
            if folder is None or not folder.is_dir():
                raise CommandError(
                    f"{folder} is not a folder. Give a folder of NAME.txt and NAME.json pairs."
                )
            evaluation = evaluate_folder(folder, options["labels"], options["split"])
        if evaluation.files == 0:
            where = options["folder"] or " and ".join(map(str, options["agreement"]))
            raise CommandError(
                "\n".join([f"{where} has no labelled policies.", *evaluation.errors])
            )
        self.stdout.write(format_evaluation(evaluation, options["worst"]))
