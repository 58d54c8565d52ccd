"""Stage 4: title, outlet, dates, dateline, byline and body of one story. (stub)"""
from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass
class StoryMetadata:
    title: str
    body: str
    outlet: str | None = None
    published: datetime.date | None = None
    dateline: str | None = None
    byline: str | None = None


def read_metadata(story: str) -> StoryMetadata:
    lines = [line for line in story.splitlines() if line.strip()]
    return StoryMetadata(title=lines[0].strip(), body="\n".join(lines[1:]))
