"""Bylines: who signed a story, and when the signature is a desk or an outlet, which.

`By A and B`, `By A, The Daily Ledger`, `Author: A`, `By A - 2 days ago`,
`(Reporting by A; Editing by B)`, a desk alone on a line (`Our Correspondent`,
`Web Desk`), `By Steppe Wire's Tajik Desk` (a desk of the outlet Steppe Wire), `By Caspiannews`
(a one-word signature that is no person's name: the outlet).
"""
from __future__ import annotations

import re

from ..lexicon.media import DESK_WORDS
from . import clean, dates_lines

AUTHOR = re.compile(r"^(?:author|written\s+by|text|reporter)\s*:\s*(?P<name>[A-Z][^|,;:]{2,60}?)\s*$", re.I)
TRAILING_WHEN = re.compile(r"\s+[-–—|•·]\s+.*$")
BY_DESK_OF = re.compile(r"^(?:By|BY)\s+(?P<name>(?P<outlet>[A-Z][\w./&-]+)['’]s\s+[A-Z][\w ]{2,40}?(?:Service|Desk|Bureau|Team))\s*$")
BY_ONE_WORD = re.compile(r"^(?:By|BY)\s*:?\s+(?P<name>[A-Z][\w.&-]{2,30})\s*$")
MAX_BYLINE_WORDS = 12


def byline_of(line: str) -> tuple[str, str | None] | None:
    """(byline, outlet it names or None), else None."""
    line = line.strip().strip("()").strip()
    if len(line.split()) > MAX_BYLINE_WORDS * 2:
        return None
    if match := BY_DESK_OF.match(line):
        return match.group("name"), match.group("outlet")
    if match := BY_ONE_WORD.match(line):
        name = match.group("name")
        return (name, None) if name.lower() in DESK_WORDS else (name, name)
    if match := AUTHOR.match(line):
        return match.group("name").strip(), None
    found = clean.byline_of(line) or clean.byline_of(TRAILING_WHEN.sub("", line))
    return found


def desk_byline(line: str) -> str | None:
    """`Our Correspondent`, `News Desk`, `Web Desk`: a line made only of desk words."""
    words = line.strip().split()
    if 1 < len(words) <= 4 and all(w.lower().strip(".,") in DESK_WORDS for w in words) and line[:1].isupper():
        return line.strip()
    return None


def is_person_like(text: str) -> bool:
    """Two to four capitalised words and none of them a desk word: `Jane Roe`."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.lower() not in DESK_WORDS for w in words)


DATED_BY = re.compile(r"^(?:By|BY)\s*:?\s+(?P<name>[A-Z][^|,;:]*?)(?=\s+(?:in|on|at)\s|\s*[-–—|•·]|\s*$)")
MAX_DATED_BYLINE_WORDS = 16


def dated_byline(line: str):
    """(name, date) of `By Jane Roe in Politics on 3 March 2031` / `By Jane Roe | 03.03.2031`, else None."""
    line = line.strip()
    if not line.startswith(("By ", "BY ", "By:")) or len(line.split()) > MAX_DATED_BYLINE_WORDS:
        return None
    found = dates_lines.find_dates(line)
    match = DATED_BY.match(line[: found[0].start].rstrip() if found else "")
    if not found or not match:
        return None
    return match.group("name").strip(), found[0].value


def has_desk_word(text: str) -> bool:
    return any(w.lower().strip(".,") in DESK_WORDS - {"the", "from", "our"} for w in text.split())


NAME_WORD = re.compile(r"^[A-Z][a-z'’-]+$|^[A-Z]\.$")
COMMON_WORD_ZIPF = 3.5  # `Trade`, `Talks` are words; names are rare as words


def looks_like_name(line: str) -> bool:
    """`Amir Wasim` alone on a line: two to four capitalised words, none of them a common word."""
    words = line.split()
    if not 2 <= len(words) <= 4 or not all(NAME_WORD.match(w) for w in words):
        return False
    return all(w.lower() not in DESK_WORDS and clean.zipf(w) < COMMON_WORD_ZIPF for w in words)


# Who did what for a story, closing it: `(Reporting by A in X and B; Writing by B; Editing by C)`,
# `Editor: C | 2031-03-03 10:00`.
_CREDIT_LABEL = r"(?:additional\s+)?reporting|writing|editing|reported|written|edited|compiled"
_CREDIT = re.compile(r"\b(?P<label>" + _CREDIT_LABEL + r")\s+by\s+"
                     r"(?P<names>(?:(?!\b(?:" + _CREDIT_LABEL + r")\s+by\b)[^;()|])+)", re.I)
_LABELLED = re.compile(r"^\(?\s*(?P<label>editor|editors|reporter|reporters|writer|correspondent)\s*:\s*(?P<names>[^;()|]+)", re.I)
_CREDIT_ROLES = {"reporting": "reporter", "additional reporting": "reporter", "reported": "reporter",
                 "writing": "writer", "written": "writer", "editing": "editor", "edited": "editor",
                 "compiled": "compiler", "editors": "editor", "reporters": "reporter"}
_CREDIT_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_PLACE_AFTER = re.compile(r"\s+(?:in|from)\s+[A-Z].*$")
MAX_CREDIT_LINE_WORDS = 40


def credits_of(line: str) -> list[tuple[str, str]]:
    """(name, role) of each person a credit line names, in order; [] for any other line."""
    if " by " not in line and ":" not in line or len(line.split()) > MAX_CREDIT_LINE_WORDS:
        return []
    labelled = _LABELLED.match(line.strip())
    matches = [labelled] if labelled else list(_CREDIT.finditer(line))
    out = []
    for m in matches:
        label = re.sub(r"\s+", " ", m.group("label").lower())
        role = _CREDIT_ROLES.get(label, label)
        for part in _CREDIT_SPLIT.split(m.group("names").strip()):
            name = _PLACE_AFTER.sub("", part.strip())
            if is_person_like(name):
                out.append((name, role))
    return out


def byline_names(byline: str) -> list[str]:
    """The people of `A and B`, `A, B and C`: each a person-like name, else []."""
    names = [part.strip() for part in _CREDIT_SPLIT.split(byline.strip())]
    return names if len(names) > 1 and all(is_person_like(n) for n in names) else []
