"""Reading files and extracting their stories: the part of an ingest that needs no database.

`read_and_extract` runs in the ingest's own process or in an extraction worker
(see `workers`); what it returns is plain data, sent back to the one writer.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from archive.extraction.layout.decode import MAX_BYTES, encoding_note
from archive.extraction.pipeline import extract_file
from archive.extraction.records import ExtractedArticle, InputError

log = logging.getLogger(__name__)


@dataclass
class FileRead:
    """One file's stories, or the one-line reason it gave none; a note for the person running it."""

    path: Path
    articles: list[ExtractedArticle] = field(default_factory=list)
    error: str | None = None
    note: str | None = None


def read_and_extract(path: Path) -> FileRead:
    """Read and extract one file. Never raises: bad input and bugs alike become the file's error line."""
    try:
        data = read_file(path)
        articles = extract_file(data, path.name)
    except InputError as exc:
        return FileRead(path, error=str(exc))
    except Exception as exc:  # a bug must not stop the other files; it is reported with its trace
        log.exception("extraction failed on %s", path)
        return FileRead(path, error=f"extraction failed: {exc!r}")
    return FileRead(path, articles, note=encoding_note(data))


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


