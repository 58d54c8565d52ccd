"""Tokens of an article body for the entity rules, with lexicon classes and evidence helpers.

A regex tokenizer rather than spaCy's: it keeps hyphenated names ("Kassym-Jomart")
as one token, splits the possessive "'s" off as a flag, and gives exact offsets,
at a fraction of the cost of building a spaCy Doc.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from .. import lexicon as lx
from ..records import Evidence

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., H.E.
    r"|[^\W\d_]\w*(?:[-\u2010\u2013'\u2019]\w+)*"  # words, inner hyphens (en dashes too: "China\u2013Central") and apostrophes
    r"|\d(?:[\d,.]*\d)?"
    r"|\S"
)
_PREFIX_SPLIT = re.compile(r"^([a-z]+)-(?=[A-Z])")  # non-NATO, pro-Kremlin
# Lower-case second parts of real compounds, kept when repairing broken hyphenation.
_COMPOUND_TAILS = frozenset({
    "led", "based", "backed", "owned", "run", "funded", "born", "made", "centric", "linked",
    "anchored", "bound", "style", "type", "level", "wide", "related", "oriented", "specific",
    "era", "controlled", "sponsored", "friendly", "registered", "listed", "affiliated", "i",
})
_CUT_WORD = re.compile(r"-(?<=[^\W\d_]-)[ \n]+[a-z]")  # a letter, "-", a break; the hyphen first for a fast scan
_OPEN_QUOTES = "\"\u201c\u2018'"
_CLOSE_QUOTES = "\"\u201d\u2019'"


@functools.lru_cache(maxsize=1 << 16)
def repair_hyphens(word: str) -> str:
    """Undo line-break hyphenation in a capitalized word: "Turk-men--is-tan" -> "Turkmenistan".

    A hyphen followed by a lower-case letter is noise unless the tail is a compound
    word ("Pakistan-based"); hyphens before capitals ("Nur-Sultan") are kept.
    """
    if "-" not in word:
        return word
    parts = re.split(r"-+", word)
    out = parts[0]
    for part in parts[1:]:
        if part and part[0].islower() and part.lower() not in _COMPOUND_TAILS and out[:1].isupper():
            out += part
        else:
            out += "-" + part
    return out


@functools.lru_cache(maxsize=1 << 16)
def _word_info(text: str) -> tuple:
    """Lexicon facts about one word, computed once per distinct word (not per occurrence)."""
    is_word = text[0].isalpha()
    is_cap = text[0].isupper()
    clean = repair_hyphens(text.replace("\u2013", "-")) if is_cap else text  # an en dash joining names is a hyphen
    return (is_word, is_cap, is_word and len(text) >= 2 and text.isupper(), clean, lx.lookup_key(clean),
            (lx.country_of(clean) or lx.region_country(clean)) if is_cap else None)


class Token:
    """One word or punctuation mark; lexicon look-ups come from a per-word cache."""

    __slots__ = ("text", "start", "end", "i", "possessive", "sentence_initial", "headline",
                 "is_word", "is_cap", "is_upper", "clean", "key", "country")

    def __init__(self, text: str, start: int, end: int, possessive: bool = False, i: int = 0,
                 info: tuple | None = None) -> None:
        self.text = text  # one assignment a field: packing them in tuples costs a third of a token's making
        self.start = start
        self.end = end
        self.possessive = possessive
        self.i = i
        self.sentence_initial = False
        self.headline = False
        self.is_word, self.is_cap, self.is_upper, self.clean, self.key, self.country = info or _word_info(text)


def tokenize(text: str) -> list[Token]:
    """Tokens of `text`; the first word after a line break is flagged sentence-initial.

    The text is read line by line in whitespace-separated chunks, each split into tokens
    once per distinct chunk (`_chunk_tokens`): most chunks are words the article repeats.
    """
    tokens: list[Token] = []
    append = tokens.append
    line_start = 0
    for line_number, line in enumerate(text.split("\n")):
        pos = 0
        after_break = line_number > 0
        for chunk in line.split():
            start = line.find(chunk, pos)
            pos = start + len(chunk)
            base = line_start + start
            for word, offset, end, possessive, opens_line, info in _chunk_tokens(chunk):
                tok = Token(word, base + offset, base + end, possessive, len(tokens), info)
                if after_break and opens_line:
                    tok.sentence_initial = True
                append(tok)
            after_break = False
        line_start += len(line) + 1
    return _join_line_break_hyphens(tokens, text)


@functools.lru_cache(maxsize=1 << 16)
def _chunk_tokens(chunk: str) -> tuple[tuple[str, int, int, bool, bool, tuple], ...]:
    """(text, start and end in the chunk, possessive, opens a line, word facts) of each token of a chunk
    with no whitespace: a plain word is one token; "non-NATO" gives "non" and "NATO",
    "Kazakhstan's" gives "Kazakhstan" with the possessive flag. Only the chunk's first word
    may open a line."""
    return tuple((word, offset, offset + len(word), possessive, may_open_line and _word_info(word)[0], _word_info(word))
                 for word, offset, possessive, may_open_line in _chunk_words(chunk))


def _chunk_words(chunk: str) -> list[tuple[str, int, bool, bool]]:
    """(text, offset in the chunk, possessive, may open a line) of each token of a chunk."""
    if chunk.isalpha():
        return [(chunk, 0, False, True)]
    out = []
    for m in _TOKEN.finditer(chunk):
        word, s = m.group(), m.start()
        if "-" in word and word[0].islower():
            split = _PREFIX_SPLIT.match(word)
            if split:
                out.append((split.group(1), s, False, False))
                word, s = word[split.end():], s + split.end()
        possessive = len(word) > 2 and word[-1] == "s" and word[-2] in "'\u2019"
        if possessive:
            word = word[:-2]
        out.append((word, s, possessive, m.start() == 0))
    return out


def _join_line_break_hyphens(tokens: list[Token], text: str) -> list[Token]:
    """"Sadyr Japa- rov": a word cut by a hyphen at a line end, whose tail starts in lower
    case, is one word again ("Jumabekov", "investment"); "Pakistan- and India-based" is not."""
    if not _CUT_WORD.search(text):
        return tokens
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if (k + 2 < len(tokens) and tok.is_word and tokens[k + 1].text == "-"
                and tokens[k + 1].start == tok.end and _is_cut_tail(tokens[k + 2], text, tokens[k + 1].end)):
            tail = tokens[k + 2]
            joined = Token(tok.text + tail.text, tok.start, tail.end, tail.possessive, len(out))
            joined.sentence_initial = tok.sentence_initial
            out.append(joined)
            k += 3
            continue
        tok.i = len(out)
        out.append(tok)
        k += 1
    return out


def _is_cut_tail(tail: Token, text: str, hyphen_end: int) -> bool:
    gap = text[hyphen_end:tail.start]
    return (bool(gap) and not gap.strip() and tail.is_word and tail.text[0].islower()
            and tail.key not in lx.NON_NAME_WORDS and tail.key not in _COMPOUND_TAILS)


def _is_portfolio(tok: Token) -> bool:
    return tok.is_cap and tok.key in lx.PORTFOLIO and not tok.country


class Doc:
    """Tokens of one body plus the sentences they fall in."""

    def __init__(self, body: str, sentences: Sequence) -> None:
        self.body = body
        self.tokens = tokenize(body)
        self.caps = [t for t in self.tokens if t.is_cap]  # capitalized words: where every rule starts
        self._tok_starts = [t.start for t in self.tokens]
        self.sentences = sorted(((s.start, s.end) for s in sentences), key=lambda se: se[0]) or [(0, len(body))]
        self._starts = [s for s, _ in self.sentences]
        self._mark_sentence_initial()
        self._mark_headlines()
        self.list_commas = self._portfolio_list_commas()

    def sentence_of(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        start = self.body.rfind("\n", 0, offset) + 1
        end = self.body.find("\n", offset)
        return start, (len(self.body) if end < 0 else end)

    def evidence(self, start: int, end: int, confidence: float) -> Evidence:
        s_start, s_end = self.sentence_of(start)
        s_end = max(s_end, end)
        return Evidence(sentence=self.body[s_start:s_end], sentence_start=s_start, sentence_end=s_end,
                        start=start, end=end, confidence=round(confidence, 2))

    def text(self, first: int, last: int) -> str:
        """Surface text of tokens first..last inclusive, hyphenation noise repaired."""
        words = [self.tokens[first].clean]
        for a, b in zip(self.tokens[first:last], self.tokens[first + 1:last + 1]):
            gap = self.body[a.end + (2 if a.possessive else 0):b.start]
            words.append((" " if gap else "") + b.clean)
            if a.possessive:
                words[-2] += "\u2019s" if "\u2019" in self.body[a.end:a.end + 2] else "'s"
        return "".join(words)

    def _portfolio_list_commas(self) -> frozenset[int]:
        """Commas inside a portfolio list after "of"/"for": "Ministry of Investment, Industry and Trade".

        The list must be capitalized portfolio words closed by "and"/"&" plus one more; a
        comma that only separates two names or places ("Ministry of Energy, Kazakhstan") is
        not one.
        """
        toks, out = self.tokens, set()
        for k in [t.i for t in self.tokens if t.text == ","]:
            if k == 0 or k + 1 >= len(toks) or not _is_portfolio(toks[k - 1]):
                continue
            j = k - 1  # back over the list to "of"/"for" after a capitalized word
            while j > 0 and (_is_portfolio(toks[j]) or toks[j].text == "," or toks[j].key in ("and", "&")):
                j -= 1
            if toks[j].key not in ("of", "for") or j == 0 or not toks[j - 1].is_cap:
                continue
            commas, m = [k], k + 1
            while m < len(toks) and (_is_portfolio(toks[m]) or toks[m].text == ","):
                if toks[m].text == ",":
                    commas.append(m)
                m += 1
            if (m + 1 < len(toks) and toks[m].key in ("and", "&") and _is_portfolio(toks[m + 1])
                    and _is_portfolio(toks[m - 1])):
                out.update(commas)
        return frozenset(out)

    def _mark_sentence_initial(self) -> None:
        """First word of each sentence (words after a line break are flagged by `tokenize`)."""
        toks, n = self.tokens, len(self.tokens)
        for start, end in self.sentences:
            j = bisect.bisect_left(self._tok_starts, start)
            while j < n and toks[j].start < end and not toks[j].is_word:
                j += 1
            if j < n and toks[j].start < end:
                toks[j].sentence_initial = True
        if toks:
            toks[0].sentence_initial = True

    def _mark_headlines(self) -> None:
        """Flag title-case lines and quoted titles, whose capitals say nothing about names."""
        for m in re.finditer(r"[^\n]+", self.body):
            self._flag_if_titlecase(m.start(), m.end(), min_words=4, needs_no_period=True)
        for m in re.finditer(r"[\"\u201c]([^\"\u201d\n]{10,300})[\"\u201d]", self.body):
            self._flag_if_titlecase(m.start(1), m.end(1), min_words=3, needs_no_period=False)

    def _flag_if_titlecase(self, start: int, end: int, min_words: int, needs_no_period: bool) -> None:
        line = self.body[start:end].rstrip()
        if needs_no_period and (line.endswith((".", "\u201d", '"', ":", ",", ";")) or "; " in line):
            return  # a sentence cut by a line break, not a headline
        lo = self._token_index(start)
        words = []
        for t in self.tokens[lo:]:
            if t.start >= end:
                break
            if t.is_word:
                words.append(t)
        content = [t for t in words if t.key not in lx.ORG_CONNECTORS and t.key not in {"a", "an", "to", "with", "at", "by", "as", "from"}]
        if len(words) < min_words or not content:
            return
        if sum(t.is_cap for t in content) / len(content) >= 0.8:
            for t in words:
                t.headline = True

    def _token_index(self, offset: int) -> int:
        return bisect.bisect_left(self._tok_starts, offset)
