"""The bad-input matrix, through the real `ingest` command: each bad case beside a good file.

Whatever the bad input, the run ends (no hang, no unbounded read, no traceback) with one
error line naming the file and the reason, the good file ingested, nothing of the bad
one written, and a non-zero exit.
"""

import io
import os

import pytest
from django.core.management import CommandError, call_command

from archive.extraction.layout.decode import MAX_BYTES
from archive.models import Article

pytestmark = pytest.mark.django_db

GOOD = """Uzbekistan and Turkmenistan sign gas transit deal

TASHKENT: Uzbek Foreign Minister Farrukh Alimov met Turkmen Foreign Minister Dovlet Orazov in Tashkent on Monday.

The two ministers discussed energy transit and rail links, the Uzbek foreign ministry said in a statement.
"""
PROSE = "The delegations discussed transit, customs and investment in the region, officials said. "


def run(*paths):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, paths), stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        err.write(f"{exc}\n")
        code = 1
    return code, out.getvalue(), err.getvalue()


def write(path, data: bytes):
    path.write_bytes(data)


def make_fifo(path):
    os.mkfifo(path)


def link_to(target):
    return lambda path: path.symlink_to(target)


def make_loop(path):
    path.symlink_to(path)


BAD_FILES = {
    "empty": (lambda p: write(p, b""), "empty file"),
    "whitespace only": (lambda p: write(p, b"  \n\t\r\n   \n"), "empty file"),
    "binary": (lambda p: write(p, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4), "binary file"),
    "a NUL inside text": (lambda p: write(p, GOOD.replace("Monday", "Mon\x00day").encode()), "binary file"),
    "undecodable": (lambda p: write(p, GOOD.encode() + bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 8), "undecodable text"),
    "over the size limit": (lambda p: write(p, b"word " * (MAX_BYTES // 5 + 1)), "file too large"),
    "a 1 MB line": (lambda p: write(p, (PROSE * (1_000_000 // len(PROSE) + 1)).encode()), "story too long"),
    "a FIFO": (make_fifo, "not a regular file (a FIFO)"),
    "a link to /dev/zero": (link_to("/dev/zero"), "not a regular file (a character device)"),
    "a symbolic link loop": (make_loop, "symbolic link loop"),
    "a dangling link": (link_to("/nowhere/at/all.txt"), "dangling symbolic link"),
    "an empty folder": (lambda p: p.mkdir(), "folder holds no files"),
}


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error: ")]


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_a_bad_file_named_on_the_command_line_gets_one_error_line_and_the_good_file_goes_in(tmp_path, good, case):
    make, reason = BAD_FILES[case]
    bad = tmp_path / "bad.txt"
    make(bad)
    code, out, err = run(bad, good)
    assert code == 1
    lines = error_lines(err)
    assert len(lines) == 1 and lines[0].startswith(f"error: {bad}: {reason}")
    assert "Traceback" not in err
    assert list(Article.objects.values_list("source_name", flat=True)) == ["good.txt"]
    assert "Articles: 1 new" in out and "Errors: 1" in out


@pytest.mark.parametrize("case", [c for c in BAD_FILES if c != "an empty folder"])
def test_a_bad_file_inside_a_folder_gets_one_error_line_and_the_rest_of_the_folder_goes_in(tmp_path, good, case):
    make, reason = BAD_FILES[case]
    folder = tmp_path / "folder"
    folder.mkdir()
    bad = folder / "a-bad.txt"  # read before the good file, so a hang would keep it out
    make(bad)
    good.rename(folder / "b-good.txt")
    code, out, err = run(folder)
    assert code == 1
    assert [line.split(": ", 2)[:2] for line in error_lines(err)] == [["error", str(bad)]]
    assert reason in err
    assert list(Article.objects.values_list("source_name", flat=True)) == ["b-good.txt"]


def test_a_link_to_a_folder_inside_a_folder_is_named_not_followed(tmp_path, good):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "again").symlink_to(folder)  # followed, it would walk for ever
    good.rename(folder / "good.txt")
    code, _, err = run(folder)
    assert code == 1
    assert error_lines(err) == [f"error: {folder / 'again'}: link to a folder (not followed)"]
    assert Article.objects.count() == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"], ids=["with BOM", "LE without BOM", "BE without BOM"])
def test_utf16_with_or_without_a_byte_order_mark_is_read_beside_a_good_file(tmp_path, good, encoding):
    other = tmp_path / "utf16.txt"
    other.write_bytes(GOOD.replace("gas transit", "rail").encode(encoding))
    code, out, err = run(other, good)
    assert code == 0, err
    titles = set(Article.objects.values_list("title", flat=True))
    assert titles == {"Uzbekistan and Turkmenistan sign gas transit deal", "Uzbekistan and Turkmenistan sign rail deal"}


def test_a_file_in_a_guessed_encoding_goes_in_with_a_note_naming_the_guess(tmp_path, good):
    russian = tmp_path / "russian.txt"
    russian.write_bytes(("Переговоры в Астане\n\n" + "Министр иностранных дел провёл переговоры в столице. " * 5)
                        .encode("cp1251"))
    code, _, err = run(russian, good)
    assert code == 0, err
    assert f"note: {russian}: read as cp1251, a guess" in err
    assert Article.objects.count() == 2
