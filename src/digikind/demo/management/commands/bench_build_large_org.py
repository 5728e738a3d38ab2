"""digikind bench-build-large-org [--scale S]: a large made-up organisation for bench/."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = (
        "Build a large made-up organisation for the benchmarks: 100,000 records over 3 years, "
        "40 channels, 20 closed reviews of 500 respondents, 30 policy checks (times --scale)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=float, default=1.0)

    def handle(self, *args: Any, **options: Any) -> None:
        from digikind.demo import large

        began = time.perf_counter()
        built = large.build(options["scale"])
        seconds = time.perf_counter() - began
        counts = ", ".join(f"{v} {k}" for k, v in built.counts.items())
        self.stdout.write(f"Built {built.organisation.slug} ({counts}) in {seconds:.0f} s")
