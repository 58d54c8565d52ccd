"""Agreements of one article: what was signed, proposed or negotiated, by whom, worth what.

A described agreement ("agreements", "MoUs") counts only when the text says something
specific about it (a count, a value, sectors, a status verb, a qualifier); "the agreements"
with nothing new refers back and hoped-for ones ("expected to yield agreements") are left
out. Mentions whose titles share their words, or packages of the same count, are one agreement
(unless the text gives each other parties); its status is the most advanced one stated. Items
of a list ("signed the following documents:", "Among them are ...") take the status of the
sentence that opens it. Mentions are found in `agreement_cues`, related to packages and
signatories in `agreement_context`, titled in `agreement_titles` and dated in `agreement_dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..layout.sentences import Sentence
from ..lexicon.events import NAMED_HEADS, STATUS_ORDER, VENTURE_NOUNS
from ..records import Evidence, ExtractedAgreement, ExtractedArticle, ExtractedMeeting, FuzzyDate
from .agreement_context import (in_package_list, is_package, latest_state, package_head, package_value,
                                plural_undescribed, starts_with_among_them, subject_parties)
from .agreement_cues import (Found, clause, generic_agreements, institution_proposals, named_agreements, proposals,
                             qualifier, sectors_of, status_of)
from .agreement_dates import meeting_date, same_occasion_day, sentence_day, signing_date
from .agreement_titles import fuller_title, generic_title
from .meeting_cues import Cue, slot_finder
from .mentions import ArticleMentions, countries_in
from .money import Money, find_money

_I = re.IGNORECASE
_BOTH_SIDES = re.compile(r"\b(?:both|the\s+two)\s+(?:sides|countries|nations|governments|states|ministers|leaders)\b|"
                         r"\bbilateral\b|\btheir\s+(?:\w+\s+)?ministries\b", _I)
_VENTURE = re.compile(r"\b(?P<noun>" + VENTURE_NOUNS + r")\b", _I)
_VENTURE_WORDS = ("partnership", "consortium", "venture", "alliance")  # one of which _VENTURE needs
_VENTURE_CUE = re.compile(r"\b(?:agreed|formali[sz]e|establish|form|set\s+up|create|launch|sign(?:ed)?|connect|link)\w*", _I)
_ROUTE_PREFIX = re.compile(r"\b(?:Trans|Pan|Inter)-$")  # "Trans-Andean" names a route, not a party
_ORG_LINK = re.compile(r"(?:\s*\([^)]{1,15}\))?,?\s+(?:and|with|to)\s+(?:the\s+)?", _I)
# "an agreement on X, which the minister's successor, Y, signed for the Kazakh side".
_WHICH_SIGNED = re.compile(r"[^.;]{0,120}?,?\s+(?:which|that)\s+[^.;]{0,100}?\b(?P<verb>signed|inked|initial(?:l)?ed)\b", _I)


# "signed the following documents:": the list that follows is what was signed.
_LIST_INTRO = re.compile(r"\b(?:the\s+)?following\s+$", _I)
_TITLE_STOP = {"the", "of", "and", "a", "an", "to", "in", "on", "for", "mr", "ms", "dr"}


@dataclass
class Draft:
    title: str
    kind: str
    status: str
    named: bool
    evidence: list[Evidence]
    sentence_index: int
    parties: list[str] = field(default_factory=list)
    date: FuzzyDate | None = None
    money: Money | None = None
    count: int | None = None
    sectors: list[str] = field(default_factory=list)
    package: bool = False
    stated_parties: bool = False  # parties the text gives ("between X and Y"), not guessed

    @property
    def words(self) -> set[str]:
        return {w for w in re.findall(r"\w+", self.title.lower().replace("\u2019s", "")) if w not in _TITLE_STOP}


def extract_agreements(article: ExtractedArticle, sentences: list[Sentence], mentions: ArticleMentions,
                       meetings: list[ExtractedMeeting]) -> list[ExtractedAgreement]:
    drafts: list[Draft] = []
    listed: Told | None = None
    for index, sent in enumerate(sentences):
        if listed and index - listed.index > _MAX_LIST_SENTENCES:
            listed = None
        for draft in _sentence_agreements(article, sentences, index, mentions, meetings, drafts, listed):
            _add(drafts, draft)
        if "following" in sent.text.lower() and _LIST_OPENING.search(sent.text):
            status, _ = status_of(sent.text, 0, len(sent.text))
            if status == "signed":
                listed = Told(index, "signed", sentence_day(sent.text, article, Cue(0, 1, "status", ""))
                              or meeting_date(sentences, index, meetings))
    _date_other_documents(drafts, sentences, article, meetings)
    return [_finish(d) for d in drafts if not _counted_elsewhere(d, drafts)]


def _date_other_documents(drafts: list[Draft], sentences: list[Sentence], article, meetings) -> None:
    """Signed texts told as other documents of the signing just told take its day (`same_occasion_day`)."""
    for draft in drafts:
        if draft.date or draft.status not in ("signed", "in_force") or draft.sentence_index < 0:
            continue
        dated = [(e.start, d.date) for d in drafts if d.date and d.status in ("signed", "in_force") for e in d.evidence]
        dated += [(e.start, m.date) for m in meetings if m.date for e in m.evidence]
        draft.date = same_occasion_day(sentences[draft.sentence_index].text, draft.evidence[0].start, article, dated)


def _counted_elsewhere(draft: Draft, drafts: list[Draft]) -> bool:
    """"signed three texts", "two older documents opened the way" when the article tells at least
    that many agreements one by one: the count sums them up, it is no agreement of its own. A count larger than what is told
    ("announced 17 documents") stays, the only record of those not told."""
    if not draft.count or draft.named or draft.money or draft.sectors:
        return False
    told = [d for d in drafts if d is not draft and not d.count]
    return len(told) >= draft.count


@dataclass
class Told:
    """What a sentence said of the documents it leads into ("signed the following documents:",
    "handed over the remaining documents agreed during the trip")."""

    index: int
    status: str
    date: FuzzyDate | None


# "signed the following documents between the ministries:" and its numbered items after it.
_LIST_OPENING = re.compile(r"\bfollowing\s+(?:[\w-]+\s+){0,3}?(?:documents|agreements|instruments|texts)\b[^.;]*:\s*$", _I)
_MAX_LIST_SENTENCES = 8
_ITEM_START = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?[A-Z]")


def _told_before(sentences: list[Sentence], index: int, article, meetings) -> Told | None:
    """The signing the sentence before tells, for "Among them are ..." after it."""
    if not index:
        return None
    text = sentences[index - 1].text
    status, _ = status_of(text, 0, len(text))
    if status != "signed":
        return None
    day = sentence_day(text, article, Cue(0, 1, "status", "")) or meeting_date(sentences, index - 1, meetings)
    return Told(index - 1, status, day)


# Words one of which a sentence needs to hold any agreement or offer (a cheap pre-check).
_AGREEMENT_WORDS = (
    "agree", "deal", "mou", "memorand", "accord", "treat", "pact", "contract", "protocol", "declaration", "plan",
    "consortium", "partnership", "venture", "alliance", "framework", "charter", "convention", "statement",
    "communiq", "readiness", "willing", "ready", "prepared", "offer", "propos", "document", "instrument",
    "roadmap", "road map", "sugges", "floated", "decided", "resolved", "programme", "program", "notes",
)


def _sentence_agreements(article, sentences, index, mentions, meetings, earlier: list[Draft],
                         listed: Told | None = None) -> list[Draft]:
    sent = sentences[index]
    text = sent.text
    out: list[Draft] = []
    low = text.lower()
    if not any(w in low for w in _AGREEMENT_WORDS):
        return out
    venture = _venture(text, sent, mentions)
    named = [n for n in named_agreements(text) if not _organization_name(n, sent, mentions)]
    generic = [g for g in generic_agreements(text, named)
               if not (venture and _VENTURE.fullmatch(g.title.split()[-1]))]
    named = [n for n in named if not (n.reference and any(n.start < g.end and g.start < n.end for g in generic))]
    found_all = sorted(named + generic, key=lambda f: f.start)
    packages = [f for f in found_all if is_package(f)]
    among = (_last_package(earlier, index) or _told_before(sentences, index, article, meetings)
             if starts_with_among_them(text) else None)
    if among is None and _ORDINAL_ITEM.match(text):
        among = _last_package(earlier, index, reach=6)  # "The other text fixes ...": one of those counted
    if among is None and listed and _ITEM_START.match(text):
        among = listed  # an item of the list a sentence before opened
    _date_package_told_before(found_all, article, sentences, index, meetings, earlier)
    for found in found_all:
        package = next((p for p in packages if p is not found and in_package_list(text, p, found)), None)
        if package and plural_undescribed(found, text):
            continue  # part of the package, not an agreement of its own
        if plural_undescribed(found, text) and _share_of_package(text, found, packages, earlier, index):
            continue  # "Of the total, $X is made up of investment deals": a share of the package told
        if _refers_back(found, text, earlier, index):
            continue
        draft = _from_found(found, article, sentences, index, mentions, meetings)
        if not draft:
            continue
        parent = next((d for d in out if d.package and d.evidence[0].start - sent.start == package.start), None) \
            if package else among
        if parent and draft.status == "proposed" and not _own_status(text, found):
            draft.status, draft.date = parent.status, draft.date or parent.date
        elif parent and draft.status == "signed" and parent.status == "signed":
            draft.date = draft.date or parent.date
        out.append(draft)
    for package in packages:
        out += _one_and_another(package, article, sentences, index, mentions, meetings)
    taken = [(f.start, f.end) for f in found_all]
    for found in institution_proposals(text):
        if not any(found.start < e and s < found.end for s, e in taken):
            out.append(_institution_draft(found, sent, index, mentions))
    for found in proposals(text):
        out.append(_proposal(found, article, sent, index, mentions))
    if venture:
        out.append(_venture_draft(venture, article, sentences, index, mentions, meetings))
    return out


# "Of this sum, ...", "Of these, ...": a sentence that breaks down a figure just told.
_BREAKDOWN = re.compile(r"^\W*of\s+(?:the|this|that|these|which)(?:\s+(?:total|sum|amount|figure|value))?\s*,", _I)
# A dash opening an aside (the mis-decoded dash too).
_ASIDE_DASH = re.compile(r"\s(?:[\u2013\u2014]|--?|\u00e2\u20ac[\u201d\u201c])\s")


def _share_of_package(text: str, found: Found, packages: list[Found], earlier: list[Draft], index: int) -> bool:
    """A plural mention that splits a package into its parts: in an aside right after the package
    ("35 agreements were signed -- investment deals worth $X and trade contracts worth $Y --") or in
    a sentence breaking down the figure just told ("Of the total, $X is made up of investment deals")."""
    if any(p.end <= found.start and _ASIDE_DASH.search(text, p.end, found.start)
           and not re.search(r"[.;](?!\d)", text[p.end:found.start]) for p in packages):
        return True
    return bool(_BREAKDOWN.match(text)) and any(d.package and d.sentence_index in (index - 1, index - 2) for d in earlier)


# "three accords: one with X on Y, and another with Z on W": the items of a count, each told by its partner.
_ONE_AND_ANOTHER = re.compile(r"\s*:\s*one\s+(?P<a>(?:with|on|for|between)\s[^;:]*?),?\s+and\s+"
                              r"(?:another|the\s+other)\s+(?P<b>(?:with|on|for|between)\s[^;:]*)", _I)
# A measure after an item ("with a capacity of 500 MW", "of about 40,000 tonnes"): its size, not its name.
_MEASURE = re.compile(r"\s+(?:with\s+an?\s+(?:total\s+|combined\s+|installed\s+)?(?:capacity|value|output)|"
                      r"of\s+(?:up\s+to|about|around|over|some)|worth|valued)\b.*$", _I)
_SINGULAR = {"memoranda": "memorandum", "treaties": "treaty", "mous": "MoU", "documents": "document"}


def _one_and_another(package: Found, article, sentences, index, mentions, meetings) -> list[Draft]:
    """The items a count's colon goes on to tell ("signed three accords: one with X on Y, and another with Z")."""
    sent = sentences[index]
    m = _ONE_AND_ANOTHER.match(sent.text, package.end)
    if not m:
        return []
    plural = package.title.split()[-1].lower()
    head = _SINGULAR.get(plural, plural[:-1] if plural.endswith("s") else plural)
    status, _ = status_of(sent.text, package.start, package.end)
    out = []
    for part in ("a", "b"):
        words = _MEASURE.sub("", m.group(part)).strip(" ,.")
        item = Found(m.start(part), m.end(part), f"{head} {words}", package.kind, named=False)
        title = item.title[0].upper() + item.title[1:]
        parties, _ = _parties(sent.text, item, sent, mentions, title)
        draft = Draft(title=title, kind=package.kind, status=status or "proposed", named=False,
                      evidence=[_evidence(sent, item, 0.6)], sentence_index=index, parties=parties)
        draft.date = signing_date(draft, sent.text, None, sentences, index, meetings, article)
        out.append(draft)
    return out


def _organization_name(found: Found, sent: Sentence, mentions: ArticleMentions) -> bool:
    """"the UN World Food Programme", "the Andean Rail Consortium": a body's name that ends
    in an agreement head word."""
    if _DOCUMENT_SHAPED.match(found.title):
        return False  # "Protocol on Fisheries between ...": a document's name, whatever else took it
    end = sent.start + found.end
    return any(m.start <= sent.start + found.start + 1 and m.end >= end - 1
               for m in mentions.orgs_between(sent.start + max(0, found.start - 40), end))


# A name that opens with its head word and says what it is about ("Protocol on ...", "Programme of
# Cooperation ..."): a document, never a body ("the World Food Programme" ends in its head).
_DOCUMENT_SHAPED = re.compile(r"(?:" + "|".join(re.escape(h) for h in NAMED_HEADS) + r")s?\s+(?:of|on)\s+[A-Z]")


def _own_status(text: str, found: Found) -> bool:
    status, _ = status_of(text, found.start, found.end)
    return status is not None


def _date_package_told_before(found_all: list[Found], article, sentences, index, meetings, earlier) -> None:
    """"The documents were signed in X on May 2" right after a signed package told without its day:
    the day of that package (and so of the items told after it)."""
    last = _last_package(earlier, index)
    if last is None or last.date or last.status != "signed":
        return
    sent = sentences[index]
    for found in found_all:
        if not (package_head(found) and found.definite and not found.count):
            continue
        status, status_at = status_of(sent.text, found.start, found.end)
        if status != "signed":
            continue
        told = Draft(title=found.title, kind=found.kind, status=status, named=False,
                     evidence=[_evidence(sent, found, 0.6)], sentence_index=index)
        last.date = signing_date(told, sent.text, status_at, sentences, index, meetings, article)
        return


def _last_package(drafts: list[Draft], index: int, reach: int = 1) -> Draft | None:
    """The package told in the sentence before `index` (or up to `reach` before), for "Among them was ..."."""
    return next((d for d in reversed(drafts) if d.package and index - reach <= d.sentence_index < index), None)


# "The first is ...", "The other text fixes ...": an item of a package counted just before.
_ORDINAL_ITEM = re.compile(r"^\W*the\s+(?:first|second|third|fourth|fifth|last|other)\s+"
                           r"(?:is|was|one|document|text|agreement|deal|instrument)\b", re.IGNORECASE)


def _refers_back(found: Found, text: str, earlier: list[Draft], index: int) -> bool:
    """"The memorandum was signed by ..." right after a partnership was told: the reference says
    what kind of document it was; it is no agreement of its own."""
    if found.named or not found.definite or found.count or found.kind == "other" or found.title.endswith("s"):
        return False
    if len(found.title.split()) > 3:
        return False
    previous = [d for d in earlier if d.sentence_index == index - 1]
    if len(previous) != 1 or previous[0].kind != "other" or previous[0].package or previous[0].named:
        return False
    previous[0].kind = found.kind
    return True


def _from_found(found: Found, article, sentences, index, mentions, meetings) -> Draft | None:
    sent = sentences[index]
    text = sent.text
    status, status_at = status_of(text, found.start, found.end)
    if status is None and (which := _WHICH_SIGNED.match(text, found.end)):
        status, status_at = "signed", which.start("verb")
    if status in (None, "signed") and latest_state(text, found):
        status = "in_force"
    money = package_value(text, found) if is_package(found) else None
    money = money or _value(text, found)
    qual = "" if found.named else qualifier(text, found.end)
    sectors = sectors_of(text, found.end)
    if not found.named:
        specific = found.count or money or sectors or status or re.match(r"(?:between|on|for|among)\b", qual)
        if not specific or (found.definite and not (found.count or money or sectors or _identifying(qual)
                                                     or _own_modifiers(found))):
            return None
        if package_head(found) and not (found.count or status in ("signed", "in_force")):
            return None
        if package_head(found) and found.definite and not found.count:
            return None  # "the remaining documents agreed": the documents the text goes on to list
        if _LIST_INTRO.search(text, 0, found.start):
            return None  # "the following documents": the items listed after it are the agreements
        if found.kind == "action_plan" and found.title.lower().startswith("road") and not _real_roadmap(text, found, qual):
            return None
    parties, short = subject_parties(text, found, sent.start, mentions)
    title = found.title if found.named else generic_title(found, text, qual, status, sectors, short)
    draft = Draft(title=title, kind=found.kind, status=status or ("signed" if _under(text, found) else "proposed"),
                  named=found.named and not found.reference, evidence=[_evidence(sent, found, 0.8 if found.named else 0.6)],
                  sentence_index=index, money=money, count=found.count, sectors=sectors, package=is_package(found))
    if parties:
        draft.parties, draft.stated_parties = parties, True
    else:
        draft.parties, draft.stated_parties = _parties(text, found, sent, mentions, title)
    draft.date = signing_date(draft, text, status_at, sentences, index, meetings, article)
    if found.reference:
        draft.named = False
        draft.title = found.title
        draft.sentence_index = -1  # marks a reference: merged into a named agreement or dropped
    return draft


def _own_modifiers(found: Found) -> bool:
    """"the comprehensive transit agreement": a definite mention with two words of its own
    says which agreement it is ("the agreement", "the new deal" refer back)."""
    words = [w for w in found.title.lower().split()[:-1] if w not in _TITLE_STOP]
    return len(words) >= 2


def _real_roadmap(text: str, found: Found, qual: str) -> bool:
    """A roadmap that is a document the parties sign or agree (or one for stated years), not
    a figure of speech ("establishing a roadmap for deeper ties")."""
    lo, hi = clause(text, found.start, found.end)
    return bool(re.search(r"\b(?:sign|ink|agree|adopt|approv)\w*", text[lo:hi], _I)
                or re.search(r"\b(?:19|20)\d\d\b", qual))


def _institution_draft(found: Found, sent: Sentence, index: int, mentions: ArticleMentions) -> Draft:
    parties, _ = subject_parties(sent.text, found, sent.start, mentions)
    if not parties:
        proposer = _proposer(sent, found.start, mentions)
        parties = list(dict.fromkeys(([proposer] if proposer else []) + mentions.main_countries[:2]))[:2]
    return Draft(title=found.title, kind="other", status="proposed", named=False,
                 evidence=[_evidence(sent, found, 0.55)], sentence_index=index, parties=parties)


def _identifying(qual: str) -> bool:
    """A qualifier that tells which agreements "the agreements" are."""
    return bool(re.match(r"(?:between|on|for|worth|valued|covering|under\s+(?:consideration|negotiation|discussion))\b", qual, _I))


def _under(text: str, found: Found) -> bool:
    """"work under an agreement on X": the agreement exists, it was signed."""
    return bool(re.search(r"\bunder\s+(?:the|a|an|its|their|this)\s+$", text[max(0, found.start - 12):found.start], _I))


def _value(text: str, found: Found) -> Money | None:
    """Money that is the agreement's worth: "worth $X" after it or "$X deal" before it."""
    for money in find_money(text):
        between = text[found.end:money.start]
        if money.start >= found.end and _value_link(between):
            return money
        if (money.end <= found.start and not text[money.end:found.start].strip(" -")) or \
                found.start <= money.start < found.end:
            return money
    return None


def _value_link(between: str) -> bool:
    return bool(re.fullmatch(r"\s*(?:,\s*)?(?:worth|valued\s+at|amounting\s+to|totall?ing|of|for|with\s+a\s+value\s+of)\s*",
                             between, _I))


def _parties(text: str, found: Found, sent: Sentence, mentions: ArticleMentions, title: str) -> tuple[list[str], bool]:
    """Countries or bodies on each side: "between X and Y", "X-Y Agreement", the people who
    signed, else the article's two main countries; and whether the text states them (the first two)."""
    lo, hi = clause(text, found.start, found.end)
    parties: list[str] = []
    between = re.search(r"\bbetween\s+(?P<a>.+?)\s+and\s+(?P<b>[^,;.]+)", text[found.start:hi], _I)
    if between:
        parties += [m.name for m in countries_in(between.group())]
        base = sent.start + found.start + between.start()
        parties += [m.name for m in mentions.orgs_between(base, base + len(between.group()))]
    parties += [m.name for m in countries_in(title) if not _ROUTE_PREFIX.search(title, 0, m.start)]
    if len(set(parties)) >= 2:
        return list(dict.fromkeys(parties)), True
    if len(set(parties)) < 2:
        finder = slot_finder(mentions, sent.start, text)
        for slot in finder.slots(lo, hi):
            person = mentions.person(slot.name)
            if person and person.country:
                parties.append(person.country)
    parties = list(dict.fromkeys(parties))
    if len(parties) < 2:
        parties += [c for c in mentions.main_countries[:2] if c not in parties]
    if len(parties) < 2:
        parties += [b for b in _international_bodies(mentions) if b not in parties][:2 - len(parties)]
    return parties[:max(2, len(parties))], False


def _international_bodies(mentions: ArticleMentions) -> list[str]:
    """International bodies the article talks about, most mentioned first: a party when
    fewer than two countries are."""
    kinds = {o.name: o.type for o in mentions.article.organizations}
    counts: dict[str, int] = {}
    for m in mentions.orgs:
        if kinds.get(m.name) == "international":
            counts[m.name] = counts.get(m.name, 0) + 1
    return sorted(counts, key=lambda n: -counts[n])


def _venture(text: str, sent: Sentence, mentions: ArticleMentions):
    """A partnership or consortium formed between two named bodies this sentence links
    ("connect X with Y", "X and Y", "between X and Y")."""
    low = text.lower()
    m = _VENTURE.search(text) if any(w in low for w in _VENTURE_WORDS) else None
    if not m or not _VENTURE_CUE.search(text):
        return None
    found = mentions.orgs_between(sent.start, sent.end)
    for a, b in zip(found, found[1:]):
        if a.name != b.name and _ORG_LINK.fullmatch(mentions.article.body[a.end:b.start]):
            return m, [a.name, b.name]
    return None


def _venture_draft(venture, article, sentences, index, mentions, meetings) -> Draft:
    m, orgs = venture
    sent = sentences[index]
    status, _ = status_of(sent.text, m.start(), m.end())
    found = Found(m.start(), m.end(), m.group(), "other", named=False)
    noun = m.group("noun").lower()
    return Draft(title=f"{noun[0].upper()}{noun[1:]} between {orgs[0]} and {orgs[1]}", kind="other",
                 status=status or "proposed", named=False, evidence=[_evidence(sent, found, 0.6)],
                 sentence_index=index, parties=list(orgs))


def _proposal(found: Found, article, sent: Sentence, index: int, mentions: ArticleMentions) -> Draft:
    proposer = _proposer(sent, found.start, mentions)
    title = f"{proposer + ' proposal' if proposer else 'Proposal'} to {found.title}"
    parties = list(dict.fromkeys(([proposer] if proposer else []) + mentions.main_countries[:2]))
    return Draft(title=title, kind="other", status="proposed", named=False,
                 evidence=[_evidence(sent, found, 0.5)], sentence_index=index, parties=parties[:2])


def _proposer(sent: Sentence, pos: int, mentions: ArticleMentions) -> str | None:
    """The country (or the country of the person) making the offer: the nearest before it."""
    countries = [m for m in countries_in(sent.text[:pos]) if not sent.text[m.end:m.end + 1].isalpha()]
    people = mentions.persons_between(sent.start, sent.start + pos)
    best = None
    if countries:
        best = (countries[-1].start, countries[-1].name)
    if people:
        person = mentions.person(people[-1].name)
        if person and person.country and (best is None or people[-1].start - sent.start > best[0]):
            best = (people[-1].start, person.country)
    return best[1] if best else None


def _evidence(sent: Sentence, found: Found, confidence: float) -> Evidence:
    return Evidence(sentence=sent.text, sentence_start=sent.start, sentence_end=sent.end,
                    start=sent.start + found.start, end=sent.start + found.end, confidence=confidence)


def _add(drafts: list[Draft], draft: Draft) -> None:
    """Merge a mention into an agreement whose title shares its words, else keep it (references
    to nothing are dropped)."""
    for other in drafts:
        if _same(other, draft):
            _merge(other, draft)
            return
    if draft.sentence_index >= 0:
        drafts.append(draft)


def _same(a: Draft, b: Draft) -> bool:
    """One agreement told twice: titles that share their words (unless the text gives each other
    parties: the EU's agreement with X is not its agreement with Y), or packages of the same count
    ("21 documents signed" and "the exchange of 21 interministerial documents")."""
    if a.kind != b.kind and "other" not in (a.kind, b.kind):
        return False
    if a.count and a.count >= 2 and a.count == b.count:
        return True
    if a.stated_parties and b.stated_parties and set(a.parties) != set(b.parties):
        return False
    wa, wb = a.words, b.words
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _merge(into: Draft, other: Draft) -> None:
    if (other.named and not into.named) or (other.named == into.named and fuller_title(other, into)):
        into.title, into.named = other.title, other.named
    if STATUS_ORDER[other.status] > STATUS_ORDER[into.status]:
        into.status = other.status
    if into.kind == "other":
        into.kind = other.kind
    into.evidence += other.evidence
    into.date = into.date or other.date
    into.money = into.money or other.money
    into.count = into.count or other.count
    into.sectors = into.sectors or other.sectors
    into.parties = into.parties or other.parties


def _finish(d: Draft) -> ExtractedAgreement:
    usd = d.money.usd if d.money else None
    other = d.money if d.money and usd is None else None
    return ExtractedAgreement(
        title=d.title, kind=d.kind, status=d.status, parties=d.parties, date=d.date, value_usd=usd,
        amount=other.amount if other else None, currency=other.currency if other else None,
        count=d.count, sectors=d.sectors, evidence=d.evidence)
