"""Companies named without a suffix word: an initialism that deals or signs ("another deal with
KOGAZ"), a single name owned by a city ("Abu Dhabi's Zarqon").

An initialism that spells out a body the text names in full ("the FO" for the Foreign Office)
is left to `organizations._attach_initialisms`; only the others are read here, and only in
a sentence about a deal, with the initialism as a party: after "with", "between" or "and",
or before a signing verb.
"""

from __future__ import annotations

from .. import lexicon as lx
from .tokens import Doc, Token

_DEAL_WORDS = frozenset({
    "signed", "sign", "signs", "inked", "deal", "deals", "agreement", "agreements", "contract", "contracts",
    "memorandum", "mou", "partnership", "venture", "invest", "invests", "investment", "supply", "supplies",
    "partnered", "partner", "consortium", "tender", "stake", "acquired", "acquire",
})
_PARTY_BEFORE = frozenset({"with", "between", "and", "by", "from"})
_PARTY_AFTER = frozenset({"signed", "inked", "and", "will", "has", "agreed", "won", "plans", "said"})


def deal_initialisms(doc: Doc, pending: list[Token], spelled: set[str]) -> tuple[list, list[Token]]:
    """(company mentions, initialisms still pending) for initialisms that are parties to a deal."""
    from .organizations import OrgMention

    out, rest = [], []
    for tok in pending:
        if tok.text.upper() not in spelled and len(tok.text) >= 3 and _party_to_a_deal(doc, tok):
            out.append(OrgMention(tok.i, tok.i, tok.text, "company", acronym=tok.text, confidence=0.55))
        else:
            rest.append(tok)
    named = {m.name for m in out}
    extra = [t for t in rest if t.text in named]  # the same initialism elsewhere in the text
    out += [OrgMention(t.i, t.i, t.text, "company", acronym=t.text, confidence=0.55) for t in extra]
    return out, [t for t in rest if t.text not in named]


def _party_to_a_deal(doc: Doc, tok: Token) -> bool:
    toks = doc.tokens
    prev = toks[tok.i - 1] if tok.i else None
    nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
    if not (prev is not None and prev.key in _PARTY_BEFORE or nxt is not None and nxt.key in _PARTY_AFTER):
        return False
    start, end = doc.sentence_of(tok.start)
    return any(t.key in _DEAL_WORDS for t in toks[max(0, tok.i - 30):tok.i + 30] if start <= t.start < end)


def city_owned(doc: Doc, taken: set[int]) -> list:
    """"Abu Dhabi's Zarqon": one capitalized word after a city's possessive is a company of that city."""
    from .organizations import OrgMention
    from .people import is_name_like

    toks, out = doc.tokens, []
    for tok in doc.caps:
        k = tok.i
        if k in taken or k < 1 or not toks[k - 1].possessive or not is_name_like(tok) or tok.possessive:
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and nxt.is_cap and nxt.is_word:
            continue  # "Tashkent's Shavkat ...": more than one word
        city = _city_before(toks, k - 1)
        if city:
            out.append(OrgMention(k, k, tok.clean, "company", country=city, confidence=0.55, explicit_country=True))
    return out


def _city_before(toks: list[Token], k: int) -> str | None:
    for first in (k - 1, k):
        if first < 0 or toks[first].country:
            continue
        text = " ".join(t.clean for t in toks[first:k + 1])
        if all(t.is_cap for t in toks[first:k + 1]) and (country := lx.CITIES.get(lx.lookup_key(text))):
            return country
    return None
