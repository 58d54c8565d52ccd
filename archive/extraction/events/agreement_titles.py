"""Titles of described agreements, built from the words the text uses: the count as written, the
parties as named, the qualifier that says which agreement it is, cut where its phrase ends.
"""

from __future__ import annotations

import re

from ..lexicon.events import PACKAGE_HEADS
from .agreement_cues import Found

_I = re.IGNORECASE

_PROVENANCE = re.compile(r"\b(?:a|the)\s+(?:recent\s+)?(?P<np>(?:[\w-]+\s+){0,4}?delegation)\s+visited\s+(?P<place>[A-Z][\w-]+)")


_MAX_TITLE_WORDS = 20


_COUNTED_HEAD = re.compile(r"^\S+\s+(?:" + "|".join(PACKAGE_HEADS) + r")\b", _I)


def package_head_title(title: str) -> bool:
    """"29 documents worth ...": a count and a bare package head, no kind of its own."""
    return bool(_COUNTED_HEAD.match(title))


_NOTES = re.compile(r"\bnotes\b", _I)


# "between the four governments", "between both parties": parties the phrase does not name.
_UNNAMED_PARTIES = re.compile(r"^between\s+(?:the|both)\s+(?:two|three|four|five|six|\d+)?\s*"
                              r"(?:countries|sides|states|nations|governments|parties)\b\s*", _I)
# "on A, B, C and D": a list of three or more topics.
_TOPIC_LIST = re.compile(r"(?:on|in|covering)\s+[^,;]+(?:,\s*[^,;]+){2,}", _I)


def generic_title(found: Found, text: str, qual: str, status: str | None, sectors: list[str],
                   parties: list[str]) -> str:
    head = found.title[0].upper() + found.title[1:]
    if _NOTES.search(found.title) and re.search(r"\bexchanged\s+(?:\w+\s+)?$", text[:found.start], _I):
        head = "Exchange of " + found.title  # "the sides exchanged notes verbales on ..."
    if found.count is not None:
        head = f"{found.count_text or found.count} {found.title}"
    parts = [head]
    if parties and not re.match(r"between\b", qual, _I) and not found.count:
        parts.append(f"between {parties[0]} and {parties[1]}")
    if (status == "negotiating" and re.search(r"\bfinali[sz]e\b", text[max(0, found.start - 25):found.start], _I)
            and not re.search(r"\bunder\s+\w+|negotiat", qual, _I)):
        parts.append("to be finalised")
    if sectors and re.match(r"(?:covering|including|in)\b", qual, _I):
        qual = "covering " + ", ".join(sectors[:-1]) + (" and " if len(sectors) > 1 else "") + sectors[-1]
    qual = _UNNAMED_PARTIES.sub("", qual).strip()
    if found.count and _TOPIC_LIST.match(qual):
        qual = ""  # "17 documents on fishing, ports, forests and ...": what the package covers, not its name
    if qual:
        parts.append(qual)
    prov = _PROVENANCE.search(text[:found.start])
    if prov:
        parts.append(f"from {prov.group('np')} visit to {prov.group('place')}")
    return _whole_phrase(" ".join(" ".join(parts).split()[:_MAX_TITLE_WORDS]))


# What cannot end a title: a word that needs more after it, an aside's dash, a list's colon.
_DANGLING = re.compile(r"(?:[\s,:;]+(?:under|of|the|a|an|by|to|for|with|on|in|and|or|at|from|which|that|its|their|"
                       r"hosted|signed|between|as|per)\b)+[\s,:;]*$|[\s,:;]+$", _I)


_ASIDE = re.compile(r"\s+(?:[\u2013\u2014]|--?|\u00e2\u20ac[\u201d\u201c])\s+|\s*\(")


def _whole_phrase(title: str) -> str:
    """A title cut where its own phrase ends: before a dash or bracket that opens an aside, without
    a dangling preposition or article ("... and EBRD under", "... worth $1.4 billion -- covering")."""
    title = _ASIDE.split(title, 1)[0]
    previous = None
    while previous != title:
        previous, title = title, _DANGLING.sub("", title)
    return title


def fuller_title(a, b) -> bool:
    """`a` says more of what the agreement is than `b`: a package told by its kind ("29 farming and
    investment agreements") over one told by a bare "documents"; else more words."""
    bare_a, bare_b = package_head_title(a.title), package_head_title(b.title)
    if bare_a != bare_b and a.count and a.count == b.count:
        return bare_b
    return len(a.words) > len(b.words)
