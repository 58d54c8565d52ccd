"""Stage 6: title, outlet, dates, dateline, byline and body of one story.

Candidates everywhere, then a ranked pick (the shape of htmldate): every line of the
story is classified; page furniture is dropped, lines that carry metadata fill
candidates (`Updated 05 April 2024`, `9 March 2031, 08:15`, `Published in The Herald, ...`,
`By ...`, `© 2025 X`, `Follow X on …`, a masthead, a `A | B | date` strip), summary bullets
become `highlights`, the first headline-like line is the title and the rest is the body:
paragraphs separated by a blank line, the dateline (`NAIROBI:`) kept as printed. Each
field keeps its best-ranked candidate (lower rank wins; the first seen among equals).
A date with no year (`BAKU, November 13. /TREND/`) takes the year of the page's other
date lines or copyright; a relative date (`2 days ago`) gives none.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .. import lexicon
from . import bylines, clean, dates_lines, datelines, furniture, outlets

QUOTES = "'\"‘’“”"
SOFT_WRAP_END = re.compile(r"[\w,;–—-]$")  # a line that stops mid-sentence
PROSE_WORDS = 35  # a paragraph this long is story text: the header zone is over
TITLE_CAPS_WORDS = 4  # an all-caps line this long is a headline, shorter ones are labels
DATELINE_PARAGRAPHS = 3
MAX_META_LINE_WORDS = 30
CAPTION_BEFORE_WORDS = 6  # a caption is followed by story text: a line at least this long
MASTHEAD_MAX_WORDS = 3  # a page's name above a headline; longer lines are headlines themselves  # furniture and metadata lines are short; longer lines are story text  # a dateline opens one of the first paragraphs (after a deck)

# Ranks: lower wins.
OUTLET_RANKS = {"masthead": 0, "published_in": 1, "copyright": 2, "source": 2, "agency_cell": 3,
                "dateline": 3, "byline": 4, "follow": 5}
DATE_RANKS = {"header": 0, "published_in": 1, "dateline": 2, "trailer": 3, "partial": 4}


@dataclass
class StoryMetadata:
    title: str
    body: str
    outlet: str | None = None
    published: datetime.date | None = None
    dateline: str | None = None
    byline: str | None = None
    highlights: list[str] = field(default_factory=list)  # summary bullets, not part of the body
    credits: list[tuple[str, str]] = field(default_factory=list)  # (name, role) of a credit line
    page_outlet: str | None = None  # outlet named by page furniture, shared by the file's stories
    ranks: dict[str, int] = field(default_factory=dict, repr=False)
    years: list[int] = field(default_factory=list, repr=False)
    partial: tuple[int, int] | None = field(default=None, repr=False)

    def offer(self, name: str, value, rank: int) -> None:
        if value and rank < self.ranks.get(name, 1 << 30):
            setattr(self, name, value)
            self.ranks[name] = rank

    def offer_outlet(self, value: str | None, source: str) -> None:
        self.offer("outlet", value, OUTLET_RANKS[source])
        if source in ("masthead", "published_in", "copyright", "source", "follow"):
            self.offer("page_outlet", value, OUTLET_RANKS[source])

    def offer_date(self, value: datetime.date | None, source: str) -> None:
        self.offer("published", value, DATE_RANKS[source])


def read_metadata(story: str) -> StoryMetadata:
    meta = StoryMetadata(title="", body="")
    paragraphs: list[list[str]] = [[]]
    in_header = True  # captions, mastheads and lone datelines only occur before the story text
    kicker = ""
    after_related = False
    lines = [line.strip() for line in _split_trailing_metadata(story).split("\n")]
    first = next((i for i, line in enumerate(lines) if line), 0)
    second = next((line for line in lines[first + 1:] if line), "")
    named_above_headline = _is_short_name(lines[first]) and _is_title(second) if lines else False
    last_text = max((i for i, line in enumerate(lines) if len(line.split()) >= CAPTION_BEFORE_WORDS), default=-1)
    for i, line in enumerate(lines):
        if not line:
            paragraphs.append([])
            continue
        if after_related and (clean.is_headline_like(line) or furniture.is_furniture(line)):
            continue  # a link to another story
        after_related = False
        if furniture.is_related_marker(line):
            after_related = True
            paragraphs.append([])
        elif _take_metadata(meta, line, in_header, i == first and bool(second), named_above_headline, i < last_text):
            paragraphs.append([])
            meta.credits += bylines.credits_of(line)
        elif not meta.title and _is_title(line):
            meta.title = _unquote(line)
        elif in_header and clean.is_headline_like(line) and line.isupper():
            kicker = kicker or line  # a short all-caps label above the headline
        elif meta.title and _same(line, meta.title):
            continue
        else:
            paragraphs[-1].append(line)
            if len(line.split()) >= PROSE_WORDS or datelines.read_dateline(line):
                in_header = False
    texts = [_join_lines(p) for p in paragraphs if p]
    texts = _strip_trailing_credit(meta, texts)
    _read_dateline(meta, texts)
    _complete_partial_date(meta)
    meta.title = meta.title or _unquote(kicker) or _fallback_title(texts)
    meta.body = "\n\n".join(texts)
    return meta


def _is_title(line: str) -> bool:
    if not clean.is_headline_like(line) or furniture.is_section_label(line):
        return False
    return not line.isupper() or len(line.split()) >= TITLE_CAPS_WORDS


def _take_metadata(
    meta: StoryMetadata, line: str, in_header: bool, first_line: bool, named: bool = False, text_follows: bool = True,
) -> bool:
    """Record what a non-body line says; True when the line is not body text."""
    zone = "header" if in_header else "trailer"
    if len(line.split()) > MAX_META_LINE_WORDS:  # a paragraph of story text (or a summary bullet)
        if clean.is_bullet(line):
            meta.highlights.append(clean.strip_bullet(line))
            return True
        return in_header and text_follows and clean.is_caption(line)  # a long photo caption above the story
    if (copyright := outlets.copyright_outlet(line)) is not None:
        meta.offer_outlet(copyright[0], "copyright")
        meta.years.extend([copyright[1]] if copyright[1] else [])
        return True
    if (followed := outlets.follow_outlet(line)) is not None and len(line.split()) <= clean.MAX_META_WORDS:
        meta.offer_outlet(followed, "follow")
        return True
    if clean.is_boilerplate(line) or furniture.is_furniture(line):
        return True
    if (source := outlets.source_outlet(line)) is not None:
        meta.offer_outlet(source, "source")
        return True
    if (published := clean.published_in(line)) is not None:
        meta.offer_outlet(published[0], "published_in")
        meta.offer_date(_first_date(published[1]), "published_in")
        return True
    if (when := clean.timestamp_of(line)) is not None:
        meta.offer_date(_first_date(when), zone)
        return True
    if (cells := furniture.menu_cells(line)) is not None:
        _take_cells(meta, cells, zone, first_line)
        return True
    if in_header and (lone := datelines.line_dateline(line)) is not None:
        meta.offer("dateline", lone.place, 1)
        _take_dateline_date(meta, lone.when or "")
        return True
    if _take_date_line(meta, line, zone):
        return True
    if (month_day := dates_lines.partial_date_line(line)) is not None:
        meta.partial = meta.partial or month_day  # the year may stand on another line of the page
        return True
    if (signed := bylines.dated_byline(line)) is not None:  # `By Jane Roe in Politics on 3 March 2031`
        meta.offer("byline", signed[0], 0 if in_header else 1)
        meta.offer_date(signed[1], zone)
        return True
    if (byline := bylines.byline_of(line)) is not None:
        meta.offer("byline", byline[0], 0 if in_header else 1)
        meta.offer_outlet(byline[1], "byline")
        return True
    if clean.is_bullet(line):
        meta.highlights.append(clean.strip_bullet(line))
        return True
    if not in_header:
        return False
    return _take_header_line(meta, line, first_line, named, text_follows)


def _take_header_line(meta: StoryMetadata, line: str, first_line: bool, named: bool, text_follows: bool) -> bool:
    if furniture.is_section_label(line) or furniture.is_toc_item(line):
        return True  # `Business News` above a headline is a section, not a desk's signature
    if (desk := bylines.desk_byline(line)) is not None:
        meta.offer("byline", desk, 0)
        return True
    if meta.title and bylines.looks_like_name(line):
        meta.offer("byline", line, 1)  # a signature between the headline and the story
        return True
    if first_line and (outlets.is_masthead(line) or named):
        meta.offer_outlet(line.title() if line.isupper() else line, "masthead")
        return True
    return text_follows and clean.is_caption(line)  # a caption sits above story text, never at its end


def _is_short_name(line: str) -> bool:
    """`The Steppe Herald`, `Aralnews`: one to three capitalised words, no sentence, no date."""
    words = line.split()
    if lexicon.place_country(line) or lexicon.lookup_key(line) in lexicon.REGIONS:
        return False  # `Pakistan`, `Central Asia` above a headline: a section, not a page's name
    return (1 <= len(words) <= MASTHEAD_MAX_WORDS and all(w[:1].isupper() or w[:1].isdigit() for w in words)
            and not clean.SENTENCE_END.search(line) and not dates_lines.find_dates(line))


def _take_cells(meta: StoryMetadata, cells: list[str], zone: str, first_line: bool) -> None:
    """`Steppe Wire | Almaty | Last Updated : Mar 09 2031`: each cell read on its own."""
    for position, cell in enumerate(cells):
        if (dated := dates_lines.date_line(cell, allowed_rest_words=3)) is not None:
            meta.offer_date(dated[0], zone)
            meta.years.append(dated[0].year)
        elif (month_day := dates_lines.partial_date_line(cell)) is not None:
            meta.partial = meta.partial or month_day
        elif (lone := datelines.line_dateline(cell)) is not None:
            meta.offer("dateline", lone.place, 2)
        elif (byline := bylines.byline_of(cell)) is not None:
            meta.offer("byline", byline[0], 0 if zone == "header" else 1)
            meta.offer_outlet(byline[1], "byline")
        elif (desk := bylines.desk_byline(cell)) is not None:
            meta.offer("byline", desk, 0 if zone == "header" else 1)
        elif outlets.is_agency(cell):
            meta.offer_outlet(cell, "agency_cell")
        elif position == 0 and first_line and outlets.is_masthead(cell):
            meta.offer_outlet(cell, "masthead")


def _take_date_line(meta: StoryMetadata, line: str, zone: str) -> bool:
    """A line that is a date (with times, labels, a section word or a signature beside it)."""
    dated = dates_lines.date_line(line, allowed_rest_words=4)
    if dated is None:
        return False
    value, rest = dated
    rest = re.sub(r"^(?:by|author)\s*:?\s+", "", rest, flags=re.I)
    if rest and not (furniture.is_section_label(rest) or all(w[:1].isupper() for w in rest.split())):
        return False  # a sentence with a date in it
    if rest and (bylines.is_person_like(rest) or bylines.has_desk_word(rest)):
        meta.offer("byline", rest, 0 if zone == "header" else 1)
    meta.offer_date(value, zone)
    meta.years.append(value.year)
    return True


def _first_date(text: str) -> datetime.date | None:
    found = dates_lines.find_dates(text)
    return found[0].value if found else None


def _take_dateline_date(meta: StoryMetadata, when: str) -> None:
    if not when:
        return
    full = _first_date(when)
    if full:
        meta.offer_date(full, "dateline")
    else:
        meta.partial = meta.partial or dates_lines.partial_date(when)


def _complete_partial_date(meta: StoryMetadata) -> None:
    """`May 21` in the dateline and `© 2025` or a dated line elsewhere: 21 May 2025."""
    if meta.published or not meta.partial or not meta.years:
        return
    month, day = meta.partial
    try:
        meta.offer_date(datetime.date(meta.years[0], month, day), "partial")
    except ValueError:
        pass


TRAILING_PUBLISHED = re.compile(r"([.!?])[ \t]+(?=published\s+in\s)", re.I)  # the mark first: a fast scan


def _split_trailing_metadata(story: str) -> str:
    """Put a `Published in …` note that follows a sentence on its own line."""
    return TRAILING_PUBLISHED.sub(r"\1\n", story)


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
        if outlets.is_agency(source):  # a closing `—Reuters` names the wire the story came from
            meta.offer_outlet(source, "dateline")
    return texts


def _read_dateline(meta: StoryMetadata, texts: list[str]) -> None:
    """The dateline opening one of the first paragraphs: its place, agency tag and date."""
    for paragraph in "\n\n".join(texts).split("\n\n")[:DATELINE_PARAGRAPHS]:
        found = datelines.read_dateline(paragraph)
        if found:
            meta.offer("dateline", found.place, 0)
            meta.offer_outlet(found.agency, "dateline")
            _take_dateline_date(meta, found.when or "")
            return


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
    found = datelines.read_dateline(texts[0])
    first = texts[0][found.end:] if found else texts[0]
    words = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0].split()
    return " ".join(words[:15])
