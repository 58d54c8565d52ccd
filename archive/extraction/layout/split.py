"""Stage 5: one file -> its stories.

A saved news page may carry the next story after the first: a headline followed by
a block of page furniture (`Updated 4 min ago`, `Follow`, a photo caption) and
usually the headline again. Such a headline starts a story, and so does a headline
after a `Related` / `Read also` marker when story text follows it (a bare list of
links is no story). Anything before the first story start (a `Join our channel`
line) stays with the first story.

A digest (newsletter, e-mail brief) separates its stories with rules (`—— ✦ ——`,
`* * *`, `-----`): a part that opens with a headline and has story text is a story;
the parts before the first story (masthead, table of contents) are the page header
and those after the last one (`Unsubscribe`, `© 2025 X`) its trailer, both read by
`metadata` for every story of the page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import bylines, clean, dates_lines, datelines, furniture

SEPARATOR = re.compile(r"^[^\w\s]{1,}(?:\s*[^\w\s]+)*$")
MIN_SEPARATOR_CHARS = 3
PROSE_WORDS = 20  # a paragraph of story text, not a headline or a link
OPENING_LINES = 4  # a story's opening: byline, date line, then the first paragraph
CAPS_HEADLINE_WORDS = 4  # shorter capital lines are section labels (`MARITIME PUSH`)


@dataclass
class Page:
    stories: list[str]
    header: str = ""  # page furniture before the first story of a digest
    trailer: str = ""  # and after its last story
    digest: bool = False  # several stories between rules


def split_page(text: str) -> Page:
    """The stories of a file, with a digest's header and trailer kept apart."""
    parts = _separated_parts(text)
    if len(parts) < 2:
        return Page(split_stories(text))
    is_story = [_opens_story(part) for part in parts]
    if not any(is_story):
        return Page(split_stories(text))
    has_prose = [any(_is_prose(line) for line in part.split("\n")) for part in parts]
    first = is_story.index(True)
    while first > 0 and has_prose[first - 1]:
        first -= 1  # a preface with story text belongs to the stories
    last = len(parts) - 1
    while not has_prose[last]:
        last -= 1
    stories: list[str] = []
    for part, story in zip(parts[first:last + 1], is_story[first:last + 1]):
        if story or not stories:
            stories.extend(split_stories(part))
        else:
            stories[-1] += "\n\n" + part  # a section break inside one story
    header, trailer = "\n\n".join(parts[:first]), "\n\n".join(parts[last + 1:])
    return Page(stories, header, trailer, digest=sum(is_story) > 1)


def _separated_parts(text: str) -> list[str]:
    parts, current = [], []
    for line in text.split("\n"):
        if _is_separator(line):
            parts.append("\n".join(current))
            current = []
        else:
            current.append(line)
    parts.append("\n".join(current))
    return [part.strip("\n") for part in parts if part.strip()]


def _is_separator(line: str) -> bool:
    stripped = line.strip()
    return len(stripped.replace(" ", "")) >= MIN_SEPARATOR_CHARS and bool(SEPARATOR.match(stripped))


def _opens_story(part: str) -> bool:
    """A headline first, story text after it."""
    lines = [line for line in part.split("\n") if line.strip()]
    return bool(lines) and clean.is_headline_like(lines[0]) and any(_is_prose(line) for line in lines[1:])


def _is_prose(line: str) -> bool:
    return len(line.split()) >= PROSE_WORDS and not clean.is_metadata_line(line)

LAYOUT_WINDOW = 10  # lines after a headline in which its layout block must close


def split_stories(text: str) -> list[str]:
    lines = text.split("\n")
    caps_headlines = _opens_with_caps_headline(lines)
    first_prose = next((i for i, line in enumerate(lines) if _is_prose(line)), len(lines)) if caps_headlines else 0
    starts = [
        i for i in range(len(lines))
        if _starts_story(lines, i) or (caps_headlines and first_prose < i and _starts_caps_story(lines, i))
    ]
    if starts and starts[0] > 0 and not _has_body(lines[: starts[0]]):
        starts[0] = 0
    elif not starts or starts[0] > 0:
        starts.insert(0, 0)
    bounds = starts + [len(lines)]
    stories = ["\n".join(lines[a:b]).strip("\n") for a, b in zip(bounds, bounds[1:])]
    return [story for story in stories if story.strip()] or [text]


def _starts_story(lines: list[str], i: int) -> bool:
    """A headline followed by page furniture that either repeats it or dates it."""
    if not clean.is_headline_like(lines[i]) or bylines.looks_like_name(lines[i]):
        return False  # a signature above a date line is no headline
    if _follows_related_marker(lines, i):
        return _opens_like_a_story(lines[i + 1: i + 1 + LAYOUT_WINDOW])
    key = _key(lines[i])
    saw_furniture = saw_timestamp = False
    for line in lines[i + 1: i + 1 + LAYOUT_WINDOW]:
        if not line.strip():
            continue
        if _key(line) == key:
            return saw_furniture
        if not clean.is_metadata_line(line):
            return saw_timestamp
        saw_furniture = True
        saw_timestamp = saw_timestamp or bool(clean.timestamp_of(line))
    return saw_timestamp


def _has_body(lines: list[str]) -> bool:
    """Whether lines hold more than page furniture (so they are a story of their own)."""
    return any(line.strip() and not clean.is_metadata_line(line) for line in lines)


def _key(line: str) -> str:
    return " ".join(line.split()).casefold()


def _opens_like_a_story(lines: list[str]) -> bool:
    """After a linked headline, a story of its own opens with a dateline, a date or a byline;
    the rest of the current story (a `Read more` link inserted mid-text) does not."""
    dated = False
    for line in [line for line in lines if line.strip()][:OPENING_LINES]:
        if _is_prose(line):
            return dated or datelines.read_dateline(line) is not None
        if not clean.is_metadata_line(line) and not dates_lines.date_line(line, allowed_rest_words=3):
            return False
        dated = True
    return False


def _follows_related_marker(lines: list[str], i: int) -> bool:
    previous = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
    return furniture.is_related_marker(previous)


def _is_caps_headline(line: str) -> bool:
    return line.isupper() and len(line.split()) >= CAPS_HEADLINE_WORDS and clean.is_headline_like(line)


def _opens_with_caps_headline(lines: list[str]) -> bool:
    """Whether the first headline of the text is in capitals (a digest in that style)."""
    for line in lines:
        if line.strip() and not clean.is_metadata_line(line) and not furniture.is_furniture(line):
            return _is_caps_headline(line.strip())
    return False


def _starts_caps_story(lines: list[str], i: int) -> bool:
    """In a text whose headlines are capitals, with story text before line `i`: a capital
    headline standing alone with story text after it (a repeated headline is no new story)."""
    line = lines[i].strip()
    if not _is_caps_headline(line) or lines[i - 1].strip():
        return False
    following = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].strip()), "")
    previous = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
    return _is_prose(following) and _key(previous) != _key(line)
