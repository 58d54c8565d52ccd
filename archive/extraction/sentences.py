"""Stage 5: body -> sentences with character offsets. (stub)"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset of the first character in the body
    end: int  # offset just past the last character


def split_sentences(body: str) -> list[Sentence]:
    return [Sentence(m.group(), m.start(), m.end()) for m in re.finditer(r"[^\n.]+\.?", body) if m.group().strip()]
