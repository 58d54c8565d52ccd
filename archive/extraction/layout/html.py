"""Saved web pages (.html, .htm): the main text and what the page says of itself, via trafilatura.

The page becomes text in the shape the other stages read: the headline, then the
byline, date and site name as the lines a page prints (`By …`, `Published: …`,
`Source: …`), then the article's paragraphs. A page with no article text is refused.
"""
from __future__ import annotations

import re
from pathlib import Path

import trafilatura

from ..records import InputError

WEB_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
WHOLE_PAGE = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>])", re.I)
MIN_ARTICLE_WORDS = 20


def page_text(markup: str) -> str:
    """The article of a web page as plain text with its metadata lines; InputError when there is none."""
    try:
        document = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
        )
    except (ValueError, TypeError, AttributeError) as exc:  # markup lxml cannot parse at all
        raise InputError(f"unreadable web page ({exc.__class__.__name__})") from None
    body = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(body.split()) < MIN_ARTICLE_WORDS:  # a menu, a login wall, an index of links
        raise InputError("web page with no article text")
    lines = [_own_title(document.title or "", document.sitename or "")]
    if document.author:
        lines.append(f"By {document.author}")
    if document.date:
        lines.append(f"Published: {document.date}")
    if document.sitename:
        lines.append(f"Source: {document.sitename}")
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    return "\n\n".join([line for line in lines if line] + paragraphs)


def is_web_page(source_name: str, text: str) -> bool:
    """A saved page: named .html/.htm, or a whole HTML document whatever its name."""
    return Path(source_name).suffix.lower() in WEB_SUFFIXES or bool(WHOLE_PAGE.match(text[:512]))


def _own_title(title: str, site: str) -> str:
    """`Ministers meet | Steppe Wire` -> `Ministers meet`: a page title often ends with the site's name."""
    if site:
        for separator in (" | ", " - ", " – ", " — ", " :: "):
            if title.endswith(separator + site):
                return title[: -len(separator + site)].strip()
    return title
