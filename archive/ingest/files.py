"""Files in, articles out: reading, error reporting and one transaction per article."""

from __future__ import annotations

import errno
import logging
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, OperationalError, connection, transaction

from archive.extraction.layout.decode import MAX_BYTES, encoding_note
from archive.extraction.pipeline import extract_file
from archive.extraction.records import InputError

from .articles import save_article
from .countries import forget_rows
from .report import IngestReport

log = logging.getLogger(__name__)

SQLITE_WAIT_MS = 60_000  # how long a writer waits for another to finish its article on a SQLite file
ATTEMPTS = 4  # tries of one article that collides with a concurrent writer
RETRY_PAUSE = 0.2  # seconds before the second try, doubled for each next one


class DryRunRollback(Exception):
    """Raised inside an article's transaction to undo it on a dry run."""


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file named, and every file under every folder named, in a stable order.

    Hidden files and folders (".git", ".DS_Store") are passed over. Anything else a
    folder holds is yielded, for `read_file` to name what cannot be read (a FIFO, a
    dangling link, a link to a folder: links to folders are not followed, so a loop
    cannot hang the walk). A folder named here that holds no file is yielded itself.
    """
    for path in map(Path, paths):
        if path.is_dir():
            files = list(walk_folder(path))
            yield from files or [path]
        else:
            yield path


def walk_folder(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        yield folder  # read_file says why it cannot be read
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk_folder(Path(entry.path))
        else:
            yield Path(entry.path)


def read_file(path: Path) -> bytes:
    """The file's bytes; InputError for anything that cannot be an article file.

    Only regular files are read (opened without blocking, so a FIFO cannot hang the
    run), and never more than the size limit plus one byte (a link to /dev/zero or a
    file that grows while read cannot exhaust memory).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise InputError(open_failure(path, exc)) from None
    try:
        kind = os.fstat(fd).st_mode
        if stat.S_ISDIR(kind):
            raise InputError("link to a folder (not followed)" if path.is_symlink() else "folder holds no files")
        if not stat.S_ISREG(kind):
            raise InputError(f"not a regular file ({file_kind(kind)})")
        data = read_at_most(fd, MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"unreadable ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise InputError(f"file too large to be an article (over {MAX_BYTES:,} bytes)")
    return data


def read_at_most(fd: int, limit: int) -> bytes:
    chunks, size = [], 0
    while size < limit:
        chunk = os.read(fd, min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def open_failure(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        if path.is_symlink():
            return f"dangling symbolic link (to {os.readlink(path)}, which does not exist)"
        return "no such file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENXIO:
        return "not a regular file (socket or device with nothing behind it)"
    return f"unreadable ({exc.strerror or exc})"


def file_kind(mode: int) -> str:
    kinds = {stat.S_ISFIFO: "a FIFO", stat.S_ISCHR: "a character device", stat.S_ISBLK: "a block device",
             stat.S_ISSOCK: "a socket"}
    return next((name for test, name in kinds.items() if test(mode)), "not a file")


def source_path(path: Path) -> str:
    """Where a file lives, the same however it was named: relative to the project when inside it."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(resolved)


def ingest_paths(
    paths: Iterable[str | Path], *, dry_run: bool = False, on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Ingest every file under `paths`. Bad files are reported and skipped; the rest go in."""
    report = IngestReport(dry_run=dry_run)
    forget_rows()
    wait_for_other_writers()
    for path in iter_files(paths):
        ingest_file(path, report, dry_run=dry_run)
        if on_file:
            on_file(path)
    return report


def wait_for_other_writers() -> None:
    """On SQLite, one writer at a time: a second ingest's transaction (begun IMMEDIATE) waits its turn
    for up to a minute per article instead of five seconds. PostgreSQL writers run together
    (see `locks`)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_WAIT_MS}")


def ingest_file(path: Path, report: IngestReport, *, dry_run: bool = False) -> None:
    report.files += 1
    try:
        data = read_file(path)
        articles = extract_file(data, path.name)
    except InputError as exc:
        report.error(path, str(exc))
        return
    except Exception as exc:  # a bug must not stop the other files; it is reported with its trace
        log.exception("extraction failed on %s", path)
        report.error(path, f"extraction failed: {exc!r}")
        return
    note = encoding_note(data)
    if note:
        report.note(path, note)
    for extracted in articles:
        save_one(extracted, path, report, dry_run=dry_run)


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
