"""Organizations named as someone's employer: "director of Tenqor", "vice-president of Kavirgaz".

A capitalized run after a title and "of"/"at" is the body the title belongs to when it is
not a country, a place or a portfolio ("Minister of Foreign Affairs", "President of
Uzbekistan", "Head of State"), a generic head or a common English word ("Speaker of
Parliament", "director of Sales"). A run whose words all read as a personal name might be a
body and a person ("head of Belvort Anton Sedykh") and is left alone, unless a demonym
opens it ("director general of Kyrgyz Ala Suu Kurulush", a Kyrgyz body).
"""

from __future__ import annotations

from .. import lexicon as lx
from ..layout.clean import word_frequencies
from . import places
from .tokens import Doc, Token

_TITLES = lx.TITLE_HEADS | {"general", "chief", "deputy", "executive"}
_NOT_A_BODY = (lx.TITLE_HEADS | lx.TITLE_MODIFIERS | lx.PORTFOLIO | lx.NON_NAME_WORDS | lx.MONTHS
               | lx.WEEKDAYS | lx.HONORIFICS | lx.BUILDING_WORDS | lx.REGIONS | lx.NON_ORG_HEADS)
_MAX_WORDS = 4


def employer_mentions(doc: Doc, taken: set[int]) -> list:
    from .organizations import OrgMention

    toks, out = doc.tokens, []
    for k, tok in enumerate(toks[:-2]):
        if tok.key not in ("of", "at") or k == 0 or toks[k - 1].key not in _TITLES:
            continue
        first = k + 1 + (toks[k + 1].key == "the")
        last = _run_end(doc, first, taken)
        if last is None:
            continue
        country = toks[first].country if toks[first].is_cap and not toks[first].possessive else None
        run = toks[first:last + 1]
        if country and (len(run) == 1 or toks[first].key in lx.COUNTRIES and _reads_as_a_name(run[1:], 1)):
            continue  # "President of Kyrgyzstan", "President of Kyrgyzstan Almaz Jumabekov"
        if not country and (_is_place(run) or run[0].key in _NOT_A_BODY or _reads_as_a_name(run)
                            or lx.place_country(run[0].clean) or lx.region_country(run[0].clean)
                            or len(run) == 1 and _common_word(run[0])):
            continue
        name = doc.text(first, last)
        type_ = "company" if country or _camel(run[0].text) else "other"
        out.append(OrgMention(first, last, name, type_, country=country, confidence=0.6,
                              explicit_country=country is not None))
    return out


def _run_end(doc: Doc, first: int, taken: set[int]) -> int | None:
    toks, j = doc.tokens, first
    while (j < len(toks) and j - first < _MAX_WORDS and j not in taken and toks[j].is_word and toks[j].is_cap
           and not toks[j].headline and (j == first or doc.body[toks[j - 1].end:toks[j].start] == " ")):
        if toks[j].possessive:
            return None  # "director of Kazakhstan's ..." names a body further on
        j += 1
    if j == first or j < len(toks) and toks[j].is_word and toks[j].is_cap:
        return None  # nothing there, or a longer run than a body name
    return j - 1


def _is_place(run: list[Token]) -> bool:
    text = " ".join(t.clean for t in run)
    return places.is_place(text) or len(run) == 1 and (lx.place_country(run[0].clean) or lx.region_country(run[0].clean))


def _reads_as_a_name(run: list[Token], shortest: int = 2) -> bool:
    from .people import is_name_like

    return len(run) >= shortest and all(is_name_like(t) for t in run)


def _common_word(tok: Token) -> bool:
    """"Speaker of Parliament", "director of Sales": a generic head or a common English word."""
    if tok.key in lx.HEAD_TYPES:
        return True
    return not _camel(tok.text) and not tok.is_upper and tok.key in word_frequencies()


def _camel(word: str) -> bool:
    return any(c.isupper() for c in word[1:]) and not word.isupper()
