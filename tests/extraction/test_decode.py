import codecs

import pytest

from archive.extraction.layout.decode import MAX_BYTES, decode_bytes
from archive.extraction.records import InputError


def test_it_reads_utf8():
    assert decode_bytes("Minister’s visit — café".encode()) == "Minister’s visit — café"


def test_it_drops_a_utf8_byte_order_mark():
    assert decode_bytes(codecs.BOM_UTF8 + b"Headline\n") == "Headline\n"


def test_it_reads_windows_1252_curly_quotes():
    assert decode_bytes(b"He said \x93quoted\x94 and it\x92s fine.") == "He said “quoted” and it’s fine."


def test_it_reads_windows_1252_accents_and_dashes():
    assert decode_bytes("Café naïve résumé – dash".encode("cp1252")) == "Café naïve résumé – dash"


def test_it_reads_utf16_with_a_byte_order_mark():
    assert decode_bytes("Talks in Vienna".encode("utf-16")) == "Talks in Vienna"


def test_it_detects_a_non_western_legacy_encoding():
    text = "Министр иностранных дел провёл переговоры в столице. " * 5
    assert decode_bytes(text.encode("cp1251")).startswith("Министр иностранных дел")


def test_it_normalizes_newlines():
    assert decode_bytes(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_it_replaces_non_breaking_spaces():
    assert decode_bytes("10\u00a0km and 5\u202fkg".encode()) == "10 km and 5 kg"


def test_it_composes_accents_to_nfc():
    assert decode_bytes("Cafe\u0301".encode()) == "Café"


def test_it_removes_zero_width_characters_and_soft_hyphens():
    assert decode_bytes("nego\u00adtiations\u200b".encode()) == "negotiations"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n"])
def test_it_refuses_an_empty_file(data):
    with pytest.raises(InputError, match="empty"):
        decode_bytes(data)


def test_it_refuses_a_file_with_nul_bytes():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_it_refuses_mostly_control_characters():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(range(1, 9)) * 50 + b"text")


def test_it_refuses_a_file_too_large_for_an_article():
    with pytest.raises(InputError, match="too large"):
        decode_bytes(b"a" * (MAX_BYTES + 1))
