"""Stage 2: repair text that went through a bad export, after decoding and before re-flow.

* mojibake (`â€™`, `Ã©`, doubly encoded UTF-8) and HTML entities (`&amp;`, `&#8217;`,
  `&nbsp;`) are repaired by ftfy, the library made for it; curly quotes and the line
  layout are left as they are (offsets and the line-based stages depend on them);
* HTML residue: a `<meta>` tag that carries the publication time, site name or author
  becomes a plain metadata line (`Published: 2031-03-09T08:15:00+05:00`) so the metadata
  stage reads it like any printed date line; every other tag is dropped;
* a cookie or consent banner line is dropped.

Repair never adds or removes a story's words otherwise; it returns text of one line
convention with no tags.
"""
from __future__ import annotations

import re

import ftfy

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=True, uncurl_quotes=False, fix_character_width=False, fix_line_breaks=False,
    normalization="NFC", explain=False,
)
SUSPECT = re.compile(r"[ÂÃâÅÐÑ€™&\x80-\x9f]|ï¿")  # mojibake lead bytes or an entity: ftfy has work to do
TAG_CANDIDATE = re.compile(r"<[/!a-zA-Z]")
META_TAG = re.compile(r"<meta\b(?P<attrs>[^<>]*)>", re.I)
META_ATTR = re.compile(r"""(?P<key>property|name|itemprop|content)\s*=\s*(?P<q>["'])(?P<value>.*?)(?P=q)""", re.I)
SCRIPT = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", re.I | re.S)
TAG = re.compile(r"<(?:/?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?|!--.*?--|![a-zA-Z][^<>]*)>", re.S)
META_LINES = {  # what a meta tag's property says, as the line a page would print
    "published": "Published: {}",
    "site_name": "Source: {}",
    "author": "Author: {}",
}
META_KIND = (
    (re.compile(r"(?:published_time|datepublished|pubdate|publish[_-]?date|date$|dc\.date)", re.I), "published"),
    (re.compile(r"site_name$|publisher$", re.I), "site_name"),
    (re.compile(r"(?:^|:)author$", re.I), "author"),
)
COOKIE_LINE = re.compile(
    r"\b(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b|\bcookie\s+(?:policy|settings|preferences|consent)\b"
    r"|\baccept\s+(?:all\s+)?cookies\b|\bstoring\s+of\s+cookies\b",
    re.I,
)
MAX_BANNER_WORDS = 80


def repair_text(text: str) -> str:
    """Mojibake and entities fixed, tags gone (meta tags read into lines), banners dropped."""
    if SUSPECT.search(text):
        text = ftfy.fix_text(text, FTFY_CONFIG)
    if TAG_CANDIDATE.search(text):
        text = META_TAG.sub(_meta_line, text)
        text = TAG.sub("", SCRIPT.sub("", text))
    if "cookie" not in text.lower() or not COOKIE_LINE.search(text):  # most pages have no banner line
        return text
    return "\n".join(line for line in text.split("\n") if not is_cookie_banner(line))


def is_cookie_banner(line: str) -> bool:
    return len(line.split()) <= MAX_BANNER_WORDS and bool(COOKIE_LINE.search(line))


def _meta_line(match: re.Match) -> str:
    attrs = {m.group("key").lower(): m.group("value") for m in META_ATTR.finditer(match.group("attrs"))}
    name = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
    content = " ".join(attrs.get("content", "").split())
    if not content:
        return ""
    for pattern, kind in META_KIND:
        if pattern.search(name):
            return META_LINES[kind].format(content)
    return ""
