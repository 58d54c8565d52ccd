"""Stage 3: re-flow hard-wrapped text (newsletters, e-mail digests, PDF exports).

* page furniture goes: form feeds, `Page 1 of 2` / `- 2 -` lines, and in a paged
  document the running header repeated at the top of every page;
* in a hard-wrapped file (every line at most ~100 columns) the lines of one paragraph
  are joined. A line break is a wrap when the next line's first word would not have
  fitted on the line, or when the line stops on a word that cannot end a sentence
  (`at`, `of the`); a list item (`1.`, `•`) always starts its own line;
* a word broken at a line end (`Uzbeki-` / `stan`) is joined, judged by the words
  themselves (see `joins_broken_word`); a real compound keeps its hyphen.

Text that is not hard-wrapped keeps its lines: only the page furniture is dropped.
"""
from __future__ import annotations

import re
from collections import Counter

from . import clean

PAGE_MARKER = re.compile(r"^\s*(?:page\s+\d+(?:\s*(?:of|/)\s*\d+)?|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*/\s*\d{1,3})\s*$", re.I)
LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[•▪◦●■‣·*–—-])\s+\S")
MENU = re.compile(r"\s[|•·]\s")  # `Unsubscribe | Preferences`: cells of page furniture, never wrapped prose
LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[^\W\d_]+")
CONTINUING_WORDS = frozenset(
    "a an the of at in on to for from by with and or but nor as than that which who whose into onto "
    "between among about over under after before during against its their his her our your this these".split()
)
MAX_WRAP_WIDTH = 100  # hard-wrapped text is set at 60-80 columns; web text runs to hundreds
MIN_WRAPPED_LINES = 6
WRAP_SLACK = 15  # a wrapped line stops within a long word of the width
MIN_NEAR_WIDTH_SHARE = 0.6  # most lines of a hard-wrapped text end near the width; one-line paragraphs do not
FULL_LINE_SHARE = 0.6  # a line this full that stops mid-sentence was wrapped
MIN_REPEATED_HEADER_WORDS = 3
BROKEN_END = re.compile(r"(?P<left>[^\W\d_]+)-$")
SENTENCE_END = re.compile(r"[.!?:;][\"”’')]*$")
NEXT_START = re.compile(r"^(?P<right>[^\W\d_]+)")


def reflow(text: str) -> str:
    lines = _drop_page_furniture(text.replace("\f", "\n").split("\n"))
    width = wrap_width(lines)
    if width is None:
        return "\n".join(lines)
    vocabulary = _vocabulary(lines)
    paragraphs: list[list[str]] = []  # each a list of line pieces, joined once at the end
    previous = ""
    for line in lines:
        if paragraphs and previous.strip() and line.strip() and _is_wrap(previous, line, width):
            _glue(paragraphs[-1], line.strip(), vocabulary)
        else:
            paragraphs.append([line])
        previous = line
    return "\n".join("".join(pieces) for pieces in paragraphs)


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text is set to, or None when the text is not hard-wrapped."""
    lengths = [len(line.rstrip()) for line in lines if LETTER.search(line)]
    wrapped = [
        len(a.rstrip()) for a, b in zip(lines, lines[1:]) if LETTER.search(a) and LETTER.search(b)
    ]
    if len(wrapped) < MIN_WRAPPED_LINES or max(lengths) > MAX_WRAP_WIDTH:
        return None
    width = max(lengths)
    near_width = sum(1 for length in wrapped if length >= width - WRAP_SLACK) / len(wrapped)
    return width if near_width >= MIN_NEAR_WIDTH_SHARE else None


def _drop_page_furniture(lines: list[str]) -> list[str]:
    markers = [i for i, line in enumerate(lines) if PAGE_MARKER.match(line)]
    if not markers:
        return lines
    counts = Counter(" ".join(line.split()) for line in lines)
    running = {key for key, n in counts.items() if n > 1 and len(key.split()) >= MIN_REPEATED_HEADER_WORDS}
    kept = [
        line for i, line in enumerate(lines)
        if i not in markers and " ".join(line.split()) not in running  # a running header or footer
    ]
    return _close_page_gaps(kept)


def _close_page_gaps(lines: list[str]) -> list[str]:
    """Blank lines left where a page broke inside a paragraph are removed."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j - i > 2 and j < len(lines) and lines[i].strip() and lines[j][:1].islower():
            i = j  # a paragraph that runs on after the page break
            continue
        i += 1
    return out


def _is_wrap(previous: str, line: str, width: int) -> bool:
    """Whether the break between two lines of a hard-wrapped text falls inside a paragraph."""
    if LIST_ITEM.match(line) or not LETTER.search(previous) or not LETTER.search(line):
        return False
    if any(MENU.search(text) or text.lstrip().startswith("©") for text in (previous, line)):
        return False
    stripped = previous.rstrip()
    if BROKEN_END.search(stripped):
        return True
    ends_sentence = bool(SENTENCE_END.search(stripped))
    if line.lstrip()[:1].islower() and not ends_sentence:
        return True  # a sentence running on (also across a page break)
    words = WORD.findall(stripped)
    if stripped.endswith((",", ";")) or (words and words[-1].lower() in CONTINUING_WORDS):
        return True
    next_word_fitted = len(stripped) + 1 + len(line.split()[0]) <= width
    if ends_sentence:
        return not next_word_fitted
    return len(stripped) >= width * FULL_LINE_SHARE or not next_word_fitted


def _glue(pieces: list[str], right: str, vocabulary: frozenset[str]) -> None:
    """Append the next line of a paragraph, joining a word broken at the line end."""
    last = pieces[-1].rstrip()
    broken, following = BROKEN_END.search(last), NEXT_START.match(right)
    if broken and following:
        pieces[-1] = last[:-1] if joins_broken_word(broken.group("left"), following.group("right"), vocabulary) else last
        pieces.append(right)
    else:
        pieces[-1] = last
        pieces.append(" " + right)


def joins_broken_word(left: str, right: str, vocabulary: frozenset[str]) -> bool:
    """Whether `left-` at a line end and `right` on the next line are one word broken in two.

    Decided by the words: the text's own spellings first (the fused word used elsewhere
    joins, the hyphenated form used elsewhere stays), then the word list: a common fused
    word joins; two words that stand on their own (`two-day`, `well-being`) keep the hyphen;
    fragments that are not words (`Japa-`, `rov`) are a broken name and join.
    """
    fused = (left + right).lower()
    if right[:1].isupper():
        return False
    if fused in vocabulary:
        return True
    if f"{left}-{right}".lower() in vocabulary:
        return False
    fused_zipf = clean.zipf(fused)
    parts = (clean.zipf(left), clean.zipf(right))
    if fused_zipf >= clean.MIN_WORD_ZIPF and fused_zipf > min(parts):
        return True
    return not (min(parts) >= clean.MIN_WORD_ZIPF and len(left) > 1 and len(right) > 1)


def _vocabulary(lines: list[str]) -> frozenset[str]:
    """Words and hyphenated compounds the text spells whole, inside a line."""
    words: set[str] = set()
    for line in lines:
        inner = BROKEN_END.sub("", line.rstrip())
        words.update(w.lower() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", inner))
        words.update(w.lower() for w in WORD.findall(inner))
    return frozenset(words)
