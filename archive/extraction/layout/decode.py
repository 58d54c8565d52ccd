"""Stage 1: bytes -> text.

UTF-16 by its byte-order mark, or without one by where its NUL bytes fall; UTF-8
(with or without BOM); Windows-1252 for Western text, or Windows-1254 / 1250 when a
Windows-1252 reading shows their tell-tale letters inside words; then charset-normalizer's
guess, taken only when it is a legacy encoding news is published in
(`NEWS_ENCODINGS`) and it reads the bytes cleanly: no garbled sequences
(`MAX_GUESS_CHAOS`) and words of a known language (`MIN_GUESS_COHERENCE`).
Anything else would be written as mojibake, so it is refused, and so is whatever
cannot be a news article, each with an InputError whose message says why.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from ..records import InputError

MAX_BYTES = 2_000_000  # a long feature is ~100 kB; anything past 2 MB is not one article
MAX_CONTROL_SHARE = 0.02  # control characters tolerated in real text
MAX_FOREIGN_LETTER_SHARE = 0.3  # past this, cp1252 is likely the wrong guess (e.g. Cyrillic)
UTF16_NUL_SHARE = 0.3  # UTF-16 of Latin text: a NUL in at least this share of one byte column...
UTF16_STRAY_NUL_SHARE = 0.02  # ...and almost none in the other
NEWS_ENCODINGS = frozenset({  # legacy encodings of the region's and the world's news pages
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "ptcp154", "kz1048",  # Cyrillic, Kazakh
    "cp1256", "iso8859_6",  # Arabic script (Urdu, Persian, Arabic)
    "cp1254", "iso8859_9", "cp1250", "iso8859_2", "cp1257", "iso8859_13", "cp1253", "iso8859_7",
    "iso8859_15", "latin_1",  # Turkish, Central European, Baltic, Greek, Western
    "gb18030", "gbk", "gb2312", "big5", "shift_jis", "euc_jp", "euc_kr", "cp949",  # East Asian
})
MAX_GUESS_CHAOS = 0.05  # charset-normalizer's share of garbled text in the guess
MIN_GUESS_COHERENCE = 0.3  # ...and how surely its letters form a known language

SPACE_LIKE = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000]")
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # zero-width, BOM, soft hyphen
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Read as Windows-1252, Turkish (cp1254) puts Icelandic letters inside words ("Dýþiþleri"),
# Central European (cp1250) superscripts and symbols ("Wa³êsa", "¹czny"): neither occurs in
# Western news text, so the bytes are read in the encoding that gives those letters back.
MISREAD_AS_WESTERN = {
    "cp1254": re.compile(r"(?<=[^\W\d_])[ýþðÝÞÐ]|[ýþðÝÞÐ](?=[^\W\d_])"),
    "cp1250": re.compile(r"(?<=[^\W\d_])[¹³](?=[^\W\d_])|(?<=[^\W\d_])[¥¼¾¿Ÿ]|[¹¼¾£¥](?=[a-z])"),
}
MISREAD_LANGUAGE = {"cp1254": "Turkish", "cp1250": "Central European"}
MIXED_UTF8_SHARE = 0.5  # text that is not UTF-8 but whose high bytes mostly form UTF-8 sequences mixes two


def decode_bytes(data: bytes) -> str:
    """Decode one file's bytes into normalized text, or raise InputError."""
    if len(data) > MAX_BYTES:
        raise InputError(f"file too large for an article ({len(data)} bytes, limit {MAX_BYTES})")
    if not data.strip():
        raise InputError("empty file")
    text, _ = _decode(data)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError("binary file (mostly non-text)")
    text = normalize(text)
    if not text.strip():
        raise InputError("empty file")
    return text


def encoding_note(data: bytes) -> str | None:
    """How the bytes were read when no rule was certain (a guessed or inferred encoding), for the
    person running the ingest; None for UTF-8, UTF-16 and plain Windows-1252, or bytes refused."""
    try:
        return _decode(data)[1]
    except InputError:
        return None


def normalize(text: str) -> str:
    """One newline convention, NFC, plain spaces, no invisible characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = SPACE_LIKE.sub(" ", text)
    return INVISIBLE.sub("", text)


def _decode(data: bytes) -> tuple[str, str | None]:
    """The text, and a note on the encoding when it was inferred rather than certain."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError("binary file (contains NUL bytes)")
        return _strict(data, utf16), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            raise InputError(f"undecodable text (UTF-8 mixed with another encoding, from byte {exc.start:,})") from None
    western = _western(data)
    if western is not None:
        return western
    return _guess(data)


def _mostly_utf8(data: bytes) -> bool:
    """Whether most non-ASCII bytes form UTF-8 sequences: read as one legacy encoding, those would
    become mojibake ("CafÃ©"), so a file that also holds other bytes mixes encodings."""
    high = sum(1 for byte in data if byte >= 0x80)
    in_sequences = sum(len(m.group()) for m in UTF8_SEQUENCE.finditer(data))
    return high > 0 and in_sequences / high >= MIXED_UTF8_SHARE


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the NULs sit where UTF-16 puts them: the high byte of
    every Latin letter, space and digit is zero, the low byte never is."""
    if len(data) % 2:
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0) / half, data[1::2].count(0) / half
    if odd >= UTF16_NUL_SHARE and even <= UTF16_STRAY_NUL_SHARE:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE and odd <= UTF16_STRAY_NUL_SHARE:
        return "utf-16-be"
    return None


def _guess(data: bytes) -> tuple[str, str]:
    """charset-normalizer's reading, if it is a news encoding and reads cleanly; else InputError."""
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError("undecodable text (not UTF-8 or Windows-1252, and no other encoding fits)")
    sure = best.chaos <= MAX_GUESS_CHAOS and best.coherence >= MIN_GUESS_COHERENCE
    if best.encoding not in NEWS_ENCODINGS or not sure:
        raise InputError(
            f"undecodable text (not UTF-8 or Windows-1252; the best guess, {best.encoding}, "
            f"reads {best.chaos:.0%} garbled and {best.coherence:.0%} like {best.language}, refused)")
    return str(best), (f"read as {best.encoding}, a guess: {best.chaos:.0%} garbled, "
                       f"{best.coherence:.0%} like {best.language}")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"undecodable text ({encoding}: {exc.reason})") from None


def _western(data: bytes) -> tuple[str, str | None] | None:
    """Windows-1252 when it decodes and reads like a Western language.

    charset-normalizer tends to pick cp1250 or cp1125 for short English text
    with curly quotes; cp1252 is by far the likeliest legacy encoding of news text.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    foreign = sum(1 for c in letters if not c.isascii())
    if letters and foreign / len(letters) > MAX_FOREIGN_LETTER_SHARE:
        return None
    for encoding, misread in MISREAD_AS_WESTERN.items():
        if misread.search(text):
            return _other_western(data, encoding, misread)
    return text, None


def _other_western(data: bytes, encoding: str, misread: re.Pattern) -> tuple[str, str] | None:
    """The text in `encoding` when that reads it without the tell-tale letters; else None (a guess)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if misread.search(text):
        return None
    return text, f"read as {encoding}: it has {MISREAD_LANGUAGE[encoding]} letters that cp1252 would garble"


def _control_share(text: str) -> float:
    return len(CONTROL.findall(text)) / max(len(text), 1)
