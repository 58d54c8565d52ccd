"""Finding agreement mentions in a sentence: the grammar half of `agreements`.

Three shapes: a named agreement (a capitalized span ending in a head word, "the
Peru-Chile Coastal Shipping Agreement", "Plan of Action on Fisheries 2027-28"); a
described one (a lower-case head with its modifiers, "19 MoUs", "joint ... consortium",
"protocols and memoranda of understanding"); and an offer to do something concrete
("expressed its readiness to fully fund ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon.events import (GENERIC_HEADS, HYPOTHETICAL_BEFORE, INSTITUTION_NOUNS, NAMED_HEADS, PROPOSAL_VERBS,
                             SECTOR_WORDS, STATUS_CUES, VAGUE_OBJECTS, generic_kind)
from .money import find_money, parse_count

_I = re.IGNORECASE
_WORD = r"(?:[A-Z][\w\u2019'.&]*(?:[-\u2010\u2013][A-Za-z][\w\u2019']*)*)"
_YEAR = r"(?:(?:19|20)\d\d(?:[-\u2013/]\d{2,4})?)"
_CALENDAR = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
             r"July|August|September|October|November|December)\b")
_HEAD = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(NAMED_HEADS, key=len, reverse=True))
_NAMED = re.compile(
    r"(?P<pre>(?:(?:" + _WORD + "|" + _YEAR + r")\s+(?:(?:of|on|for|and|in)\s+(?=[A-Z]))?)*)"
    r"(?P<head>" + _HEAD + r")s?\b"
    r"(?P<tail>(?:\s+(?:of|on|for|in)\s+(?:the\s+)?(?!" + _CALENDAR + r")" + _WORD
    + r"(?:\s+(?:and\s+|(?:of|in|on|for)\s+(?:the\s+(?=[A-Z]))?)?" + _WORD + r")*)?"
    r"(?:\s+" + _YEAR + r")?)")
# A word one of which every named head contains (case-sensitive), to skip `_NAMED` cheaply.
_HEAD_HINTS = tuple({h.split()[0][:6] for h in NAMED_HEADS} | {"Road"})
_GENERIC = re.compile(r"\b(?P<head>" + GENERIC_HEADS + r")\b(?P<coord>(?:\s*(?:,|and|or)\s+(?:" + GENERIC_HEADS + r")\b)*)", _I)
_GENERIC_LOWER = re.compile(_GENERIC.pattern)  # GENERIC_HEADS are lower case
_COMPOUND_AFTER = re.compile(r"\s+(?:" + INSTITUTION_NOUNS + r")\b", _I)
_DETERMINERS = {"a", "an", "the", "this", "these", "those", "that", "its", "their", "his", "her", "our", "such"}
_DEFINITE = {"the", "this", "these", "those", "that", "its", "their", "his", "her", "our", "such"}
_QUANTIFIERS = {"various", "several", "some", "many", "all", "any", "more", "other", "further", "multiple",
                "significant", "major", "important", "key", "numerous", "new", "fresh", "previous", "earlier",
                "existing", "current", "latest", "landmark", "historic"}
_STOP_LEFT = _DETERMINERS | _QUANTIFIERS | {
    "in", "on", "of", "with", "to", "for", "from", "by", "at", "into", "and", "or", "as", "is", "are", "was",
    "were", "be", "been", "has", "have", "had", "will", "would", "that", "which", "concerning", "regarding",
    "about", "under", "over", "between", "finalise", "finalize", "sign", "signed", "inked", "reached", "seal",
    "proposed", "offered", "creating", "establishing", "forming", "launch", "launched", "adopted", "yield",
    "said", "says", "say", "told", "noted", "stated", "announced", "agreed", "discussed", "reviewed", "welcomed",
    "hoped", "expected", "called", "urged", "also", "both", "two", "all", "were", "not", "no", "than", "if"}
_MODIFIER_OK = {"trading", "shipping", "processing", "manufacturing", "banking", "mining", "training",
                "engineering", "housing", "building", "funding", "financing", "landed", "integrated", "united"}
_SENTENCE_START_OK = re.compile(r"^(?:[A-Z]{2,}|[A-Z][a-z]+(?:[-\u2010][A-Z][\w]+)+)$")
_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Mr",
                  "Mrs", "Ms", "Dr", "St", "Gen", "Prof", "U.S", "U.N", "Co", "Inc", "Ltd")
# The full stop first, then what it must not close: looking behind at every character is slow.
_BOUNDARY = re.compile(r"[;!?]|\." + "".join(r"(?<!\b" + re.escape(a + ".") + ")" for a in _ABBREVIATIONS) + r"(?!\d)|"
                       r",(?!\s+(?:which|that|expected|signed|inked|worth|valued|covering|to\s+be|in\s+force)\b)(?!\s+\d{4}\b)")
_LIST_ITEM = r"(?!(?:on|in|at|by|for|with|during|to|from|and|the|a|an)\b)[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}"
# The rest of a lower-case list from its first comma (", batteries and renewable hydrogen"):
# the commas of such a list do not end a clause.
_LIST_REST = re.compile(r"(?:,\s+" + _LIST_ITEM + r")+,?\s+and\s+[a-z]")
_HYPOTHETICAL = re.compile(HYPOTHETICAL_BEFORE, _I)
_NOT_A_DOCUMENT = re.compile(r"\b(?:such\s+(?:a|an)?|(?:the|a)\s+number\s+of|(?:the|a)\s+(?:total|tally|count)\s+of|"
                             # "described it as the first contract": a predicate naming what was told
                             r"(?:described|called|termed|hailed|dubbed|labell?ed)\s+(?:it|this|them|these)\s+"
                             r"(?:as\s+)?(?:the|a|an)?)\s*$", _I)
_NOT_A_DOCUMENT_WORDS = ("such", "number", "total", "tally", "count", "described", "called", "termed", "hailed",
                         "dubbed", "label")  # one of which _NOT_A_DOCUMENT needs
# "the main terms of later supply contracts": the terms are the document, the contracts are to come.
_TERMS_OF = re.compile(r"\b(?:(?:key|main|basic|principal|general)\s+)?terms\s+(?:and\s+conditions\s+)?of\s+$", _I)
_STATUS = [(re.compile(p, _I), s) for p, s in STATUS_CUES]
# Words one of which each status cue needs (same order as STATUS_CUES), to skip its scan cheaply.
_STATUS_WORDS = [
    ("force", "effect"), ("ratif",), ("into", "force", "effect", "ratified"), ("sign", "ink", "agreed", "conclude", "adopted", "approved"),
    ("initial",), ("consideration", "discussion", "negotiat", "review", "finali", "draft", "works", "pipeline"),
    ("signed", "inked", "sealed", "concluded", "result", "reached", "adopt", "struck", "clinched", "exchange",
     "signing", "signature", "names", "issued", "agreed"),
    ("propos", "offer", "suggest", "expected", "planned", "agreed", "readiness", "willingness"),
]
assert len(_STATUS_WORDS) == len(_STATUS)
_VALUE_LINK = re.compile(r"^\s*(?:,\s*)?(?:worth|valued\s+at|amounting\s+to|totall?ing|of|for|with\s+a\s+value\s+of)\s+$", _I)
# One to four words of a list item, written so that a failing search does not try every way
# of cutting a word into pieces (`(?:[\w-]+\s*){1,4}` matches the same, exponentially slower).
_SECTOR_ITEM = r"[\w-]+(?:\s+[\w-]+){0,3}\s*"
_SECTOR_LIST = re.compile(
    r"\b(?:covering|including|in\s+the\s+(?:fields?|areas?|sectors?|spheres?)\s+of|in\s+areas\s+such\s+as|"
    r"on\s+cooperation\s+in|in)\s+(?P<list>" + _SECTOR_ITEM + r"(?:,\s*" + _SECTOR_ITEM + r")*(?:,?\s+and\s+"
    + _SECTOR_ITEM + r"))",
    _I)
_PROPOSAL_VERB = r"(?:\w+ly\s+)?(?:" + "|".join(v.replace(" ", r"\s+") for v in PROPOSAL_VERBS) + r")\b"
_PROPOSALS = [re.compile(p, _I) for p in [
    r"\b(?:expressed|conveyed|reiterated|reaffirmed|showed|announced|voiced)\s+(?:its|his|her|their)\s+(?:\w+\s+)?"
    r"(?:readiness|willingness|intention|offer)\s+to\s+(?P<vp>" + _PROPOSAL_VERB + r"[^,;.]*)",
    r"\b(?:is|are|was|were)\s+(?:ready|willing|prepared)\s+to\s+(?P<vp>" + _PROPOSAL_VERB + r"[^,;.]*)",
    r"\b(?:offered|offers|proposed|proposes)\s+to\s+(?P<vp>" + _PROPOSAL_VERB + r"[^,;.]*)",
]]
_MAX_TITLE_WORDS = 19
# A date phrase inside a title's qualifier ("on Wednesday", "on Nov. 7, 2022", "in March 2024").
_DATE_PHRASE = re.compile(
    r"\s+(?:on|in|last|this|next|earlier\s+this|since)\s+(?:(?:" + _CALENDAR + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"
    r"Nov|Dec)\.)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+" + _CALENDAR + r"(?:,?\s+\d{4})?)"
    r"(?:\s+(?:morning|afternoon|evening))?|"
    r"\s+(?:in\s+the\s+(?:coming|next)\s+(?:\w+\s+)?(?:days|weeks|months|years)|(?:later|earlier|early|by\s+the\s+end\s+of)\s+"
    r"(?:this|next|the)\s+(?:week|month|year)|(?:early|late|later)\s+next\s+(?:week|month|year)|"
    r"(?:this|next)\s+(?:week|month|year)|soon)\b")
# Participles that say what a document does ("a protocol extending the 2008 accord", "a roadmap
# setting out the conditions"), unlike those of what its signatories do next ("..., opening a new era").
_DOES = (r"covering|including|extending|amending|establishing|setting\s+out|setting\s+up|governing|"
         r"regulating|providing\s+for|creating|introducing|allowing|enabling|granting|abolishing")
_WHAT_IT_DOES = r"(?:" + _DOES + r")\b"
# What may follow a described agreement and say which one it is.
_QUALIFIER_START = (r"(?:" + _DOES + r"|worth|valued|amounting|totall?ing|between|on|for|in|with|under|ahead|"
                    r"to|signed|inked|concluded|reached\s+(?:in|during|at|with)|during|at|from|of|among(?!\s+(?:them|these|those|which|others)\b))\b")


@dataclass
class Found:
    """One agreement mention in a sentence (offsets in the sentence)."""

    start: int
    end: int
    title: str
    kind: str
    named: bool
    reference: bool = False  # "the Action Plan": names nothing new
    definite: bool = False
    count: int | None = None
    count_text: str | None = None  # the count as the text writes it ("nine", "24")
    status: str | None = None
    status_at: int | None = None


# "Agreement on Partnership in Pacific Fisheries": a title that opens with a head word and a preposition
# is a document of that head's kind, whatever head word its subject holds.
_OPENING_HEAD = re.compile(r"(?P<head>" + "|".join(re.escape(h) for h in sorted(NAMED_HEADS, key=len, reverse=True))
                           + r")\s+(?:on|of|for|between|to|in)\s")


def _opening_kind(title: str) -> str | None:
    m = _OPENING_HEAD.match(title)
    return NAMED_HEADS[m.group("head")] if m else None


def named_agreements(text: str) -> list[Found]:
    out = []
    if not any(h in text for h in _HEAD_HINTS):
        return out
    for m in _NAMED.finditer(text):
        pre_words = _trim_pre(text, m.start("pre"), m.group("pre"))
        start = m.start("head") - len(pre_words) if pre_words else m.start("head")
        title = (pre_words + m.group("head") + m.group("tail")).strip()
        title = re.sub(r"\s+", " ", title)
        end = m.end()
        if title.endswith(".") and not re.search(r"(?:\b\w|\.\w)\.$", title):
            title, end = title[:-1], end - 1  # the sentence's full stop, not an abbreviation's
        head = re.sub(r"\s+", " ", m.group("head"))
        kind = _opening_kind(title) or NAMED_HEADS.get(head, "other")
        reference = len(title.split()) == len(head.split())
        out.append(Found(start, end, title, kind, named=True, reference=reference))
    return _join_between(text, out)


# "an Agreement between the governments of the four states on Maritime Cooperation in ...".
_BETWEEN_THEN_NAME = re.compile(r"\s+between\s+[^,;.]{1,90}?\s+(?P<prep>on|for)\s+(?:the\s+)?"
                                r"(?P<name>[A-Z][\w-]*(?:\s+(?:(?:of|in|and|the|for|on)\s+)*[A-Z][\w-]*)*)")


def _join_between(text: str, found: list[Found]) -> list[Found]:
    """A bare head whose parties come between it and the capitalized name of its subject is one
    agreement named by head and subject ("Agreement on Maritime Cooperation in ...")."""
    out: list[Found] = []
    for f in found:
        if out and out[-1].start <= f.start < out[-1].end:
            continue  # inside the name just joined
        gap = _BETWEEN_THEN_NAME.match(text, f.end) if f.reference else None
        if gap:
            f = Found(f.start, gap.end(), f"{f.title} {gap.group('prep')} {gap.group('name')}", f.kind, named=True)
        out.append(f)
    return out


def _trim_pre(text: str, pre_start: int, pre: str) -> str:
    """Drop what is not part of a name from the capitalized run before a head word."""
    words = pre.split(" ") if pre else []
    while words and words[0] and (words[0].lower() in _DETERMINERS or words[0].lower() in ("of", "on", "for", "and", "in")
                                  or re.search("[\u2019']s$", words[0])
                                  or (pre_start == _first_word_start(text) and not _SENTENCE_START_OK.match(words[0])
                                      and words[0] == pre.split(" ")[0])):
        pre_start += len(words[0]) + 1
        words = words[1:]
    if any(re.search("[\u2019']s$", w) for w in words):
        last = max(i for i, w in enumerate(words) if re.search("[\u2019']s$", w))
        words = words[last + 1:]
    return " ".join(words)


def _first_word_start(text: str) -> int:
    m = re.search(r"\w", text)
    return m.start() if m else 0


def generic_agreements(text: str, taken: list[Found]) -> list[Found]:
    out = []
    taken = [f for f in taken if not f.reference]
    moneys = find_money(text)
    for m, head in _generic_heads(text):
        if head[0].isupper() and not head.lower().startswith("mou"):
            continue  # capitalized: a name, handled by named_agreements
        if any(m.start() < f.end and f.start < m.end() for f in taken) or _COMPOUND_AFTER.match(text, m.end()):
            continue  # inside a name, or a modifier of another noun ("a joint venture fund")
        money = next((x for x in moneys if x.end <= m.start() and not text[x.end:m.start()].strip(" -")), None)
        if money:
            start, count, determiner = money.start, None, _determiner_before(text, money.start)
        else:
            start, count, determiner = _left_modifiers(text, m.start())
        before = text[:start].lower()
        if (_HYPOTHETICAL.search(text[max(0, start - 60):start])
                or (any(w in before for w in _NOT_A_DOCUMENT_WORDS) and _NOT_A_DOCUMENT.search(text, 0, start))):
            continue  # hoped for; or a kind ("such a treaty"), a tally ("the number of trade deals")
        terms = _TERMS_OF.search(text, 0, start) if "terms" in before else None
        if terms and count is None:
            start, determiner = terms.start(), _determiner_before(text, terms.start())
        phrase = re.sub(r"\s+", " ", text[start:m.end()])
        count_text = _count_as_written(text[:start]) if count is not None else None
        out.append(Found(start, m.end(), phrase, generic_kind(head), named=False,
                         definite=determiner in _DEFINITE, count=count, count_text=count_text))
    return out


def _generic_heads(text: str) -> list[tuple[re.Match, str]]:
    """`_GENERIC`'s matches with their head as written: read case-sensitively in the lower-cased
    text (three times faster) when lower-casing keeps the offsets."""
    low = text.lower()
    if len(low) != len(text):
        return [(m, m.group("head")) for m in _GENERIC.finditer(text)]
    return [(m, text[m.start("head"):m.end("head")]) for m in _GENERIC_LOWER.finditer(low)]


def _count_as_written(before: str) -> str:
    """The count word that ends `before`, as written ("nine", "24", "a dozen")."""
    return re.search(r"(?:\ba\s+(?=dozen))?[\w-]+(?=\s*$)", before).group()


def _left_modifiers(text: str, head_start: int) -> tuple[int, int | None, str | None]:
    """Start of the noun phrase before a head ("joint Kazakh-Pakistani transport and logistics"),
    the count before it ("37"), and its determiner."""
    tokens = list(re.finditer(r"[\w$\u2019'-]+", text[:head_start]))
    start, taken = head_start, 0
    for tok in reversed(tokens):
        word = tok.group()
        low = word.lower()
        if text[tok.end():start].strip() not in ("",) or taken >= 6:
            break
        if (tok.start() and text[tok.start() - 1] in ".,$") or low in ("thousand", "million", "billion", "trillion"):
            break  # the end of an amount ("$2.6 billion and farm contracts"), no count
        if parse_count(low) is not None and not re.fullmatch(r"(?:19|20)\d\d", low):
            return start, parse_count(low), _determiner_before(text, tok.start())
        if low in _STOP_LEFT or re.search("[\u2019']s$", word) or "$" in word:
            if low == "and" and taken and start - tok.end() <= 1:
                start, taken = tok.start(), taken + 1
                continue
            if low in _QUANTIFIERS and low not in _DETERMINERS:  # "the other documents": the determiner before
                counted = _count_before(text, tok.start())
                if counted:  # "three important treaties": the count before the adjective
                    return tok.start(), counted, _determiner_before(text, text.rfind(" ", 0, tok.start() - 1) + 1)
                return _unhang_and(text, start), None, _determiner_before(text, tok.start())
            return _unhang_and(text, start), None, low if low in _DETERMINERS else None
        if re.search(r"(?:ed|ing)$", low) and low not in _MODIFIER_OK:
            break
        start, taken = tok.start(), taken + 1
    return _unhang_and(text, start), None, None


def _count_before(text: str, pos: int) -> int | None:
    """The count word right before `pos` ("two" in "three important treaties"), not a year."""
    m = re.search(r"([\w-]+)\s+$", text[:pos])
    if not m or re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
        return None
    return parse_count(m.group(1).lower())


def _unhang_and(text: str, start: int) -> int:
    m = re.match(r"(?:and|or)\s+", text[start:])
    return start + m.end() if m else start


def _determiner_before(text: str, pos: int) -> str | None:
    m = re.search(r"(\w+)\s+$", text[:pos])
    return m.group(1).lower() if m and m.group(1).lower() in _DETERMINERS else None


def proposals(text: str) -> list[Found]:
    """Offers to do something concrete: "expressed its readiness to fully fund X" (not
    "ready to provide all necessary support", nor "ready to invest in green projects")."""
    out = []
    low = text.lower()
    if not any(w in low for w in ("readiness", "willingness", "intention", "offer", "ready", "willing", "prepared",
                                  "propos")):
        return out
    for pattern in _PROPOSALS:
        for m in pattern.finditer(text):
            vp = re.sub(r"\s*\([^)]*\)", "", m.group("vp")).strip()
            if not _specific_object(vp):
                continue
            vp = " ".join(vp.split()[:_MAX_TITLE_WORDS - 3])
            out.append(Found(m.start(), m.end(), vp, "other", named=False, status="proposed",
                             status_at=m.start()))
    return out


_VAGUE = re.compile(r"(?:[\w-]+\s+){0,3}?(?:" + "|".join(VAGUE_OBJECTS) + r")\b", _I)
_PLAIN_OBJECT = re.compile(r"(?:up\s+to\s+|about\s+|over\s+)?(?:[^\s]*\d[^\s]*\s+(?:[mb]illion\s+)?)?(?:in|into|on)?\s*"
                           r"(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*)*)")


def _specific_object(vp: str) -> bool:
    """What the offer is about is a thing ("the development of new corridors", "a railway",
    "gas to Pakistan"), not help in general or a bare plural ("green energy projects")."""
    obj = re.sub(r"^(?:\w+ly\s+)?(?:set\s+up|\w+)\s+", "", vp)  # the verb
    if _VAGUE.match(obj):
        return False
    words = obj.split()[:8]
    if any(w[0].isupper() for w in words) or re.match(r"(?:the|a|an|this|its|their)\b", obj, _I):
        return True
    return not _PLAIN_OBJECT.fullmatch(" ".join(words)) or not re.search(r"s\b", " ".join(words))


_SETUP = r"(?:creat(?:e|ing)|establish(?:ing)?|set(?:ting)?\s+up|form(?:ing)?|launch(?:ing)?|open(?:ing)?)"
_INSTITUTION = (r"(?P<np>(?:a|an)\s+(?:[\w-]+\s+){0,5}?(?:" + INSTITUTION_NOUNS + r")\b(?:\s+(?:" + INSTITUTION_NOUNS + r")\b)*"
                r"(?:\s+(?:for|in|on|between)\s+(?:the\s+)?[\w-]+(?:\s+(?!with\b|to\b|which\b|that\b)[\w-]+){0,2})?)")
_INSTITUTION_PROPOSALS = [re.compile(p, _I) for p in [
    r"\b(?:proposed|proposes|suggested|suggests|floated|put\s+forward)\s+(?:(?:the\s+)?(?:idea|creation|establishment|"
    r"formation|setting\s+up)\s+of\s+|" + _SETUP + r"\s+|to\s+" + _SETUP + r"\s+)?" + _INSTITUTION,
    r"\b(?:agreed|agree|agrees|decided|resolved)\s+to\s+" + _SETUP + r"\s+" + _INSTITUTION,
]]


def institution_proposals(text: str) -> list[Found]:
    """Bodies proposed or agreed to be set up jointly: "proposed creating a joint shipping
    company for the Caspian", "agreed to establish a joint trading house"."""
    out = []
    low = text.lower()
    if not any(w in low for w in ("propos", "sugges", "floated", "forward", "agree", "decided", "resolved")):
        return out
    for pattern in _INSTITUTION_PROPOSALS:
        for m in pattern.finditer(text):
            np = re.sub(r"^(?:a|an)\s+", "", m.group("np"), flags=_I)
            title = np[0].upper() + np[1:]
            out.append(Found(m.start("np"), m.end("np"), title, "other", named=False, status="proposed",
                             status_at=m.start()))
    return out


def clause(text: str, start: int, end: int, lists: bool = True) -> tuple[int, int]:
    """Bounds of the clause around text[start:end] (commas before "which", "worth" ..., in a
    date or, with `lists`, in a list of lower-case items do not cut)."""
    lo, hi = 0, len(text)
    for b in (_boundaries(text) if lists else _plain_boundaries(text)):
        if b + 1 <= start:
            lo = b + 1
        elif b >= end:
            hi = b
            break
    return lo, hi


@lru_cache(maxsize=256)
def _plain_boundaries(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _BOUNDARY.finditer(text))


@lru_cache(maxsize=256)
def _boundaries(text: str) -> tuple[int, ...]:
    listed: set[int] = set()
    comma = text.find(",")
    while comma > 0:
        m = _LIST_REST.match(text, comma) if text[comma - 1].islower() and comma not in listed else None
        if m:
            listed.update(i for i in range(comma, m.end()) if text[i] == ",")
        comma = text.find(",", comma + 1)
    return tuple(m.start() for m in _BOUNDARY.finditer(text) if m.start() not in listed)


def status_of(text: str, start: int, end: int) -> tuple[str | None, int | None]:
    """Status stated by the cue nearest the mention in its clause, and where that cue is."""
    lo, hi = clause(text, start, end, lists=False)
    cues: list[tuple[int, int, str]] = []
    low = text[lo:hi].lower()
    for (pattern, status), words in zip(_STATUS, _STATUS_WORDS):
        if not any(w in low for w in words):
            continue
        for m in pattern.finditer(text, lo, hi):
            if not any(m.start() < e and s < m.end() for s, e, _ in cues):
                cues.append((m.start(), m.end(), status))
    if not cues:
        return None, None
    s, e, status = min(cues, key=lambda c: max(0, start - c[1], c[0] - end))
    return status, s


def qualifier(text: str, end: int) -> str:
    """What follows a described agreement in its clause, when it says which one it is
    ("worth over $200 million", "under consideration ahead of X's visit")."""
    _, hi = clause(text, end, end)
    rest = text[end:hi].strip()
    if not rest or re.match(r"(?:is|are|was|were|will|would|has|have|had|could|can|may|which|that)\b", rest, _I):
        return ""
    if re.match(r"\w+ing\b", rest) and not re.match(_WHAT_IT_DOES, rest, _I):
        return ""
    if not re.match(_QUALIFIER_START, rest, _I):
        return ""
    rest = re.split(r",?\s+(?:which|that|while|as\s+well\s+as|and\s+(?:is|are|was|were|will|a|an)|will|would|is|are|"
                    r"was|were|has|have|had|could|can|may|might|shall|said|says)\b", rest)[0]
    rest = _DATE_PHRASE.sub("", " " + rest).strip()
    rest = re.split(r",?\s+(?:during|amid|following|on\s+the\s+sidelines\s+of|in\s+the\s+presence\s+of|"
                    r"as|when|after|before|while|because)\b", rest)[0]
    return " ".join(rest.split()[:12]).strip(" ,\"'\u201c\u201d")


def sectors_of(text: str, start: int) -> list[str]:
    """Sector words listed after a mention ("covering trade, mining and energy")."""
    m = _SECTOR_LIST.search(text, start, min(len(text), start + 400))
    if not m or m.start() - start > 80:
        return []
    items = re.split(r",\s*|\s+and\s+", m.group("list"))
    items = [re.sub(r"\s+(?:sectors?|fields?|areas?)$", "", i.strip().lower()) for i in items if i.strip()]
    known = [i for i in items if i in SECTOR_WORDS or any(w in SECTOR_WORDS for w in i.split())]
    return known if len(known) >= max(1, len(items) // 2) else []
