"""Stage 1: bytes -> text.

UTF-8 (with or without BOM) first, then Windows-1252 for Western text, then
charset-normalizer's guess. Whatever cannot be a news article is refused with
an InputError whose message says why.
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

SPACE_LIKE = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000]")
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # zero-width, BOM, soft hyphen
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def decode_bytes(data: bytes) -> str:
    """Decode one file's bytes into normalized text, or raise InputError."""
    if len(data) > MAX_BYTES:
        raise InputError(f"file too large for an article ({len(data)} bytes, limit {MAX_BYTES})")
    if not data.strip():
        raise InputError("empty file")
    text = _decode(data)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError("binary file (mostly non-text)")
    text = normalize(text)
    if not text.strip():
        raise InputError("empty file")
    return text


def normalize(text: str) -> str:
    """One newline convention, NFC, plain spaces, no invisible characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = SPACE_LIKE.sub(" ", text)
    return INVISIBLE.sub("", text)


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    western = _western(data)
    if western is not None:
        return western
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError("undecodable text (no known encoding fits)")
    return str(best)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"undecodable text ({encoding}: {exc.reason})") from None


def _western(data: bytes) -> str | None:
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
    return text


def _control_share(text: str) -> float:
    return len(CONTROL.findall(text)) / max(len(text), 1)
