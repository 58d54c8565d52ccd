"""Files in, articles out: reading, error reporting and one transaction per article."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from django.conf import settings
from django.db import transaction

from archive.extraction.layout.decode import MAX_BYTES
from archive.extraction.pipeline import extract_file
from archive.extraction.records import InputError

from .articles import save_article
from .countries import forget_rows
from .report import IngestReport

log = logging.getLogger(__name__)


class DryRunRollback(Exception):
    """Raised inside an article's transaction to undo it on a dry run."""


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file named, and every file under every folder named, in a stable order.

    Hidden files and folders (".git", ".DS_Store") are passed over.
    """
    for path in map(Path, paths):
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                yield from (Path(root) / f for f in sorted(files) if not f.startswith("."))
        else:
            yield path


def read_file(path: Path) -> bytes:
    """The file's bytes; InputError for anything that cannot be an article file."""
    try:
        if path.is_dir():
            raise InputError("is a folder")
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"file too large to be an article ({path.stat().st_size:,} bytes)")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"unreadable ({exc.strerror or exc})") from None


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
    for path in iter_files(paths):
        ingest_file(path, report, dry_run=dry_run)
        if on_file:
            on_file(path)
    return report


def ingest_file(path: Path, report: IngestReport, *, dry_run: bool = False) -> None:
    report.files += 1
    try:
        articles = extract_file(read_file(path), path.name)
    except InputError as exc:
        report.error(path, str(exc))
        return
    except Exception as exc:  # a bug must not stop the other files; it is reported with its trace
        log.exception("extraction failed on %s", path)
        report.error(path, f"extraction failed: {exc!r}")
        return
    for extracted in articles:
        try:
            with transaction.atomic():
                save_article(extracted, source_path=source_path(path), report=report)
                if dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            pass
