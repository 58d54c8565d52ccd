"""When an agreement was signed (or is expected): the day its clause gives, else the one day its
sentence gives ("On May 1, on the sidelines of X, the ministers signed ..."), else the day of the
meeting it was signed at (told in the same or the previous sentence, or the last one before a
"during the visit"). A signed text its sentence leaves undated, told as another document of the
signing just told ("The ministers also signed ...", "On the same day, X signed ..."), takes the day
of the last dated signing or meeting before it. A negotiated text has no date: dates near talks
date the talks.
"""

from __future__ import annotations

import re

from ..records import FuzzyDate, Precision
from .agreement_cues import clause
from .meeting_cues import Cue, date_is_for_travel, event_dates

_I = re.IGNORECASE

_SIGNED_IN = re.compile(r"\b(?:signed|inked|concluded|sealed)\s+in\s+$|\b(?:signed|inked|concluded|sealed)\s+in\s+\d", _I)


# "the April 22 attack": a day that names another event.
_ATTRIBUTIVE_DAY = re.compile(r"\bthe\s+$", _I)


# A reference back to the occasion an agreement was signed at.
_OCCASION_BACK = re.compile(r"\b(?:during|after|following|at|in\s+the\s+course\s+of|at\s+the\s+end\s+of)\s+(?:the|that|this)\s+"
                            r"(?:[\w-]+\s+)?(?:visit|talks|meeting|consultations|summit|ceremony|negotiations|session)\b", _I)


_OCCASION_REACH = 10


def signing_date(draft, text: str, status_at: int | None, sentences, index, meetings, article) -> FuzzyDate | None:
    """Date signed (or expected) in the clause; else the date of the meeting it was signed at."""
    if draft.status == "negotiating":
        return None  # dates near talks about a text date the talks, not a signing
    anchor = status_at if status_at is not None else draft.evidence[0].start - sentences[index].start
    lo, hi = clause(text, anchor, anchor + 1)
    cue = Cue(anchor, anchor + 1, "status", "")
    mention = draft.evidence[0].start - sentences[index].start
    relatives = [(a, b) for a, b in _relative_clauses(text) if not a <= anchor < b]
    dates = [(abs(s - anchor), d) for s, e, d in event_dates(text, article.published)
             if lo <= s < hi and not date_is_for_travel(text, s, cue)
             and not any(a <= s < b for a, b in relatives)
             and not (_ATTRIBUTIVE_DAY.search(text, 0, s) and not 0 <= mention - e <= 12)
             and (d.precision != Precision.YEAR or _SIGNED_IN.search(text, max(0, s - 20), s + 3))]
    if dates:
        return min(dates, key=lambda x: x[0])[1]
    if draft.status in ("signed", "in_force"):
        return sentence_day(text, article, cue) or meeting_date(sentences, index, meetings)
    return None


# ", which experts drafted in January,": a relative clause up to the next comma or the sentence's end.
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|that)\b[^,;]*")


def _relative_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of ", which/that ..." clauses: a date in one tells the noun's history (when it was
    drafted, agreed in principle), not the signing, unless the status verb is in it too."""
    return [m.span() for m in _RELATIVE_CLAUSE.finditer(text)] if "which" in text or "that" in text else []


def sentence_day(text: str, article, cue: Cue) -> FuzzyDate | None:
    """The one day a sentence gives, when the signing's own clause gives none ("On May 1, on the
    sidelines of X, the ministers signed ...", "..., signed by A and B, is dated 6 January 2023")."""
    days = {d.value: d for s, e, d in event_dates(text, article.published)
            if d.precision == Precision.DAY and not date_is_for_travel(text, s, cue)
            and not _ATTRIBUTIVE_DAY.search(text, 0, s)}
    return next(iter(days.values())) if len(days) == 1 else None


def meeting_date(sentences, index, meetings) -> FuzzyDate | None:
    """Date of a meeting told in this sentence or the one before; else, when one of them refers
    back to the occasion ("during the visit", "after the talks"), of the last dated meeting told
    in the sentences before."""
    starts = {sentences[index].start} | ({sentences[index - 1].start} if index else set())
    for meeting in meetings:
        if meeting.date and any(e.sentence_start in starts for e in meeting.evidence):
            return meeting.date
    if not any(_OCCASION_BACK.search(sentences[k].text) for k in (index, index - 1) if k >= 0):
        return None
    floor = sentences[max(0, index - _OCCASION_REACH)].start
    told = [(e.sentence_start, m.date) for m in meetings if m.date for e in m.evidence
            if floor <= e.sentence_start < sentences[index].start]
    return max(told, key=lambda t: t[0])[1] if told else None


# "The sides also signed/exchanged ...", "On the same day ...": another document of the occasion just told.
_SAME_OCCASION = re.compile(r"\balso\s+(?:signed|inked|exchanged|concluded|sealed|initial(?:l)?ed|adopted)\b|"
                            r"\b(?:on\s+)?(?:the|that)\s+same\s+(?:day|occasion)\b|\bat\s+the\s+same\s+(?:ceremony|event)\b|"
                            r"\bthat\s+day\b", _I)


def same_occasion_day(text: str, start: int, article, dated: list[tuple[int, FuzzyDate]]) -> FuzzyDate | None:
    """The day of the last signing or meeting told before `start` with a day ("signed in 2021" is
    background, not the occasion; `dated`: their offsets in the body and dates), for a signed text whose sentence says it was another document of that
    occasion and gives no time of its own."""
    if "also" not in text and "same" not in text.lower() and "that day" not in text.lower():
        return None
    if not _SAME_OCCASION.search(text) or event_dates(text, article.published):
        return None
    before = [(at, day) for at, day in dated if at < start and day.precision == Precision.DAY]
    return max(before, key=lambda t: t[0])[1] if before else None
