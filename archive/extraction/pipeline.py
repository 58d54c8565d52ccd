"""The extraction pipeline: bytes of a news file in, extracted articles out.

Stages, grouped in packages with no Django import:

    layout/    reading the page
      decode     bytes -> str (encoding detection, bad input -> InputError)
      html       a saved web page -> its main text and metadata lines (trafilatura)
      repair     mojibake, HTML entities and tags, cookie banners (ftfy)
      reflow     hard-wrapped lines joined, words broken at a line end, page furniture
      clean      web-export noise: broken hyphenation, boilerplate lines
      split      one file -> several stories (pages, Related blocks, digests)
      metadata   title, outlet, publication date, dateline, byline, body; read with
                 dates_lines, datelines, outlets, bylines, furniture
      sentences  body -> sentences with offsets
    entities/  people and organizations with evidence (within one article)
    events/    meetings and agreements with evidence, their dates and money
    lexicon/   general knowledge the stages read by (countries, titles, ...)
    scoring/   each record's features and its confidence under the model in use

Resolution across articles (one minister in four articles is one Person)
needs the database and lives in `archive.ingest`, using `names` for matching.
"""

from __future__ import annotations

from pathlib import Path

from .entities import extract_entities
from .events import extract_events
from .layout import clean, decode, html, metadata, reflow, repair, sentences, split
from .records import ExtractedArticle
from .scoring import score_article


def warm_up() -> None:
    """Build the tables the stages load on first use (gazetteers, word lists, the sentencizer, the
    confidence model): a process that forks extraction workers after this builds them once for all."""
    from .entities import places
    from .layout.sentences import _nlp
    from .lexicon.events import _capitals
    from .scoring import default_model
    from .scoring.features import _demonyms

    places.is_place("")
    clean.word_frequencies()
    _nlp()
    _capitals()
    _demonyms()
    default_model()


def extract_file(data: bytes, source_name: str) -> list[ExtractedArticle]:
    """Read one file's bytes into its articles. Raises InputError on bad input."""
    return extract_text(read_text(data, source_name), source_name)


def read_text(data: bytes, source_name: str) -> str:
    """Bytes to repaired, re-flowed text (a saved web page through its main text)."""
    text = decode.decode_bytes(data)
    if html.is_web_page(source_name, text):
        text = html.page_text(text)
    return clean.clean_text(reflow.reflow(repair.repair_text(text)))


def extract_text(text: str, source_name: str) -> list[ExtractedArticle]:
    page = split.split_page(text)
    metas = [metadata.read_metadata(story) for story in page.stories]
    _share_page_metadata(page, metas)
    articles = []
    for position, meta in enumerate(metas):
        article = ExtractedArticle(
            source_name=Path(source_name).name,
            position=position,
            title=meta.title,
            body=meta.body,
            outlet=meta.outlet,
            published=meta.published,
            dateline=meta.dateline,
            byline=meta.byline,
            credits=meta.credits,
        )
        sents = sentences.split_sentences(article.body)
        article.people, article.organizations = extract_entities(article, sents)
        article.meetings, article.agreements = extract_events(article, sents)
        score_article(article)
        articles.append(article)
    return articles


def _share_page_metadata(page: split.Page, metas: list[metadata.StoryMetadata]) -> None:
    """What the page says of itself holds for each of its stories: a digest's masthead and
    date, and an outlet named by the page's furniture (masthead, copyright, follow line)."""
    furniture = "\n\n".join(part for part in (page.header, page.trailer) if part)
    if furniture:
        own = metadata.read_metadata(furniture)
        for meta in metas:
            meta.outlet = meta.outlet or own.outlet
            meta.published = meta.published or own.published
    page_outlet = next((meta.page_outlet for meta in metas if meta.page_outlet), None)
    for meta in metas:
        meta.outlet = meta.outlet or page_outlet
