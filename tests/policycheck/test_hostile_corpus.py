"""Every file in the hostile corpus (tests/policycheck/hostile.py, made at test time) is read
in its child process: each gets text or a plain message, and none takes much memory. The
child's own time limit (sandbox.py) bounds the time; how long reading takes is a benchmark's
business, not a test's, so nothing here is timed."""

import re
import resource

import pytest

from digikind.policycheck import DEFAULT_LIMITS
from digikind.policycheck.sandbox import read_in_child, too_big_message, too_slow_message
from tests.policycheck import hostile

PEAK_MB = 300  # the child's own peak resident memory, readers and all
JARGON = re.compile(
    r"error|exception|traceback|errno|\bNone\b|0x[0-9a-f]|\w+\(|\.py\b|\bxref\b|\bEOF\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return hostile.write_corpus(tmp_path_factory.mktemp("hostile"))


def test_the_corpus_has_every_family_and_at_least_200_files(corpus):
    assert len(corpus) >= 200
    assert {path.parent.name for path in corpus} == {f.__name__ for f in hostile.FAMILIES}


def plain_message_problem(name: str, message: str) -> str:
    if not message:
        return "no message"
    if JARGON.search(message.replace(name, "")):
        return f"jargon in {message!r}"
    if name not in message or not message.endswith(".") or len(message) > 400:
        return f"not a plain, whole message naming the file: {message!r}"
    return ""


def test_every_file_gets_text_or_a_plain_message_in_bounded_memory(corpus):
    parent_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    problems = []
    for path in corpus:
        name = f"{path.parent.name}/{path.name}"
        reading = read_in_child(path.name, path.read_bytes())
        if reading.peak_rss_kb > PEAK_MB * 1024:
            problems.append(f"{name}: peak memory {reading.peak_rss_kb // 1024} MB")
        if reading.peak_rss_kb == 0 and reading.error not in (
            too_big_message(path.name),
            too_slow_message(path.name),
        ):
            problems.append(f"{name}: the child died without the plain message")
        if reading.document is None:
            problem = plain_message_problem(path.name, reading.error)
            if problem:
                problems.append(f"{name}: {problem}")
            continue
        document = reading.document
        if sum(len(b.text) for b in document.blocks) > DEFAULT_LIMITS.max_characters:
            problems.append(f"{name}: more text than the limit came back")
        if len(document.title) > 300:
            problems.append(f"{name}: a title of {len(document.title)} characters")
        for note in document.notes:
            problem = plain_message_problem(path.name, note)
            if problem:
                problems.append(f"{name}: note {problem}")
    assert not problems, "\n".join(problems)
    # The files themselves are read here (up to 21 MB); nothing is unpacked in this process.
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - parent_before) / 1024
    assert grown_mb < 150
