"""Personal-name normalization and matching, within an article and across the archive.

A person is described by the set of forms a text uses ("Arman-Bolat Dosmayev",
"Mr Dosmayev", "Dosmayev"). Matching rules, in order:

1. Two full names (two words or more) match when their compact keys are equal
   (case, accents, hyphens and honorifics folded), when one's words contain the
   other's ("Rana Saleem" / "Rana Saleem Qadir"), or when the surname and the
   given names are both close spellings ("Dosmayev" / "Dosmaev"). Spellings are
   compared after transliteration folding (`translit`): the same Cyrillic, Arabic
   or Persian letter written "zh" or "j", "q" or "k", "-yev" or "-ev" is one letter
   ("Zhumabekov" / "Jumabekov", "Qohir" / "Kokhir", "Mohammad" / "Muhammad"). A shared
   surname alone never matches: Imran Qadir is not Bilal Qadir.
2. When one side only has a single word ("Dosmayev", "Mr Dosmayev", "Farhan"), it
   matches a full name whose surname or first given name it equals, with the lower
   score `PARTIAL`: callers resolving across articles should accept such a match
   only when it is the only candidate (see `resolve`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from ..lexicon import HONORIFICS, PATRONYMIC_SUFFIXES

FULL = 1.0  # same full name
SUBSET = 0.95  # one full name contains the other's words
FUZZY_FLOOR = 0.85  # close spellings of full names score from here up
PARTIAL = 0.75  # a single word matching a full name's surname or given name
VARIANT = 0.8  # full names alike under `spelling_key` only (suggestions, not linking)
DEFAULT_THRESHOLD = 0.7

_DASHES = re.compile(r"[-\u2010-\u2015_/]+")
_NOT_WORD = re.compile(r"[^\w\s]")
_HONORIFIC_WORDS = frozenset(h.rstrip(".") for h in HONORIFICS if " " not in h)


@functools.lru_cache(maxsize=1 << 15)
def fold(text: str) -> str:
    """Case- and accent-folded text with curly apostrophes straightened."""
    if text.isascii():  # nothing to decompose or straighten: most of the words news is written in
        return text.casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().replace("\u2019", "'").replace("\u2018", "'")


@functools.lru_cache(maxsize=1 << 15)
def normalize(name: str) -> str:
    """Folded words of a name without honorifics or possessive: "Mr Arman-Bolat Dosmayev's" -> "arman bolat dosmayev"."""
    text = re.sub(r"'s\b", "", fold(name))
    text = _NOT_WORD.sub("", _DASHES.sub(" ", text))
    return " ".join(w for w in text.split() if w not in _HONORIFIC_WORDS)


@functools.lru_cache(maxsize=1 << 15)
def name_key(name: str) -> str:
    """Compact key, equal for "Arman-Bolat Dosmayev" and "Arman Bolat-Dosmayev"."""
    return normalize(name).replace(" ", "")


def name_words(name: str) -> list[str]:
    return list(_name_words(name))


@functools.lru_cache(maxsize=1 << 15)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(normalize(name).split())


def strip_honorific(name: str) -> str:
    """The name as written, without a leading "Mr"/"Dr"...: "Mr Abenov" -> "Abenov"."""
    words = name.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in _HONORIFIC_WORDS:
        words = words[1:]
    return " ".join(words)


# Transliteration folding: spellings of one sound in the Latin renderings of Cyrillic,
# Arabic and Persian names, longest first. Applied to folded lower-case words.
_TRANSLIT_RULES = (
    ("iyev", "ev"), ("dzh", "j"), ("zh", "j"), ("dj", "j"), ("tch", "ch"), ("kh", "h"), ("gh", "g"), ("q", "k"),
    ("ph", "f"), ("w", "v"), ("x", "h"), ("yev", "ev"), ("iev", "ev"), ("yo", "o"), ("iy", "i"),
    ("yy", "i"), ("ye", "e"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
)
_TRANSLIT = re.compile("|".join(re.escape(a) for a, _ in _TRANSLIT_RULES))
_TRANSLIT_MAP = dict(_TRANSLIT_RULES)
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"(?<=.)[aeiouy]")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_VOWEL_PAIRS = str.maketrans("oe", "ua")  # vowels transliterations swap: Mohammed / Muhammad


@functools.lru_cache(maxsize=1 << 15)
def translit(word: str) -> str:
    """A folded word with transliteration variants written one way: "Zhumabekov" -> "jumabekov",
    "Nazarboyev" and "Nazarboev" -> "nazarboev", "Rakhimbayev" and "Rakhimbaev" -> "rahimbaev"."""
    word = _NOT_WORD.sub("", fold(word))
    word = _DOUBLED.sub(r"\1", word)
    word = _TRANSLIT.sub(lambda m: _TRANSLIT_MAP[m.group()], word)
    return _FINAL_H.sub("", _DOUBLED.sub(r"\1", word))


@functools.lru_cache(maxsize=1 << 15)
def skeleton(word: str) -> str:
    """The consonants of `translit(word)` after its first letter: "Muhammad" and "Mohammed" -> "mhmd".
    Coarse on purpose: it finds candidates; `sounds_alike` decides."""
    return _VOWELS.sub("", translit(word))


def surname_key(form: str) -> str:
    """Key that finds a person's record by surname whatever its spelling ("Jumabekov", "Zhumabekov")."""
    words = name_words(form)
    return skeleton(surname(words))[:100] if words else ""


@functools.lru_cache(maxsize=1 << 15)
def spelling_key(word: str) -> str:
    """`skeleton(word)` with any first vowel written "a": one key for "Usmonov" / "Osmonov" and
    "Ergashev" / "Irgashev" too. For blocking candidates only; `sounds_alike` decides."""
    key = skeleton(word)
    return "a" + key[1:] if key[:1] in ("a", "e", "i", "o", "u", "y") else key


def person_keys(form: str) -> tuple[set[str], set[str]]:
    """Spelling-independent keys of one name form that any spelling of the same person shares with it:
    (keys of a full name, keys of a one-word form).

    A full name gives its surname with the first letter of each given name ("Mohammad Yusuf Baig" and
    "Yusuf Baig" share "bg|a"), and its first two words ("Rana Akbar" / "Rana Akbar Jamil"). A
    one-word form gives its own key, to be compared with full names whose surname or first given name
    has that key (see `_partial_similarity`).
    """
    words = name_words(form)
    if len(words) < 2:
        return set(), {spelling_key(w) for w in words}
    sur = surname(words)
    given = words[:words.index(sur)] if sur in words[:-1] else words[:-1]
    full = {f"{spelling_key(sur)}|{spelling_key(w)[:1]}" for w in given}
    full.add(f"{spelling_key(words[0])}+{spelling_key(words[1])}")
    return full, set()


def partial_keys(form: str) -> set[str]:
    """The keys a one-word form of the same person would have: the surname's and the first given name's."""
    words = name_words(form)
    return {spelling_key(surname(words)), spelling_key(words[0])} if len(words) > 1 else set()


def surname(words: Sequence[str]) -> str:
    """The last word, or the father's name before a patronymic suffix ("Asanbek" in "Nurlan Asanbek uulu")."""
    return words[-2] if len(words) > 2 and words[-1] in PATRONYMIC_SUFFIXES else words[-1]


@functools.lru_cache(maxsize=1 << 15)
def sounds_alike(a: str, b: str) -> bool:
    """Two words of a name are one written two ways: equal after folding, or the same
    consonants with vowels that transliterations swap (o/u, e/a: "Muhammad" / "Mohammed")."""
    ta, tb = translit(a), translit(b)
    if ta == tb:
        return True
    if not ta or not tb or ta[0] != tb[0] and {ta[0], tb[0]} - set("aeiou"):
        return False
    return skeleton(a) == skeleton(b) and (ta.translate(_VOWEL_PAIRS) == tb.translate(_VOWEL_PAIRS)
                                           or fuzz.ratio(ta, tb) >= 80)


def _given_and_surname(words: Sequence[str]) -> tuple[str, str]:
    if len(words) > 2 and words[-1] in PATRONYMIC_SUFFIXES:
        words = words[:-1]
    return "".join(words[:-1]), words[-1]


def _words_alike(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether the shorter word list sounds like a part of the longer, in order."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    k = 0
    for word in long_:
        if k < len(short) and sounds_alike(short[k], word):
            k += 1
    return k == len(short)


@functools.lru_cache(maxsize=1 << 15)  # clustering compares each mention with every cluster's forms
def _full_similarity(a: str, b: str) -> float:
    """Similarity of two full names (each of two words or more)."""
    if name_key(a) == name_key(b):
        return FULL
    wa, wb = name_words(a), name_words(b)
    # Hyphenated parts count as words: "Kassym-Jomart" covers "Kassym" and "Jomart".
    if set(wa) <= set(wb) or set(wb) <= set(wa):
        return SUBSET
    if sounds_alike(wa[-1], wb[-1]) and _words_alike(wa[:-1], wb[:-1]):
        return SUBSET if len(wa) != len(wb) else FUZZY_FLOOR + (FULL - FUZZY_FLOOR) * 0.9
    given_a, sur_a = _given_and_surname([translit(w) for w in wa])
    given_b, sur_b = _given_and_surname([translit(w) for w in wb])
    sur = fuzz.ratio(sur_a, sur_b) / 100
    given = fuzz.ratio(given_a, given_b) / 100
    if sur >= 0.8 and given >= 0.75:
        return FUZZY_FLOOR + (FULL - FUZZY_FLOOR) * min(sur, given) * 0.9
    return 0.0


def _partial_similarity(word: str, full: str) -> float:
    """A one-word form against a full name: its surname or first given name."""
    key = name_key(word)
    words = name_words(full)
    if not key or not words:
        return 0.0
    last = surname(words)
    if key in (last, words[0]) or key == "".join(words[-2:]):
        return PARTIAL
    if sounds_alike(key, last) or sounds_alike(key, words[0]):
        return PARTIAL
    return 0.0


def _split_forms(forms: Iterable[str]) -> tuple[list[str], list[str]]:
    full, single = [], []
    for form in forms:
        n = len(name_words(form))
        if n >= 2:
            full.append(form)
        elif n == 1:
            single.append(form)
    return full, single


def person_similarity(forms_a: Iterable[str], forms_b: Iterable[str]) -> float:
    """Score in [0, 1] that two sets of name forms denote the same person (see module doc)."""
    full_a, single_a = _split_forms(forms_a)
    full_b, single_b = _split_forms(forms_b)
    if full_a and full_b:
        return max(_full_similarity(a, b) for a in full_a for b in full_b)
    if full_a or full_b:
        singles, fulls = (single_b, full_a) if full_a else (single_a, full_b)
        return max((_partial_similarity(s, f) for s in singles for f in fulls), default=0.0)
    keys_a = {translit(name_key(s)) for s in single_a}
    return PARTIAL if keys_a & {translit(name_key(s)) for s in single_b} else 0.0


def variant_similarity(forms_a: Iterable[str], forms_b: Iterable[str]) -> float:
    """`VARIANT` when two full names have the same words under `spelling_key`, in order (one may have
    more words): "Ulugbek Kadyrov" / "Ulughbek Qodirov", "Yusuf Raza" / "Yousaf Raza". Looser than
    `person_similarity`: for suggestions a curator judges, never for linking."""
    keyed_a = [[spelling_key(w) for w in name_words(f)] for f in forms_a if len(name_words(f)) > 1]
    keyed_b = [[spelling_key(w) for w in name_words(f)] for f in forms_b if len(name_words(f)) > 1]
    for a in keyed_a:
        for b in keyed_b:
            short, long_ = (a, b) if len(a) <= len(b) else (b, a)
            if short[-1] == long_[-1] and _in_order(short[:-1], long_[:-1]):
                return VARIANT
    return 0.0


def _in_order(short: Sequence[str], long_: Sequence[str]) -> bool:
    words = iter(long_)
    return all(any(key == word for word in words) for key in short)


def is_same_person(forms_a: Iterable[str], forms_b: Iterable[str],
                   threshold: float = DEFAULT_THRESHOLD) -> bool:
    """True when `person_similarity` reaches `threshold` (0.7: single-word matches count)."""
    return person_similarity(list(forms_a), list(forms_b)) >= threshold


def resolve(forms: Iterable[str], candidates: Sequence[Iterable[str]],
            threshold: float = DEFAULT_THRESHOLD) -> int | None:
    """Index of the one candidate that `forms` denotes, or None when none or several tie.

    Refuses to guess: "Qadir" against Imran Qadir and Bilal Qadir is None.
    """
    forms = list(forms)
    scores = [person_similarity(forms, list(c)) for c in candidates]
    best = max(scores, default=0.0)
    if best < threshold:
        return None
    winners = [i for i, s in enumerate(scores) if s == best]
    return winners[0] if len(winners) == 1 else None
