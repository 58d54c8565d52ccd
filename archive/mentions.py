"""Where mentions sit in a text: one rule for every page that marks them (the admin's evidence and article
pages, the reading pages' quotes and article text).

Spans may nest (a meeting's sentence holds a person's name) or overlap: the text is
cut at every span boundary and each piece belongs to the narrowest span covering it,
so every mention stays visible. Spans outside the text are clipped; empty ones are
left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class Span(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=Span)


def mention_pieces(text: str, spans: Iterable[S]) -> list[tuple[str, S | None]]:
    """`text` cut into consecutive pieces, each with the narrowest span covering it (None for plain text)."""
    clipped = [(max(0, s.start), min(len(text), s.end), s) for s in spans]
    clipped = [(start, end, s) for start, end, s in clipped if start < end]
    cuts = sorted({0, len(text), *(start for start, _, _ in clipped), *(end for _, end, _ in clipped)})
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [(end - start, i, s) for i, (start, end, s) in enumerate(clipped) if start <= left and right <= end]
        pieces.append((text[left:right], min(covering, key=lambda c: c[:2])[2] if covering else None))
    return pieces


def sentence_parts(sentence: str, sentence_start: int, start: int, end: int) -> tuple[str, str, str]:
    """(before, mention, after) of a quoted sentence beginning at `sentence_start` in the text, for a mention
    at `start`..`end` of the text; the part of the mention outside the sentence is left out, and a mention
    wholly outside it leaves the sentence unmarked: (sentence, "", "")."""
    left = max(0, start - sentence_start)
    right = min(len(sentence), end - sentence_start)
    if left >= right:
        return sentence, "", ""
    return sentence[:left], sentence[left:right], sentence[right:]
