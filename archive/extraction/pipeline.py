"""The extraction pipeline: bytes of a news file in, extracted articles out.

Stages, grouped in packages with no Django import:

    layout/    reading the page
      decode     bytes -> str (encoding detection, bad input -> InputError)
      repair     mojibake, HTML entities and tags, cookie banners (ftfy)
      reflow     hard-wrapped lines joined, words broken at a line end, page furniture
      clean      web-export noise: broken hyphenation, boilerplate lines
      split      one file -> several stories
      metadata   title, outlet, publication date, dateline, byline, body
      sentences  body -> sentences with offsets
    entities/  people and organizations with evidence (within one article)
    events/    meetings and agreements with evidence, their dates and money
    lexicon/   general knowledge the stages read by (countries, titles, ...)

Resolution across articles (one minister in four articles is one Person)
needs the database and lives in `archive.ingest`, using `names` for matching.
"""

from __future__ import annotations

from pathlib import Path

from .entities import extract_entities
from .events import extract_events
from .layout import clean, decode, metadata, reflow, repair, sentences, split
from .records import ExtractedArticle


def extract_file(data: bytes, source_name: str) -> list[ExtractedArticle]:
    """Read one file's bytes into its articles. Raises InputError on bad input."""
    text = clean.clean_text(reflow.reflow(repair.repair_text(decode.decode_bytes(data))))
    articles = []
    for position, story in enumerate(split.split_stories(text)):
        meta = metadata.read_metadata(story)
        article = ExtractedArticle(
            source_name=Path(source_name).name,
            position=position,
            title=meta.title,
            body=meta.body,
            outlet=meta.outlet,
            published=meta.published,
            dateline=meta.dateline,
            byline=meta.byline,
        )
        sents = sentences.split_sentences(article.body)
        article.people, article.organizations = extract_entities(article, sents)
        article.meetings, article.agreements = extract_events(article, sents)
        articles.append(article)
    return articles
