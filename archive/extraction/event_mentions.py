"""The article's mention index for the events stage, built without a regex per name.

`mentions.ArticleMentions` finds each name form with a regex compiled for that form; in a
stream of articles nearly every name is new, so compiling dominated the events stage.
`EventMentions` finds the same spans with a plain scan: the form's words in order,
separated by whitespace or hyphens/dashes, not inside a longer word. Everything else
(resolution of "he", "his delegation", counterparts...) is `ArticleMentions`'.
"""

from __future__ import annotations

import re
from collections import Counter

from functools import lru_cache

from .lexicon.geography import CITIES
from .mentions import (_HONORIFICS, _NOT_NAME_WORDS, ArticleMentions, Mention, _keep_longest, _spans_of,
                       _strip_honorific, country_of_word)
from .records import ExtractedArticle, ExtractedPerson

_SPLIT = re.compile(r"[\s\-\u2010-\u2015]+")
_SEPARATORS = frozenset(" \t\n\r\f\v-\u2010\u2011\u2012\u2013\u2014\u2015\u00a0\u2028\u2029")


def find_spans(text: str, forms: set[str], ignore_case: bool) -> list[tuple[int, int]]:
    """Where the forms occur as whole words (the spans `mentions._spans_of` gives)."""
    hay = text.lower() if ignore_case else text
    if len(hay) != len(text):  # case folding changed offsets
        return _spans_of(text, forms, ignore_case)
    spans = []
    for form in forms:
        words = [w for w in _SPLIT.split(form.strip()) if w]
        if len(form) < 2 or not words:
            continue
        if ignore_case:
            words = [w.lower() for w in words]
        first = words[0]
        i = hay.find(first)
        while i >= 0:
            end = _match_at(hay, i, words)
            if end and not (i and _word_char(hay[i - 1])) and not (end < len(hay) and _word_char(hay[end])):
                spans.append((i, end))
            i = hay.find(first, i + 1)
    return spans


def _match_at(hay: str, pos: int, words: list[str]) -> int:
    n = len(hay)
    for k, word in enumerate(words):
        if k:
            j = pos
            while j < n and hay[j] in _SEPARATORS:
                j += 1
            if j == pos:
                return 0
            pos = j
        if not hay.startswith(word, pos):
            return 0
        pos += len(word)
    return pos


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_" or c == "-"


_CAP_RUN = re.compile(r"[A-Z][\w\u2019'.]*(?:[\s\-][A-Z][\w\u2019'.]*)*")
_CAP_WORD = re.compile(r"[A-Z][\w\u2019'.]*")

country = lru_cache(maxsize=8192)(country_of_word)


def countries_in(text: str) -> list[Mention]:
    """`mentions.countries_in` with the word look-up cached."""
    out: list[Mention] = []
    for run in _CAP_RUN.finditer(text):
        group = run.group()
        words = [(m.start(), m.end()) for m in _CAP_WORD.finditer(group)]
        i = 0
        while i < len(words):
            for n in range(min(4, len(words) - i), 0, -1):
                a, b = words[i][0], words[i + n - 1][1]
                name = country(group[a:b].rstrip("."))
                if name:
                    out.append(Mention(run.start() + a, run.start() + b, name, "country"))
                    i += n
                    break
            else:
                i += 1
    return out


class EventMentions(ArticleMentions):
    """`ArticleMentions` with spans found by `find_spans` and cached country look-ups."""

    @classmethod
    def build(cls, article: ExtractedArticle) -> "EventMentions":
        self = cls(article)
        self.orgs = self._find_orgs()
        self.persons = [p for p in self._find_persons()
                        if not any(p.start < o.end and o.start < p.end for o in self.orgs)]
        self.countries = countries_in(article.body)
        return self

    @staticmethod
    def _name_tokens(person: ExtractedPerson) -> list[str]:
        tokens = re.split(r"[\s\-]+", person.name)
        return [t for t in tokens if len(t) >= 3 and t[0].isupper() and t.lower() not in _NOT_NAME_WORDS
                and t.lower() not in _HONORIFICS and not country(t) and t.lower() not in CITIES]

    def _find_orgs(self) -> list[Mention]:
        body, found = self.article.body, []
        for org in self.article.organizations:
            spans = find_spans(body, {org.name, *org.aliases} - {""}, ignore_case=True)
            if org.acronym:
                spans += find_spans(body, {org.acronym}, ignore_case=False)
            spans += [(e.start, e.end) for e in org.evidence if 0 <= e.start < e.end <= len(body)]
            found += [Mention(s, e, org.name, "org") for s, e in spans]
        return _keep_longest(found)

    def _find_persons(self) -> list[Mention]:
        body, found = self.article.body, []
        token_owners: Counter = Counter()
        for person in self.article.people:
            for tok in set(self._name_tokens(person)):
                token_owners[tok] += 1
        for person in self.article.people:
            forms = {person.name, *person.aliases}
            forms |= {_strip_honorific(f) for f in forms}
            forms |= {t for t in self._name_tokens(person) if token_owners[t] == 1}
            spans = find_spans(body, {f for f in forms if f}, ignore_case=False)
            spans += [(e.start, e.end) for e in person.evidence if 0 <= e.start < e.end <= len(body)]
            found += [Mention(s, e, person.name, "person") for s, e in spans]
        return _keep_longest(found)
