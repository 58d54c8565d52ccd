"""Summits and other gatherings of three or more: who took part, and the day and place of the occasion.

A summit is often told in two sentences: one names the occasion and its day ("The leaders on
Tuesday signed a treaty at the end of their summit in the capital"), the next lists who took
part without a meeting verb ("The document bears the signatures of A, B, C and D", "signed by
A, B and C", "Taking part were A, B and C"). The list is one meeting of all its people, on
the occasion's day and at its place. A meeting of three or more told without a day, right
after a sentence that dates such an occasion, is that occasion.
"""

from __future__ import annotations

import re

from ..layout.sentences import Sentence
from ..records import FuzzyDate, Precision
from .meeting_cues import event_dates
from .mentions import ArticleMentions

_I = re.IGNORECASE
# Words that name an occasion people gather for.
OCCASION = re.compile(r"\b(?:summit|trilateral|meeting|talks|dialogue|conference|forum|session|gathering|"
                      r"consultations|council|congress|assembly)\b", _I)
# Taking part without a meeting verb: signing together, attending, being listed as participants.
_JOINT_ACT = re.compile(r"\b(?:signed|initialled|initialed|adopted|endorsed)\b[^.;]{0,80}?\bby\b|"
                        r"\bsignatures\s+of\b|\b(?:took|taking|take)\s+part\b|\bparticipated\b|\bparticipants\b|"
                        r"\battended\s+by\b|\bjoined\s+by\b", _I)
MIN_GROUP = 3


def joint_participants(sent: Sentence, mentions: ArticleMentions) -> list[str]:
    """Three or more people a sentence lists as taking part together, or none."""
    m = _JOINT_ACT.search(sent.text)
    if not m:
        return []
    names = [p.name for p in mentions.persons_between(sent.start, sent.end)]
    names = list(dict.fromkeys(names))
    return names if len(names) >= MIN_GROUP else []


def occasion_before(sentences: list[Sentence], index: int, published) -> int | None:
    """Index of this sentence or one of the two before it that names an occasion, nearest first."""
    for k in range(index, max(-1, index - 3), -1):
        if OCCASION.search(sentences[k].text):
            return k
    return None


def occasion_day(sentence: Sentence, published) -> FuzzyDate | None:
    """The one day a sentence that names an occasion gives (none when it gives several)."""
    if not OCCASION.search(sentence.text):
        return None
    days = {d.value: d for _, _, d in event_dates(sentence.text, published) if d.precision == Precision.DAY}
    return next(iter(days.values())) if len(days) == 1 else None
