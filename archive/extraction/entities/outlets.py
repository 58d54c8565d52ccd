"""News outlets the body names as its sources: "..., Trend reports.", "© TOLOnews", "Kun.uz".

The outlet in the page's metadata is added by `article._add_outlet`; these are the outlets
a text cites or signs with: a name right before "reports"/"reported"/"writes" that closes a
clause, a copyright line, "Follow X's official ... channels", and a bare news domain
("Gazeta.uz", "24.kg"), whose country is its country-code domain.
"""

from __future__ import annotations

import re

import pycountry

from .. import lexicon as lx
from .tokens import Doc

_NAME = r"[A-Z0-9][\w.&-]*(?: [A-Z][\w.&-]*){0,3}"
_CITES = re.compile(rf"(?:(?<=[,;]\s)|(?<=^)|(?<=\n))({_NAME}) (?:reports|reported|writes|wrote|informs)(?=[.,;])", re.M)
_SIGNS = re.compile(rf"(?:\u00a9|\(c\)|Copyright)\s*(?:\d{{4}}\s*)?({_NAME})")
_FOLLOW = re.compile(rf"\bFollow ({_NAME})(?:'s|\u2019s) (?:official|social)")
_DOMAIN = re.compile(r"(?<![\w/@.])((?:[A-Za-z0-9][\w-]*)\.(?:[a-z]{2}|com|net|org|info|news|asia))(?![\w/.@-])")
_GENERIC_TLDS = {"com", "net", "org", "info", "news", "asia"}


def outlet_mentions(doc: Doc, taken: set[int]) -> list:
    from .organizations import OrgMention

    out = []
    for pattern in (_CITES, _SIGNS, _FOLLOW, _DOMAIN):
        for m in pattern.finditer(doc.body):
            name = m.group(1).rstrip(".")
            first = doc._token_index(m.start(1))
            last = doc._token_index(m.start(1) + len(name)) - 1
            if last < first or any(i in taken for i in range(first, last + 1)) or not _plausible(name):
                continue
            out.append(OrgMention(first, last, doc.text(first, last) if pattern is not _DOMAIN else name, "media",
                                  country=_domain_country(name) if pattern is _DOMAIN else None, confidence=0.6,
                                  explicit_country=pattern is _DOMAIN))
            taken = taken | set(range(first, last + 1))
    return out


def _plausible(name: str) -> bool:
    key = lx.lookup_key(name)
    return not (key in lx.NON_NAME_WORDS or lx.country_of(name) or key in lx.TITLE_HEADS or len(name) < 3)


def _domain_country(domain: str) -> str | None:
    tld = domain.rsplit(".", 1)[-1]
    if tld in _GENERIC_TLDS:
        return None
    country = pycountry.countries.get(alpha_2=tld.upper())
    return lx.country_of(country.name) or country.name if country else None
