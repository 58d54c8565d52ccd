"""Files in, articles out: error reporting and one transaction per article, by the one writer.

Files are read and extracted in this process or in worker processes (`workers`);
whichever it is, articles are written here, in the order of the files, so the
archive is the same for any number of workers.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, OperationalError, connection, transaction

from archive.curation.confidence import active_model
from archive.extraction.scoring import using_model

from .articles import save_article
from .countries import forget_rows
from .events import forget_sectors
from .reading import FileRead, iter_files
from .report import IngestReport
from .workers import extracted_files

log = logging.getLogger(__name__)

SQLITE_WAIT_MS = 60_000  # how long a writer waits for another to finish its article on a SQLite file
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
    workers: int = 1,
) -> IngestReport:
    """Ingest every file under `paths`. Bad files are reported and skipped; the rest go in.

    `workers` > 1 extracts in that many processes while this one writes (see `workers`).
    """
    report = IngestReport(dry_run=dry_run)
    forget_rows()
    forget_sectors()
    wait_for_other_writers()
    with using_model(active_model()):  # workers fork inside: they score with the archive's active model too
        for read in extracted_files(iter_files(paths), workers=workers):
            write_file(read, report, dry_run=dry_run)
            if on_file:
                on_file(read.path)
    return report


def wait_for_other_writers() -> None:
    """On SQLite, one writer at a time: a second ingest's transaction (begun IMMEDIATE) waits its turn
    for up to a minute per article instead of five seconds. PostgreSQL writers run together
    (see `locks`)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_WAIT_MS}")


def write_file(read: FileRead, report: IngestReport, *, dry_run: bool = False) -> None:
    report.files += 1
    if read.error:
        report.error(read.path, read.error)
        return
    if read.note:
        report.note(read.path, read.note)
    for extracted in read.articles:
        save_one(extracted, read.path, report, dry_run=dry_run)


def save_one(extracted, path: Path, report: IngestReport, *, dry_run: bool) -> None:
    """Write one article in its own transaction, then add its counts to the report.

    A collision with another run writing at the same time (the same article saved
    first by the other, a deadlock, a locked SQLite file) undoes this try and
    retries: the next try sees what the other run wrote. Any other database error,
    or one that persists, is one error line for this article; the run goes on.
    """
    for attempt in range(ATTEMPTS):
        counts = IngestReport(dry_run=dry_run)
        try:
            with transaction.atomic():
                save_article(extracted, source_path=source_path(path), report=counts)
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
