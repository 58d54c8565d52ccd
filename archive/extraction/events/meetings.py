"""Meetings of one article: who met whom, when, where and about what.

Each sentence's meeting cues (see `meeting_cues`) become draft meetings. Drafts merge when
they are one meeting told twice: the same two or more participants (with compatible
dates), or one participant continued by "He ..." in the next sentence. References back
("during the meeting", "X was present") add evidence, people and topics to the meeting
just told. Dates come from the cue's clause; a meeting without one takes the lead's date
when it is the visit's main talks, or when the lead reports unnamed meetings that day, talks of
some of a dated meeting's people told right after it that meeting's day, and a
gathering of three or more the day of the occasion told just before (see `occasions`).
Places are read in `meeting_places`, topics in `meeting_topics`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..layout.sentences import Sentence
from ..lexicon.events import COURTESY_PURPOSE_VERBS, TIME_SHIFT_MARKERS
from ..records import Evidence, ExtractedArticle, ExtractedMeeting, FuzzyDate, Precision
from .meeting_cues import (FULL_KINDS, TALKS_WORD, Cue, SlotFinder, clause_bounds, date_is_for_travel, event_dates,
                           find_cues, is_principal, slot_finder)
from .meeting_places import city, foreign_venue, place, place_of_sidelines
from .meeting_topics import event_topic, topic
from .mentions import ArticleMentions
from .occasions import MIN_GROUP, eve_day, joint_participants, occasion_before, occasion_day, signers

_I = re.IGNORECASE
_SHIFTED = re.compile(TIME_SHIFT_MARKERS, _I)
_LEADING_PRONOUN = re.compile(r"^\W*(?:[A-Z][a-z]+(?:\s+\w+){0,5},\s+)?(?:He|She)\b")
_COORDINATED = re.compile(r",\s+and\s+(?:also\s+|later\s+|then\s+)?$|\s+and\s+(?:later|then|afterwards)\s+$")
# Lower-case particles inside personal names ("von der Heide", "bin Rashed").
_NAME_PARTICLES = r"von|van|der|den|de|del|della|da|dos|du|le|la|bin|ibn|al|el|ul|uulu|kyzy"
_WHO_BEFORE = re.compile(r",\s+who\s*$", re.IGNORECASE)
_ALSO = re.compile(r"\balso\b")
_SIGNING = re.compile(r"\b(?:signed|inked|sealed|concluded)\b")
_WAS_BEFORE = re.compile(r"\b(?:was|were|being|been)\s+(?:also\s+|later\s+|then\s+|first\s+)?$", _I)
_WITH_BETWEEN = re.compile(r"\bwith\b")
# "received a delegation of <Org> led by its chairman": the head after "led by" is the object.
_DELEGATION_LED = re.compile(r"\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}delegation\b[^.;]{0,120}?\b(?:led|headed)\s+by\s+"
                             r"(?:(?:its|their|the|his|her)\s+)?(?:[\w-]+\s+){0,4}$", _I)
_APPEAL = re.compile(r"\s*(?:,[^,]*,\s*)?to\s+(?!(?:" + "|".join(COURTESY_PURPOSE_VERBS) + r")\b)[a-z]")
_RELATIVE = re.compile(r",\s+who\s+(?:(?:also|had|have|has|later|earlier|then|first)\s+){0,2}$", _I)
_ANTECEDENT_GAP = re.compile(r"\s*(?:,|and|,\s+and)\s+(?:(?:[A-Z][\w.\u2019'-]*|of|the|for|his|her|their|counterpart|"
                             r"colleague)\s+){0,6}")
_CALL_KINDS = {"call", "spoke"}
_PHONE = re.compile(r"\b(?:tele)?phon|\bvideo\b|\bvirtual|\bonline\b", _I)


@dataclass
class Draft:
    participants: list[str]
    orgs: list[str]
    evidence: list[Evidence]
    first: int  # sentence index where it is first told
    last: int
    date: FuzzyDate | None = None
    location: str | None = None
    topic: str | None = None
    principal: bool = False
    shifted: bool = False
    call: bool = False
    pronoun_led: bool = False
    foreign_venue: bool = False
    also: bool = False  # "X also met Y": another encounter of the occasion just told
    cue_kinds: set[str] = field(default_factory=set)

    def absorb(self, other: "Draft") -> None:
        self.participants += [p for p in other.participants if p not in self.participants]
        self.orgs += [o for o in other.orgs if o not in self.orgs]
        self.evidence += other.evidence
        self.last = max(self.last, other.last)
        self.date = self.date or other.date
        self.location = self.location or other.location
        self.topic = self.topic or other.topic
        self.principal = self.principal or other.principal
        self.call = self.call and other.call
        self.cue_kinds |= other.cue_kinds


def draft_meetings(article: ExtractedArticle, sentences: list[Sentence],
                   mentions: ArticleMentions) -> list[Draft]:
    drafts: list[Draft] = []
    media = {o.name for o in article.organizations if o.type == "media"}
    for index, sent in enumerate(sentences):
        group = _group_draft(article, sentences, index, mentions)
        if group:
            _add(drafts, group)
            continue
        cues = find_cues(sent.text)
        if not cues and (signing := _signers_draft(article, sentences, index, mentions)):
            _add(drafts, signing)
            continue
        if not cues:
            heads = _side_heads(sentences, index, mentions)
            if heads:
                _add(drafts, _heads_draft(article, sent, index, heads, mentions))
            continue
        finder = slot_finder(mentions, sent.start, sent.text)
        full = [c for c in cues if c.kind in FULL_KINDS]
        if full:
            for lo, hi, seg_cues, subject in _segments(sent.text, full):
                draft = _draft(article, sent, index, lo, hi, seg_cues, subject, finder, media, mentions)
                if draft:
                    _add(drafts, draft)
        else:
            _refer(drafts, article, sent, index, cues, finder, media, mentions)
    _date_from_lead(drafts, sentences, article, mentions)
    _date_from_meeting_before(drafts, sentences, article)
    _date_from_eve(drafts, sentences, article)
    _date_from_occasion(drafts, sentences, article)
    place_of_sidelines(drafts)
    return drafts


def _group_draft(article, sentences: list[Sentence], index: int, mentions: ArticleMentions) -> Draft | None:
    """The people a sentence lists as signing or taking part together, at the occasion it or one
    of the two sentences before it names (see `occasions`)."""
    sent = sentences[index]
    names = joint_participants(sent, mentions)
    at = occasion_before(sentences, index, article.published) if names else None
    if at is None:
        return None
    occasion = sentences[at]
    start = next(iter(mentions.persons_between(sent.start, sent.end))).start - sent.start
    cue = Cue(start, start + 1, "group", "")
    date = (_date(sent.text, 0, len(sent.text), cue, article) or occasion_day(occasion, article.published)
            or (occasion_day(sentences[index - 1], article.published) if at == index and index else None))
    location, told_at = _nearest_place(sentences, index, at)
    shifted = any(_SHIFTED.search(sentences[k].text) for k in {index, at, told_at} if k is not None)
    return Draft(participants=names, orgs=[], evidence=[_evidence(sent, cue, 0.6)], first=index, last=index,
                 date=date, location=location, cue_kinds={"group"}, shifted=shifted)


def _signers_draft(article, sentences: list[Sentence], index: int, mentions: ArticleMentions) -> Draft | None:
    """The people a sentence without a meeting verb names as signing a text together (`signers`)."""
    sent = sentences[index]
    names = signers(sent, mentions)
    if not names or _SHIFTED.search(sent.text):
        return None
    start = next(iter(mentions.persons_between(sent.start, sent.end))).start - sent.start
    cue = Cue(start, start + 1, "group", "")
    return Draft(participants=names, orgs=[], evidence=[_evidence(sent, cue, 0.6)], first=index, last=index,
                 date=_date(sent.text, 0, len(sent.text), cue, article), location=place(sent.text),
                 cue_kinds={"group"}, foreign_venue=foreign_venue(sent.text, mentions, sent.start))


def _nearest_place(sentences: list[Sentence], index: int, floor: int) -> tuple[str | None, int | None]:
    """The place the sentence gives, else the nearest of those before it back to the occasion's
    (with the index of the sentence that gives it)."""
    for k in range(index, max(0, min(floor, index - 2)) - 1, -1):
        found = place(sentences[k].text)
        if found:
            return found, k
    return None, None


def _day_between(sentences: list[Sentence], lo: int, hi: int, article: ExtractedArticle) -> bool:
    """Whether a sentence of sentences[lo:hi] tells a day (another occasion than the one before)."""
    return any(d.precision == Precision.DAY for k in range(lo, hi)
               for _, _, d in event_dates(sentences[k].text, article.published))


def _date_from_meeting_before(drafts: list[Draft], sentences: list[Sentence], article: ExtractedArticle) -> None:
    """Talks told without a day right after a dated meeting, of two or more who all took part in it
    ("X met separately with Y and with Z on Monday. Z and X discussed ...") or told as what came
    next ("The delegation then held talks with ...", no other day told since), are on that meeting's day."""
    for draft in drafts:
        if draft.date or draft.shifted or not draft.first:
            continue
        then = bool(_THEN.search(sentences[draft.first].text))
        if then:
            told = [d for d in drafts if d is not draft and d.date and d.first < draft.first]
            before = max(told, key=lambda d: min(d.last, draft.first - 1), default=None)
            if before and _day_between(sentences, min(before.last, draft.first - 1) + 1, draft.first, article):
                before = None
        else:
            before = next((d for d in reversed(drafts) if d is not draft and d.date and d.last == draft.first - 1
                           and len(draft.participants) >= 2 and set(draft.participants) <= set(d.participants)), None)
        if before:
            draft.date = before.date
            draft.location = draft.location or before.location


# "then held talks with", "afterwards met": the next encounter of the occasion just told.
_THEN = re.compile(r"\b(?:then|afterwards|subsequently)\s+(?:also\s+)?(?:held|met|received|hosted|had|sat|called)\b", _I)


def _date_from_eve(drafts: list[Draft], sentences: list[Sentence], article: ExtractedArticle) -> None:
    """Talks "on the eve of the summit" without a day of their own: the day before the summit's."""
    for draft in drafts:
        if not draft.date:
            draft.date = eve_day(sentences, draft.first, article.published)


def _date_from_occasion(drafts: list[Draft], sentences: list[Sentence], article: ExtractedArticle) -> None:
    """A meeting of three or more told without its day, right after a sentence that dates an
    occasion ("The summit, held in X on April 4, ..."), is that occasion: its day and place."""
    for draft in drafts:
        if draft.date or len(draft.participants) < MIN_GROUP or draft.first == 0:
            continue
        before = sentences[draft.first - 1]
        draft.date = occasion_day(before, article.published)
        if draft.date and not draft.location:
            draft.location = place(before.text)


def _side_heads(sentences: list[Sentence], index: int, mentions: ArticleMentions) -> list:
    """Heads of both sides of talks told in this sentence or the one before."""
    sent = sentences[index]
    heads = slot_finder(mentions, sent.start, sent.text).side_heads()
    if heads and not (TALKS_WORD.search(sent.text) or (index and TALKS_WORD.search(sentences[index - 1].text))):
        return []
    return heads


def _heads_draft(article, sent: Sentence, index: int, heads: list, mentions: ArticleMentions) -> Draft:
    """The talks whose sides' heads this sentence names: a meeting of the heads."""
    cue = Cue(heads[0].start, heads[-1].end, "heads", sent.text[heads[0].start:heads[-1].end])
    return Draft(participants=list(dict.fromkeys(h.name for h in heads)), orgs=[],
                 evidence=[_evidence(sent, cue, 0.6)], first=index, last=index,
                 location=city(sent.text), cue_kinds={"heads"},
                 foreign_venue=foreign_venue(sent.text, mentions, sent.start))


def _segments(text: str, cues: list[Cue]):
    """Split a sentence's cues into separate meetings where verbs are coordinated
    ("met the ministers, and attended meetings of ...")."""
    groups: list[list[Cue]] = [[cues[0]]]
    for cue in cues[1:]:
        if _COORDINATED.search(text[groups[-1][-1].end:cue.start]):
            groups.append([cue])
        else:
            groups[-1].append(cue)
    clause_lo, clause_hi = clause_bounds(text, cues[0].start)
    clause_hi = _past_relatives(text, clause_hi)
    subject = (clause_lo, cues[0].start)
    for k, group in enumerate(groups):
        lo = clause_lo if k == 0 else group[0].start
        hi = groups[k + 1][0].start if k + 1 < len(groups) else max(clause_hi, group[-1].end)
        yield lo, hi, group, (subject if k > 0 else None)


# "talks with A, who oversees X, and B, who is in charge of Y, as well as with C": the list goes on.
_RELATIVE_IN_LIST = re.compile(r",\s+(?:who|whom)\b[^;]*?,\s+(?:and|as\s+well\s+as)\s+(?:with\s+)?(?=[A-Z]|the\s|acting\s)")


def _past_relatives(text: str, hi: int) -> int:
    """The clause end after relative clauses that interrupt a list of the cue's objects."""
    while hi < len(text) and (m := _RELATIVE_IN_LIST.match(text, hi)):
        _, hi = clause_bounds(text, m.end())
    return hi


def _draft(article, sent, index, lo, hi, cues, subject, finder: SlotFinder, media, mentions) -> Draft | None:
    text = sent.text
    slots = finder.slots(lo, hi)
    if subject:
        slots = finder.slots(*subject) + slots
    antecedents, date_lo = _relative_subject(text, lo, cues[0], subject, finder)
    slots = antecedents + slots
    if not _valid(text, cues, slots):
        return None
    names = list(dict.fromkeys(s.name for s in slots))
    if not names:
        return None
    named = sum(1 for s in slots if s.named)
    confidence = 0.8 if named >= 2 else 0.7 if named == 1 else 0.55
    if all(c.kind == "ref" for c in cues):
        confidence -= 0.1
    segment = text[lo:hi]
    return Draft(
        participants=names,
        orgs=finder.orgs(lo, hi, media),
        evidence=[_evidence(sent, cues[0], confidence)],
        first=index, last=index,
        date=_date(text, date_lo, hi, cues[0], article) or (_date(text, *subject, cues[0], article) if subject else None),
        location=city(segment),
        topic=topic(segment) or event_topic(text, cues),
        principal=any(is_principal(text, c) for c in cues),
        shifted=bool(_SHIFTED.search(text[:cues[-1].end])),
        call=all(c.kind in _CALL_KINDS or _PHONE.search(c.text) for c in cues),
        pronoun_led=bool(_LEADING_PRONOUN.match(text)),
        foreign_venue=foreign_venue(segment, mentions, sent.start + lo),
        also=bool(_ALSO.search(text, lo, cues[0].start + 1)),
        cue_kinds={c.kind for c in cues},
    )


def _relative_subject(text: str, lo: int, cue: Cue, subject, finder: SlotFinder) -> tuple[list, int]:
    """The people a relative clause is about, and where the main clause's dates start:
    "X and Y, who met earlier ..." (the cue inside the clause) or "X, who will open the forum
    on Saturday, received Y" (the cue after it; Saturday dates the forum, not the meeting)."""
    relative = _RELATIVE.search(text, 0, cue.start)
    if relative and relative.end() == cue.start:
        return _antecedents(text, relative.start(), finder), lo
    who = _WHO_BEFORE.search(text, 0, subject[0] if subject else lo)
    if not who:
        return [], lo
    closing = text.rfind(",", lo, cue.start)
    return _antecedents(text, who.start(), finder), (closing if closing >= 0 else lo)


def _antecedents(text: str, pos: int, finder: SlotFinder) -> list:
    """The people a ", who met ..." clause is about: those named, coordinated, right before it
    ("President X and President Y, who met earlier ...")."""
    before = finder.slots(0, pos)
    chain = []
    for slot in reversed(before):
        end = chain[0].start if chain else pos
        gap = text[slot.end:end]
        if (not chain and len(gap.strip(" )\u201d\"")) == 0) or (chain and _ANTECEDENT_GAP.fullmatch(gap)):
            chain.insert(0, slot)
        elif chain and not gap.strip(" ,") and slot.name == chain[0].name:
            chain[0] = slot  # "his counterpart Dovlet Orazov": one person told twice
        else:
            break
    return chain


def _valid(text: str, cues: list[Cue], slots) -> bool:
    return any(_cue_ok(text, cue, slots) for cue in cues)


def _cue_ok(text: str, cue: Cue, slots) -> bool:
    """Cues that need a participant in a particular place ("received X", "called on X",
    "discussed ... with X", "spoke with X") have one there."""
    after = [s for s in slots if s.start >= cue.end]
    if cue.kind == "discussed":
        return len(slots) >= 2 or any(_WITH_BETWEEN.search(text[cue.end:s.start]) for s in after)
    if cue.kind == "spoke":
        return bool(after)
    if cue.kind not in ("object", "call_on"):
        return bool(slots)
    if cue.kind == "object" and _WAS_BEFORE.search(text[:cue.start]):
        return bool(slots)
    if not after:
        return False
    gap = text[cue.end:after[0].start]
    if not (_object_gap(gap) or (cue.kind == "object" and _DELEGATION_LED.fullmatch(gap))):
        return False
    return not (cue.kind == "call_on" and _APPEAL.match(text[after[0].end:]))


def _object_gap(gap: str) -> bool:
    """Only titles and articles between a verb and its object ("received Foreign Minister X")."""
    gap = re.sub(r"^\s*(?:a|an)\s+(?:\w+\s+)?(?:dinner|lunch|luncheon|reception|banquet|breakfast)\s+"
                 r"(?:for|in\s+honou?r\s+of)\b", "", gap, flags=_I)
    return len(gap) <= 80 and bool(re.fullmatch(
        r"[\s,]*(?:(?:the|a|an|his|her|their|its|visiting|of|and|for|with|\([A-Z]{2,8}\)|" + _NAME_PARTICLES
        + r"|[A-Z][\w.\u2019'-]*)\s*,?\s*)*", gap))


def _evidence(sent: Sentence, cue: Cue, confidence: float) -> Evidence:
    return Evidence(sentence=sent.text, sentence_start=sent.start, sentence_end=sent.end,
                    start=sent.start + cue.start, end=sent.start + cue.end, confidence=round(confidence, 2))


def _date(text: str, lo: int, hi: int, cue: Cue, article: ExtractedArticle) -> FuzzyDate | None:
    """The date in the cue's clause nearest the cue, unless it dates a journey."""
    best = None
    for start, end, date in event_dates(text, article.published):
        if not (lo <= start < hi) or date.precision == Precision.YEAR or date_is_for_travel(text, start, cue):
            continue
        distance = min(abs(start - cue.end), abs(cue.start - end))
        if best is None or distance < best[0]:
            best = (distance, date)
    return best[1] if best else None


def _add(drafts: list[Draft], draft: Draft) -> None:
    """Append `draft`, or merge it into the meeting it retells."""
    for other in reversed(drafts):
        if set(other.participants) != set(draft.participants):
            continue
        if len(draft.participants) >= 2 and _dates_agree(other.date, draft.date):
            other.absorb(draft)
            return
        if (len(draft.participants) == 1 and draft.first - other.last == 1 and draft.pronoun_led
                and not draft.shifted):
            other.absorb(draft)
            return
    drafts.append(draft)


def _dates_agree(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    return a is None or b is None or a.value == b.value


def _refer(drafts, article, sent, index, cues, finder: SlotFinder, media, mentions) -> None:
    """A sentence that only refers back to a meeting: attach it to the one just told."""
    last = drafts[-1] if drafts else None
    names = list(dict.fromkeys(s.name for s in finder.slots(0, len(sent.text))))
    if any(c.kind == "present" for c in cues):
        if last and names:
            last.participants += [n for n in names if n not in last.participants]
            last.evidence.append(_evidence(sent, cues[0], 0.5))
        return
    if names and not (last and set(names) <= set(last.participants)):
        if len(names) >= 2:
            draft = _draft(article, sent, index, 0, len(sent.text), cues, None, finder, media, mentions)
            if draft:
                _add(drafts, draft)
        return
    if last:
        last.evidence.append(_evidence(sent, cues[0], 0.5))
        last.last = index
        last.topic = last.topic or topic(sent.text)


def _date_from_lead(drafts: list[Draft], sentences: list[Sentence], article: ExtractedArticle,
                    mentions: ArticleMentions) -> None:
    """Date undated meetings by the lead sentence's day: the visit's main talks with a person of
    the lead, a meeting that person "also" held when the lead reports talks or a signing that
    day, one the next sentence tells of them ("He was talking to X"), or, when the lead reports
    unnamed meetings, every meeting not marked as another time."""
    if not sentences or not drafts:
        return
    at, lead, dated = _lead(sentences, article)
    if lead is None:
        return
    lead_people = {m.name for m in mentions.persons_between(lead.start, lead.end)}
    lead_meets = any(c.kind in FULL_KINDS for c in find_cues(lead.text))
    lead_has_unnamed_meeting = lead_meets and not any(d.first == at for d in drafts)
    lead_event = lead_meets or bool(_SIGNING.search(lead.text))
    for draft in drafts:
        if draft.date or draft.shifted:
            continue
        shared = len(lead_people & set(draft.participants))
        later = shared if draft.first > at else 0  # the lead's own meetings are dated by their clause
        continued = later and draft.first == at + 1 and draft.pronoun_led  # "He was talking to X, who ..."
        if ((draft.principal and shared) or (draft.also and later and lead_event) or later >= 2
                or lead_has_unnamed_meeting or continued):
            draft.date = dated[0]


_LEAD_REACH = 3


def _lead(sentences: list[Sentence], article: ExtractedArticle):
    """The lead: the first of the opening sentences that gives a day (a byline or a date line
    may come before it), with its index and days; (None, None, None) when none does."""
    for at, sent in enumerate(sentences[:_LEAD_REACH]):
        dated = [d for s, e, d in event_dates(sent.text, article.published) if d.precision == Precision.DAY]
        if dated and not _DATE_LINE.match(sent.text):
            return at, sent, dated
    return None, None, None


# A line that is only a date (and a time): it dates the page, not a meeting.
_DATE_LINE = re.compile(r"^[\W\d]*(?:[A-Z][a-z]+\.?,?\s+)?(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?\d{4}[\W\d]*(?:[AP]M)?\W*$|"
                        r"^[\W\d]*$")


def finish(draft: Draft, article: ExtractedArticle, visit_city: str | None = None) -> ExtractedMeeting:
    """The meeting as a record: without a place of its own it is where the visit the article
    reports takes place, else at the dateline (never for calls or talks held abroad)."""
    location = draft.location
    if location is None and not draft.call and not draft.foreign_venue:
        location = visit_city or (article.dateline.strip().title() if article.dateline else None)
    return ExtractedMeeting(participants=draft.participants, organizations=draft.orgs, date=draft.date,
                            location=location, topic=draft.topic, evidence=draft.evidence)
