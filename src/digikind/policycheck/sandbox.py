"""Read a file in a child process with a memory limit and a time limit.

extract() already bounds its own work, but it leans on pypdf, python-docx and the XML
parsers, and a hostile file may find a path through them that we did not think of. So the
web upload and the background task read every file in a child process: the child may use
at most `limits.memory_mb` more memory than it started with (RLIMIT_AS) and
`limits.seconds` of time; if it breaks a limit or dies, the person gets a plain message and
the server carries on. Children come from a fork server that has already imported the
readers, so each one starts in a few milliseconds.
"""

import logging
import multiprocessing
import os
import resource
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext

from digikind.policycheck.document import Document
from digikind.policycheck.extract import DEFAULT_LIMITS, ExtractionError, Limits, extract

logger = logging.getLogger(__name__)
MB = 1024 * 1024


@dataclass
class Reading:
    """What the child sent back: a document, or the message that says why not."""

    document: Document | None
    error: str
    peak_rss_kb: int  # the child's own peak resident memory, 0 if it died before telling
    seconds: float


def too_big_message(name: str) -> str:
    return (
        f"{name} unpacks to far more than a policy could be, so we stopped reading it. "
        "Open it and save it again as a normal Word file, or save it as PDF, then upload that."
    )


def too_slow_message(name: str) -> str:
    return (
        f"{name} took too long to read, so we stopped. Save it again as a simpler file "
        "(for example as plain text or a new PDF), then upload that."
    )


def damaged_message(name: str) -> str:
    return (
        f"We could not read {name}: it may be damaged. Open it on your computer and save it "
        "again, then upload the new copy."
    )


def extract_in_child(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Like extract(), in a child process; raises ExtractionError with a plain message."""
    reading = read_in_child(name, data, limits)
    if reading.document is None:
        raise ExtractionError(reading.error)
    return reading.document


def read_in_child(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Reading:
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, name, data, limits), daemon=True)
    started = time.monotonic()
    child.start()
    sender.close()
    try:
        if receiver.poll(limits.seconds):
            document, error, peak = receiver.recv()
        else:
            document, error, peak = None, too_slow_message(name), 0
    except (EOFError, OSError):
        # The child died without a word: the kernel stopped it for using too much memory
        # or processor time.
        document, error, peak = None, too_big_message(name), 0
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if document is None and child.exitcode not in (0, None) and not error:
        error = too_big_message(name)
    return Reading(document, error, peak, time.monotonic() - started)


def _context() -> ForkServerContext | SpawnContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # "__main__" first, as multiprocessing does by default, so children do not import it again.
        context.set_forkserver_preload(
            ["__main__", "digikind.policycheck.sandbox", "pypdf", "docx"]
        )
        return context
    return multiprocessing.get_context("spawn")


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 256 * MB


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _child(sender: Connection, name: str, data: bytes, limits: Limits) -> None:
    memory = _address_space() + limits.memory_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = max(1, limits.seconds)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        document = extract(name, data, limits)
    except ExtractionError as error:
        sender.send((None, str(error), _peak_kb()))
    except MemoryError:
        sender.send((None, too_big_message(name), _peak_kb()))
    except RecursionError:
        sender.send((None, damaged_message(name), _peak_kb()))
    except Exception:  # a reader tripped on a file we did not foresee: say so plainly
        logger.exception("Unexpected failure reading %s", name)
        sender.send((None, damaged_message(name), _peak_kb()))
    else:
        try:
            sender.send((document, "", _peak_kb()))
        except MemoryError:
            sender.send((None, too_big_message(name), _peak_kb()))
    finally:
        sender.close()
