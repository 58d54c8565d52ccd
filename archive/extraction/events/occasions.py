"""Summits and other gatherings of three or more: who took part, and the day and place of the occasion.

A summit is often told in two sentences: one names the occasion and its day ("The leaders on
Friday signed a charter as their summit in the capital closed"), the next lists who took
part without a meeting verb ("The charter bears the signatures of A, B, C and D", "signed by
A, B and C", "Taking part were A, B and C"). The list is one meeting of all its people, on
the occasion's day and at its place. A meeting of three or more told without a day, right
after a sentence that dates such an occasion (or a signing), is that occasion; so are the signatories
of a ceremony the sentence before dates ("The documents were signed on May 2. A and B put their
names to them at a ceremony").
"""

from __future__ import annotations

import datetime
import re

from ..layout.sentences import Sentence
from ..records import FuzzyDate, Precision
from .meeting_cues import event_dates
from .mentions import ArticleMentions

_I = re.IGNORECASE
# Words that name an occasion people gather for.
OCCASION = re.compile(r"\b(?:summit|trilateral|meeting|talks|dialogue|conference|forum|session|gathering|"
                      r"consultations|council|congress|assembly|ceremony|event|signing)\b", _I)
# Signing one text together: the signatories met, two of them are enough.
_CO_SIGNING = re.compile(r"\b(?:signed|initialled|initialed)\b[^.;]{0,80}?\bby\b|\bsignatures\s+of\b|"
                         r"\bput\s+their\s+names\s+to\b", _I)
# Taking part without a meeting verb: attending, joining, being listed as participants.
_JOINT_ACT = re.compile(r"\b(?:adopted|endorsed)\b[^.;]{0,80}?\bby\b|\b(?:took|taking|take)\s+part\b|"
                        r"\bparticipated\b|\bparticipants\b|\battended\s+by\b|\bjoined\s+by\b|"
                        r"\bjoined\b[^.;]{0,40}?\b(?:ceremony|meeting|summit|talks|call|session|conference)\b", _I)
MIN_GROUP = 3
_OTHER_CLAUSE = re.compile(r",\s+(?:while|whereas|but|although|though)\b", _I)
_JOINT_WORDS = ("sign", "initial", "put their", "part", "attended", "joined", "adopted", "endorsed")


def joint_participants(sent: Sentence, mentions: ArticleMentions) -> list[str]:
    """The people a sentence lists, in the clause of its cue, as signing one text together (two
    or more) or taking part together (three or more); else none."""
    low = sent.text.lower()
    if not any(w in low for w in _JOINT_WORDS):
        return []
    m = _CO_SIGNING.search(sent.text)
    least = 2
    if not m:
        m, least = _JOINT_ACT.search(sent.text), MIN_GROUP
    if not m:
        return []
    other = _OTHER_CLAUSE.search(sent.text, m.end())  # "..., while the delegation was led by X"
    hi = other.start() if other else len(sent.text)
    names = list(dict.fromkeys(p.name for p in mentions.persons_between(sent.start, sent.start + hi)))
    return names if len(names) >= least else []


def occasion_before(sentences: list[Sentence], index: int, published) -> int | None:
    """Index of this sentence or one of the two before it that names an occasion, nearest first."""
    for k in range(index, max(-1, index - 3), -1):
        if OCCASION.search(sentences[k].text):
            return k
    return None


# A signing told as done: an occasion too ("the accord was signed in X on May 2").
_SIGNED = re.compile(r"\b(?:signed|inked|initial(?:l)?ed)\b", _I)


def occasion_day(sentence: Sentence, published) -> FuzzyDate | None:
    """The one day a sentence that names an occasion or tells a signing gives (none when it gives several)."""
    if not (OCCASION.search(sentence.text) or _SIGNED.search(sentence.text)):
        return None
    days = {d.value: d for _, _, d in event_dates(sentence.text, published) if d.precision == Precision.DAY}
    return next(iter(days.values())) if len(days) == 1 else None


# "on the eve of the summit": the day before an occasion the story dates elsewhere.
_EVE_OF = re.compile(r"\bon\s+the\s+eve\s+of\s+(?:the|this|that|this\s+year's)\s+(?:[\w-]+\s+){0,3}?"
                     r"(?P<noun>summit|meeting|talks|conference|forum|session|congress|assembly|ceremony|visit)\b", _I)


def eve_day(sentences: list[Sentence], index: int, published) -> FuzzyDate | None:
    """The day before the occasion a sentence's "on the eve of the summit" names, when the nearest
    sentence before (or after) it that names that occasion gives one day."""
    m = _EVE_OF.search(sentences[index].text) if "eve" in sentences[index].text else None
    if not m:
        return None
    noun = re.compile(r"\b" + m.group("noun") + r"\b", _I)
    order = list(range(index - 1, -1, -1)) + list(range(index + 1, len(sentences)))
    for k in order:
        if noun.search(sentences[k].text):
            day = occasion_day(sentences[k], published)
            if day:
                return FuzzyDate(day.value - datetime.timedelta(days=1), Precision.DAY, m.group(0))
    return None


# "A of X, B of Y and C of Z signed a memorandum": named signatories as the subject of a signing.
_ACTIVE_SIGNING = re.compile(r"\b(?:signed|inked)\s+(?:an?|the|two|three|four|five|six|several|\d+)\s", _I)
_BEFORE_SUBJECT = re.compile(r"\b(?:who|whom|which|that|when|after|before|while|if|whose)\b|;", _I)


def signers(sent: Sentence, mentions: ArticleMentions) -> list[str]:
    """The two or more people a sentence names as the subject of its signing ("On May 1, A and B
    signed an agreement in X"): signing a text together, they met. None when the names stand in
    a relative or subordinate clause ("A, who with B signed a deal in 2019, ...")."""
    if "signed" not in sent.text and "inked" not in sent.text:
        return []
    m = _ACTIVE_SIGNING.search(sent.text)
    if not m or _BEFORE_SUBJECT.search(sent.text, 0, m.start()):
        return []
    names = list(dict.fromkeys(p.name for p in mentions.persons_between(sent.start, sent.start + m.start())))
    return names if len(names) >= 2 else []
