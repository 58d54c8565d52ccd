"""Finding meeting cues in a sentence and who takes part: the grammar half of `meetings`.

A cue is a verb or noun phrase that reports an encounter ("met", "held talks with",
"during a meeting with", "speaking at a seminar hosted by"), or a reference back to one
("during the meeting", "was present"). Participants are the people named or clearly
referred to in the cue's clause ("his delegation", "his Pakistani counterpart",
"the Kazakh president", "the two foreign ministers", a leading "He").
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .dates import find_dates
from .money import parse_count
from ..records import FuzzyDate

from ..lexicon.events import (EVENT_NOUNS, GROUP_NOUNS, MEETING_NOUNS, MOVEMENT_VERBS, NOT_REPORTED_BEFORE,
                             PRINCIPAL_TALK_WORDS, REPORTING_VERBS)
from .mentions import ArticleMentions, country_of_word

_I = re.IGNORECASE
_APOS = "['\u2019]"
_FILLER = r"(?:[\w-]+\s+){0,3}?"

# (regex, kind). Kinds: verb, object (needs a participant right after), call_on, discussed,
# spoke, call, noun, event, ref (refers back to a meeting), present (joins the last meeting).
CUES: list[tuple[re.Pattern, str]] = [(re.compile(p, _I), k) for p, k in [
    (r"\b(?:met|meets)\b(?:\s+with\b)?", "verb"),
    (r"\b(?:has|have|had)\s+been\s+meeting\b|\b(?:after|while|when)\s+meeting\b(?:\s+with\b)?|"
     r",\s+meeting\s+(?:with\s+)?(?=(?:[A-Z]|the\s|his\s|her\s))", "verb"),
    (r"\b(?:held|holds|concluded|began|opened|wrapped\s+up|completed)\s+(?:a\s+|an\s+|the\s+|their\s+)?" + _FILLER
     + r"(?:" + MEETING_NOUNS + r")\b", "verb"),
    (r"\b(?:co-?chaired|co-?chairing)\b", "verb"),
    (r"\b(?:conferred|interacted|exchanged\s+views|sat\s+down|held\s+talks)\s+with\b", "verb"),
    (r"\b(?:attended|attends)\s+(?:a\s+|an\s+|the\s+)?" + _FILLER + r"(?:" + MEETING_NOUNS + "|" + EVENT_NOUNS + r")\b", "verb"),
    (r"\b(?:received|receives|briefed|briefs|hosted|hosts)\b", "object"),
    (r"\b(?:called|calls)\s+on\b|\bpaid\s+(?:a\s+)?(?:courtesy\s+)?call\s+on\b", "call_on"),
    (r"\b(?:discussed|discusses)\b", "discussed"),
    (r"\b(?:spoke|speaks|talked|talking)\s+" + _FILLER + r"(?:with|to)\b", "spoke"),
    (r"\b(?:telephoned|phoned|dialled|dialed)\b|\b(?:telephone|phone|video|telephonic)\s+(?:call|conversation)\b", "call"),
    (r"\b(?:in|during|at)\s+(?:a\s+|an\s+|the\s+|his\s+|her\s+|their\s+|its\s+)?" + _FILLER
     + r"(?:" + MEETING_NOUNS + r")\s+(?:with|between)\b", "noun"),
    (r"\b(?:meetings?|talks|discussions?|consultations|session)\s+(?:(?:co-?chaired|chaired|led|headed)\s+by|(?:was|were)\s+held)\b", "noun"),
    (r"\b(?:meeting|talks|discussions?|call|conversation)\s+between\b|"
     + _APOS + r"s\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|call|conversation)\s+with\b", "noun"),
    (r"\b(?:speaking|addressing|spoke|addressed|speaks|addresses)\s+(?:at\s+|to\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:"
     + EVENT_NOUNS + r")\b", "event"),
    (r"\b(?:" + EVENT_NOUNS + r")\s+(?:hosted|organi[sz]ed|arranged)\s+by\b", "event"),
    (r"\b(?:during|after|following|at|in|throughout)\s+the\s+" + _FILLER
     + r"(?:meetings?|talks|interaction|discussions?|call|conversation|session|engagement)\b", "ref"),
    (r"^\W*(?:the|this)\s+" + _FILLER + r"(?:meeting|talks|discussions?)\s+(?:also\s+)?[a-z]+ed\b", "ref"),
    # "X and Y signed a treaty following talks in Dushanbe": the subjects held the talks.
    (r"\b(?:following|after)\s+(?!the\b|these\b|those\b|that\b)(?:(?:their|his|her|[\w-]+)\s+){0,4}?"
     r"(?:talks|negotiations|consultations)\b", "noun"),
    (r"\b(?:was|were)\s+(?:also\s+)?present\b|\balso\s+(?:attended|joined|participated)\b|"
     r"^\W*(?:Opening|Chairing|Closing|Hosting|Moderating)\s+the\s+(?:meeting|talks|session|ceremony|event|forum)\b", "present"),
]]

# Words one of which each cue needs, to skip its regex cheaply (same order as CUES).
_CUE_WORDS = [
    ("met",), ("meeting",), ("held", "holds", "conclud", "began", "opened", "wrapped", "complet"), ("chair",), (" with",), ("attend",),
    ("receiv", "brief", "host"), (" on",), ("discuss",), ("spoke", "speaks", "talked", "talking"),
    ("phon", "dial", "call", "conversation"), (" with", " between"), (" by", "held"), ("between", " with"),
    ("speak", "spoke", "address"), (" by",), ("the ",), ("the", "this"), ("follow", "after"), ("present", "also", "opening", "chairing", "closing", "hosting", "moderating"),
]
assert len(_CUE_WORDS) == len(CUES)
_ALL_CUE_WORDS = frozenset(w for words in _CUE_WORDS for w in words)

FULL_KINDS = {"verb", "object", "call_on", "discussed", "spoke", "call", "noun", "event"}
_NOT_REPORTED = re.compile(NOT_REPORTED_BEFORE, _I)
_IMMEDIATE_NOT = re.compile(r"\b(?:to|not|no|any|never)\s+$", _I)
_CLAUSE_BREAK = re.compile(r";|,\s+(?:though|although|while|whereas|but|which|who|whom|since|because)\b|\bthough\b", _I)
_PRINCIPAL = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in PRINCIPAL_TALK_WORDS)
                        + r")\s+(?:[\w-]+\s+)?(?:talks|meetings?|discussions|consultations|negotiations)\b", _I)
_MOVEMENT = re.compile(MOVEMENT_VERBS + r"|\b(?:visit|trip|tour)\b", _I)
_ROLE_PHRASE = re.compile(
    r"\b(?P<det>the\s+two|both|two|the)\s+(?:(?P<dem>(?-i:[A-Z][\w-]+))\s+)?(?P<role>(?:deputy\s+)?prime\s+ministers?|"
    r"foreign\s+ministers?|presidents?|vice\s+presidents?|ambassadors?|envoys?|high\s+commissioners?|"
    r"foreign\s+secretar(?:y|ies)|premiers?|ministers?|leaders?)\b", _I)
_DELEGATION = re.compile(
    r"\b(?:(?P<own>[Hh]is|[Hh]er)\s+|(?P<the>[Tt]he)\s+)(?:(?:visiting|high-level|high-powered|official|ministerial|"
    r"large|\d+-member)\s+)*(?:(?P<dem>[A-Z][\w-]+)\s+)?(?:[a-z]+\s+)?delegation\b(?![-\u2010])")
_COUNTERPART = re.compile(r"\b(?P<own>[Hh]is|[Hh]er)\s+(?:(?P<dem>[A-Z][\w-]+)\s+)?counterpart\b")
_ROLE_HINTS = ("minister", "president", "ambassador", "envoy", "commissioner", "secretar", "premier", "leader")
# "the Kazakh leader": the head of state, else of government.
_LEADER_ROLES = ("president", "prime minister", "premier")
_GROUP = re.compile(r"\b(?:the\s+two|both)\s+(?:(?-i:[A-Z][\w-]+)\s+)?(?:" + GROUP_NOUNS + r")\b|"
                    r"\b[Tt]he\s+two\s+(?=(?:also\s+)?(?:met|held|discussed|agreed|signed|reviewed|spoke|talked|exchanged)\b)", _I)
# "the five ministers", "the six leaders", "the visiting ministers", "the heads of state": a group
# of three or more the text has just listed by name.
_LARGE_GROUP = re.compile(r"\b(?:the|all)\s+(?:(?P<n>three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
                          r"(?P<visiting>visiting\s+|other\s+)?(?:" + GROUP_NOUNS + r"|heads\s+of\s+delegations?)\b", _I)
_MIN_GROUP = 3
_PRONOUN_AND = re.compile(r",\s+(?P<pron>he|she)\s+and\s+(?=[A-Z]|his\s|her\s)")
_HE_SHE = re.compile(r"\b[Hh]e\b|\b[Ss]he\b")
_OF_COUNTRIES = re.compile(r"\s+of\s+(?:the\s+)?(?P<countries>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?(?:,\s+[A-Z][\w-]+)*"
                           r"\s+and\s+(?:the\s+)?[A-Z][\w-]+)")
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019]?\s+(?=[\"\u201c]?[A-Z])|\n")
# "The Pakistani side was led by X": the head of one side of talks.
_SIDE_LED = re.compile(r"\b(?:side|delegation|team)\s+(?:was|were|is|had\s+been)\s+(?:led|headed)\s+by\s+", _I)
_TITLE_GAP = re.compile(r"[\s,]*(?:(?:[A-Z][\w.\u2019'-]*|of|and|for|the)[\s,]*)*")
_TITLE_TAIL = re.compile(r"(?:\s+(?:[A-Z][\w.\u2019'-]*|of|and|for|the))*\s+")
TALKS_WORD = re.compile(r"\b(?:talks|negotiations|meeting|consultations|round|session|dialogue|discussions)\b", _I)
_LEADING_PRONOUN = re.compile(r"^\W*(?:[A-Z][a-z]+(?:\s+\w+){0,5},\s+|(?:On|Later|Earlier|Then|Afterwards|That)\b(?:\s+\w+){0,2}?\s+(?=[Hh]e\b|[Ss]he\b)|(?:Speaking|Addressing|Talking|Commenting|"
                              r"Responding|Writing|Briefing|Chairing|Presiding)\b[^,;]{0,160},\s+)?(?P<pron>[Hh]e|[Ss]he)\b")
_SAID_PRONOUN = re.compile(REPORTING_VERBS + r"\s+(?:on\s+\w+\s+)?(?:that\s+)?(?P<pron>he|she)\b", _I)


@dataclass(frozen=True)
class Cue:
    start: int  # offsets in the sentence
    end: int
    kind: str
    text: str


@dataclass(frozen=True)
class Slot:
    """A participant of a cue's clause, where the sentence names or refers to them."""

    start: int  # offsets in the sentence
    end: int
    name: str
    named: bool  # False when resolved from "he", "his delegation", "the two ministers"


_ANY_CUE_WORDS = ("met|meet|held|holds|co-?chair|confer|interact|exchanged|sat|attend|receiv|brief|host|"
                  "call|paid|discuss|spoke|speak|talk|telephon|phone|dial|meeting|session|consultation|"
                  "conversation|interaction|engagement|present|also|address|event|seminar|conference|"
                  "ceremony|launch|forum|summit|reception|dinner|symposium|webinar|workshop|roundtable").split("|")
# The look-ahead for a first letter spares trying every word at each word start.
_ANY_CUE = re.compile(r"\b(?=[" + "".join(sorted({w[0] for w in _ANY_CUE_WORDS})) + "])(?:" + "|".join(_ANY_CUE_WORDS) + ")")  # on lower-cased text


def find_cues(text: str) -> list[Cue]:
    """Meeting cues of a sentence, in order, without overlaps (full cues win over references)."""
    return list(_cues(text))


@lru_cache(maxsize=512)
def _cues(text: str) -> tuple[Cue, ...]:
    low = text.lower()
    if not _ANY_CUE.search(low):
        return ()
    found: list[Cue] = []
    present = {w for w in _ALL_CUE_WORDS if w in low}
    for (pattern, kind), words in zip(CUES, _CUE_WORDS):
        if present.isdisjoint(words):
            continue
        for m in pattern.finditer(text):
            if not _reported(text, m.start()) or any(m.start() < c.end and c.start < m.end() for c in found):
                continue
            if kind in ("verb", "object") and (_GREETING.match(text, m.end()) or _GREETED.search(text, 0, m.start())):
                continue  # "was met at the airport by ...": a welcome on arrival, not talks
            if kind == "noun" and _IN_TALKS.match(m.group()) and _BEING.search(text, 0, m.start()):
                continue  # "is in talks with X about ...": a negotiation under way, not an encounter
            found.append(Cue(m.start(), m.end(), kind, m.group()))
    return tuple(sorted(found, key=lambda c: c.start))


# After "met"/"received": a welcome on arrival ("met at the airport by", "received at the airport").
_GREETING = re.compile(r"\s+(?:[\w-]+\s+){0,3}?at\s+the\s+(?:\w+\s+)?(?:airport|airbase|air\s+base|railway\s+station|"
                       r"station|gangway|border|tarmac)\b", _I)

_GREETED = re.compile(r"\b(?:at\s+(?:the\s+)?(?:[A-Z][\w-]+\s+){0,2}(?:airport|airbase|air\s+base|railway\s+station)|"
                      r"(?:on|upon)\s+(?:(?:his|her|their)\s+)?arrival)\b[^.;]{0,60}?(?:was|were)\s+$", _I)

# "was in (active) talks with", "are in negotiations with": no determiner after "in", a copula before it.
_IN_TALKS = re.compile(r"in\s+(?!(?:a|an|the|his|her|their|its)\b)", _I)
_BEING = re.compile(r"\b(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed)\s+(?:still\s+|now\s+|already\s+)?$", _I)

_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?(?:--|[-\u2013\u2014:])\s")


@lru_cache(maxsize=512)
def event_dates(text: str, published: datetime.date | None) -> tuple[tuple[int, int, FuzzyDate], ...]:
    """Dates of a sentence (as `find_dates`), without a wire dateline's date at its start
    ("Dushanbe, Aug 21, 2025 (Xinhua) -- ..."): that dates the report, not the events; nor a
    possessive day ("Friday's summit"), which names another occasion."""
    if not (_DIGIT.search(text) or any(word in text for word in _DATE_WORDS)):
        return ()
    return tuple((s, e, d) for s, e, d in find_dates(text, published)
                 if not (s < 40 and _DATELINE_TAIL.match(text, e)) and not _POSSESSIVE.match(text, e))


# "Friday's summit": the day names another occasion, whose date the weekday alone cannot give.
_POSSESSIVE = re.compile(r"['\u2019]s\b")


# What a date needs: a digit or one of these words (substring tests are faster than one scan for all).
_DIGIT = re.compile(r"\d")
_DATE_WORDS = ("day", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "tomorrow",
               "yesterday")


def _reported(text: str, start: int) -> bool:
    """False for planned, hypothetical or denied encounters ("will meet", "ruled out any talks")."""
    before = text[max(0, start - 60):start]
    return not (_NOT_REPORTED.search(before) or _IMMEDIATE_NOT.search(before))


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause of `text` around `pos` (split at ";" and ", though/while/which ...")."""
    start, end = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def is_principal(text: str, cue: Cue) -> bool:
    """Cue for the main talks of a visit ("delegation-level talks", "bilateral talks")."""
    window = text[max(0, cue.start - 40):cue.end + 10]
    return bool(_PRINCIPAL.search(window)) and not re.search(r"\bseparate\b", window, _I)


def date_is_for_travel(text: str, date_start: int, cue: Cue) -> bool:
    """A date that follows "arrived in X", "visit to X": it dates the trip, not the talks."""
    lo = max(0, date_start - 45)
    if cue.end <= date_start:
        lo = max(lo, cue.end)
    return bool(_MOVEMENT.search(text[lo:date_start]))


_POSSESSIVE_WORD = re.compile(_APOS + r"s?\s+(\w[\w-]*)")
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:[\w-]+\s+){0,4}$", _I)
# "came as the personal envoy of the leader X", "met Y on behalf of X": X is represented, not there.
_REPRESENTED = re.compile(r"(?:\bas\s+(?:(?:a|an|the|his|her)\s+)?(?:(?:special|personal)\s+)?"
                          r"(?:envoy|representative|emissary)|\bon\s+behalf)\s+of\s+(?:[\w-]+\s+){0,4}$", _I)
# ", spokesperson X said." closing the sentence; "X said (that) ...".
_CLOSING_REPORT = re.compile(r"\s*(?:also\s+)?" + REPORTING_VERBS + r"(?:\s+(?:on\s+\w+|in\s+a\s+statement|today|"
                             r"yesterday|later))?\s*[.,;!?\"\u201d]*\s*$", _I)
_REPORT_AFTER = re.compile(r"\s*(?:also\s+)?" + REPORTING_VERBS + r"\b", _I)


def slot_finder(mentions: ArticleMentions, sentence_start: int, text: str) -> "SlotFinder":
    """The sentence's SlotFinder, one for the meetings and the agreements read in it: it reads
    the sentence's participants once."""
    key = (sentence_start, text)
    if key not in mentions.slot_finders:
        mentions.slot_finders[key] = SlotFinder(mentions, sentence_start, text)
    return mentions.slot_finders[key]


class SlotFinder:
    """Participants in one sentence of an article."""

    def __init__(self, mentions: ArticleMentions, sentence_start: int, text: str):
        self.mentions, self.offset, self.text = mentions, sentence_start, text
        self._cue_start: int | None = None

    def slots(self, lo: int, hi: int) -> list[Slot]:
        """Participants between sentence offsets lo and hi, in order of appearance."""
        slots = [s for s in self._participants if lo <= s.start < hi]
        return sorted(slots, key=lambda s: s.start)

    @cached_property
    def _participants(self) -> tuple[Slot, ...]:
        """Everyone the sentence names or refers to, read once for all the spans asked about."""
        return tuple(self._named() + self._referred())

    def orgs(self, lo: int, hi: int, media: set[str]) -> list[str]:
        out = []
        for m in self.mentions.orgs_between(self.offset + lo, self.offset + hi):
            s, e = m.start - self.offset, m.end - self.offset
            if m.name in media or self._attributive(s, e) or self._after_according(s) or self._in_title(e):
                continue
            out.append(m.name)
        return list(dict.fromkeys(out))

    def _in_title(self, end: int) -> bool:
        """An organization named in a person's title ("Chairman of the Cabinet of Ministers of
        the Kyrgyz Republic Almaz Jumabekov"): the person takes part, not the body."""
        person = next(iter(self.mentions.persons_between(self.offset + end, self.offset + end + 60)), None)
        return bool(person) and bool(_TITLE_TAIL.fullmatch(self.text[end:person.start - self.offset]))

    def _named(self) -> list[Slot]:
        out = []
        mentions = self.mentions.persons_between(self.offset, self.offset + len(self.text))
        for m in mentions:
            s, e = m.start - self.offset, m.end - self.offset
            if (self._possessive_not_delegation(e) or self._after_according(s) or self._attributive(s, e)
                    or self._represented(s)):
                continue
            out.append(Slot(s, e, m.name, True))
        return out

    def _possessive_not_delegation(self, end: int) -> bool:
        m = _POSSESSIVE_WORD.match(self.text, end)
        return bool(m) and m.group(1).lower() not in ("delegation", "team", "side", "entourage", "visiting", "meeting",
                                                      "talks", "call", "conversation", "telephone", "phone")

    def _after_according(self, start: int) -> bool:
        return bool(_ACCORDING_TO.search(self.text[max(0, start - 50):start]))

    def _represented(self, start: int) -> bool:
        return bool(_REPRESENTED.search(self.text[max(0, start - 80):start]))

    def _attributive(self, start: int, end: int) -> bool:
        """A person who only reports: ", spokesperson X said." closing the sentence, or
        "X said (that) Y met Z" where someone else is the subject of the meeting."""
        after = self.text[end:]
        closing = _CLOSING_REPORT.match(after)
        if closing and start > self._first_cue_start():
            return True
        said = _REPORT_AFTER.match(after[:25])
        cue = self._first_cue_start()
        if said and end < cue:
            between = self.mentions.persons_between(self.offset + end + said.end(), self.offset + cue)
            return bool(between)
        return False

    def _first_cue_start(self) -> int:
        if self._cue_start is None:
            cues = [c for c in find_cues(self.text) if c.kind in FULL_KINDS]
            self._cue_start = cues[0].start if cues else len(self.text)
        return self._cue_start

    def _referred(self) -> list[Slot]:
        out: list[Slot] = []
        low = self.text.lower()
        for m in _DELEGATION.finditer(self.text) if "delegation" in low else ():
            head = self._delegation_head(m)
            if head:
                out.append(Slot(m.start(), m.end(), head, False))
        for m in _COUNTERPART.finditer(self.text) if "counterpart" in low else ():
            owner = self._pronoun(m.start())
            other = self.mentions.counterpart_of(owner, country_of_word(m.group("dem") or ""))
            if other:
                out.append(Slot(m.start(), m.end(), other, False))
        roles = []
        for m in _ROLE_PHRASE.finditer(self.text) if any(w in low for w in _ROLE_HINTS) else ():
            roles += self._role_slots(m)
        out += roles
        if not roles and ("two " in low or "both " in low):
            for m in _GROUP.finditer(self.text):
                out += [Slot(m.start(), m.end(), name, False) for name in self._previous_pair(m.start())]
        if not roles and ("the " in low or "all " in low):
            for m in _LARGE_GROUP.finditer(self.text):
                out += [Slot(m.start(), m.end(), name, False) for name in self._previous_group(m)]
        pron = ((_LEADING_PRONOUN.match(self.text) or _SAID_PRONOUN.search(self.text) or _PRONOUN_AND.search(self.text))
                if ("he" in self.text or "He" in self.text) and _HE_SHE.search(self.text) else None)
        if pron:
            at = pron.start("pron")
            name = self._pronoun(at)
            if name:
                out.append(Slot(at, at + 2, name, False))
        return out

    def _previous_pair(self, pos: int) -> list[str]:
        """The two people "the two leaders" at `pos` means: named earlier in this sentence, else
        in the nearest of the two sentences before that names anyone."""
        here = list(dict.fromkeys(m.name for m in self.mentions.persons_between(self.offset, self.offset + pos)))
        if here:
            return []  # named in this sentence already: they are the slots
        body = self.mentions.article.body
        hi = self.offset
        for _ in range(2):
            hi = len(body[:hi].rstrip())  # a paragraph break is no sentence
            ends = [m.end() for m in _SENTENCE_END.finditer(body, max(0, hi - 800), max(0, hi - 1))]
            lo = ends[-1] if ends else 0
            names = list(dict.fromkeys(m.name for m in self.mentions.persons_between(lo, hi)))
            if len(names) == 2:
                return names
            if names or lo == 0:
                return []
            hi = lo
        return []

    def _previous_group(self, m: re.Match) -> list[str]:
        """The three or more people "the five ministers" at `m` means: the nearest of the six
        sentences before it that names that many (exactly `n` when the text counts them)."""
        if m.group("n") is None and m.group("visiting") is None and not re.match(r"the\s+(?:leaders|heads)", m.group(), _I):
            return []
        if self.mentions.persons_between(self.offset, self.offset + m.start()):
            return []  # named in this sentence already: they are the slots
        want = parse_count(m.group("n")) if m.group("n") else None
        body, hi = self.mentions.article.body, self.offset
        for _ in range(6):
            hi = len(body[:hi].rstrip())
            ends = [e.end() for e in _SENTENCE_END.finditer(body, max(0, hi - 1200), max(0, hi - 1))]
            lo = ends[-1] if ends else 0
            names = list(dict.fromkeys(p.name for p in self.mentions.persons_between(lo, hi)))
            if len(names) >= _MIN_GROUP and (want is None or len(names) in (want, want + 1)):
                return names
            if lo == 0:
                break
            hi = lo
        return []

    def side_heads(self) -> list[Slot]:
        """Heads of the two sides of talks: "The Pakistani side was led by X, while the Uzbek
        delegation was headed by Y" (two or more heads in one sentence)."""
        if "led by" not in self.text and "headed by" not in self.text:
            return []
        out = []
        for m in _SIDE_LED.finditer(self.text):
            person = next(iter(self.mentions.persons_between(self.offset + m.end(), self.offset + m.end() + 90)), None)
            if person and _TITLE_GAP.fullmatch(self.text[m.end():person.start - self.offset]):
                out.append(Slot(person.start - self.offset, person.end - self.offset, person.name, True))
        return out if len({s.name for s in out}) >= 2 else []

    def _pronoun(self, pos: int) -> str | None:
        return self.mentions.last_person_before(self.offset + pos)

    def _delegation_head(self, m: re.Match) -> str | None:
        if m.group("own"):
            return self._pronoun(m.start())
        country = country_of_word(m.group("dem") or "")
        if m.group("dem") and not country:
            return None
        return self.mentions.delegation_head(country)

    def _holders_of_countries(self, m: re.Match, role: str) -> list[Slot] | None:
        """"the energy ministers of Tajikistan and Kyrgyzstan": the one holder of the role in each
        country named (None when the phrase is not of that form)."""
        tail = _OF_COUNTRIES.match(self.text, m.end())
        if not tail or not role.endswith("s"):
            return None
        singular = re.sub(r"ies$", "y", role) if role.endswith("ies") else role[:-1]
        singular = "leader" if singular == "leader" else singular
        slots = []
        for word in re.split(r",\s*|\s+and\s+", tail.group("countries")):
            country = country_of_word(word.strip())
            roles = _LEADER_ROLES if singular == "leader" else (singular,)
            holders = next((h for h in (self.mentions.holders_of(r, country) for r in roles) if h), []) if country else []
            if len(holders) == 1 or (holders and singular == "leader"):
                slots.append(Slot(m.start(), tail.end(), holders[0], False))
        return slots

    def _role_slots(self, m: re.Match) -> list[Slot]:
        if re.match(r"\s+(?:[A-Z][\w.-]+\s*){1,4}", self.text[m.end():]) and \
                self.mentions.persons_between(self.offset + m.end(), self.offset + m.end() + 40):
            return []  # a title before a name: the name is the slot
        role = re.sub(r"\s+", " ", m.group("role").lower())
        of_countries = self._holders_of_countries(m, role)
        if of_countries is not None:
            return of_countries
        plural = re.sub(r"\s+", " ", m.group("det").lower()) in ("both", "two", "the two")
        role = re.sub(r"(ies)$", "y", role) if plural else role
        role = role[:-1] if plural and role.endswith("s") else role
        country = country_of_word(m.group("dem") or "")
        if role == "leader":
            if plural or not country:
                return []  # "the leaders" is a group (see `_previous_group`)
            holders = next((h for h in (self.mentions.holders_of(r, country) for r in _LEADER_ROLES) if h), [])
            return [Slot(m.start(), m.end(), holders[0], False)] if holders else []
        holders = self.mentions.holders_of(role, country)
        if plural:
            holders = list(dict.fromkeys(holders + self.mentions.named_as_group(role)))
            picked = holders[:2] if len(holders) >= 2 else []
        else:
            picked = holders[:1] if len(holders) == 1 or (country and holders) else []
        return [Slot(m.start(), m.end(), name, False) for name in picked]
