"""The `digikind` command: Django's management commands under Digikind's name.

`digikind load-demo` runs the `load_demo` management command: hyphens are
accepted in command names because people type them.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digikind.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "digikind"
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
