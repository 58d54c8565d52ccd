"""Stage 5: body -> sentences with exact character offsets (`body[start:end] == text`).

spaCy's blank English tokenizer with its rule-based `sentencizer`: fast and
offline. Line breaks are hard boundaries (a paragraph never runs into the next),
and a boundary right after a news abbreviation (`No. 10`, `Lt. Gen.`) is undone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language

PARAGRAPH = re.compile(r"[^\n]+")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st gen lt col maj capt cmdr adm sgt gov sen rep rev hon pres supt insp "
    "no nos vol art sec para ch fig approx est ext dept univ corp inc ltd co bros vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun".split()
)
TITLES = frozenset("mr mrs ms dr prof gen lt col maj capt cmdr adm sgt gov sen rep rev hon pres supt insp".split())
ABBREVIATION_END = re.compile(r"(?:\b(?P<word>[A-Za-z]+)|\b[A-Z][a-z]+\s+[A-Z])\.[\"”’)]*$")

LETTER_SENTENCE_END = re.compile(r"\b[a-z]{2,} [A-Z]\.(?=\s+[A-Z][a-z])")


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
    lines = [m for m in PARAGRAPH.finditer(body) if m.group().strip()]
    spans: list[tuple[int, int]] = []
    for line, doc in zip(lines, _nlp().pipe(m.group() for m in lines)):
        line_spans = [(line.start() + s.start_char, line.start() + s.end_char) for s in doc.sents]
        line_spans = [part for a, b in line_spans for part in _split_after_letter(body, a, b)]
        spans.extend(_merge_abbreviations(body, line_spans))
    return [Sentence(body[a:b], a, b) for a, b in (_trim(body, a, b) for a, b in spans) if a < b]


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
    match = ABBREVIATION_END.search(previous)
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
