import codecs

import pytest

from archive.extraction.layout.decode import MAX_BYTES, decode_bytes, encoding_note
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


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_it_reads_utf16_without_a_byte_order_mark(encoding):
    text = "Talks in Vienna ended on Monday.\nBoth sides said “progress” was made.\n"
    assert decode_bytes(text.encode(encoding)) == text


def test_it_reads_utf16_without_a_byte_order_mark_when_it_mixes_scripts():
    text = "Переговоры в Астане. Talks in Astana were held on Monday with the delegation.\n"
    assert decode_bytes(text.encode("utf-16-le")) == text


def test_it_still_refuses_a_nul_inside_otherwise_plain_text():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"The minister met his counterpart\x00 on Monday in the capital.\n")


@pytest.mark.parametrize("noise", [
    bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 3 + bytes(range(0xA0, 0xC8)),  # no encoding fits
    bytes([0x8D, 0xE9, 0xB2, 0xF1, 0x81, 0xC3, 0xA7, 0x9D, 0xFE, 0xD0]) * 4,  # fits, reads as garble
], ids=["no encoding fits", "the best guess reads as garble"])
def test_it_refuses_bytes_that_no_news_encoding_reads_cleanly(noise):
    with pytest.raises(InputError, match=r"undecodable text \(not UTF-8 or Windows-1252"):
        decode_bytes(b"Talks were held in the capital on Monday. " + noise + b" The talks ended.\n")


def test_it_reads_a_cyrillic_legacy_encoding_other_than_windows_1251():
    text = "Министр иностранных дел провёл переговоры в столице. " * 5
    assert decode_bytes(text.encode("koi8-r")).startswith("Министр иностранных дел")


def test_it_reads_urdu_or_arabic_in_windows_1256():
    text = "وزير الخارجية يلتقي نظيره في العاصمة. " * 5
    assert decode_bytes(text.encode("cp1256")).startswith("وزير الخارجية")


def test_it_refuses_utf8_mixed_with_windows_1252_rather_than_write_mojibake():
    data = "The café’s owner met the délégation.".encode() + b" He said \x93we agree\x94.\n"
    with pytest.raises(InputError, match="UTF-8 mixed with another encoding"):
        decode_bytes(data)


@pytest.mark.parametrize("text, encoding", [
    ("Министр иностранных дел провёл переговоры в столице. ЁЖИК ЁЛКА " * 5, "cp1251"),
    ("He said “quoted” — and it’s fine. Café naïve résumé. " * 5, "cp1252"),
])
def test_a_single_legacy_encoding_is_not_taken_for_mixed_utf8(text, encoding):
    assert decode_bytes(text.encode(encoding)).startswith(text[:20])


def test_turkish_in_windows_1254_is_not_read_as_windows_1252():
    text = "The ministry said Dışişleri Bakanı met the delegation in İstanbul on Monday. "
    assert decode_bytes(text.encode("cp1254")) == text


def test_central_european_in_windows_1250_is_not_read_as_windows_1252():
    text = "The minister met the mayor of Łódź; the talks on współpraca went on for an hour. "
    assert decode_bytes(text.encode("cp1250")) == text


def test_western_text_with_signs_between_digits_and_letters_stays_windows_1252():
    text = "A 25 m² plot, 3 m³ of water, 1½ hours, ¿Qué?, Ørsted and Ægir were named. "
    assert decode_bytes(text.encode("cp1252")) == text


def test_a_guessed_encoding_is_named_with_how_sure_the_guess_is():
    text = "Министр иностранных дел провёл переговоры в столице. " * 5
    note = encoding_note(text.encode("cp1251"))
    assert note.startswith("read as cp1251, a guess: 0% garbled") and "Russian" in note


def test_an_inferred_windows_encoding_is_named():
    assert encoding_note("Dışişleri Bakanı met in İstanbul.".encode("cp1254")).startswith("read as cp1254")


@pytest.mark.parametrize("data", [b"Plain text.", "He said \u201cyes\u201d.".encode("cp1252"), "é".encode(), b"\x00\x01"])
def test_certain_encodings_and_refused_bytes_carry_no_note(data):
    assert encoding_note(data) is None
