"""Outlet candidates from a page's furniture: mastheads, credits, copyright and follow lines.

Each reader returns the outlet a line names, or None. Which one wins is decided in
`metadata` by rank: the page's own masthead first, then `Published in X`, a copyright
line, an agency tag in the dateline, a byline naming an outlet, `Follow X on …`.
"""
from __future__ import annotations

import re

from ..lexicon.media import AGENCIES, OUTLET_WORDS

COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*[,.]?\s*"
    r"(?P<name>[^\s©].*?)\s*[.,]?\s*(?:all\s+rights\s+reserved.*)?$",
    re.I,
)
SOCIAL = (
    r"(?:telegram|twitter|x|facebook|instagram|youtube|linkedin|tiktok|whatsapp|threads|google\s+news|vk|viber"
    r"|social\s+media)"
)
FOLLOW = re.compile(  # `Follow X on Telegram`, `Subscribe to X's Telegram channel`
    r"(?:^|[,.;:!]\s+)(?:follow|subscribe\s+to|join|like)\s+(?P<name>[^\s].*?)(?:['’\ufffd]s)?\s+(?:official\s+)?"
    rf"(?:on\s+{SOCIAL}\b|{SOCIAL}\b|(?:\w+\s+){{0,3}}channels?\b|(?:news)?letter\b|for\s+(?:the\s+)?latest\b)",
    re.I,
)
SUBSCRIBED = re.compile(r"\bsubscribed\s+to\s+(?P<name>[A-Z][^.,;]{1,50}?)\s*[.,;]?\s*(?:$|unsubscribe)", re.I)
SOURCE = re.compile(r"^(?:source|site)\s*:\s*(?P<name>.{2,60}?)\s*$", re.I)
NOT_OUTLETS = frozenset({"us", "our", "me", "my", "this", "all", "your"})  # `Follow us`, `Join our channel`
MAX_NAME_WORDS = 6


def copyright_outlet(line: str) -> tuple[str | None, int | None] | None:
    """(outlet or None, year or None) of a `© 2025 The Daily Ledger` line, else None."""
    match = COPYRIGHT.match(line.strip())
    if not match:
        return None
    year = re.search(r"(?:19|20)\d\d", line)
    name = _name(re.sub(r"[,.]?\s*(?:19|20)\d\d\s*$", "", match.group("name")))
    if name is None and not line.lstrip().startswith(("©", "(c)", "(C)")):
        return None  # `Copyright law was changed.` is a sentence
    return name, int(year.group()) if year else None


def follow_outlet(line: str) -> str | None:
    line = line.strip()
    match = FOLLOW.search(line) or SUBSCRIBED.search(line)
    return _name(match.group("name")) if match else None


def source_outlet(line: str) -> str | None:
    match = SOURCE.match(line.strip())
    return _name(match.group("name")) if match else None


def is_agency(text: str) -> bool:
    return text.strip().lower() in AGENCIES


def is_masthead(line: str) -> bool:
    """A page's name printed above the headline: short, not a sentence, an outlet word in it."""
    words = re.findall(r"[\w.'’-]+", line)
    if not 1 <= len(words) <= MAX_NAME_WORDS or line.rstrip()[-1:] in ".!?:;,":
        return False
    if is_agency(line):
        return True
    return line[:1].isupper() and any(w.lower() in OUTLET_WORDS for w in words)


def _name(text: str) -> str | None:
    name = re.split(r"['’\ufffd]s\b", text)[0].strip(" .,:;-–—'\"")
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or words[0].lower() in NOT_OUTLETS or not name[:1].isalnum():
        return None
    if not (name[:1].isupper() or name[:1].isdigit() or "." in words[0]):  # `kun.uz` is a name, `law` is not
        return None
    return name
