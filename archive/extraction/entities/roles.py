"""Titles stated in other forms than before the name or in apposition after it.

- a predicate in an author's note: "Aigerim Sadykova is a journalist who covers Almaty";
- a label with a colon, as in a wire trailer: "Editor: Li Wei";
- the credits of a wire story: "(Reporting by A in Tashkent; Writing by B; Editing by C)";
- the present post in a relative clause that also tells a former one: "A, who was
  energy minister until 2021 and currently holds the office of Deputy Speaker,".
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


_NOW_WORDS = frozenset({"now", "currently"})
_POST_NOUNS = frozenset({"post", "posts", "position", "positions", "office", "offices", "title", "titles"})
_CLAUSE_ENDS = frozenset({".", ";", "\u2014", "(", ")"})
_ARTICLES = frozenset({"the", "a", "an"})


def current_post(doc: Doc, last: int, title_phrase) -> str | None:
    """"X, who was A until 2021 and currently holds the offices of B and C": B and C, not A.

    Only a relative clause after the name with "now"/"currently" followed by "holds the office(s)
    of", "serves as" or "is" gives a title here; anything else is left to the other readings.
    """
    toks = doc.tokens
    if last + 2 >= len(toks) or toks[last + 1].text != "," or toks[last + 2].key != "who":
        return None
    for k in range(last + 3, min(len(toks) - 2, last + 40)):
        if toks[k].text in _CLAUSE_ENDS:
            return None
        if toks[k].key not in _NOW_WORDS:
            continue
        start = _after_articles(toks, k + 1) if toks[k - 1].key == "is" else _post_start(toks, k + 1)
        if start is not None:  # "who is now (the) B" / "who currently holds the office of B"
            return _titles_from(toks, start, title_phrase)
    return None


_PREDICATE_LINKS = frozenset({"as", "was", "is"})


def relative_clause_country(doc: Doc, last: int) -> str | None:
    """"X, who was Kazakhstan's energy minister ...": the country whose post the clause names."""
    toks = doc.tokens
    if last + 2 >= len(toks) or toks[last + 1].text != "," or toks[last + 2].key != "who":
        return None
    for k in range(last + 3, min(len(toks), last + 40)):
        tok = toks[k]
        if tok.text in _CLAUSE_ENDS:
            return None
        if tok.country and tok.possessive and toks[k - 1].key in _PREDICATE_LINKS:
            return tok.country
    return None


def _post_start(toks: list, i: int) -> int | None:
    """Index of the title after "holds the office(s) of", "serves as (the)", "is (the)" at token i."""
    if i + 1 >= len(toks):
        return None
    verb = toks[i].key
    i += 1
    if verb in ("holds", "occupies"):
        i += toks[i].key in _ARTICLES
        if i + 1 >= len(toks) or toks[i].key not in _POST_NOUNS or toks[i + 1].key != "of":
            return None
        i += 2
    elif verb == "serves" and toks[i].key == "as" or verb == "is":
        i += verb == "serves"
    else:
        return None
    return _after_articles(toks, i)


def _after_articles(toks: list, i: int) -> int:
    while i < len(toks) and toks[i].key in _ARTICLES:
        i += 1
    return i


def _titles_from(toks: list, i: int, title_phrase) -> str | None:
    """One title or several joined by "and" ("Deputy Speaker and Special Envoy for Water")."""
    words = []
    for _ in range(3):
        part, i, head = title_phrase(toks, i)
        if not head:
            break
        words += part
        if not (i + 1 < len(toks) and toks[i].key == "and" and toks[i + 1].key in _TITLE_RUN_WORDS):
            break
        words.append("and")
        i += 1
    while words and words[-1] == "and":
        words.pop()
    return " ".join(words) or None


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


_PLURAL_ENDINGS = (("men", "man"), ("persons", "person"), ("s", ""))
_LIST_INTRODUCERS = frozenset({"-", "\u2013", "\u2014", ":"})
_TITLE_RUN_WORDS = lx.TITLE_HEADS | lx.TITLE_MODIFIERS | lx.PORTFOLIO


def singular_title_head(word: str) -> str | None:
    """"ministers" -> "minister", "chairmen" -> "chairman"; None when `word` is no plural title head."""
    key = word.lower()
    for plural, single in _PLURAL_ENDINGS:
        if key.endswith(plural) and (stem := key[: len(key) - len(plural)] + single) in lx.TITLE_HEADS and stem != key:
            return word[: len(word) - len(plural)] + single
    return None


def share_plural_titles(mentions: list, doc: Doc) -> None:
    """A plural title before a list of names is each one's title, in the singular.

    "energy ministers A of X, B of Y and C of Z" and "the foreign ministers of the two states
    - A and B -" make each of A, B and C an energy (foreign) minister.
    """
    k = 0
    while k < len(mentions):
        run = _coordinated_run(mentions, k, doc)
        title = _plural_title(run[0], doc) if len(run) >= 2 else None
        if title:
            for m in run:
                if m is run[0] or m.title is None:
                    m.title = title
                    m.signal = "title" if m.signal == "bare" else m.signal
        k += len(run)


def _coordinated_run(mentions: list, k: int, doc: Doc) -> list:
    """Mentions k, k+1, ... joined only by ",", "and" and an "of <country>" after each name."""
    run = [mentions[k]]
    for m in mentions[k + 1:]:
        if not _joined(doc, run[-1].last + 1, m.first):
            break
        run.append(m)
    return run


def _joined(doc: Doc, i: int, end: int) -> bool:
    toks = doc.tokens
    if i + 1 < end and toks[i].key == "of":  # "A of Kazakhstan, B ..."
        i += 1
        while i < end and (toks[i].country or toks[i].key == "the"):
            i += 1
    gap = [t.key for t in toks[i:end]]
    return gap in ([","], ["and"], [",", "and"])


def _plural_title(first, doc: Doc) -> str | None:
    """The plural title the list opens with, singular: in the first mention's own title, or
    the nearest plural title head before a dash or colon that opens the list."""
    if first.title:
        words = first.title.split()
        single = singular_title_head(words[-1])
        return " ".join([*words[:-1], single]) if single else None
    toks = doc.tokens
    k = first.first - 1
    if k < 1 or toks[k].text not in _LIST_INTRODUCERS:
        return None
    sentence_start = doc.sentence_of(toks[first.first].start)[0]
    for head in range(k - 1, max(-1, k - 20), -1):
        tok = toks[head]
        if tok.start < sentence_start or tok.is_cap and not tok.country and not tok.sentence_initial:
            return None  # a name (or an organization) comes between: the list is not the title's
        single = singular_title_head(tok.text) if tok.is_word else None
        if single:
            words = [single]
            for prev in reversed(toks[max(0, head - 4):head]):
                if not prev.is_word or prev.key not in _TITLE_RUN_WORDS:
                    break
                words.insert(0, prev.text)
            return " ".join(words)
    return None
