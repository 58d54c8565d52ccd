"""Organizations of one article: candidate mentions from capitalized runs, then merging.

A mention is an organization when it is a known body (lexicon), ends in an
organization head word ("... Port Trust", "... Association"), opens with one
("Ministry of ...", "Radio ..."), is a demonym plus a government noun ("Kazakh
foreign ministry"), or is an initialism the text introduces as one ("(SPRC)",
"courier company QDX", "India's NIRPA", "the FO" for an earlier Foreign Office).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import lexicon as lx
from .tokens import Doc, Token
from . import kinds
from .companies import city_owned, deal_initialisms
from .employers import employer_mentions
from .names import normalize
from .outlets import outlet_mentions
from ..records import ExtractedOrganization

_DEFAULT_HOME_TYPES = {"government", "agency", "company", "association", "think_tank"}
_NATIONAL_WORDS = {"national", "federal", "state"}
_STOP_LEFT = lx.TITLE_HEADS | lx.HONORIFICS | lx.NON_NAME_WORDS | lx.MONTHS | lx.WEEKDAYS
_INITIALISM = re.compile(r"^[A-Z][A-Za-z]?[A-Z]{1,6}$")


@dataclass
class OrgMention:
    first: int
    last: int
    name: str
    type: str
    country: str | None = None
    known: lx.KnownOrg | None = None
    acronym: str | None = None
    confidence: float = 0.7
    initialism_only: bool = False
    explicit_country: bool = field(default=False)
    alias_of: OrgMention | None = None  # "ZHTK JSC (Zhetysu Heat Transmission Company)"


def capital_runs(doc: Doc) -> list[tuple[int, int]]:
    """Runs of capitalized words, with connectors inside ("Ministry of Maritime Affairs")."""
    runs, toks, done = [], doc.tokens, -1
    for tok in doc.caps:
        i = tok.i
        if i <= done or tok.key in lx.ORG_CONNECTORS:
            continue
        j = i
        while not toks[j].possessive and j + 1 < len(toks) and _continues(doc, toks[j], toks[j + 1]):
            j += 1
        while j > i and toks[j].key in lx.ORG_CONNECTORS:
            j -= 1
        runs.append((i, j))
        done = j
    return runs


def _continues(doc: Doc, tok: Token, nxt: Token) -> bool:
    if nxt.i in doc.list_commas or tok.i in doc.list_commas:  # "Ministry of Investment, Industry and Trade"
        return nxt.i in doc.list_commas or nxt.is_cap
    gap = doc.body[tok.end:nxt.start]
    if gap not in (" ", "") or not nxt.is_word or nxt.sentence_initial:
        return False
    if nxt.is_cap:
        return True
    after = doc.tokens[nxt.i + 1] if nxt.i + 1 < len(doc.tokens) else None
    if nxt.key in ("of", "for") and after is not None and after.key == "the" and tok.key in lx.LEADING_HEADS:
        after = doc.tokens[after.i + 1] if after.i + 1 < len(doc.tokens) else None  # "University of the Steppe"
    return (nxt.key in lx.ORG_CONNECTORS and after is not None and after.is_cap
            and doc.body[nxt.end:after.start] in (" ", " the ") and after.key not in lx.WEEKDAYS
            and after.key not in lx.MONTHS)


def _known_at(doc: Doc, i: int, last: int) -> tuple[int, lx.KnownOrg] | None:
    """Longest known organization starting at token i, ending at or before `last`."""
    longest = _KNOWN_FIRST_WORDS.get(doc.tokens[i].key)
    if longest is None:
        return None
    for j in range(min(last, i + longest - 1), i - 1, -1):
        key = " ".join(t.key for t in doc.tokens[i:j + 1])
        org = lx.KNOWN_BY_FORM.get(key)
        if org and (len(key) > 3 or doc.tokens[i].is_upper):
            return j, org
    return None


# First word of every known form -> the most words a form starting with it has.
_KNOWN_FIRST_WORDS: dict[str, int] = {}
for _form in lx.KNOWN_BY_FORM:
    _words = _form.split()
    _KNOWN_FIRST_WORDS[_words[0]] = max(_KNOWN_FIRST_WORDS.get(_words[0], 0), len(_words))


_PORTFOLIO_HEADS = frozenset(set(lx.HEAD_TYPES) & (lx.PORTFOLIO | lx.TITLE_MODIFIERS))
_PRESS_HEADS = frozenset({"service", "office", "centre", "center", "secretariat", "bureau", "department"})


_HEAD_OR_KNOWN = frozenset(lx.HEAD_TYPES) | frozenset(_KNOWN_FIRST_WORDS)


def _is_head(doc: Doc, i: int) -> bool:
    tok = doc.tokens[i]
    if tok.key not in lx.HEAD_TYPES or not tok.is_cap:
        return False
    nxt = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    if nxt is not None and nxt.is_cap and nxt.key in lx.TITLE_HEADS and tok.key in _PORTFOLIO_HEADS:
        return False  # "Railways Minister" is a portfolio; "Planning Commission Chairman" an organization
    if tok.key in _PRESS_HEADS and i > 0 and doc.tokens[i - 1].key == "press":
        return False  # "the Press Service", "Press Office": a unit's voice, not an organization
    prev = doc.tokens[i - 1] if i > 0 else None
    return not (tok.key == "group" and prev is not None and prev.key == "working")


def _left_edge(doc: Doc, first: int, head: int) -> int:
    i = head
    while i > first:
        tok = doc.tokens[i - 1]
        if tok.key in lx.TITLE_HEADS and doc.tokens[head].key in _SEATS and i == head:
            i -= 1  # "Governor Office", "President Secretariat": the office of that title
            continue
        if tok.key not in lx.ORG_CONNECTORS and tok.key in _STOP_LEFT or tok.possessive:
            break
        if (tok.key == "of" and doc.tokens[head].key in lx.LEGAL_FORMS and i >= 2
                and doc.tokens[i - 2].key in _GOVERNING_BODIES):
            break  # "the Board of X JSC" is X's board: the legal form closes X's own name
        if tok.key in ("and", "&") and (_is_head(doc, i - 2) or _starts_new_name(doc, i)
                                         or _titled_name_before(doc, i - 2, first)):
            break  # "Gwadar Dock Trust and Ormara Harbour Authority", "Air Astana and Pakistan ... Airlines"
        i -= 1
    while i < head and doc.tokens[i].key in lx.ORG_CONNECTORS:
        i += 1
    return i


_SEATS = frozenset({"office", "secretariat", "administration", "apparatus"})
_GOVERNING_BODIES = frozenset({"board", "boards", "council", "directors", "management"}) | lx.TITLE_HEADS


def _titled_name_before(doc: Doc, i: int, first: int) -> bool:
    """"Chairman Ahmed Ali and Foreign Office ...": the words before "and" follow a title, so they
    are a person's name rather than the first half of an organization's."""
    n = i
    while n >= first and doc.tokens[n].is_cap and doc.tokens[n].key not in _STOP_LEFT and i - n < 4:
        n -= 1
    return n < i and n >= 0 and doc.tokens[n].key in _TITLE_OR_HONORIFIC


_TITLE_OR_HONORIFIC = lx.TITLE_HEADS | lx.HONORIFICS


def _starts_new_name(doc: Doc, i: int) -> bool:
    """A place word right after "and" opens a new name rather than continuing one."""
    tok = doc.tokens[i]
    return bool(tok.country or lx.place_country(tok.clean) or tok.key in lx.REGIONS)


def _head_spans(doc: Doc, first: int, last: int) -> list[tuple[int, int, int]]:
    """(start, end, head) spans for head words of a run, rightmost first."""
    spans, end_limit = [], last
    for h in range(last, first - 1, -1):
        if h > end_limit or not _is_head(doc, h):
            continue
        key = doc.tokens[h].key
        leading = h < end_limit and (doc.tokens[h + 1].key in ("of", "for") or key in lx.LEADING_HEADS
                                     and doc.tokens[h + 1].key == "on")
        if leading or key == "radio" and h < end_limit:
            start, end = _left_edge(doc, first, h), _before_titled_person(doc, h, end_limit)
        else:
            start, end = _left_edge(doc, first, h), h
        while end > start and doc.tokens[end].key in lx.ORG_CONNECTORS:
            end -= 1
        if end > start:
            spans.append((start, end, h))
            end_limit = start - 1
    return spans


_TITLE_WORDS = lx.TITLE_MODIFIERS | lx.PORTFOLIO


def _before_titled_person(doc: Doc, head: int, end: int) -> int:
    """End of a name opened by its head, before a title and a person that the run goes on to:
    "Cabinet of Ministers and Energy Minister Dovlet Orazov" ends at "Ministers",
    "Ministry of Foreign Affairs Spokesperson Zahra Ahmed" at "Affairs"."""
    toks = doc.tokens
    for k in range(head + 2, end):
        if toks[k].key in lx.TITLE_HEADS and _looks_like_name(toks[_after_portfolio(toks, k + 1, end)]):
            cut = k
            while cut - 1 > head and toks[cut - 1].key in _TITLE_WORDS:
                cut -= 1
            if toks[cut - 1].key not in ("and", "&", ","):  # "Ministry of Foreign Affairs Spokesperson"
                cut = k  # keeps its portfolio; "... and Economy Minister" starts a new title
                while cut - 1 > head and toks[cut - 1].key in lx.TITLE_MODIFIERS - lx.PORTFOLIO:
                    cut -= 1
            cut -= 1
            while cut > head and toks[cut].key in lx.ORG_CONNECTORS:
                cut -= 1
            return cut
    return end


def _after_portfolio(toks: list[Token], k: int, end: int) -> int:
    """Index after "for Foreign Affairs" in "Minister for Foreign Affairs Dovlet X" (k itself if none)."""
    if k >= end or toks[k].key not in ("for", "of"):
        return k
    n = k + 1
    while n < end and (toks[n].key in lx.PORTFOLIO or toks[n].key in ("and", "&")):
        n += 1
    return n if n > k + 1 else k


def _looks_like_name(tok: Token) -> bool:
    return (tok.is_word and tok.is_cap and not tok.is_upper and tok.key not in _STOP_LEFT
            and tok.key not in lx.HEAD_TYPES and tok.key not in lx.PORTFOLIO and tok.key not in lx.TITLE_MODIFIERS
            and tok.key not in lx.ORG_CONNECTORS and not lx.place_country(tok.clean))


def _mention(doc: Doc, start: int, end: int, type_: str, known=None, confidence=0.7) -> OrgMention:
    return OrgMention(start, end, doc.text(start, end), type_, known=known, confidence=confidence)


def _run_mentions(doc: Doc, first: int, last: int) -> list[OrgMention]:
    if not any(t.key in _HEAD_OR_KNOWN for t in doc.tokens[first:last + 1]):
        return []  # most runs are names or sentence openers: no head word, no known body
    out: list[OrgMention] = []
    for start, end, head in _head_spans(doc, first, last):
        inner = [_known_at(doc, i, end) for i in range(start, end + 1)]
        known = next((k[1] for k in inner if k and k[0] == end), None)
        if known is None and (kinds.portfolio_of_a_title(doc, start, head) or kinds.venue_or_event(doc, start, head)
                              or kinds.document_programme(doc, start, end)):
            continue
        type_ = known.type if known else lx.HEAD_TYPES[doc.tokens[head].key]
        if any(k and k[1].type == "international" for k in inner) or known is None and kinds.between_states(doc, start, head):
            type_ = "international"
        out.append(_mention(doc, start, end, type_, known, 0.75))
    covered = {i for m in out for i in range(m.first, m.last + 1)}
    i = first
    while i <= last:
        hit = _known_at(doc, i, last) if i not in covered else None
        if hit:
            start = i - 1 if i > first and doc.tokens[i - 1].country and not hit[1].country else i
            out.append(_mention(doc, start, hit[0], hit[1].type, hit[1], 0.85))
            i = hit[0] + 1
        else:
            i += 1
    return out


def _government_noun_mentions(doc: Doc) -> list[OrgMention]:
    """"Kazakh foreign ministry" -> "Kazakh Foreign Ministry" (a demonym makes it a named body)."""
    out, toks = [], doc.tokens
    for tok in doc.caps:
        if not tok.country or tok.possessive or tok.i + 1 >= len(toks):
            continue
        for noun in _GOVERNMENT_NOUNS_BY_FIRST.get(toks[tok.i + 1].text, ()):
            words = noun.split()
            nxt = toks[tok.i + 1: tok.i + 1 + len(words)]
            if [t.text for t in nxt] == words:
                name = f"{tok.clean} {noun.title().replace(' Of ', ' of ')}"
                out.append(OrgMention(tok.i, nxt[-1].i, name, "government", confidence=0.7))
                break
    return out


_GOVERNMENT_NOUNS_BY_FIRST: dict[str, list[str]] = {}
for _noun in sorted(lx.GOVERNMENT_NOUNS, key=len, reverse=True):
    _GOVERNMENT_NOUNS_BY_FIRST.setdefault(_noun.split()[0], []).append(_noun)


def _initialism_mentions(doc: Doc, taken: set[int]) -> tuple[list[OrgMention], list[Token]]:
    """Initialisms introduced as organizations, and the rest kept for matching initials."""
    out, pending = [], []
    for tok in doc.caps:
        if tok.i in taken or not _INITIALISM.match(tok.text) or tok.text.upper() in lx.NON_ORG_INITIALISMS:
            continue
        if tok.key in lx.COUNTRIES or _in_caps_line(doc, tok):
            continue
        prev = doc.tokens[tok.i - 1] if tok.i else None
        if prev is not None and prev.key in lx.GENERIC_ORG_NOUNS and not prev.is_cap:
            out.append(_generic_noun_mention(doc, tok, prev))
        elif prev is not None and prev.possessive and prev.country:
            out.append(OrgMention(tok.i, tok.i, tok.text, "other", prev.country, acronym=tok.text,
                                  confidence=0.55, initialism_only=True, explicit_country=True))
        else:
            pending.append(tok)
    return out, pending


def _named_by_generic_noun(doc: Doc, taken: set[int]) -> list[OrgMention]:
    """A single unknown capitalized word after "company", "firm"...: "state energy company Uzbekneftegaz"."""
    out = []
    for tok in doc.caps:
        prev = doc.tokens[tok.i - 1] if tok.i else None
        if prev is None or prev.key not in lx.GENERIC_ORG_NOUNS:
            continue
        nxt = doc.tokens[tok.i + 1] if tok.i + 1 < len(doc.tokens) else None
        if (tok.i in taken or not tok.is_word or not tok.is_cap or tok.is_upper or tok.sentence_initial
                or prev.key not in lx.GENERIC_ORG_NOUNS or prev.is_cap or tok.key in lx.NON_NAME_WORDS):
            continue
        if tok.country and not tok.possessive:  # "the state road company Kyrgyz Ala Suu Kurulush"
            if (run := _demonym_run(doc, tok, taken)) is not None:
                out.append(run)
            continue
        if nxt is not None and nxt.is_cap and nxt.is_word:
            continue
        out.append(_generic_noun_mention(doc, tok, prev))
    return out


def _demonym_run(doc: Doc, tok: Token, taken: set[int]) -> OrgMention | None:
    """A demonym and one to three capitalized words after a generic noun: a body of that country.
    Four or more words are the body and a two-word personal name after it."""
    toks, j = doc.tokens, tok.i + 1
    while (j < len(toks) and j - tok.i <= 5 and j not in taken and toks[j].is_word and toks[j].is_cap
           and not toks[j].possessive and doc.body[toks[j - 1].end:toks[j].start] == " "):
        j += 1
    if j == tok.i + 1 or j < len(toks) and toks[j].is_word and toks[j].is_cap:
        return None
    if j - tok.i > 4:
        j -= 2  # "the state enterprise Kyrgyz Ala Suu Kurulush Bakyt Osmonov": a body, then the person it names
    type_ = lx.GENERIC_ORG_NOUNS[doc.tokens[tok.i - 1].key]
    return OrgMention(tok.i, j - 1, doc.text(tok.i, j - 1), type_, country=tok.country, confidence=0.6,
                      explicit_country=True)


_CAMEL_CASE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
_SURNAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Al", "El", "Fitz"})
_SIGNING_VERBS = frozenset({"signed", "sign", "signs", "inked", "ink", "inks"})
_BEFORE_VERB = frozenset({"and", "&", "(", ")", ",", "has", "have", "had", "will", "also", "jointly", "today"})


def _camel_case_mentions(doc: Doc, taken: set[int]) -> list[OrgMention]:
    """Single CamelCase names ("KazMunayGas", "PetroChina") as companies when a country possessive
    comes before them or they sign something; "McDonald" and "MacArthur" are surnames."""
    toks, accepted, out = doc.tokens, set(), []
    candidates = [t for t in doc.caps if t.i not in taken and _is_camel_case(t.text)]
    for tok in candidates:
        prev = toks[tok.i - 1] if tok.i else None
        if (prev is not None and prev.possessive and prev.country) or _signs(doc, tok.i):
            accepted.add(tok.text)
    for tok in candidates:
        if tok.text in accepted:
            out.append(OrgMention(tok.i, tok.i, tok.text, "company", confidence=0.65))
    return out


@functools.lru_cache(maxsize=1 << 14)
def _is_camel_case(word: str) -> bool:
    if not _CAMEL_CASE.fullmatch(word):
        return False
    first = re.match(r"[A-Z][a-z]+", word).group()
    return first not in _SURNAME_PREFIXES


def _signs(doc: Doc, i: int) -> bool:
    """Token i is (part of) the subject of "signed": "X and Y signed", "X has signed"."""
    toks = doc.tokens
    for tok in toks[i + 1:i + 10]:
        if tok.key in _SIGNING_VERBS:
            return True
        if tok.sentence_initial or not (tok.key in _BEFORE_VERB or tok.is_cap):
            return False
    return False


def _generic_noun_mention(doc: Doc, tok: Token, noun: Token) -> OrgMention:
    """"Chinese firm CNPC": the type from the noun, the country from a demonym just before it."""
    mention = OrgMention(tok.i, tok.i, tok.clean, lx.GENERIC_ORG_NOUNS[noun.key],
                         acronym=tok.text if tok.is_upper else None, confidence=0.6, initialism_only=True)
    for before in reversed(doc.tokens[max(0, noun.i - 3):noun.i]):
        if before.is_cap and before.country:
            mention.country, mention.explicit_country = before.country, True
            break
        if not before.is_word:
            break
    return mention


def _in_caps_line(doc: Doc, tok: Token) -> bool:
    neighbours = [t for t in doc.tokens[max(0, tok.i - 2): tok.i + 3] if t is not tok and t.is_word]
    return bool(neighbours) and all(t.is_upper for t in neighbours)


def _published_in_mentions(doc: Doc, outlet: str | None) -> list[OrgMention]:
    out = []
    names = {outlet} if outlet else set()
    if "Published in " in doc.body:
        names |= {m.group(1) for m in re.finditer(r"\bPublished in ([A-Z][\w&. ]{1,40}?)(?=,|\.|\n|$)", doc.body)}
    for name in filter(None, names):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.body):
            first = doc._token_index(m.start())
            last = doc._token_index(m.end()) - 1
            if last >= first:
                out.append(OrgMention(first, last, name, "media", confidence=0.7))
    return out


def find_mentions(doc: Doc, outlet: str | None = None) -> tuple[list[OrgMention], list[Token]]:
    mentions: list[OrgMention] = []
    for first, last in capital_runs(doc):
        if not doc.tokens[first].headline:
            mentions.extend(_run_mentions(doc, first, last))
    mentions.extend(_government_noun_mentions(doc))
    mentions.extend(_published_in_mentions(doc, outlet))
    mentions = _drop_overlaps(mentions)
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    extra, pending = _initialism_mentions(doc, taken)
    extra += _named_by_generic_noun(doc, taken)
    extra += _camel_case_mentions(doc, taken | {i for m in extra for i in range(m.first, m.last + 1)})
    extra += employer_mentions(doc, taken | {i for m in extra for i in range(m.first, m.last + 1)})
    extra += outlet_mentions(doc, taken | {i for m in extra for i in range(m.first, m.last + 1)})
    extra += _press_service_mentions(doc, taken | {i for m in extra for i in range(m.first, m.last + 1)})
    extra += city_owned(doc, taken | {i for m in extra for i in range(m.first, m.last + 1)})
    spelled = {i for m in mentions + extra for i in initials(m.name)}
    dealers, pending = deal_initialisms(doc, pending, spelled)
    extra += dealers
    mentions = sorted(mentions + extra, key=lambda m: m.first)
    _read_parentheses(doc, mentions)
    for m in mentions:
        _explicit_country(doc, m)
    return mentions, pending


_PRESS_UNITS = frozenset({"service", "office", "secretariat", "department", "centre", "center"})
_PRESS_UNIT = re.compile(r"\bpress (?:service|office|secretariat|department|centre|center) of\b")


def _press_service_mentions(doc: Doc, taken: set[int]) -> list[OrgMention]:
    """"the press office of the President of Kyrgyzstan": a government unit named by whom it speaks for."""
    toks, out = doc.tokens, []
    if "press " not in doc.body or not _PRESS_UNIT.search(doc.body):
        return out
    for k, tok in enumerate(toks[:-3]):
        if tok.key != "press" or tok.is_cap or toks[k + 1].key not in _PRESS_UNITS or toks[k + 2].key != "of":
            continue
        j = k + 3 + (toks[k + 3].key == "the")
        end = j
        while end < len(toks) and (toks[end].is_cap and toks[end].is_word or toks[end].key in ("of", "the")
                                   and end + 1 < len(toks) and toks[end + 1].is_cap) and end - j < 10:
            end += 1
        if end == j or any(i in taken for i in range(j, end)):
            continue
        country = next((t.country for t in toks[j:end] if t.country and t.is_cap), None)
        out.append(OrgMention(k, end - 1, doc.text(k, end - 1), "government", country=country, confidence=0.65,
                              explicit_country=country is not None))
    return out


def _drop_overlaps(mentions: list[OrgMention]) -> list[OrgMention]:
    kept: list[OrgMention] = []
    for m in sorted(mentions, key=lambda m: (m.first - m.last, m.first)):
        if all(m.last < k.first or m.first > k.last for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.first)


def _read_parentheses(doc: Doc, mentions: list[OrgMention]) -> None:
    """"Institute (SPRC)" gives an acronym; "Halvard Analytics (USA)" a country; "ZHTK JSC (Zhetysu
    Heat Transmission Company)" spells out an initialism: one body."""
    by_last = {m.last: m for m in mentions}
    by_first = {m.first: m for m in mentions}
    toks = doc.tokens
    for m in mentions:
        inner = by_first.get(m.last + 2)
        if inner is None or toks[m.last + 1].text != "(" or inner.last + 1 >= len(toks) or toks[inner.last + 1].text != ")":
            continue
        words = m.name.split()
        while len(words) > 1 and words[-1].lower() in lx.LEGAL_FORMS:
            words.pop()
        if len(words) == 1 and _INITIALISM.match(words[0]) and words[0].upper() in initials(inner.name):
            m.alias_of, m.acronym = inner, words[0]
    for m in list(by_last.values()):
        j = m.last + 1
        if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")":
            inner = toks[j + 1]
            if inner.country and inner.is_cap:
                m.country, m.explicit_country = inner.country, True
            elif _INITIALISM.match(inner.text) and not m.acronym:
                m.acronym = inner.text
                for other in mentions:
                    if other.first == j + 1:
                        other.known = other.known or m.known


def _explicit_country(doc: Doc, m: OrgMention) -> None:
    if m.explicit_country:
        return
    if m.known and m.known.country:
        m.country = m.known.country
    for tok in doc.tokens[m.first:m.last + 1]:
        country = tok.country or (lx.CITIES.get(tok.key) if not m.known else None)
        if country and tok.is_cap:
            m.country, m.explicit_country = country, True
            return
    prev = doc.tokens[m.first - 1] if m.first else None
    if prev is not None and prev.country and (prev.possessive or prev.is_cap) and doc.body[prev.end:m.first and doc.tokens[m.first].start].strip(" \u2019's") == "":
        m.country, m.explicit_country = prev.country, True


@dataclass
class _Cluster:
    mentions: list[OrgMention]
    core: str
    country: str | None

    @property
    def first(self) -> int:
        return self.mentions[0].first


def _core(m: OrgMention) -> str:
    """Name without country words, synonyms folded: "Kazakh foreign ministry" -> "ministry of foreign affairs"."""
    if m.known:
        return m.known.name.lower()
    words = [w for w in normalize(m.name).split() if not lx.country_of(w)] or normalize(m.name).split()
    while len(words) > 1 and (words[-1] in lx.ORG_CONNECTORS or words[-1] in lx.LEGAL_FORMS):
        words.pop()  # "Foreign Ministry of Turkmenistan", "Kavirgaz OJSC"
    core = " ".join(words)
    return lx.SYNONYMS.get(core, core)


def _mention_country(m: OrgMention, home: str | None) -> str | None:
    if m.country or m.type in ("international", "media") or (m.known and m.known.type == "international"):
        return m.country
    national = m.name.split()[0].lower() in _NATIONAL_WORDS
    if m.type in ("government", "agency") or national or m.initialism_only and m.type in _DEFAULT_HOME_TYPES:
        return home
    return None


def cluster_organizations(mentions: list[OrgMention], pending: list[Token], home: str | None) -> list[_Cluster]:
    clusters: dict[tuple[str, str | None], _Cluster] = {}
    for m in mentions:
        country = _mention_country(m.alias_of or m, home)
        key = (_core(m.alias_of or m), country)
        if m.acronym and not m.initialism_only:
            for (core, c), other in clusters.items():
                if other.mentions[0].initialism_only and core == m.acronym.lower():
                    key = (core, c)
        elif _INITIALISM.match(m.name) and m.known is None:  # "a department head at ZHTK" after the full name
            key = next((k for k, other in clusters.items()
                        if any(o.acronym == m.name for o in other.mentions)), key)
        clusters.setdefault(key, _Cluster([], key[0], country)).mentions.append(m)
    merged = _merge_countryless(list(clusters.values()))
    _attach_initialisms(merged, pending)
    return merged


def _merge_countryless(clusters: list[_Cluster]) -> list[_Cluster]:
    """A bare "Taliban" joins the qualified "Afghan Taliban" mentioned last before it."""
    out = [c for c in clusters if c.country is not None]
    for c in (c for c in clusters if c.country is None):
        same = [o for o in out if o.core == c.core and o.country is not None]
        if same:
            before = [o for o in same if o.first < c.first] or same
            max(before, key=lambda o: o.first).mentions.extend(c.mentions)
        else:
            out.append(c)
    return sorted(out, key=lambda c: c.first)


@functools.lru_cache(maxsize=1 << 14)
def initials(name: str) -> frozenset[str]:
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    with_links = "".join(w[0] for w in words).upper()
    without = "".join(w[0] for w in words if w.lower() not in lx.ORG_CONNECTORS).upper()
    return frozenset({with_links, without})


def _attach_initialisms(clusters: list[_Cluster], pending: list[Token]) -> None:
    """"the FO said" after "Foreign Office": the initialism is the same body."""
    for tok in pending:
        for c in clusters:
            if any(tok.text.upper().rstrip("S") in initials(m.name) or tok.text == m.acronym for m in c.mentions):
                c.mentions.append(OrgMention(tok.i, tok.i, tok.text, c.mentions[0].type, acronym=tok.text,
                                             confidence=0.6, initialism_only=True))
                break


def to_organization(cluster: _Cluster, doc: Doc) -> ExtractedOrganization:
    ms = sorted(cluster.mentions, key=lambda m: m.first)
    named = [m for m in ms if not m.initialism_only] or ms
    name = max((m.name for m in named), key=lambda n: (len(n.split()), len(n)))
    acronym = next((m.acronym for m in ms if m.acronym), None)
    if acronym is None and all(m.initialism_only or m.name.isupper() for m in named):
        acronym = name if _INITIALISM.match(name) else None
    if acronym is None and cluster.mentions[0].known and cluster.mentions[0].known.acronym:
        known = cluster.mentions[0].known
        acronym = known.acronym if any(m.name == known.acronym for m in ms) else None
    aliases = []
    for m in ms:
        if m.name not in (name, acronym) and m.name not in aliases and normalize(m.name) != normalize(name):
            aliases.append(m.name)
    canonical = cluster.core if cluster.core in lx.SYNONYMS.values() else None
    if canonical and not any(normalize(n) == canonical for n in (name, *aliases)) and _is_plain(cluster, name):
        aliases.append(canonical.title().replace(" Of ", " of "))
    type_ = next((m.type for m in ms if not m.initialism_only), ms[0].type)
    evidence = [doc.evidence(doc.tokens[m.first].start, doc.tokens[m.last].end, m.confidence) for m in ms]
    return ExtractedOrganization(name=name, acronym=acronym, type=type_, country=cluster.country,
                                 aliases=aliases, evidence=evidence)


def _is_plain(cluster: _Cluster, name: str) -> bool:
    """A name without a country word, where the canonical synonym is a fair alias."""
    return not any(lx.country_of(w) for w in name.split())
