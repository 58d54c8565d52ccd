"""News outlets the body names as its sources: "..., Trend reports.", "© Steppe Wire", "Karvon.uz".

The outlet in the page's metadata is added by `article._add_outlet`; these are the outlets
a text cites or signs with: a name right before "reports"/"reported"/"writes" that closes a
clause, a copyright line, "Follow X's official ... channels", and a bare news domain
("Karvon.uz", "Toolor.kg"), whose country is its country-code domain.
"""

from __future__ import annotations

import re

import pycountry

from .. import lexicon as lx
from .tokens import Doc

_NAME = r"[A-Z0-9][\w.&-]*(?: [A-Z][\w.&-]*){0,3}"
# A clause-closing source verb, and the name just before it (at most four words, after ", " or a line start).
_CITING_VERB = re.compile(r" (?:reports|reported|writes|wrote|informs)(?=[.,;])")
_CITING_NAME = re.compile(rf"(?:^|[,;]\s|\n)({_NAME})$")
_SIGNS = re.compile(rf"(?:\u00a9|\(c\)|Copyright)\s*(?:\d{{4}}\s*)?({_NAME})")
_FOLLOW = re.compile(rf"\bFollow ({_NAME})(?:'s|\u2019s) (?:official|social)")
_DOMAIN = re.compile(r"\b([A-Za-z0-9][\w-]*\.(?:[a-z]{2}|com|net|org|info|news|asia))\b")
_DOT_LETTER = re.compile(r"\.[a-z]")  # what every domain has: a text without it needs no `_DOMAIN` scan
_GENERIC_TLDS = {"com", "net", "org", "info", "news", "asia"}
_MAX_NAME = 60


def outlet_mentions(doc: Doc, taken: set[int]) -> list:
    from .organizations import OrgMention

    out = []
    for kind, start, name in _candidates(doc.body):
        name = name.rstrip(".")
        first = doc._token_index(start)
        last = doc._token_index(start + len(name)) - 1
        if last < first or any(i in taken for i in range(first, last + 1)) or not _plausible(name):
            continue
        domain = kind == "domain"
        out.append(OrgMention(first, last, name if domain else doc.text(first, last), "media",
                              country=_domain_country(name) if domain else None, confidence=0.6,
                              explicit_country=domain))
        taken = taken | set(range(first, last + 1))
    return out


def _candidates(body: str):
    """(kind, offset, name) of each outlet the body cites; cheap substring checks before each regex."""
    for verb in _CITING_VERB.finditer(body):
        m = _CITING_NAME.search(body, max(0, verb.start() - _MAX_NAME), verb.start())
        if m:
            yield "cites", m.start(1), m.group(1)
    for needle, pattern in (("\u00a9", _SIGNS), ("(c)", _SIGNS), ("Copyright", _SIGNS), ("Follow ", _FOLLOW)):
        if needle in body:
            for m in pattern.finditer(body):
                yield "signs", m.start(1), m.group(1)
    for m in _DOMAIN.finditer(body) if _DOT_LETTER.search(body) else ():
        before = body[m.start() - 1] if m.start() else " "
        after = body[m.end()] if m.end() < len(body) else " "
        if before not in "/@." and after not in "/.@-" and not after.isalnum():
            yield "domain", m.start(1), m.group(1)


def _plausible(name: str) -> bool:
    key = lx.lookup_key(name)
    return not (key in lx.NON_NAME_WORDS or lx.country_of(name) or key in lx.TITLE_HEADS or len(name) < 3)


def _domain_country(domain: str) -> str | None:
    tld = domain.rsplit(".", 1)[-1]
    if tld in _GENERIC_TLDS:
        return None
    country = pycountry.countries.get(alpha_2=tld.upper())
    return lx.country_of(country.name) or country.name if country else None
