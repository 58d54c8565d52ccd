"""Capitalized spans that read like names but are not people.

Only spans with weak evidence are judged here (no title, honorific or apposition before
or after them): those a title introduces are people even when the words are odd. A span
is not a person when it is

- a place: a country, ISO 3166 subdivision or city ("Abu Dhabi", "Khyber Pakhtunkhwa");
- a piece of a longer capitalized name: another capitalized word that is not a title
  sits right against it ("Xinjiang Uygur Autonomous Region", "Caspian Energy Week");
- a modifier of a common noun: "the Silver Bridge investment package", "Ibn Sina scholarships";
- a gloss in brackets after another name: "the Hall of Unity (Tolar Zali)";
- made of words with the endings of English adjectives, adverbs and abstract nouns
  ("Jointly Funded", "Annual Strategic Consultations").
"""

from __future__ import annotations

from .. import lexicon as lx
from . import places
from .tokens import Doc

WEAK_SIGNALS = frozenset({"bare", "verb", "country"})

# Endings of English words that are not personal names (checked on words of 6 letters or more).
_ENGLISH_ENDINGS = ("ally", "tion", "tions", "ment", "ments", "ness", "ity", "ism", "ship", "ical",
                    "ous", "ive", "ional", "ated", "ied", "ural", "eral")
_PERSON_WORDS = lx.TITLE_HEADS | lx.TITLE_MODIFIERS | lx.PORTFOLIO | lx.HONORIFICS | lx.PERSON_NOUNS


def is_not_a_person(mention, doc: Doc, organizations: frozenset[int] = frozenset()) -> bool:
    """Whether a mention read as a person is a place, a part of a longer name, a modifier or a gloss.
    `organizations`: token indices of organization mentions (a name may follow one directly)."""
    if mention.signal not in WEAK_SIGNALS:
        return False  # "Foreign Minister Li Wei" is a person even where a town shares the name
    return (places.is_place(mention.name) or _inside_longer_name(doc, mention.first, mention.last, organizations) or _modifies_a_noun(doc, mention.last)
            or _gloss_in_brackets(doc, mention.first, mention.last) or _english_words(doc, mention.first, mention.last))


def _inside_longer_name(doc: Doc, first: int, last: int, organizations: frozenset[int]) -> bool:
    toks = doc.tokens
    nxt = toks[last + 1] if last + 1 < len(toks) else None
    if (nxt is not None and nxt.is_word and nxt.is_cap and not toks[last].possessive
            and doc.body[toks[last].end:nxt.start] == " " and nxt.key not in _PERSON_WORDS
            and nxt.key not in lx.MONTHS and nxt.key not in lx.WEEKDAYS):
        return True
    prev = toks[first - 1] if first else None
    return (prev is not None and prev.is_word and prev.is_cap and not prev.possessive and not prev.country
            and prev.i not in organizations
            and not toks[first].sentence_initial and doc.body[prev.end:toks[first].start] == " "
            and prev.key not in _PERSON_WORDS and prev.key not in lx.NON_NAME_WORDS
            and not (prev.is_upper and len(prev.text) <= 4))


def _modifies_a_noun(doc: Doc, last: int) -> bool:
    toks = doc.tokens
    nxt = toks[last + 1] if last + 1 < len(toks) else None
    return (nxt is not None and not toks[last].possessive and nxt.is_word and not nxt.is_cap
            and doc.body[toks[last].end:nxt.start] == " " and nxt.key in lx.MODIFIED_NOUNS)


def _gloss_in_brackets(doc: Doc, first: int, last: int) -> bool:
    toks = doc.tokens
    return (0 < first and last + 1 < len(toks) and toks[first - 1].text == "(" and toks[last + 1].text == ")"
            and first >= 2 and toks[first - 2].is_cap)


def _english_words(doc: Doc, first: int, last: int) -> bool:
    words = [t.key for t in doc.tokens[first:last + 1]]
    return any(len(w) >= 6 and w.endswith(_ENGLISH_ENDINGS) for w in words)
