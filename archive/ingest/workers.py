"""Extraction in worker processes, one writer: `ingest --workers N`.

Files are handed to the workers lazily, at most `IN_FLIGHT` per worker at a time,
and their results come back in the order of the files: memory stays flat however
many files a run reads, and the writer sees what a run with one worker sees.

Workers are forked from the writer, so they start with its code already imported and
its tables built (`warm_up`, about a second a process otherwise), and read nothing but
files; they ignore Ctrl-C (the writer stops the run, and says so), and end when the
writer does, even when it is killed outright. When a worker dies (killed, out of
memory), the files in flight are read again by fresh workers, one at a time: the file
that kills a worker reading it alone gets one error line, and the others go in.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from archive.extraction.pipeline import warm_up

from .reading import FileRead, read_and_extract

ORPHAN_CHECK = 0.5  # seconds between a worker's checks that the writer is still there
IN_FLIGHT = 2  # files handed to each worker ahead of the writer
FILES_PER_WORKER = 8  # fewer files than this per worker, and starting the worker (about 0.3 s) costs more than it saves


def default_workers() -> int:
    """One worker per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def workers_for(requested: int, files: int) -> int:
    """How many workers a run of `files` files gets when `requested` are asked for: no more than
    one per `FILES_PER_WORKER` files, and 1 (extraction in this process) for a handful of files."""
    return max(1, min(requested, files // FILES_PER_WORKER))


def extracted_files(paths: Iterable[Path], *, workers: int = 1) -> Iterator[FileRead]:
    """Each file read and extracted, in the order of `paths`; in this process when `workers` is 1."""
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(read_and_extract, paths)
        return
    warm_up()
    yield from WorkerPool(workers).results(iter(paths))


def start_worker(writer: int) -> None:
    """Ignore Ctrl-C (the writer ends the run), and end with the writer: a writer killed outright
    (SIGKILL) cannot stop its workers, which would otherwise wait for work forever. SIGTERM ends
    a worker at once, whatever handler the writer set for itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=exit_when_orphaned, args=(writer,), daemon=True).start()


def exit_when_orphaned(writer: int) -> None:
    while os.getppid() == writer:
        time.sleep(ORPHAN_CHECK)
    os._exit(1)


class WorkerPool:
    def __init__(self, workers: int):
        self.workers = workers
        self.pool = self.start()
        self.pending: deque[tuple[Path, Future, bool]] = deque()  # (file, its result, read alone)
        self.suspects: deque[Path] = deque()  # files in flight when a worker died, to read again one by one

    def start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=start_worker, initargs=(os.getpid(),))

    def results(self, paths: Iterator[Path]) -> Iterator[FileRead]:
        try:
            while True:
                self.fill(paths)
                if not self.pending:
                    return
                path, future, alone = self.pending.popleft()
                try:
                    read = future.result()
                except BrokenProcessPool:
                    self.restart()
                    if alone:
                        yield FileRead(path, error="extraction worker stopped unexpectedly while reading this file")
                    else:  # any of the files in flight may have killed it: each is read again, alone
                        self.suspects.extendleft(reversed([path, *(p for p, _, _ in self.pending)]))
                        self.pending.clear()
                    continue
                yield read
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def fill(self, paths: Iterator[Path]) -> None:
        """Hand out files up to the limit; while there are suspects, one file at a time."""
        if self.suspects:
            if not self.pending:
                path = self.suspects.popleft()
                self.pending.append((path, self.submit(path), True))
            return
        while len(self.pending) < self.workers * IN_FLIGHT:
            path = next(paths, None)
            if path is None:
                return
            self.pending.append((path, self.submit(path), False))

    def submit(self, path: Path) -> Future:
        try:
            return self.pool.submit(read_and_extract, path)
        except BrokenProcessPool as exc:  # a worker died since the last result: this file is in flight too
            future = Future()
            future.set_exception(exc)
            return future

    def restart(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self.start()
