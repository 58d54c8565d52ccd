"""Page furniture beyond share and follow calls: lines that are never story text.

Tags and read-time lines, view counters, breadcrumbs, currency tickers, separators,
e-mail chrome (`Open this newsletter in a browser`, `Unsubscribe | …`), a table of
contents, photo credits, section labels above a headline (`Politics`, `Central Asia |
Diplomacy`), and the `Related` / `Read also` blocks of links to other stories.
"""
from __future__ import annotations

import re

from ..lexicon.media import SECTION_WORDS
from . import dates_lines

LETTER = re.compile(r"[^\W\d_]")
FURNITURE = re.compile(
    r"^(?:tags?\s*:.*|#\w.*|\d+\s+min(?:ute)?s?\s+read|(?:views?|reads?|comments?)\s*:?\s*[\d.,]+[km]?"
    r"|[\d.,]+[km]?\s*(?:views?|reads?)?|print(?:\s+this\s+(?:page|article))?|font\s+size.*"
    r"|view\s+(?:this\s+)?(?:email\s+)?in\s+(?:your\s+)?browser.*|unsubscribe\b.*|update\s+your\s+preferences.*"
    r"|in\s+this\s+issue|contents|(?:photo|image|picture|file\s+photo|photo\s+credit|source\s+of\s+photo)\s*:.*"
    r"|share\s*(?:this\s+article)?\s*:.*|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|menu|search"
    r"|(?:read|reading)\s+time\s*:.*|editor'?s?\s+(?:note|pick)s?|editor\s*:\s*(?:\S+\s*){1,4}"
    r"|more\s+(?:photos|videos)|photo\s+gallery|watch\s+(?:the\s+)?video|video|gallery|listen"
    r"|(?:share\s+(?:on|via)\s+)?(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|messenger"
    r"|viber|vk|email|e-mail|copy\s+link|copy\s+url))\s*$",
    re.I,
)
BREADCRUMB = re.compile(r"^(?:home|main)\s*[>»/›]|(?:\s[>»›]\s.*){2,}", re.I)
TICKER = re.compile(r"^[A-Z]{3}\s*/\s*[A-Z]{3}\s*[=:]?\s*[\d.,]+", re.I)
RELATED_MARKER = re.compile(
    r"^(?:related(?:\s+(?:news|stories|articles|posts|content|coverage))?|read\s+also|also\s+read|see\s+also"
    r"|read\s+more|more\s+(?:on\s+this(?:\s+story)?|stories|news)|you\s+may\s+also\s+like|recommended"
    r"|trending|most\s+read|popular)\s*:?\s*$",
    re.I,
)
RELATED_INLINE = re.compile(r"^(?:read\s+also|also\s+read|see\s+also|read\s+more|related)\s*:\s*\S", re.I)
TOC_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
CELL = re.compile(r"\s+[|•·]\s+")
MAX_CELL_WORDS = 8


def is_furniture(line: str) -> bool:
    line = line.strip()
    if not line:
        return False
    if not LETTER.search(line):
        return not dates_lines.find_dates(line)  # separators and counters; a bare date is read instead
    return bool(
        FURNITURE.match(line) or BREADCRUMB.search(line) or TICKER.match(line)
        or RELATED_INLINE.match(line) or dates_lines.is_time_only(line)
    )


def is_related_marker(line: str) -> bool:
    return bool(RELATED_MARKER.match(line.strip()))


def is_toc_item(line: str) -> bool:
    return bool(TOC_ITEM.match(line))


def is_section_label(line: str) -> bool:
    """`Politics`, `Central Asia | Diplomacy`, `WORLD / ASIA`: every word a section word."""
    words = re.findall(r"[^\W\d_]+|&", line.lower())
    return 0 < len(words) <= 5 and all(w in SECTION_WORDS for w in words)


def menu_cells(line: str) -> list[str] | None:
    """The cells of a `A | B | C` furniture line, or None when the line is not one."""
    cells = [c.strip() for c in CELL.split(line.strip()) if c.strip()]
    if len(cells) < 2 or any(len(c.split()) > MAX_CELL_WORDS for c in cells):
        return None
    return cells
