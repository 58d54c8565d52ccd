"""Run the entity stage on a hand-written body and pick out one record by name."""

from archive.extraction.entities.article import extract_entities
from archive.extraction.entities.names import normalize
from archive.extraction.records import ExtractedArticle
from archive.extraction.layout.sentences import split_sentences


def entities(body: str, dateline: str | None = None, byline: str | None = None, title: str = "t"):
    article = ExtractedArticle(source_name="t.txt", position=0, title=title, body=body, dateline=dateline,
                               byline=byline)
    return extract_entities(article, split_sentences(body))


def person(people, name):
    found = [p for p in people if normalize(p.name) == normalize(name)]
    assert len(found) == 1, [p.name for p in people]
    return found[0]


def org(orgs, name):
    found = [o for o in orgs if normalize(name) in {normalize(n) for n in (o.name, o.acronym or "", *o.aliases)}]
    assert len(found) == 1, [o.name for o in orgs]
    return found[0]
