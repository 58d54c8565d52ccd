"""Whose country: the country a person acts for, from their own words, never a neighbour's.

A person's country comes from what is attached to them: a possessive or demonym on their
title ("Pakistan's ambassador to China", "the Kyrgyz president"; see `people._read_title`),
"of <country>" right after the name ("Almaz Jumabekov of Kyrgyzstan"), the title in apposition
("X, Speaker of the Senate of Kazakhstan,"; "X, Pakistan's ambassador to China,"), the
organization they work for, or the person whose aide they are ("Nazarboyev's press
secretary, X"). A country after "to"/"for"/"with" is where they are posted or whom they
deal with, not theirs; a country in another conjunct ("Davlatov of Tajikistan and X") is
someone else's.
"""

from __future__ import annotations

from .. import lexicon as lx
from .tokens import Doc, Token

_NOT_OWN_AFTER = frozenset({"to", "for", "with", "in", "at", "from", "between", "on", "against", "visit"})
_APPOSITIVE_END = frozenset({",", ".", ";", "\u2014", "\u2013", ")"})
_MAX_APPOSITIVE = 14


def postposed_country(doc: Doc, last: int) -> str | None:
    """"Almaz Jumabekov of Kyrgyzstan": the country named by "of" right after the name."""
    toks = doc.tokens
    if last + 2 >= len(toks) or toks[last].possessive or toks[last + 1].key != "of":
        return None
    nxt = toks[last + 2]
    if not nxt.is_cap or nxt.possessive or not nxt.country:
        return None
    after = toks[last + 3] if last + 3 < len(toks) else None
    if after is not None and after.is_cap and after.is_word and doc.body[nxt.end:after.start] == " ":
        return None  # "of Kazakhstan Railways": a body, not the country
    return nxt.country


def appositive_country(doc: Doc, last: int) -> str | None:
    """The country of the title in apposition after a name, up to the comma that closes it."""
    toks = doc.tokens
    i = last + 1
    if i >= len(toks) or toks[i].text != "," or toks[last].possessive:
        return None
    if i + 1 >= len(toks) or not _opens_a_title(toks[i + 1]):
        return None  # "Dosmayev, Jumabekov of Kyrgyzstan, ...", "X, which was attended by ..."
    country, titled = possessive_place_country(toks[i + 1]), False
    for k in range(i + 1, min(len(toks), i + 1 + _MAX_APPOSITIVE)):
        tok = toks[k]
        if tok.text in _APPOSITIVE_END:
            break
        titled = titled or tok.key in lx.TITLE_HEADS
        if country is None and tok.is_cap and tok.country and not _posted_or_partner(toks, k):
            country = tok.country
    return country if titled else None


_TITLE_OPENERS = lx.TITLE_HEADS | lx.TITLE_MODIFIERS | lx.PORTFOLIO | {"the", "a", "an", "his", "her", "then"}


def _opens_a_title(tok: Token) -> bool:
    return bool(tok.country) or tok.key in _TITLE_OPENERS or possessive_place_country(tok) is not None


def possessive_place_country(tok: Token) -> str | None:
    """"Tashkent's trade envoy": a city's possessive stands for its country."""
    if not (tok.possessive and tok.is_cap) or tok.country:
        return None
    return lx.place_country(tok.clean)


def possessor_before(doc: Doc, k: int) -> str | None:
    """"Nazarboyev's press secretary, X": the possessive name before the title words ending at k."""
    toks = doc.tokens
    while k >= 0 and toks[k].is_word and not toks[k].possessive and not toks[k].is_cap and k > 0:
        k -= 1
    tok = toks[k] if k >= 0 else None
    if tok is not None and tok.possessive and tok.is_cap and not tok.country:
        return tok.clean
    return None


def _posted_or_partner(toks: list[Token], k: int) -> bool:
    j = k - 1
    while j >= 0 and toks[j].key == "the":
        j -= 1
    return j >= 0 and toks[j].key in _NOT_OWN_AFTER
