"""Titles stated in other forms than before the name or in apposition after it.

- a predicate in an author's note: "Aigerim Sadykova is a journalist who covers Almaty";
- a label with a colon, as in a wire trailer: "Editor: Li Wei";
- the credits of a wire story: "(Reporting by A in Tashkent; Writing by B; Editing by C)".
"""

from __future__ import annotations

from .. import lexicon as lx
from .tokens import Doc

_CREDITS = {"reporting": "reporter", "writing": "writer", "editing": "editor", "compiled": "compiler"}
_PREDICATE_ARTICLES = frozenset({"a", "an", "the"})


def predicate_title(doc: Doc, last: int, title_phrase) -> str | None:
    """"X is a journalist", "X is an energy analyst who follows ...": the title after "is a"."""
    toks = doc.tokens
    i = last + 1
    if i + 2 >= len(toks) or toks[i].key != "is" or toks[i + 1].key not in _PREDICATE_ARTICLES:
        return None
    words, _, head = title_phrase(toks, i + 2)
    return " ".join(words) if head else None


def labelled_title(doc: Doc, first: int) -> str | None:
    """"Editor: Li Wei": a title word and a colon right before the name."""
    toks = doc.tokens
    if first >= 2 and toks[first - 1].text == ":" and toks[first - 2].key in lx.TITLE_HEADS:
        return toks[first - 2].clean
    return None


def credited_title(doc: Doc, first: int) -> str | None:
    """"Reporting by A", "Editing by C": the wire story's credits."""
    toks = doc.tokens
    k = first - 1
    if k >= 1 and toks[k].key == "by" and toks[k - 1].key in _CREDITS:
        return _CREDITS[toks[k - 1].key]
    return None
