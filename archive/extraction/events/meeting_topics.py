"""What a meeting was about: the phrase after "discussed", "focused on", "to review" ..., or the
name of the hosted event a person spoke at.
"""

from __future__ import annotations

import re

from .meeting_cues import Cue

_I = re.IGNORECASE

_END = r"(?=\s*(?:[,;.!?\"\u201d]|\s-\s|\swhile\b|\sand\s+(?:emphasi|stress|underscor|highlight|agreed))|$)"


_TOPIC_PATTERNS = [re.compile(p, _I) for p in [
    r"\bdiscuss(?:ed|es|ing)\s+(?P<t>.+?)\s+with\b",
    r"\b(?:focus(?:ed|ing)?|focussed|centred|centered|concentrated)\s+on\s+(?P<t>.+?)" + _END,
    r"\bemphasis\s+was\s+(?:placed|laid)\s+on\s+(?P<t>.+?)" + _END,
    r"\bto\s+(?:review|discuss|explore)\s+(?P<t>.+?)" + _END,
    r"\bdeliberated\s+(?:on|upon|over)\s+(?P<t>.+?)" + _END,
    r"\b(?:meeting|talks|discussions?)\s+(?:also\s+)?(?:addressed|covered|reviewed|explored|touched\s+(?:on|upon))\s+"
    r"(?P<t>.+?)" + _END,
    r"\bdiscuss(?:ed|es|ing)\s+(?P<t>.+?)" + _END,
    r"\b(?:briefed|apprised)\s+.+?\s+(?:on|about)\s+(?P<t>.+?)" + _END,
    r"\b(?:meetings?|talks|discussions?|consultations)\b[^.;]{0,120}?\s(?:on|about|regarding)\s+"
    r"(?!the\s+(?:sidelines|eve\s+of)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|[A-Z][a-z]+\s+\d)(?P<t>.+?)" + _END,
]]


_MAX_TOPIC_WORDS = 14


def topic(segment: str) -> str | None:
    for pattern in _TOPIC_PATTERNS:
        m = pattern.search(segment)
        if m:
            found = _clean_topic(m.group("t"))
            if found:
                return found
    return None


def _clean_topic(text: str) -> str | None:
    text = re.sub(r"\s*\([^)]*\)", "", text).strip(" \"'\u201c\u201d,;:")
    words = text.split()
    if not words or not any(w.islower() for w in words):
        return None
    return " ".join(words[:_MAX_TOPIC_WORDS])


def event_topic(text: str, cues: list[Cue]) -> str | None:
    """"a seminar organised by X" for a hosted event: the event phrase up to the clause's end."""
    event = next((c for c in cues if c.kind == "event"), None)
    if not event:
        return None
    phrase = re.split(r"[,;.]", text[event.start:])[0]
    phrase = re.sub(r"^(?:speaking|addressing|spoke|addressed|speaks|addresses)\s+(?:at\s+|to\s+)?", "", phrase, flags=_I)
    return _clean_topic(re.sub(r"^(?:a|an|the)\s+", "", phrase, flags=_I))
