"""Hand-built articles for the events tests: a body, its people and organizations with
Evidence offsets found in the body, as the entities stage would give them."""

from __future__ import annotations

import datetime
import re

from archive.extraction.events.article import extract_events
from archive.extraction.records import (Evidence, ExtractedAgreement, ExtractedArticle, ExtractedMeeting,
                                        ExtractedOrganization, ExtractedPerson)
from archive.extraction.layout.sentences import split_sentences


def _evidence(body: str, forms: list[str]) -> list[Evidence]:
    out = []
    for form in forms:
        for m in re.finditer(re.escape(form), body):
            out.append(Evidence(sentence="", sentence_start=0, sentence_end=0, start=m.start(), end=m.end(),
                                confidence=0.8))
    return out


def person(body: str, name: str, *aliases: str, title: str | None = None, country: str | None = None) -> ExtractedPerson:
    return ExtractedPerson(name=name, aliases=list(aliases), title=title, country=country,
                           evidence=_evidence(body, [name, *aliases]))


def org(body: str, name: str, acronym: str | None = None, type: str = "government",
        country: str | None = None) -> ExtractedOrganization:
    return ExtractedOrganization(name=name, acronym=acronym, type=type, country=country,
                                 evidence=_evidence(body, [name] + ([acronym] if acronym else [])))


def article(body: str, people=(), orgs=(), published: datetime.date | None = None,
            dateline: str | None = None) -> ExtractedArticle:
    """An article whose people/orgs are given as (name, *aliases) tuples or built records."""
    built_people = [p if isinstance(p, ExtractedPerson) else person(body, *p) for p in people]
    built_orgs = [o if isinstance(o, ExtractedOrganization) else org(body, *o) for o in orgs]
    return ExtractedArticle(source_name="test.txt", position=0, title="Test", body=body, published=published,
                            dateline=dateline, people=built_people, organizations=built_orgs)


def events(art: ExtractedArticle) -> tuple[list[ExtractedMeeting], list[ExtractedAgreement]]:
    return extract_events(art, split_sentences(art.body))


def meetings(art: ExtractedArticle) -> list[ExtractedMeeting]:
    return events(art)[0]


def agreements(art: ExtractedArticle) -> list[ExtractedAgreement]:
    return events(art)[1]
