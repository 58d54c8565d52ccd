"""How agreement mentions relate to their sentence: packages and their items, who signed,
and which state a mention is in when the text gives several.

A package is a counted group of documents signed together ("the two sides signed 12
documents, including an intergovernmental agreement on X ..., worth a total of $1.5
billion"): it is one agreement with a count and a value; the items its "including" list
names, or a following "Among them was ..." sentence, share its status and date. Plural
items of that list without a description of their own ("memorandums of understanding in
agriculture and tourism") are part of the package, not agreements of their own.
"""

from __future__ import annotations

import re

from .agreement_cues import Found, clause
from ..lexicon.events import PACKAGE_HEADS
from .mentions import ArticleMentions, countries_in
from .money import Money, find_money

_I = re.IGNORECASE
_INCLUDING = re.compile(r"^\s*,?\s*(?:including|among\s+them|among\s+which|such\s+as|notably)\b", _I)
_LIST_BEFORE = re.compile(r",?\s*(?:including|among\s+them|among\s+which|such\s+as|notably)\b", _I)
_AMONG_THEM = re.compile(r"^\W*(?:among\s+(?:them|these|those|the\s+(?:documents|agreements|deals))|"
                         r"(?:these|they|those)\s+include[ds]?|one\s+of\s+(?:them|these)|of\s+these|"
                         r"the\s+(?:documents|agreements|deals)\s+include[ds]?)\b", _I)
_TOTAL_VALUE = re.compile(r"\b(?:worth|valued\s+at|amounting\s+to|totall?ing|with\s+a\s+(?:total\s+)?value\s+of)"
                          r"(?:\s+(?:a\s+total\s+of|an\s+estimated|in\s+total|altogether|together))?\s+$", _I)
_APPOSITION = re.compile(r"(?:\s+(?:on|for|between|of|with)\s+[^,;]{1,60}?)?\s*,\s+(?:which\s+was\s+|that\s+was\s+)?(?:signed|inked|concluded|reached|agreed)\b[^,;]{0,60},\s*")
_IN_FORCE = re.compile(r"\b(?:came|comes|come|entered|enters|went)\s+into\s+(?:force|effect)\b|\btook\s+effect\b|"
                       r"\bbecame\s+effective\b|\b(?:has|have|had)\s+been\s+ratified\b|\bwas\s+ratified\b", _I)
_SIGN_VERB = re.compile(r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?|sealed|concluded|exchanged|"
                        r"agreed\s+to\s+(?:establish|set\s+up|create|form|launch)|agreed\s+on)\b", _I)
_SUBJECT_START = re.compile(r"[;:]|,(?=\s+(?:the|a|an)\s)|\s[-\u2013\u2014]{1,2}\s|"
                            r"\b(?:said|says|noted|added|announced|stated|reported|told\s+\w+)\s+(?:that\s+)?")
_SUBJECT_TAIL = re.compile(r"(?:\s+(?:also|have|has|had|jointly|today|yesterday|on\s+\w+day|will|would|shall|could|"
                           r"may|are|is|were|was|set|due|expected|going|plan|plans|planned|to|be|soon))+\s*$", _I)
_PLURAL_HEAD = re.compile(r"\b(?:memoranda|memorandums|mous|agreements|accords|deals|treaties|pacts|contracts|"
                         r"protocols|declarations|documents|instruments|plans|roadmaps)\b", _I)
_CONJUNCT = re.compile(r",?\s+and\s+(?=(?:the\s+)?[A-Z])")
_POSSESSED_NAME = re.compile(r"[A-Z][\w-]*['\u2019]s\s+(?:[a-z][\w-]*\s+){0,4}(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})\s*$")


def is_package(found: Found) -> bool:
    """A counted group of documents ("17 documents", "five agreements")."""
    return found.count is not None and found.count >= 2 and not found.named


def package_head(found: Found) -> bool:
    """Heads such as "documents" that mean agreements only when counted or signed."""
    return not found.named and found.title.split()[-1].lower() in PACKAGE_HEADS


def package_value(text: str, found: Found) -> Money | None:
    """"17 documents, including ..., worth a total of $2.6 billion": the value after the list."""
    if not _INCLUDING.match(text[found.end:]):
        return None
    for money in find_money(text):
        if money.start > found.end and _TOTAL_VALUE.search(text[max(found.end, money.start - 40):money.start]):
            return money
    return None


def in_package_list(text: str, package: Found, item: Found) -> bool:
    """`item` is named in the "including ..." list that follows `package`."""
    if item.start <= package.end or not _INCLUDING.match(text[package.end:]):
        return False
    between = text[package.end:item.start]
    return not re.search(r"[;.]", between) and bool(_LIST_BEFORE.match(between))


def starts_with_among_them(text: str) -> bool:
    """"Among them was a ...", "These included ...": the sentence lists items of the last package."""
    return bool(_AMONG_THEM.match(text))


def plural_undescribed(found: Found, text: str) -> bool:
    """A plural item of a package list that says only its kind and sectors ("memorandums of
    understanding in agriculture")."""
    if found.named or found.count is not None:
        return False
    rest = text[found.end:found.end + 40]
    return bool(_PLURAL_HEAD.search(found.title)) and not re.match(r"\s+(?:on|for|between|to)\b", rest, _I)


def latest_state(text: str, found: Found) -> bool:
    """True when the mention came into force: "An accord on X, signed in 2022, came into force in
    January" (the state after its apposition) or "... which has entered into force"."""
    lo, hi = clause(text, found.start, found.end)
    app = _APPOSITION.match(text, found.end)
    if app:
        _, hi = clause(text, app.end(), app.end() + 1)
        return bool(_IN_FORCE.search(text, app.end(), hi))
    return bool(_IN_FORCE.search(text, lo, hi))


def subject_parties(text: str, found: Found, sent_start: int, mentions: ArticleMentions) -> tuple[list[str], list[str]]:
    """The bodies or countries that sign: the subject before the signing verb ("Azerbaijan's
    SOCAR and Kazakhstan's KazMunayGas signed a memorandum"). Returns (parties, short names
    for a title); both empty unless two parties are found."""
    lo, _ = clause(text, found.start, found.end)
    verb = None
    for m in _SIGN_VERB.finditer(text, 0, found.start):
        verb = m
    if verb is None:
        return [], []
    lo = min(lo, verb.start())
    clause_lo = max((m.end() for m in _SUBJECT_START.finditer(text, 0, verb.start())), default=0)
    subject = _SUBJECT_TAIL.sub("", text[clause_lo:verb.start()])
    parties, short = [], []
    orgs = mentions.orgs_between(sent_start + clause_lo, sent_start + verb.start())
    pieces = _split_subject(subject, [(o.start - sent_start - clause_lo, o.end - sent_start - clause_lo) for o in orgs])
    for a, b in pieces:
        piece = subject[a:b]
        org = next((o for o in reversed(orgs) if a <= o.start - sent_start - clause_lo < b), None)
        if org:
            parties.append(org.name)
            short.append(mentions.article.body[org.start:org.end])  # the name as this sentence writes it
            continue
        possessed = _POSSESSED_NAME.search(piece)
        countries = [c for c in countries_in(piece) if not re.match(r"['\u2019]s\b", piece[c.end:c.end + 2])]
        if countries and not possessed:
            parties.append(countries[-1].name)
            short.append(countries[-1].name)
        elif possessed:
            parties.append(possessed.group("name"))
            short.append(possessed.group("name"))
    if len(parties) != 2 or len(set(parties)) < 2:
        return [], []
    return parties, short


def _split_subject(subject: str, org_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Conjuncts of "A and B" (an "and" inside an organization's name does not split)."""
    cuts = [m for m in _CONJUNCT.finditer(subject) if not any(a <= m.start() < b for a, b in org_spans)]
    if len(cuts) != 1:
        return []
    return [(0, cuts[0].start()), (cuts[0].end(), len(subject))]
