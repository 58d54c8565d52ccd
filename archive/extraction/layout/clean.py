"""Stage 4: repair web-export noise, and recognise the lines that are not body text.

`clean_text` only repairs text (broken hyphenation, whitespace); it drops no line,
because boilerplate lines carry metadata (`Updated 05 April 2024`, `Published in
The Herald, ...`). `split` and `metadata` use the line predicates below to tell
boilerplate, captions, bullets and timestamps from body text.

Hyphenation repair: a bad export scatters hyphens inside words (`Arg-e--n-t-ina`,
`Govern-ment`). A hyphen is noise when
  * it is one of a run of two or more (`wi--thout`), unless it reads as a dash
    between two ordinary words (`plan--which`);
  * it borders a one-letter fragment inside a word (`Bru-s-sels`);
  * the fused form is a word the text itself uses unhyphenated (`Okonk-wo`), or a
    common English word more frequent than its rarer part (`dip-lomats`, but not
    `well-being`: "wellbeing" is rarer than "well" and "being").
A capitalised fragment after a hyphen starts a compound (`France-Germany`,
`pro-EU`), and fragments with digits are never touched (`2024-25`, `12-member`).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

WORDS_FILE = Path(__file__).parent.parent / "data" / "english_words.txt"
MIN_WORD_ZIPF = 3.0  # a fused form must be at least this common to count as a word
DASH_WORD_ZIPF = 4.0  # both sides this common: `--` or a lone letter is punctuation, not noise

HYPHEN_CHAIN = re.compile(r"(?<![\w-])[^\W\d_]+(?:-+[^\W\d_]+)+(?![\w-])")
WORD = re.compile(r"[^\W\d_]+")
INNER_SPACE = re.compile(r"[ \t\f\v]+")
_ODD_SPACES = ("  ", "\t", "\f", "\v")  # what INNER_SPACE changes (a single space stays one)
BLANK_RUN = re.compile(r"\n{4,}")

# --- line predicates -----------------------------------------------------------------
URL = r"(?:https?://\S+|www\.\S+|@\w{2,})"
URL_LINE = re.compile(rf"^(?:{URL}[\s,|]*)+$", re.I)
SOCIAL = r"(?:whatsapp|telegram|twitter|x|facebook|instagram|youtube|linkedin|tiktok|threads|google news)"
BOILERPLATE_LINE = re.compile(
    r"^(?:short\s+url|follow(?:\s+us)?|share(?:\s+this(?:\s+article)?)?|print|email|comments?"
    r"|advertisement|sponsored|read\s+more|also\s+read|related(?:\s+stories)?|more\s+from.*"
    r"|listen\s+to\s+(?:this\s+)?article|copy\s+link|download\s+(?:the|our)\s+app.*"
    r"|click\s+here\b.*|sign\s+up\b.*|subscribe\b.*|story\s+continues\s+below.*)[\s.:!]*$",
    re.I,
)
CALL_TO_ACTION = re.compile(
    rf"^(?:join|follow|subscribe\s+to|like|find)\s+(?:us|our)\b.*\b(?:{SOCIAL}|channel|page|newsletter|feed)\b",
    re.I,
)
TIMESTAMP_LINE = re.compile(
    r"^(?:updated|last\s+updated|published|posted|first\s+published)(?:\s+on)?\s*:?\s+(?P<when>.+)$", re.I
)
PUBLISHED_IN = re.compile(r"^published\s+in\s+(?P<outlet>[^,\d]{2,60}?)\s*,\s*(?P<when>.+?)\.?$", re.I)
AGENCY_TRAILER = re.compile(
    r"(?<=[.!?\"”’)])\s*[-–—]{1,2}\s*(?P<source>[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,2})\s*$"
)
CAPTION_CREDIT = re.compile(
    r"[.!?]\s*(?:\((?P<credit>[^()]{1,40})\)|[—–|]\s*(?:photo\s*:?\s*)?(?P<dashed>[A-Z][\w./&-]*(?:\s+[A-Z][\w./&-]*){0,3}))\s*$",
    re.I,
)
BULLET = re.compile(r"^\s*[•▪◦●■‣·*]\s+")
BYLINE = re.compile(
    r"^(?:By|BY|by)\s*:?\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|bin|ul|al|de|van|von|der))*)"
    r"(?:\s*,\s*(?P<outlet>(?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}))?\s*$"
)
WIRE_CREDIT = re.compile(  # "Reporting by Jane Doe; Editing by John Roe" closing a wire story
    r"^(?:Additional\s+)?(?:Reporting|Writing|Reported)\s+by\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"(?:\s*(?:[;,]|and|in\s+[A-Z]).*)?$"
)
CREDIT_LINE = re.compile(r"^[-–—]{1,2}\s*(?P<source>[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,2})\s*$")
HEADLINE_MAX_WORDS = 25
SENTENCE_END = re.compile(r"[.!:;,]\s*[\"”’']?\s*$")
TIME_WORDS = re.compile(
    r"\d|\b(?:ago|today|yesterday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I
)  # "Updated 9 sec ago" is a timestamp, "Updated guidelines were issued" is not
MAX_META_WORDS = 12  # boilerplate and timestamp lines are short


def clean_text(text: str) -> str:
    """Repair broken hyphenation and normalize whitespace; keeps every line."""
    text = repair_hyphenation(text)
    lines = [(INNER_SPACE.sub(" ", line) if any(s in line for s in _ODD_SPACES) else line).strip()
             for line in text.split("\n")]
    return BLANK_RUN.sub("\n\n\n", "\n".join(lines)).strip("\n")


# --- hyphenation ---------------------------------------------------------------------


def repair_hyphenation(text: str) -> str:
    if "-" not in text:
        return text
    vocabulary = cache(lambda: _text_vocabulary(text))  # read only when the dictionary must decide a chain
    return HYPHEN_CHAIN.sub(lambda m: _repair_chain(m.group(), vocabulary), text)


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, float]:
    """Zipf frequency of common English words (see data/README.md)."""
    table = {}
    with WORDS_FILE.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                word, zipf = line.rstrip("\n").split("\t")
                table[word] = float(zipf)
    return table


def zipf(word: str) -> float:
    return word_frequencies().get(word.lower(), 0.0)


def _text_vocabulary(text: str) -> frozenset[str]:
    """Lower-cased words the text uses outside hyphenated chains."""
    plain = HYPHEN_CHAIN.sub(" ", text)
    return frozenset(w.lower() for w in WORD.findall(plain))


def _repair_chain(chain: str, vocabulary: Callable[[], frozenset[str]]) -> str:
    parts = re.split(r"(-+)", chain)
    fragments, separators = parts[0::2], parts[1::2]
    joins = [_forced_join(fragments, separators, i) for i in range(len(separators))]
    _join_known_words(fragments, separators, joins, vocabulary)
    out = [fragments[0]]
    for fragment, separator, join in zip(fragments[1:], separators, joins):
        out.append(fragment if join else (separator + fragment))
    return "".join(out)


def _forced_join(fragments: list[str], separators: list[str], i: int) -> bool | None:
    """True for structural noise, None when the dictionary has to decide."""
    if len(separators[i]) >= 2:
        return not _reads_as_dash(fragments[i], fragments[i + 1])
    if _is_lone_letter(fragments, i) or _is_lone_letter(fragments, i + 1):
        return True
    return None


def _is_lone_letter(fragments: list[str], j: int) -> bool:
    """A one-letter fragment inside a chain (`Bru-s-sels`), but not `two-and-a-half`."""
    if not (0 < j < len(fragments) - 1 and len(fragments[j]) == 1) or fragments[j] == "a":
        return False
    if fragments[j - 1][:1].isupper() and fragments[j + 1][:1].isupper():
        return False  # a linking letter between two names: izafat `Qasr-e-Millat`, `Jammu-o-Kashmir`
    return not _reads_as_dash(fragments[j - 1], fragments[j + 1])


def _reads_as_dash(left: str, right: str) -> bool:
    """Two common words around a `--` (or a lone letter: `rock-n-roll`) are not a broken word."""
    return all(len(w) >= 3 and zipf(w) >= DASH_WORD_ZIPF for w in (left, right)) and zipf(left + right) < MIN_WORD_ZIPF


def _join_known_words(fragments, separators, joins, vocabulary) -> None:
    """Fuse the longest spans of fragments that form a known word; leave other hyphens."""
    n = len(fragments)
    for length in range(n, 1, -1):
        for start in range(0, n - length + 1):
            seps = range(start, start + length - 1)
            if any(joins[k] is False for k in seps):
                continue
            if any(joins[k] is None and fragments[k + 1][:1].isupper() for k in seps):
                continue
            if all(joins[k] for k in seps):
                continue
            if _is_known_word(fragments[start:start + length], [joins[k] for k in seps], vocabulary):
                for k in seps:
                    joins[k] = True
    for k, join in enumerate(joins):
        joins[k] = bool(join)


def _is_known_word(fragments: list[str], joins: list[bool | None], vocabulary: Callable[[], frozenset[str]]) -> bool:
    fused = "".join(fragments)
    if fused.lower() in vocabulary():
        return True
    pieces = [fragments[0]]
    for fragment, join in zip(fragments[1:], joins):
        if join:
            pieces[-1] += fragment
        else:
            pieces.append(fragment)
    fused_zipf = zipf(fused)
    return fused_zipf >= MIN_WORD_ZIPF and fused_zipf > min(zipf(p) for p in pieces)


# --- line predicates -----------------------------------------------------------------


def _short(line: str) -> bool:
    return len(line.split()) <= MAX_META_WORDS


def is_boilerplate(line: str) -> bool:
    """Site furniture with no metadata: share/follow calls, URL-only lines, social handles."""
    line = line.strip()
    if not line:
        return False
    return bool(
        URL_LINE.match(line)
        or (_short(line) and (BOILERPLATE_LINE.match(line) or CALL_TO_ACTION.match(line)))
    )


def timestamp_of(line: str) -> str | None:
    """The date part of an `Updated 05 April 2024` / `Published: ...` line, else None."""
    line = line.strip()
    if not _short(line) or PUBLISHED_IN.match(line):
        return None
    match = TIMESTAMP_LINE.match(line)
    return match.group("when") if match and TIME_WORDS.search(match.group("when")) else None


def published_in(line: str) -> tuple[str, str] | None:
    """(outlet, date text) of a `Published in The Herald, March 3rd, 2024` line."""
    line = line.strip()
    match = PUBLISHED_IN.match(line) if _short(line) else None
    return (match.group("outlet").strip(), match.group("when").strip()) if match else None


def is_caption(line: str) -> bool:
    """A photo caption: a sentence closed by a parenthesised credit, `... 2024. (AFP)`."""
    match = CAPTION_CREDIT.search(line.strip())
    return bool(match) and len((match.group("credit") or match.group("dashed")).split()) <= 4


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line))


def strip_bullet(line: str) -> str:
    return BULLET.sub("", line).strip()


def byline_of(line: str) -> tuple[str, str | None] | None:
    """(name, outlet or None) of `By Jane Roe`, `By Jane Roe, The Daily Ledger`, `Reporting by Jane Roe; …`."""
    line = line.strip()
    match = BYLINE.match(line) if len(line.split()) <= 12 else None
    if match:
        return match.group("name"), match.group("outlet")
    match = WIRE_CREDIT.match(line)
    return (match.group("name"), None) if match else None


def split_agency_trailer(paragraph: str) -> tuple[str, str | None]:
    """(`paragraph` without a closing `–Agencies` credit, the credit or None)."""
    match = AGENCY_TRAILER.search(paragraph)
    if not match:
        return paragraph, None
    return paragraph[: match.start()].rstrip(), match.group("source")


def credit_line(line: str) -> str | None:
    """The source of a line that is only a wire credit: `- Agencies`, `—AFP`."""
    match = CREDIT_LINE.match(line.strip())
    return match.group("source") if match else None


def is_headline_like(line: str) -> bool:
    """A short line that does not end like a sentence and is not site furniture."""
    line = line.strip()
    words = line.split()
    if not 2 <= len(words) <= HEADLINE_MAX_WORDS or SENTENCE_END.search(line):
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "‘“'\""):
        return False
    return not (is_metadata_line(line) or is_bullet(line) or credit_line(line))


def is_metadata_line(line: str) -> bool:
    """Any line that is not body text: boilerplate, timestamps, captions, bylines."""
    return bool(
        is_boilerplate(line) or timestamp_of(line) or published_in(line) or is_caption(line) or byline_of(line)
    )
