"""People of one article: name spans, the title and country around them, then clustering.

A span of name-like capitalized words is a person mention when something says so:
a title or honorific before it ("Commerce Minister Tariq Aslam Baig", "Mr Abenov"),
a title in apposition ("Daulet Abenov, Kazakhstan's ambassador"), a country
possessive ("Pakistan's Tariq Baig"), a speech verb after it, or, with low confidence,
two or more such words and nothing against them. One-word mentions ("Baig", "Abenov")
join the full name they belong to, the most recently mentioned one when several fit.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import lexicon as lx
from . import names, roles
from .countries import appositive_country, possessor_before, postposed_country
from .not_people import is_not_a_person
from .tokens import Doc, Token
from ..records import Evidence, ExtractedPerson

_VOCABULARY = (lx.NON_NAME_WORDS | lx.MONTHS | lx.WEEKDAYS | lx.HONORIFICS | lx.TITLE_HEADS
               | lx.TITLE_MODIFIERS | lx.PORTFOLIO | lx.REGIONS | set(lx.HEAD_TYPES) | lx.NON_ORG_HEADS
               | set(lx.KNOWN_BY_FORM) | lx.PERSON_NOUNS | lx.BUILDING_WORDS)
_TITLE_WORDS = lx.TITLE_HEADS | lx.TITLE_MODIFIERS | lx.PORTFOLIO
_LINKS = {"and", "for", "of", "to", "&", "on"}
_TITLE_WORDS_AND_LINKS = _TITLE_WORDS | _LINKS
_NON_NAME_SUFFIXES = ("ly", "ing", "tion", "ment", "ness", "ity", "ism", "ship")
_ARTICLES = {"the", "a", "an", "his", "her", "their", "its"}

SIGNAL_CONFIDENCE = {"title": 0.9, "honorific": 0.9, "appositive": 0.85, "byline": 0.85,
                     "country": 0.75, "verb": 0.7, "bare": 0.5}


@dataclass
class PersonMention:
    first: int
    last: int
    name: str
    signal: str
    title: str | None = None
    country: str | None = None
    organization: str | None = None
    honorific: str | None = None
    headline: bool = False
    international: bool = False  # the organization is an international body: no national default
    definite: bool = False  # "the" right before the span: "across the Amu Darya"
    counterpart: bool = False  # "his Turkmen counterpart X": X may take the other side's title
    visitor: bool = False  # "the visit of President X", "a visit by X"
    principal: str | None = None  # "Nazarboyev's press secretary, X": whose aide X is
    single: bool = field(init=False)

    def __post_init__(self) -> None:
        self.single = len(names.name_words(self.name)) == 1

    @property
    def confidence(self) -> float:
        return SIGNAL_CONFIDENCE[self.signal]


@dataclass
class Cluster:
    mentions: list[PersonMention] = field(default_factory=list)

    @property
    def full_forms(self) -> list[str]:
        """Distinct forms, so comparing a mention with a cluster costs the same however often
        the person is named (a long story repeats a name hundreds of times)."""
        forms = [m.name for m in self.mentions if not m.single] or [m.name for m in self.mentions]
        return list(dict.fromkeys(forms))

    def words(self) -> set[str]:
        """First and last words of the full forms (what a one-word mention may be)."""
        out = set()
        for form in self.full_forms:
            words = names.name_words(form)
            out |= {names.translit(words[0]), names.translit(names.surname(words)), names.translit("".join(words[-2:]))}
        return out


def is_name_like(tok: Token) -> bool:
    if not tok.is_cap or not _name_like_word(tok.text):
        return False
    return not (tok.sentence_initial and tok.key.endswith(("ing", "ly")))


@functools.lru_cache(maxsize=1 << 16)
def _name_like_word(text: str) -> bool:
    """The context-free part of `is_name_like`, once per distinct word."""
    tok = Token(text, 0, len(text))
    if not (tok.is_word and tok.is_cap) or tok.is_upper or len(tok.text) < 2:
        return False
    if tok.key in _VOCABULARY or lx.place_country(tok.clean):
        return False
    parts = tok.key.split("-")
    return not (len(parts) > 1 and any(p in _VOCABULARY or lx.place_country(p) for p in parts))


_MONTH_ABBREVIATIONS = frozenset({"jan", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})


def _month_as_name(doc: Doc, tok: Token) -> bool:
    """"Akbar Jan", "Jan Harvey": a month abbreviation inside a name, not before a day or a dot."""
    if tok.key not in _MONTH_ABBREVIATIONS:
        return False
    nxt = doc.tokens[tok.i + 1] if tok.i + 1 < len(doc.tokens) else None
    return nxt is None or not (nxt.text[0].isdigit() or nxt.text == ".")


def _initial_after_title(doc: Doc, tok: Token) -> bool:
    """"External Affairs Minister R Varadan": an initial written without its full stop, after a
    title word and before a name on the same line."""
    toks = doc.tokens
    if len(tok.text) != 1 or not tok.text.isupper() or tok.key in ("a", "i") or not 0 < tok.i < len(toks) - 1:
        return False
    prev, nxt = toks[tok.i - 1], toks[tok.i + 1]
    return (prev.key in _TITLE_WORDS or prev.key in lx.HONORIFICS) and doc.body[tok.end:nxt.start] == " " \
        and is_name_like(nxt) and not nxt.sentence_initial


def name_spans(doc: Doc, blocked: set[int]) -> list[tuple[int, int]]:
    spans, toks, done = [], doc.tokens, -1
    for tok in doc.caps:
        i = tok.i
        if i <= done or i in blocked or not (is_name_like(tok) or _initial_after_title(doc, tok)):
            continue
        j = i
        while not toks[j].possessive and j + 1 < len(toks) and doc.body[toks[j].end:toks[j + 1].start] == " ":
            nxt = toks[j + 1]
            if nxt.i not in blocked and not nxt.sentence_initial and (is_name_like(nxt) or _month_as_name(doc, nxt)):
                j += 1
            elif (n := _particles_then_name(doc, j + 1)) is not None:
                j = n  # "Karl von der Heide", "Faisal bin Rashed"
            else:
                break
        if (j > i and j + 1 < len(toks) and toks[j + 1].key in lx.PATRONYMIC_SUFFIXES and not toks[j].possessive
                and doc.body[toks[j].end:toks[j + 1].start] == " "):
            j += 1  # "Nurlan Asanbek uulu"
        spans.append((i, j))
        done = j
    return spans


def _after_a_name(doc: Doc, k: int) -> bool:
    """Token k is the comma after a name: the title that follows is that name's apposition."""
    toks = doc.tokens
    while k >= 0 and toks[k].key in _ARTICLES:
        k -= 1
    return k >= 1 and toks[k].text == "," and is_name_like(toks[k - 1])


def _particles_then_name(doc: Doc, k: int) -> int | None:
    """Index of the name word after one or two particles from token k ("von der Heide"), or None."""
    toks = doc.tokens
    for n in (k + 1, k + 2):
        if n >= len(toks) or any(t.key not in lx.NAME_PARTICLES for t in toks[k:n]):
            return None
        if any(doc.body[a.end:b.start] != " " for a, b in zip(toks[k - 1:n], toks[k:n + 1])):
            return None
        if is_name_like(toks[n]):
            return n
    return None


def _title_tokens_before(doc: Doc, i: int, orgs: dict[int, object]) -> tuple[list[Token], object | None]:
    """Title words (and a country or organization before them) ending at token i."""
    out: list[Token] = []
    org = None
    while i >= 0:
        tok = doc.tokens[i]
        if i in orgs and org is None and (out or title_of(doc, orgs[i].first - 1) is not None):
            org = orgs[i]
            i = org.first - 1
            of = title_of(doc, i)
            if of is not None:
                # "Deputy Chairman of the Cabinet of Ministers and Minister of Energy": one title
                out[:0] = doc.tokens[of:org.last + 1]
                i = of - 1
                continue
            break
        if i in doc.list_commas:  # "Minister of Investment, Industry and Trade"
            out.insert(0, tok)
            i -= 1
            continue
        if tok.possessive and out and i >= 1 and lx.country_of(f"{doc.tokens[i - 1].clean} {tok.clean}"):
            out.insert(0, doc.tokens[i - 1])  # "Saudi Arabia's": the country's first word carries it
            break
        if not tok.is_word or tok.key not in _TITLE_WORDS_AND_LINKS and not tok.country:
            break
        if tok.key == "and" and not out:
            break  # "Davlatov of Tajikistan and Jumabekov ...": the country is the other conjunct's
        if tok.possessive and not tok.country:
            break
        out.insert(0, tok)
        i -= 1
        if tok.possessive or tok.sentence_initial:
            break
    while out and out[0].key in _LINKS:
        out.pop(0)
    return out, org


def _region_before(doc: Doc, i: int) -> int | None:
    """Index of "for" in "envoy for West Africa" ending at token i: a title's area, named
    in capitals that are no title words; None when there is none."""
    toks = doc.tokens
    k = i
    while k >= 0 and i - k < 3 and toks[k].is_word and toks[k].is_cap and not toks[k].possessive \
            and toks[k].key not in _TITLE_WORDS_AND_LINKS and not toks[k].sentence_initial:
        k -= 1
    return k if k < i and k >= 1 and toks[k].key == "for" and toks[k - 1].key in lx.TITLE_HEADS else None


def _region_title(doc: Doc, i: int, orgs: dict[int, object]) -> tuple[list[Token], object | None]:
    """"the fund's head for Southern Europe, X": the title words before "for", then the area."""
    k = _region_before(doc, i)
    before, org = _title_tokens_before(doc, k - 1, orgs)
    return (before + doc.tokens[k:i + 1], org) if before else ([], None)


def _inside_a_name(tokens: list[Token], k: int) -> bool:
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return (nxt is not None and nxt.is_cap and nxt.is_word and not nxt.country
            and nxt.key not in _TITLE_WORDS and not tokens[k].possessive)


# Common nouns that describe a body before its name: "head of the national operator X".
_BODY_DESCRIPTORS = frozenset({"enterprise", "company", "corporation", "firm", "operator", "utility", "concern",
                               "holding", "agency", "bank"})


def title_of(doc: Doc, i: int) -> int | None:
    """Index of "of" in "<title> of (the) (Board of) <organization>" ending at token i, or None;
    also "<title> of the (state) company <organization>"."""
    toks = doc.tokens
    i = _descriptor_start(toks, i)
    of = i - (i >= 0 and toks[i].key == "the")
    if of >= 3 and toks[of].key == "of" and toks[of - 1].key == "board":  # "Chairman of the Board of X"
        inner = of - 2 - (toks[of - 2].key == "the")
        of = inner if inner >= 1 and toks[inner].key == "of" else of
    return of if of >= 1 and toks[of].key == "of" and toks[of - 1].key in lx.TITLE_HEADS else None


def _descriptor_start(toks: list[Token], i: int) -> int:
    """Index of "the" in "the (national) operator" ending at token i, else i unchanged."""
    if i < 1 or toks[i].is_cap or toks[i].key not in _BODY_DESCRIPTORS:
        return i
    for k in range(i - 1, max(-1, i - 4), -1):
        if toks[k].key == "the":
            return k
        if not toks[k].is_word or toks[k].is_cap:
            return i
    return i


def _read_title(tokens: list[Token]) -> tuple[str | None, str | None]:
    """(title, country) from title words: "Kazakhstan's Ambassador to Pakistan" -> ("Ambassador to Pakistan", "Kazakhstan")."""
    heads = [k for k, t in enumerate(tokens) if t.key in lx.TITLE_HEADS]
    country, words = None, []
    for k, tok in enumerate(tokens):
        after_link = k > 0 and tokens[k - 1].key in {"to", "for"}
        if tok.country and _inside_a_name(tokens, k):  # "Chairman of the Board of Uzbekiston Suv Qurilish"
            country = country or (None if after_link else tok.country)
            words.append(tok.clean)
            continue
        if tok.country and not after_link and (not heads or k < heads[0] or tokens[k - 1].key == "of"):
            country = country or tok.country
            if k > 0 and tokens[k - 1].key == "of" and words and words[-1] == "of":
                words.pop()
            continue
        if tok.text == "," and words:
            words[-1] += ","
            continue
        words.append(tok.clean if tok.is_cap else tok.text)
    while words and words[-1].lower() in _LINKS:
        words.pop()
    title = " ".join(words) if heads and words else None
    return title, country


def _appositive_after(doc: Doc, last: int) -> str | None:
    """Title after ", " as in "Sana Mirza, the Prime Minister's adviser on trade policy,"."""
    toks = doc.tokens
    i = last + 1
    if i >= len(toks) or toks[i].text != "," or toks[last].possessive:
        return None
    i += 1
    window = toks[i:i + 8]
    for k, tok in enumerate(window[:6]):
        if tok.possessive:
            i += k + 1
            break
    while i < len(toks) and toks[i].key in _ARTICLES:
        i += 1
    words, seen_head = [], False
    for _ in range(3):  # "member of the Politburo and director of the Office of ...": several titles
        part, i, head = _title_phrase(toks, i)
        seen_head = seen_head or head
        words += part
        if not (head and i + 1 < len(toks) and toks[i].key == "and" and toks[i + 1].key in _TITLE_WORDS):
            break
        words.append("and")
        i += 1
    if i + 2 < len(toks) and toks[i].text == "(" and toks[i + 2].text == ")":  # "... Studies (ISS),"
        i += 3
    if seen_head and i < len(toks) and toks[i].text in {",", ".", "\u2014", ";"}:
        return " ".join(words)
    if seen_head and i + 1 < len(toks) and toks[i].key in _QUALIFIER_LINKS and not toks[i + 1].is_cap:
        return " ".join(words)  # "deputy chairman of the board of the water utility responsible for ...": its head
    return None


_QUALIFIER_LINKS = frozenset({"of", "for", "at", "in"})


def _as_title_after(doc: Doc, last: int) -> str | None:
    """"named X as managing director of the plant": the title after "as"."""
    toks = doc.tokens
    i = last + 1
    if i + 1 >= len(toks) or toks[i].key != "as" or toks[last].possessive:
        return None
    i += 1
    while i < len(toks) and toks[i].key in _ARTICLES:
        i += 1
    words, i, head = _title_phrase(toks, i)
    return " ".join(words) if head and i < len(toks) and toks[i].text in {",", ".", ";"} else None


def _title_phrase(toks: list[Token], i: int) -> tuple[list[str], int, bool]:
    """Words of one title from token i ("director of the Office of X"), the index after it,
    and whether it had a title head."""
    words, seen_head = [], False
    while i < len(toks) and toks[i].is_word and len(words) < 8:
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else tok
        if tok.key in {"for", "of", "to"} and nxt.key not in _TITLE_WORDS:
            break
        org_word = not seen_head and not tok.is_cap and tok.key in lx.HEAD_TYPES  # "the ministry spokesperson"
        adjective = (not words and not tok.is_cap and tok.key not in _ARTICLES and tok.key not in lx.NON_NAME_WORDS
                     and nxt.key in _TITLE_WORDS and nxt is not tok)  # "the economic deputy prime minister"
        if (tok.key in _TITLE_WORDS | {"for", "of", "to"} or seen_head and tok.key in lx.PORTFOLIO or org_word
                or adjective):
            seen_head = seen_head or tok.key in lx.TITLE_HEADS
            words.append(tok.clean if tok.is_cap else tok.text)
            i += 1
        else:
            break
    tail = _tail_end(toks, i) if seen_head else None
    if tail is not None:
        if toks[i].key != "at":  # "Deputy Chairman of the Cabinet" keeps its tail, "economist at X" does not
            words += [t.clean if t.is_cap else t.text for t in toks[i:tail]]
        i = tail
    while words and words[-1].lower() in _LINKS:
        words.pop()
    return words, i, seen_head


def _organization_in_appositive(doc: Doc, mention: PersonMention, orgs: dict[int, object]) -> None:
    """"X, head of the Oil Regulatory Authority," works for that authority, and for its country."""
    for k in range(mention.last + 2, min(len(doc.tokens), mention.last + 16)):
        tok = doc.tokens[k]
        if k in orgs:
            org = orgs[k]
            mention.organization = org.name
            mention.international = org.type == "international" and not mention.country
            mention.country = mention.country or org.country
            return
        if tok.text in {".", ";", "\u2014"}:
            return


def _qualifier_end(toks: list[Token], i: int) -> int | None:
    """End of "of the Cabinet" / "at the American University" after a title, or None."""
    if i >= len(toks) or toks[i].key not in {"of", "for", "at", "to"}:
        return None
    j = i + 1
    while j < len(toks) and toks[j].is_word and (toks[j].is_cap or toks[j].key in lx.ORG_CONNECTORS) and j - i < 14:
        j += 1
    while j > i + 1 and toks[j - 1].key in lx.ORG_CONNECTORS:  # "of the Cabinet and ...": not "and"
        j -= 1
    return j if j > i + 1 else None


_CLOSING = frozenset({",", ".", ";", ")"})


def _tail_end(toks: list[Token], i: int) -> int | None:
    """End of the qualifier after a title: a capitalized one ("of the Cabinet"), else, or when that
    stops short of the apposition's close ("of the Uzbek export bank,"), a lower-case one."""
    named = _qualifier_end(toks, i)
    if named is not None and (named >= len(toks) or toks[named].text in _CLOSING or not toks[named].is_word):
        return named
    return _plain_qualifier_end(toks, i) or named


_BOARDS = frozenset({"board", "supervisory", "executive", "management", "the", "of", "directors"})


def _plain_qualifier_end(toks: list[Token], i: int) -> int | None:
    """End of a lower-case qualifier that runs to the apposition's closing mark: "for administrative
    affairs", "of the board of National Grids of X JSC"."""
    if i >= len(toks) or toks[i].key not in {"of", "for", "at"}:
        return None
    j, board_end = i + 1, None
    while j < len(toks) and toks[j].key in _BOARDS and j - i < 6:
        board_end = j + 1 if toks[j].key in ("board", "directors") else board_end
        j += 1
    if j > i + 1 and toks[j - 1].key == "of" and (end := _qualifier_end(toks, j - 1)) is not None:
        return end  # "of the board of National Water Networks of Uzbekistan JSC"
    if board_end is not None:
        return board_end  # "of the board (of the water utility responsible for ...)"
    j = i + 1
    while (j < len(toks) and toks[j].is_word and (not toks[j].is_cap or toks[j].country and toks[j - 1].key in _ARTICLES)
           and j - i <= 5 and (toks[j].key not in lx.NON_NAME_WORDS or toks[j].key in _ARTICLES or toks[j].country)):
        j += 1  # "of the Uzbek export bank": a demonym after the article
    return j if j > i + 1 and j < len(toks) and toks[j].text in {",", ".", ";", ")"} else None


def read_mention(doc: Doc, first: int, last: int, orgs: dict[int, object]) -> PersonMention | None:
    toks = doc.tokens
    name = doc.text(first, last)
    mention = PersonMention(first, last, name, "bare", headline=toks[first].headline)
    mention.definite = first > 0 and toks[first - 1].key == "the"
    i = first - 1
    if i >= 0 and toks[i].text == "." and i > 0 and toks[i - 1].key.rstrip(".") in lx.HONORIFICS:
        i -= 1
    if i >= 0 and toks[i].key in lx.HONORIFICS and toks[i].is_cap:
        mention.honorific, mention.signal = toks[i].text, "honorific"
        i -= 1
    before, org = _title_tokens_before(doc, i, orgs)
    before, org = _post_before_rank(doc, before, org, orgs)
    if not before and i >= 1 and toks[i].text == "," and _next_is(doc, last, {",", ".", "said", "has", "was"}):
        read_before = _region_title if _region_before(doc, i - 1) else _title_tokens_before
        before, org = read_before(doc, i - 1, orgs)
        before = before if any(t.key in lx.TITLE_HEADS for t in before) else []
        if before and (_appositive_after(doc, last) or _after_a_name(doc, min(before[0].i, org.first if org else len(toks)) - 1)):
            before, org = [], None  # "A, vice-president of X, B, a department head at Y": A's title, not B's
    title, country = _read_title(before)
    ctx = (org.first if org is not None else before[0].i if before else i + 1) - 1
    if org is None:
        led_country, org = _leader_context(doc, ctx, orgs)
        country = country or led_country
    if org is not None:
        mention.organization = org.name
        mention.international = org.type == "international" and not country
        country = country or org.country
    mention.counterpart, counterpart_country = _counterpart_context(doc, ctx)
    country = country or counterpart_country
    mention.visitor = _visitor_context(doc, ctx)
    if title:
        mention.title, mention.signal = title, "title"
    elif i >= 0 and toks[i].key in lx.PERSON_NOUNS:
        mention.signal = "title" if mention.signal == "bare" else mention.signal
    mention.country = country
    if mention.title is None:
        mention.title = (roles.current_post(doc, last, _title_phrase) or _appositive_after(doc, last)
                         or _as_title_after(doc, last)
                         or roles.predicate_title(doc, last, _title_phrase) or roles.labelled_title(doc, first)
                         or roles.credited_title(doc, first))
        if mention.title and mention.signal == "bare":
            mention.signal = "appositive"
        if mention.title and mention.organization is None:
            _organization_in_appositive(doc, mention, orgs)
    if mention.country is None:
        mention.country = (postposed_country(doc, last) or appositive_country(doc, last)
                           or roles.relative_clause_country(doc, last))
    if mention.country is None and mention.title:
        mention.principal = possessor_before(doc, first - 3) if toks[first - 1].text == "," else None
    if mention.signal == "bare" and mention.country:
        mention.signal = "country"
    prev = toks[first - 1] if first else None
    if mention.signal == "bare" and prev is not None and prev.key in {"said", "says", "added", "told"}:
        mention.signal = "verb"
    if mention.signal == "bare" and _next_is(doc, last, lx.SPEECH_VERBS):
        mention.signal = "verb"
    return mention


_RANKS = frozenset({"prince", "princess", "king", "queen", "emir", "sultan", "sheikh", "sheikha"})


def _post_before_rank(doc: Doc, before: list[Token], org, orgs: dict[int, object]) -> tuple[list[Token], object | None]:
    """"Qatar's Minister of Trade, Sheikh X": the post before the comma, not the rank after it."""
    if not before or any(t.key not in _RANKS for t in before) or before[0].i < 2:
        return before, org
    comma = before[0].i - 1
    if doc.tokens[comma].text != ",":
        return before, org
    post, post_org = _title_tokens_before(doc, comma - 1, orgs)
    if any(t.key in lx.TITLE_HEADS and t.key not in _RANKS for t in post):
        return post, post_org
    return before, org


_LEAD_VERBS = frozenset({"led", "headed", "chaired", "represented"})
_COPULAS = frozenset({"was", "is", "were", "are", "be", "been", "being", "will", ","})
_GROUP_NOUNS = frozenset({"delegation", "delegations", "side", "team", "mission", "group", "contingent"})


def _leader_context(doc: Doc, k: int, orgs: dict[int, object]) -> tuple[str | None, object | None]:
    """(country, organization) of the body a person leads, from the words before their title.

    "a delegation of the X Corporation (XC) led by its chairman Y" gives the organization;
    "the Uzbek delegation was headed by Y" and "a delegation from Uzbekistan led by Y" the country.
    `k` is the token just before the title (or the name).
    """
    toks = doc.tokens
    own = k >= 0 and toks[k].key in ("its", "their")
    k -= own
    if k < 1 or toks[k].key != "by" or toks[k - 1].key not in _LEAD_VERBS:
        return None, None
    j = k - 2
    while j >= 0 and toks[j].key in _COPULAS:
        j -= 1
    if j >= 0 and toks[j].text == ")":  # "(CRCC) led by"
        n = j
        while n > 0 and toks[n].text != "(" and j - n < 6:
            n -= 1
        j = n - 1 if toks[n].text == "(" else j
    if j >= 0 and j in orgs:
        return orgs[j].country, orgs[j]
    if own:
        return None, None
    for n in range(j, max(-1, j - 5), -1):
        if toks[n].key in _GROUP_NOUNS:
            return _country_near(toks, n, j), None
        if not toks[n].is_word or toks[n].is_cap and not toks[n].country:
            break
    return None, None


def _country_near(toks: list[Token], noun: int, end: int) -> str | None:
    """Country of "the Kazakh (business) delegation" or "the delegation from Kazakhstan"."""
    for n in range(noun + 1, end + 1):
        if toks[n].is_cap and toks[n].country and toks[n - 1].key in ("from", "of"):
            return toks[n].country
    for n in range(noun - 1, max(-1, noun - 4), -1):
        tok = toks[n]
        if tok.is_cap and tok.country:
            return tok.country
        if not tok.is_word or tok.key in _ARTICLES:
            break
    return None


def _counterpart_context(doc: Doc, k: int) -> tuple[bool, str | None]:
    """"his Turkmen counterpart(,) X": (True, "Turkmenistan")."""
    toks = doc.tokens
    if k >= 0 and toks[k].text == ",":
        k -= 1
    if k < 0 or toks[k].key not in ("counterpart", "counterparts"):
        return False, None
    prev = toks[k - 1] if k else None
    return True, prev.country if prev is not None and prev.is_cap and not prev.possessive else None


def _visitor_context(doc: Doc, k: int) -> bool:
    """"the visit of / a visit by / visiting (President) X"."""
    toks = doc.tokens
    if k >= 0 and toks[k].key == "visiting":
        return True
    return k >= 1 and toks[k].key in ("of", "by") and toks[k - 1].key in lx.VISIT_WORDS


def inherit_counterpart_titles(mentions: list[PersonMention], doc: Doc) -> None:
    """"Foreign Minister A met his Turkmen counterpart B": B is Turkmenistan's Foreign Minister.

    The title comes from the nearest earlier titled person of the same sentence.
    """
    for k, m in enumerate(mentions):
        if not m.counterpart or m.title:
            continue
        sentence = doc.sentence_of(doc.tokens[m.first].start)
        for other in reversed(mentions[:k]):
            if doc.tokens[other.first].start < sentence[0]:
                break
            if other.title and other.country != m.country:
                m.title = other.title.removeprefix("former ").removeprefix("Former ")
                m.signal = "title" if m.signal == "bare" else m.signal
                break


def _next_is(doc: Doc, last: int, words) -> bool:
    nxt = doc.tokens[last + 1] if last + 1 < len(doc.tokens) else None
    return nxt is not None and (nxt.text in words or nxt.key in words and not nxt.is_cap)


def _plausible_bare(m: PersonMention, doc: Doc) -> bool:
    if m.definite:  # "across the Amu Darya": a place or a thing, not a person
        return False
    toks = doc.tokens[m.first:m.last + 1]
    return 2 <= len(toks) <= 4 and not any(t.key.endswith(_NON_NAME_SUFFIXES) for t in toks)


def cluster_mentions(mentions: list[PersonMention], doc: Doc, organizations: frozenset[int] = frozenset()) -> list[Cluster]:
    clusters: list[Cluster] = []
    for headline_pass in (False, True):  # title-case lines only repeat people named elsewhere
        for m in mentions:
            if m.single or m.headline != headline_pass or (m.signal == "bare" and not _plausible_bare(m, doc)):
                continue
            if m.signal == "verb" and m.definite:  # "the Kuksaroy Residence said"
                continue
            if is_not_a_person(m, doc, organizations):
                continue
            target = next((c for c in clusters if names.person_similarity([m.name], c.full_forms) >= 0.85), None)
            if target is None and not headline_pass:
                clusters.append(target := Cluster())
            if target is not None:
                target.mentions.append(m)
    words = {id(c): c.words() for c in clusters}
    for m in mentions:
        if m.single:
            _attach_single(m, clusters, words)
    _countries_of_principals(clusters, words)
    return clusters


def _countries_of_principals(clusters: list[Cluster], words: dict[int, set[str]]) -> None:
    """An aide acts for the country of the person whose aide they are."""
    for cluster in clusters:
        for m in cluster.mentions:
            if m.principal is None or m.country:
                continue
            key = names.translit(names.name_key(m.principal))
            boss = next((c for c in clusters if c is not cluster and key in words[id(c)]), None)
            m.country = next((x.country for x in boss.mentions if x.country), None) if boss else None


def _attach_single(m: PersonMention, clusters: list[Cluster], words: dict[int, set[str]]) -> None:
    key = names.translit(names.name_key(m.name))
    fits = [c for c in clusters if key in words[id(c)]]
    if not fits:
        if m.signal in ("title", "honorific", "appositive") and not m.headline:
            clusters.append(new := Cluster([m]))
            words[id(new)] = new.words()
        return
    if len(fits) > 1:  # "Hameed" with two Hameeds: the one mentioned last before, else the next after
        fits = [max(fits, key=lambda c: _recency(c, m.first))]
        m.signal = "bare" if m.signal == "verb" else m.signal
    fits[0].mentions.append(m)


def _recency(cluster: Cluster, position: int) -> int:
    """Higher for a cluster mentioned just before `position`; clusters only mentioned after rank below."""
    before = [x.first for x in cluster.mentions if x.first < position]
    return max(before) if before else -min(x.first for x in cluster.mentions) - 10**9


def unnamed_title_countries(doc: Doc) -> dict[str, str]:
    """Titles the text gives a country without a name: "the Kazakh president" -> {"president": "Kazakhstan"}."""
    out: dict[str, str] = {}
    toks = doc.tokens
    for tok in doc.caps:
        if not tok.country:
            continue
        words, j = [], tok.i + 1
        while j < len(toks) and len(words) < 3 and toks[j].key.removesuffix("ial") in _TITLE_WORDS:
            words.append(toks[j].key.removesuffix("ial"))
            j += 1
        if words and words[-1] in lx.TITLE_HEADS and (j >= len(toks) or not is_name_like(toks[j])):
            out.setdefault(" ".join(words), tok.country)
    return out


def to_person(cluster: Cluster, doc: Doc, home: str | None, foreign: str | None | Callable[[], str | None],
              title_countries: dict[str, str] | None = None) -> ExtractedPerson:
    ms = cluster.mentions
    name = max((m.name for m in ms), key=lambda n: (len(names.name_words(n)), len(n)))
    name = names.strip_honorific(name)
    aliases: list[str] = []
    for m in sorted(ms, key=lambda m: m.first):
        form = f"{m.honorific} {m.name}" if m.honorific else m.name
        if form != name and form not in aliases:
            aliases.append(form)
    titles = [m.title for m in ms if m.title]
    title = max(titles, key=lambda t: len(t.split()), default=None)
    country = next((m.country for m in ms if m.country), None)
    international = any(m.international for m in ms)  # "European Commission Vice-President X"
    if country is None and title and title.lower() in (title_countries or {}):
        country = title_countries[title.lower()]
    if country is None and title and not international:
        if _visits_home(cluster, doc, home):
            country = foreign() if callable(foreign) else foreign
        else:
            country = home
    evidence = [_evidence(doc, m) for m in sorted(ms, key=lambda m: m.first)]
    org = next((m.organization for m in ms if m.organization), None)
    return ExtractedPerson(name=name, aliases=aliases, title=title, organization=org, country=country,
                           evidence=evidence)


def _evidence(doc: Doc, m: PersonMention) -> Evidence:
    penalty = 0.1 if m.single and m.signal == "bare" else 0.0
    return doc.evidence(doc.tokens[m.first].start, doc.tokens[m.last].end, m.confidence - penalty)


def _visits_home(cluster: Cluster, doc: Doc, home: str | None) -> bool:
    """"President X's visit to Islamabad" in an Islamabad story: X is a visitor, not local."""
    if home is None:
        return False
    for m in cluster.mentions:
        if m.visitor and not _visit_elsewhere(doc, m.last, home):
            return True
        window = doc.tokens[m.last + 1:m.last + 7]
        keys = [t.key for t in window]
        if any(k in lx.VISIT_WORDS for k in keys) and any(t.is_cap and lx.place_country(t.clean) == home for t in window):
            return True
    return False


def _visit_elsewhere(doc: Doc, last: int, home: str) -> bool:
    """"the visit of X to Beijing" in an Astana story: X travels from home, not to it."""
    window = doc.tokens[last + 1:last + 5]
    for a, b in zip(window, window[1:]):
        if a.key == "to" and b.is_cap:
            place = lx.place_country(b.clean)
            return place is not None and place != home
    return False


_TITLE_WORD = re.compile(r"[A-Z][\w\u2019'-]*")


def bilateral_other(title: str, doc: Doc, home: str | None) -> str | None:
    """The other country of a story whose headline or lede names two: "Pakistan, Uzbekistan
    finalise ..." in an Islamabad story gives Uzbekistan; None when that is not clear."""
    if home is None:
        return None
    lede_end = doc.sentences[0][1] if doc.sentences else 0
    named = {lx.country_of(w) or lx.region_country(w) for w in _TITLE_WORD.findall(title)} - {None}
    named |= {t.country for t in doc.caps if t.start < lede_end and t.country}
    others = named - {home}
    return others.pop() if len(others) == 1 and home in named else None


def byline_person(byline: str | None, doc: Doc) -> ExtractedPerson | None:
    """A byline that is a human name ("Nadia Rehman", not "Agencies")."""
    if not byline:
        return None
    words = byline.replace(",", " ").split()
    if not 2 <= len(words) <= 4 or any(not w[0].isupper() or lx.lookup_key(w) in lx.BYLINE_NON_NAMES
                                       or lx.lookup_key(w) in _VOCABULARY or lx.place_country(w) for w in words):
        return None
    start = doc.body.find(byline)
    if start >= 0:
        evidence = doc.evidence(start, start + len(byline), SIGNAL_CONFIDENCE["byline"])
    else:  # the byline line is metadata, not body: a zero-width pointer at the body start
        evidence = Evidence(sentence="", sentence_start=0, sentence_end=0, start=0, end=0,
                            confidence=SIGNAL_CONFIDENCE["byline"])
    return ExtractedPerson(name=byline.strip(), evidence=[evidence])


def most_mentioned_other_country(doc: Doc, home: str | None) -> str | None:
    counts = Counter(t.country for t in doc.caps if t.country and t.country != home)
    return counts.most_common(1)[0][0] if counts else None
