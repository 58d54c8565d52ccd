"""Stage 5: body -> sentences with exact character offsets (`body[start:end] == text`).

spaCy's blank English tokenizer with the rule of its `sentencizer`: fast and
offline. Line breaks are hard boundaries (a paragraph never runs into the next),
and a boundary right after a news abbreviation (`No. 10`, `Lt. Gen.`) is undone.

spaCy's tokenizer splits a line at its spaces and reads each chunk between them on
its own (none of its English special cases holds a space), so what the sentencizer's
rule makes of a chunk is worked out once per distinct chunk (`_after_word`,
`_after_final`: most chunks are words the stream repeats) and applied here, without
building a spaCy Doc per line. A line with other spacing (tabs, double spaces) goes
through spaCy's pipeline whole.

Guard for text that is not prose (a whole page on one line, a list with no full
stops): the later stages run their patterns over each sentence, and their cost grows
with the square of its length. So no sentence is longer than `MAX_SENTENCE_CHARS`:
a longer span is cut at its last space before the cap. spaCy reads a line in pieces
of at most `MAX_PIECE_CHARS` (cut the same way), far below its own limit of one
million characters a text, so no line is too long for it. The entity and event
stages still compare each mention with the article's others, so a body past
`MAX_BODY_CHARS` (several times the longest feature) is refused with an InputError.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language

from ..records import InputError

PARAGRAPH = re.compile(r"[^\n]+")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st gen lt col maj capt cmdr adm sgt gov sen rep rev hon pres supt insp "
    "no nos vol art sec para ch fig approx est ext dept univ corp inc ltd co bros vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun".split()
)
TITLES = frozenset("mr mrs ms dr prof gen lt col maj capt cmdr adm sgt gov sen rep rev hon pres supt insp".split())
ABBREVIATION_END = re.compile(r"(?:\b(?P<word>[A-Za-z]+)|\b[A-Z][a-z]+\s+[A-Z])\.[\"”’)]*$")

LETTER_SENTENCE_END = re.compile(r"\b[a-z]{2,} [A-Z]\.(?=\s+[A-Z][a-z])")
_LETTER_HINT = re.compile(r" [A-Z]\.\s")  # what LETTER_SENTENCE_END needs, found by a fast scan

MAX_SENTENCE_CHARS = 1_000  # news sentences run to a few hundred characters; past this it is not one
MAX_PIECE_CHARS = 100_000  # what spaCy reads at once
MAX_BODY_CHARS = 200_000  # ~30,000 words; a long feature is a tenth of that


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset of the first character in the body
    end: int  # offset just past the last character


@lru_cache(maxsize=1)
def _nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(body: str) -> list[Sentence]:
    if len(body) > MAX_BODY_CHARS:
        raise InputError(f"story too long to extract ({len(body):,} characters, limit {MAX_BODY_CHARS:,})")
    lines = [m for m in PARAGRAPH.finditer(body) if m.group().strip()]
    pieces = [piece for line in lines for piece in _cut(body, line.start(), line.end(), MAX_PIECE_CHARS)]
    spans: list[tuple[int, int]] = []
    letter_ends = bool(_LETTER_HINT.search(body) and LETTER_SENTENCE_END.search(body))  # none in the body, none in a sentence
    for start, end in pieces:
        piece_spans = _piece_sentences(body, start, end)
        if letter_ends:
            piece_spans = [part for a, b in piece_spans for part in _split_after_letter(body, a, b)]
        spans.extend(_merge_abbreviations(body, piece_spans))
    spans = [part for a, b in spans for part in _cut(body, a, b, MAX_SENTENCE_CHARS)]
    return [Sentence(body[a:b], a, b) for a, b in (_trim(body, a, b) for a, b in spans) if a < b]


# What the sentencizer sees of a token: a sentence-final mark ("." "?" "!"), other punctuation, a word.
_FINAL, _PUNCT, _WORD = 0, 1, 2


def _piece_sentences(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of one piece of a line, as spaCy's sentencizer gives them: a sentence
    starts at the first word after a sentence-final mark (punctuation between them stays
    with the sentence before), and ends where its last token ends."""
    piece = body[start:end]
    chunks = piece.split()
    if " ".join(chunks) != piece:  # other spacing than one space between chunks
        return [(start + s.start_char, start + s.end_char) for s in _nlp()(piece).sents]
    spans: list[tuple[int, int]] = []
    first, pos, seen_final = start, start, False
    for chunk in chunks:
        cuts, seen_final = (_after_final if seen_final else _after_word)(chunk)
        for offset in cuts:  # a new sentence starts there; the last one ends at the token before
            spans.append((first, pos + offset if offset else pos - 1))
            first = pos + offset
        pos += len(chunk) + 1
    if chunks:
        spans.append((first, end))
    return spans


def _chunk_steps(chunk: str, seen_final: bool) -> tuple[tuple[int, ...], bool]:
    """The sentencizer's rule over the tokens of one chunk: where sentences start in it, and
    whether a sentence-final mark is still waiting for a word after it."""
    cuts = []
    for offset, kind in _chunk_marks(chunk):
        if seen_final and kind == _WORD:
            cuts.append(offset)
            seen_final = False
        elif kind == _FINAL:
            seen_final = True
    return tuple(cuts), seen_final


@lru_cache(maxsize=1 << 16)
def _after_word(chunk: str) -> tuple[tuple[int, ...], bool]:
    """`_chunk_steps` of a chunk read in mid-sentence (the common case)."""
    return _chunk_steps(chunk, False)


@lru_cache(maxsize=1 << 14)
def _after_final(chunk: str) -> tuple[tuple[int, ...], bool]:
    """`_chunk_steps` of a chunk that follows a sentence-final mark."""
    return _chunk_steps(chunk, True)


def _chunk_marks(chunk: str) -> list[tuple[int, int]]:
    """(offset, kind) of each of spaCy's tokens of a chunk with no whitespace."""
    finals = _nlp().get_pipe("sentencizer").punct_chars
    return [(t.idx, _FINAL if t.text in finals else _PUNCT if t.is_punct else _WORD) for t in _nlp().tokenizer(chunk)]


def _cut(body: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """`body[start:end]` in spans of at most `limit` characters, each cut after its last space."""
    spans = []
    while end - start > limit:
        space = body.rfind(" ", start + 1, start + limit)
        cut = space + 1 if space > start else start + limit
        spans.append((start, cut))
        start = cut
    return [*spans, (start, end)]


def _split_after_letter(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The tokenizer reads `A.` as an initial; after a lowercase word it ends a sentence ("point A. Then")."""
    cuts = [m.end() for m in LETTER_SENTENCE_END.finditer(body, start, end)]
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]


def _merge_abbreviations(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _ends_in_abbreviation(body[merged[-1][0]:merged[-1][1]].rstrip(), body[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _ends_in_abbreviation(previous: str, following: str) -> bool:
    """`No. 10`, `Lt. Gen. X`, `J. Smith`: the period closes an abbreviation, not a sentence.

    An abbreviation followed by a capitalised word is still a boundary unless it is a
    title or an initial (`St.` ends "Downing St. It was...", but `Mr.` never ends one).
    """
    words = previous.rsplit(None, 2)  # the match lies in the last two words: search only them
    match = ABBREVIATION_END.search(previous, len(words[0]) if len(words) == 3 else 0)
    following = following.lstrip()
    if not match or not following:
        return False
    word = (match.group("word") or "").lower()
    if not word:  # a capitalised name and an initial: "John F. Kennedy"
        return True
    if word not in ABBREVIATIONS:
        return False
    return not following[0].isupper() or word in TITLES



def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end
