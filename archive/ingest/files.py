"""Files in, articles out: error reporting and one transaction per batch of articles, by the one writer.

Files are read and extracted in this process or in worker processes (`workers`);
whichever it is, articles are written here, in the order of the files, so the
archive is the same for any number of workers.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, OperationalError, connection, transaction

from archive.curation.confidence import active_model
from archive.extraction.records import ExtractedArticle
from archive.extraction.scoring import using_model

from .articles import save_article
from .candidates import NamePools
from .countries import forget_rows
from .events import forget_sectors
from .locks import lock_articles
from .reading import FileRead, iter_files
from .report import IngestReport
from .rows import BatchRows
from .workers import extracted_files

log = logging.getLogger(__name__)

SQLITE_WAIT_MS = 60_000  # how long a writer waits for another to finish its batch on a SQLite file
BATCH_SIZE = 50  # articles per transaction (see `Batch`)
ATTEMPTS = 4  # tries of one article that collides with a concurrent writer
RETRY_PAUSE = 0.2  # seconds before the second try, doubled for each next one


class DryRunRollback(Exception):
    """Raised inside an article's transaction to undo it on a dry run."""


def source_path(path: Path) -> str:
    """Where a file lives, the same however it was named: relative to the project when inside it."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(resolved)


def ingest_paths(
    paths: Iterable[str | Path], *, dry_run: bool = False, on_file: Callable[[Path], None] | None = None,
    workers: int = 1, batch_size: int = BATCH_SIZE,
) -> IngestReport:
    """Ingest every file under `paths`. Bad files are reported and skipped; the rest go in.

    `workers` > 1 extracts in that many processes while this one writes (see `workers`);
    articles are written `batch_size` to a transaction (see `Batch`). Interrupted while
    reading, the run writes the articles it has read before it stops.
    """
    report = IngestReport(dry_run=dry_run)
    forget_rows()
    forget_sectors()
    wait_for_other_writers()
    batch = Batch(1 if dry_run else batch_size, report, dry_run=dry_run, on_file=on_file)
    with using_model(active_model()):  # workers fork inside: they score with the archive's active model too
        try:
            for read in extracted_files(iter_files(paths), workers=workers):
                batch.add(read)
        except KeyboardInterrupt:
            batch.write()
            raise
        batch.write()
    return report


def wait_for_other_writers() -> None:
    """On SQLite, one writer at a time: a second ingest's transaction (begun IMMEDIATE) waits its turn
    for up to a minute per batch instead of five seconds. PostgreSQL writers run together
    (see `locks`)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_WAIT_MS}")


@dataclass
class Pending:
    """An article read from a file, waiting for its batch to be written."""

    extracted: ExtractedArticle
    path: Path

    @property
    def source_path(self) -> str:
        return source_path(self.path)


class Batch:
    """Articles written together, in one transaction, in the order of the files.

    The transaction first takes the advisory locks of every article of the batch
    (`locks.lock_articles`, one sorted round), reads what its articles could find
    once (`candidates`, `batch_events`), then resolves the articles one after the
    other, each seeing the records the ones before it created, and writes all of
    their rows at the end (`rows.BatchRows`). If anything
    fails, the whole batch is rolled back and its articles are written again one
    per transaction: a bad article gets its one error line and the others go in.
    A batch of one is that same path. A dry run writes one article at a time and
    rolls each back, so its report reads as it always did.
    """

    def __init__(self, size: int, report: IngestReport, *, dry_run: bool = False,
                 on_file: Callable[[Path], None] | None = None):
        self.size, self.report, self.dry_run, self.on_file = max(1, size), report, dry_run, on_file
        self.articles: list[Pending] = []
        self.files: list[Path] = []  # read since the last write, for `on_file`

    def add(self, read: FileRead) -> None:
        """Queue a file's articles; a bad file's error is reported in its place, after those before it."""
        self.report.files += 1
        if read.error:
            self.write()
            self.report.error(read.path, read.error)
        elif read.note:
            self.report.note(read.path, read.note)
        self.articles += [Pending(extracted, read.path) for extracted in read.articles]
        self.files.append(read.path)
        if len(self.articles) >= self.size:
            self.write()

    def write(self) -> None:
        articles, self.articles = self.articles, []
        with interrupts_held():
            if len(articles) <= 1 or not self.write_together(articles):
                for pending in articles:
                    save_one(pending, self.report, dry_run=self.dry_run)
        files, self.files = self.files, []
        for path in files if self.on_file else ():
            self.on_file(path)

    def write_together(self, articles: list[Pending]) -> bool:
        """All of `articles` in one transaction; False (nothing written) when any of it failed."""
        counts = [IngestReport() for _ in articles]
        try:
            with transaction.atomic():
                write_articles(articles, counts)
        except Exception as exc:  # noqa: BLE001 - each article is tried again alone, and reports its own error
            log.info("a batch of %d articles failed (%s); writing them one per transaction", len(articles),
                     one_line(exc))
            return False
        for one in counts:
            self.report.merge(one)
        return True


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl-C or SIGTERM while a batch is being written takes effect once the batch is written: the batch's
    articles were read already, and stopping mid-write would roll all of them back. The signal is then
    delivered again to the handler it had (Ctrl-C's KeyboardInterrupt, `ingest`'s own for SIGTERM).
    Signals reach the main thread only: from another thread, nothing to hold."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {signum: signal.signal(signum, lambda signum, frame: received.append(signum))
                for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if received:
        signal.raise_signal(received[0])


def write_articles(articles: list[Pending], counts: list[IngestReport]) -> None:
    """Write `articles` in the current transaction, counting each one's changes in its own report."""
    lock_articles([(pending.extracted, pending.source_path) for pending in articles])
    pools = NamePools.load([pending.extracted for pending in articles])
    batch = BatchRows([pending.extracted for pending in articles], [pending.source_path for pending in articles])
    for pending, report in zip(articles, counts):
        save_article(pending.extracted, source_path=pending.source_path, report=report, pools=pools, batch=batch)
    batch.flush()


def save_one(pending: Pending, report: IngestReport, *, dry_run: bool) -> None:
    """Write one article in its own transaction, then add its counts to the report.

    A collision with another run writing at the same time (the same article saved
    first by the other, a deadlock, a locked SQLite file) undoes this try and
    retries: the next try sees what the other run wrote. Any other database error,
    or one that persists, is one error line for this article; the run goes on.
    """
    extracted, path = pending.extracted, pending.path
    for attempt in range(ATTEMPTS):
        counts = IngestReport(dry_run=dry_run)
        try:
            with transaction.atomic():
                write_articles([pending], [counts])
                if dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        except (IntegrityError, OperationalError) as exc:
            if attempt + 1 < ATTEMPTS:
                time.sleep(RETRY_PAUSE * 2**attempt)
                continue
            report.error(path, f"{story_label(extracted)}: database error ({one_line(exc)}; {ATTEMPTS} tries)")
            return
        except DatabaseError as exc:
            report.error(path, f"{story_label(extracted)}: database error ({one_line(exc)})")
            return
        except Exception as exc:  # a bug in one article must not end the run; reported with its trace
            log.exception("saving failed on %s", path)
            report.error(path, f"{story_label(extracted)}: saving failed ({exc!r})")
            return
        report.merge(counts)
        return


def story_label(extracted) -> str:
    title = extracted.title if len(extracted.title) <= 60 else extracted.title[:57] + "..."
    return f"story {extracted.position + 1} ({title!r})"


def one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}"
