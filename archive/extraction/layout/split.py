"""Stage 3: one file -> its stories.

A saved news page may carry the next story after the first: a headline followed by
a block of page furniture (`Updated 9 sec ago`, `Follow`, a photo caption) and
usually the headline again. Such a headline starts a story. Anything before the
first story start (a `Join our channel` line) stays with the first story.
"""
from __future__ import annotations

from . import clean

LAYOUT_WINDOW = 10  # lines after a headline in which its layout block must close


def split_stories(text: str) -> list[str]:
    lines = text.split("\n")
    starts = [i for i in range(len(lines)) if _starts_story(lines, i)]
    if starts and starts[0] > 0 and not _has_body(lines[: starts[0]]):
        starts[0] = 0
    elif not starts or starts[0] > 0:
        starts.insert(0, 0)
    bounds = starts + [len(lines)]
    stories = ["\n".join(lines[a:b]).strip("\n") for a, b in zip(bounds, bounds[1:])]
    return [story for story in stories if story.strip()] or [text]


def _starts_story(lines: list[str], i: int) -> bool:
    """A headline followed by page furniture that either repeats it or dates it."""
    if not clean.is_headline_like(lines[i]):
        return False
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
