"""Stage 4: title, outlet, dates, dateline, byline and body of one story.

Every line of the story is classified: page furniture is dropped, lines that carry
metadata (`Updated 05 April 2024`, `Published in The Herald, ...`, `By ...`, a closing
`–Agencies`) fill the metadata, summary bullets become `highlights`, the first
headline-like line is the title, and the rest is the body: paragraphs separated by
a blank line, the dateline (`NAIROBI:`) kept as the article prints it.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from . import clean

from ..events import dates
from ..records import Precision

_WHEN = r"(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?)"
_OUTLET = r"(?:\s*\((?P<outlet>[^()]{2,40})\))?"
_CLOSE = r"\s*(?::|[—–]|--?)\s+"
DATELINE = re.compile(  # ISLAMABAD: / ISLAMABAD, May 27 (Alliance News): / BAKU, Oct 2 (Reuters) -
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3})(?:\s*,\s*" + _WHEN + r")?" + _OUTLET + _CLOSE
)
TITLE_CASE_DATELINE = re.compile(  # Dushanbe, Aug 21, 2025 (Xinhua) -- : a date must follow the place
    r"^(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s*,\s*" + _WHEN + _OUTLET + _CLOSE
)
QUOTES = "'\"‘’“”"
SOFT_WRAP_END = re.compile(r"[\w,;–—-]$")  # a line that stops mid-sentence


@dataclass
class StoryMetadata:
    title: str
    body: str
    outlet: str | None = None
    published: datetime.date | None = None
    dateline: str | None = None
    byline: str | None = None
    highlights: list[str] = field(default_factory=list)  # summary bullets, not part of the body


def read_metadata(story: str) -> StoryMetadata:
    meta = StoryMetadata(title="", body="")
    paragraphs: list[list[str]] = [[]]
    in_header = True  # captions only occur before the first body paragraph
    kicker = ""
    for line in _split_trailing_metadata(story).split("\n"):
        line = line.strip()
        if not line:
            paragraphs.append([])
        elif _take_metadata(meta, line, in_header):
            paragraphs.append([])
        elif not meta.title and clean.is_headline_like(line) and not line.isupper():
            meta.title = _unquote(line)
        elif in_header and clean.is_headline_like(line) and line.isupper():
            kicker = kicker or line  # an all-caps headline, or a section label above the headline
        elif meta.title and _same(line, meta.title):
            continue
        else:
            paragraphs[-1].append(line)
            in_header = False
    texts = [_join_lines(p) for p in paragraphs if p]
    texts = _strip_trailing_credit(meta, texts)
    if texts:
        _read_dateline(meta, texts[0])
    meta.title = meta.title or _unquote(kicker) or _fallback_title(texts)
    meta.body = "\n\n".join(texts)
    return meta


def _take_metadata(meta: StoryMetadata, line: str, in_header: bool) -> bool:
    """Record what a non-body line says; True when the line is not body text."""
    if clean.is_boilerplate(line):
        return True
    if (published := clean.published_in(line)) is not None:
        meta.outlet = meta.outlet or published[0]
        meta.published = meta.published or _full_date(published[1])
        return True
    if (when := clean.timestamp_of(line)) is not None:
        meta.published = meta.published or _full_date(when)
        return True
    if (byline := clean.byline_of(line)) is not None:
        name, outlet = byline
        meta.byline = meta.byline or name
        meta.outlet = meta.outlet or outlet
        return True
    if clean.is_bullet(line):
        meta.highlights.append(clean.strip_bullet(line))
        return True
    return in_header and clean.is_caption(line)


TRAILING_PUBLISHED = re.compile(r"(?<=[.!?])[ \t]+(?=published\s+in\s)", re.I)


def _split_trailing_metadata(story: str) -> str:
    """Put a `Published in …` note that follows a sentence on its own line."""
    return TRAILING_PUBLISHED.sub("\n", story)


def _full_date(text: str) -> datetime.date | None:
    """A publication date only when day, month and year are all stated."""
    date = dates.parse_date(text, None)
    return date.value if date and date.precision == Precision.DAY else None


def _join_lines(lines: list[str]) -> str:
    """Lines of one block: a hard-wrapped line continues; any other line starts a paragraph."""
    out = [lines[0]]
    for line in lines[1:]:
        if SOFT_WRAP_END.search(out[-1]) and line[:1].islower():
            out[-1] += " " + line
        else:
            out.append(line)
    return "\n\n".join(out)


def _strip_trailing_credit(meta: StoryMetadata, texts: list[str]) -> list[str]:
    """Drop a closing `–Agencies` credit (own line or end of the last paragraph) into the byline."""
    if not texts:
        return texts
    last_paragraph = texts[-1].split("\n\n")[-1]
    source = clean.credit_line(last_paragraph)
    if source:
        rest = texts[-1][: -len(last_paragraph)].rstrip()
        texts = texts[:-1] + ([rest] if rest else [])
    else:
        stripped, source = clean.split_agency_trailer(texts[-1])
        texts = texts[:-1] + [stripped]
    if source:
        meta.byline = meta.byline or source
    return texts


def _read_dateline(meta: StoryMetadata, first_paragraph: str) -> None:
    match = DATELINE.match(first_paragraph) or TITLE_CASE_DATELINE.match(first_paragraph)
    if match:
        meta.dateline = match.group("place").upper()
        meta.outlet = meta.outlet or (match.group("outlet") or "").strip() or None
        if match.group("when"):
            meta.published = meta.published or _full_date(match.group("when"))


def _unquote(line: str) -> str:
    line = line.strip()
    if len(line) > 2 and line[0] in QUOTES and line[-1] in QUOTES:
        return line[1:-1].strip()
    return line


def _same(line: str, title: str) -> bool:
    return _unquote(line).casefold() == title.casefold()


def _fallback_title(texts: list[str]) -> str:
    """No headline: the first sentence-ish stretch of the body, at most 15 words."""
    if not texts:
        return ""
    first = DATELINE.sub("", TITLE_CASE_DATELINE.sub("", texts[0], count=1), count=1)
    words = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0].split()
    return " ".join(words[:15])
