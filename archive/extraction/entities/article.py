"""Stage 6: people and organizations of one article, each with the evidence of every mention.

Rules and lexicons, no trained model: organizations first (known bodies, head
words, initialisms; see `organizations`), then people among the remaining
capitalized words (titles, honorifics, appositions; see `people`).
Only general knowledge lives in `lexicon`; nothing here names a person or a
local organization.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .. import lexicon as lx
from .organizations import cluster_organizations, find_mentions, to_organization
from .roles import share_plural_titles
from .people import (
    bilateral_other, byline_person, cluster_mentions, inherit_counterpart_titles, most_mentioned_other_country,
    name_spans, read_mention, title_of, to_person, unnamed_title_countries,
)
from .tokens import Doc
from ..layout.bylines import byline_names
from .names import is_same_person
from ..records import Evidence, ExtractedArticle, ExtractedOrganization, ExtractedPerson


def extract_entities(article: ExtractedArticle, sentences: Sequence) -> tuple[list[ExtractedPerson], list[ExtractedOrganization]]:
    doc = Doc(article.body, sentences)
    home = home_country(article, doc)
    mentions, pending = find_mentions(doc, article.outlet)
    clusters = cluster_organizations(mentions, pending, home)
    organizations = [to_organization(c, doc) for c in clusters if not _only_in_titles(c, doc)]
    _add_outlet(article, organizations)
    org_by_token = _org_index(mentions, clusters)
    blocked = set(org_by_token)
    people_mentions = [read_mention(doc, a, b, org_by_token) for a, b in name_spans(doc, blocked)]
    inherit_counterpart_titles(people_mentions, doc)
    share_plural_titles(people_mentions, doc)
    foreign = functools.cache(lambda: bilateral_other(article.title, doc, home))  # only visitors need it
    titles = unnamed_title_countries(doc)
    people = [to_person(c, doc, home, foreign, titles) for c in cluster_mentions(people_mentions, doc, frozenset(blocked))]
    for signer in reversed(signers(article, doc)):
        if not any(is_same_person([signer.name], [p.name, *p.aliases]) for p in people):
            people.insert(0, signer)
    return people, organizations


def signers(article: ExtractedArticle, doc: Doc) -> list[ExtractedPerson]:
    """The people who signed the story: each name of its byline ("A and B") and of its credits
    ("Reporting by A; Editing by C"), with what the credits say they did ("reporter and writer")."""
    roles: dict[str, list[str]] = {}
    for name, role in article.credits:
        if role not in roles.setdefault(name, []):
            roles[name].append(role)
    names = byline_names(article.byline or "") or ([article.byline] if article.byline else [])
    out = []
    for name in dict.fromkeys([*names, *roles]):
        person = byline_person(name, doc)
        if person:
            person.title = " and ".join(roles.get(name, [])) or None
            out.append(person)
    return out


def home_country(article: ExtractedArticle, doc: Doc) -> str | None:
    """Country of the dateline, else of the city the lede's visit goes to ("a visit to Kabul by
    Uzbekistan's Prime Minister": the hosts are Afghan), else the country the body names most."""
    if article.dateline:
        country = lx.place_country(article.dateline.split(",")[0].strip())
        if country:
            return country
    return visit_destination(doc) or most_mentioned_other_country(doc, None)


_LEDE_SENTENCES = 2


def visit_destination(doc: Doc) -> str | None:
    """Country of the city after "visit(s) to" / "arrived in" in the first sentences, or None."""
    end = doc.sentences[min(_LEDE_SENTENCES, len(doc.sentences)) - 1][1] if doc.sentences else 0
    toks = doc.tokens
    for k, tok in enumerate(toks[:-2]):
        if tok.start >= end:
            break
        if tok.key in lx.VISIT_WORDS and toks[k + 1].key in ("to", "in") and toks[k + 2].is_cap:
            city = toks[k + 2]
            if not city.country and (country := lx.place_country(city.clean)):
                return country
    return None


class _OrgRef:
    """What a person's title context needs of an organization mention."""

    def __init__(self, name: str, country: str | None, first: int, type_: str = "other", last: int = -1) -> None:
        self.name, self.country, self.first, self.type, self.last = name, country, first, type_, last


def _org_index(mentions, clusters) -> dict[int, _OrgRef]:
    """Token index -> organization for every token inside an organization mention."""
    index: dict[int, _OrgRef] = {}
    for cluster in clusters:
        name = max((m.name for m in cluster.mentions if not m.initialism_only),
                   key=len, default=cluster.mentions[0].name)
        for m in cluster.mentions:
            ref = _OrgRef(name, cluster.country, m.first, _cluster_type(cluster), m.last)
            for i in range(m.first, m.last + 1):
                index[i] = ref
    return index


def _only_in_titles(cluster, doc: Doc) -> bool:
    """A body with a generic name ("Cabinet of Ministers", "Security Council") named only as the
    complement of titles ("Deputy Chairman of the Cabinet of Ministers X") is part of those posts,
    not a body the story tells of; its mentions still feed the titles (see `_org_index`)."""
    return all(_generic_name(m.name) and title_of(doc, m.first - 1) is not None for m in cluster.mentions)


_GENERIC_WORDS = frozenset(lx.HEAD_TYPES) | lx.ORG_CONNECTORS | lx.TITLE_HEADS | lx.TITLE_MODIFIERS | lx.PORTFOLIO


def _generic_name(name: str) -> bool:
    """Made only of common words: no proper name and no country in it."""
    return all(lx.lookup_key(w) in _GENERIC_WORDS for w in name.split())


def _cluster_type(cluster) -> str:
    return next((m.type for m in cluster.mentions if not m.initialism_only), cluster.mentions[0].type)


def _add_outlet(article: ExtractedArticle, organizations: list[ExtractedOrganization]) -> None:
    """The outlet the metadata names is a media organization even when the body never says it."""
    if not article.outlet or any(article.outlet in (o.name, *o.aliases) for o in organizations):
        return
    pointer = Evidence(sentence="", sentence_start=0, sentence_end=0, start=0, end=0, confidence=0.8)
    organizations.append(ExtractedOrganization(name=article.outlet, type="media", evidence=[pointer]))
