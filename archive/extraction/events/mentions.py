"""Where the article's people, organizations and countries are mentioned, and who "he",
"his delegation", "his counterpart" or "the Kazakh president" is.

Built once per article for the events stage. Person and organization spans come from the
entities' Evidence offsets and from searching their names and aliases in the body; a single
name word ("Baig", "Daulet") counts when no other person of the article has it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..lexicon.events import ROLE_WORDS
from ..lexicon.geography import CITIES, COUNTRIES, DEMONYMS
from ..records import ExtractedArticle, ExtractedPerson

_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "madam", "h.e.", "he", "prof", "gen", "lt"}
_NOT_NAME_WORDS = {"the", "of", "and", "al", "bin", "ibn", "de", "van", "von", "le", "la", "el"}
_APOSTROPHE = "['\u2019]"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str  # person or organization name, or country name
    kind: str  # "person" | "org" | "country"


_FORM_SPLIT = re.compile(r"[\s\-\u2010-\u2015]+")
_SEPARATORS = frozenset(" \t\n\r\f\v-\u2010\u2011\u2012\u2013\u2014\u2015\u00a0\u2028\u2029")


def _form_words(form: str) -> list[str]:
    words = [w for w in _FORM_SPLIT.split(form.strip()) if w]
    return words if len(form) >= 2 else []


def _occurrences(hay: str, needle: str):
    i = hay.find(needle)
    while i >= 0:
        yield i
        i = hay.find(needle, i + 1)


def _spans_of(text: str, forms: set[str], ignore_case: bool) -> list[tuple[int, int]]:
    """Where the forms occur as whole words: a plain scan for each form's words in order,
    separated by whitespace or hyphens/dashes, not inside a longer word (no regex per name:
    in a stream of articles nearly every name is new, and compiling dominated)."""
    hay = text.lower() if ignore_case else text
    if len(hay) != len(text):  # case folding changed offsets
        return _regex_spans(text, forms, ignore_case)
    spans = []
    for form in forms:
        words = [w.lower() for w in _form_words(form)] if ignore_case else _form_words(form)
        for i in (_occurrences(hay, words[0]) if words else ()):
            end = _match_at(hay, i, words)
            if end and not (i and _word_char(hay[i - 1])) and not (end < len(hay) and _word_char(hay[end])):
                spans.append((i, end))
    return spans


def _match_at(hay: str, pos: int, words: list[str]) -> int:
    """End of `words` read from `pos`, separators between them; 0 if they are not there."""
    for k, word in enumerate(words):
        if k:
            j = pos
            while j < len(hay) and hay[j] in _SEPARATORS:
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


@lru_cache(maxsize=4096)
def _form_pattern(form: str, ignore_case: bool) -> re.Pattern:
    words = [re.escape(w) for w in _FORM_SPLIT.split(form.strip()) if w]
    body = r"[\s\-\u2010-\u2015]+".join(words)
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])", re.IGNORECASE if ignore_case else 0)


def _regex_spans(text: str, forms: set[str], ignore_case: bool) -> list[tuple[int, int]]:
    """The same search by one regex per form, tried where the form's first word occurs (lower-cased
    when that keeps offsets, else as written): the reference for `_spans_of`, and its fallback."""
    fold = ignore_case and len(text.lower()) == len(text)
    hay = text.lower() if fold else text
    spans = []
    for form in forms:
        words = _form_words(form)
        for i in (_occurrences(hay, words[0].lower() if fold else words[0]) if words else ()):
            m = _form_pattern(form, ignore_case).match(text, i)
            if m:
                spans.append(m.span())
    return spans


def _keep_longest(mentions: list[Mention]) -> list[Mention]:
    """The longest of overlapping mentions, in text order. `kept` stays sorted and free of
    overlaps, so each candidate is checked against its two neighbours only."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda x: (-(x.end - x.start), x.start)):
        if not _overlaps_any(kept, m):
            kept.insert(bisect_left(kept, m.start, key=_start), m)
    return kept


def _start(mention: Mention) -> int:
    return mention.start


def _overlaps_any(spans: list[Mention], m: Mention) -> bool:
    """Whether `m` overlaps one of `spans` (sorted by start, not overlapping each other)."""
    i = bisect_left(spans, m.start, key=_start)
    return (i > 0 and spans[i - 1].end > m.start) or (i < len(spans) and spans[i].start < m.end)


def _within(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions (sorted by start) that lie inside [start, end), found by bisection, so a
    look-up per sentence does not scan the whole article."""
    out = []
    for m in mentions[bisect_left(mentions, start, key=_start):]:
        if m.start >= end:
            break
        if m.end <= end:
            out.append(m)
    return out


def _strip_honorific(form: str) -> str:
    words = form.split()
    while words and words[0].lower().rstrip(".") in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


_POSSESSIVE_END = re.compile(_APOSTROPHE + r"s?$")


@lru_cache(maxsize=1 << 14)
def country_of_word(word: str) -> str | None:
    """'Kazakh' -> 'Kazakhstan', 'Pakistan' -> 'Pakistan', 'Karachi' -> None."""
    w = _POSSESSIVE_END.sub("", word.strip()).lower()
    return COUNTRIES.get(w) or DEMONYMS.get(w)


_CAP_RUN = re.compile(r"[A-Z][\w\u2019'.]*(?:[\s\-][A-Z][\w\u2019'.]*)*")
_CAP_WORD = re.compile(r"[A-Z][\w\u2019'.]*")
# First words of the country names and demonyms that have several words ("south" of "South Korea"):
# only these need the longer look-ups.
_MULTI_WORD_FIRSTS = frozenset(re.split(r"[\s\-]+", k)[0] for k in (*COUNTRIES, *DEMONYMS) if re.search(r"[\s\-]", k))


def countries_in(text: str) -> list[Mention]:
    """Country names and demonyms in `text` ("Kazakh-Pakistani" gives two)."""
    out: list[Mention] = []
    for run in _CAP_RUN.finditer(text):
        if _CAP_WORD.match(run.group()).end() == run.end() - run.start():  # one word
            country = country_of_word(run.group().rstrip("."))
            if country:
                out.append(Mention(run.start(), run.end(), country, "country"))
            continue
        words = list(_CAP_WORD.finditer(run.group()))
        i = 0
        while i < len(words):
            longest = min(4, len(words) - i) if words[i].group().lower() in _MULTI_WORD_FIRSTS else 1
            for n in range(longest, 0, -1):
                a, b = words[i].start(), words[i + n - 1].end()
                country = country_of_word(run.group()[a:b].rstrip("."))
                if country:
                    out.append(Mention(run.start() + a, run.start() + b, country, "country"))
                    i += n
                    break
            else:
                i += 1
    return out


# What the text says around a person who leads a delegation or a visit (see `delegation_leaders`).
_OWN_DELEGATION = re.compile(_APOSTROPHE + r"s?\s+(?:[\w-]+\s+){0,3}delegation\b")
_LEADING = re.compile(r",?\s+(?:who\s+(?:is|was)\s+)?(?:leading|heading|led|headed|at\s+the\s+head\s+of)\s+"
                      r"(?:a|an|the|his|her)\b")
_DELEGATION_LED_BY = re.compile(r"\bdelegation\s+(?:led|headed)\s+by\s+(?:[A-Z][\w.-]*\s+){0,4}$")
_ACCOMPANIED = re.compile(r"[^.]{0,80}\baccompanied\s+by\b")
_ARRIVED_ON_VISIT = re.compile(r"\s+(?:arrived|arrives|is\s+on|was\s+on)\b[^.]{0,40}\bvisit\b")
_NAME_SPLIT = re.compile(r"[\s\-]+")


@dataclass
class ArticleMentions:
    """Mentions of one article's people, organizations and countries, by body offset."""

    article: ExtractedArticle
    persons: list[Mention] = field(default_factory=list)
    orgs: list[Mention] = field(default_factory=list)
    countries: list[Mention] = field(default_factory=list)
    _groups: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)  # see named_as_group
    slot_finders: dict = field(default_factory=dict, repr=False, compare=False)  # see meeting_cues.slot_finder

    @classmethod
    def build(cls, article: ExtractedArticle) -> "ArticleMentions":
        self = cls(article)
        self.orgs = self._find_orgs()
        self.persons = [p for p in self._find_persons() if not _overlaps_any(self.orgs, p)]
        self.countries = countries_in(article.body)
        return self

    # -- finding ---------------------------------------------------------------------------

    def _find_orgs(self) -> list[Mention]:
        body, found = self.article.body, []
        for org in self.article.organizations:
            spans = _spans_of(body, {org.name, *org.aliases} - {""}, ignore_case=True)
            if org.acronym:
                spans += _spans_of(body, {org.acronym}, ignore_case=False)
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
            spans = _spans_of(body, {f for f in forms if f}, ignore_case=False)
            spans += [(e.start, e.end) for e in person.evidence if 0 <= e.start < e.end <= len(body)]
            found += [Mention(s, e, person.name, "person") for s, e in spans]
        return _keep_longest(found)

    @staticmethod
    def _name_tokens(person: ExtractedPerson) -> list[str]:
        tokens = _NAME_SPLIT.split(person.name)
        return [t for t in tokens if len(t) >= 3 and t[0].isupper() and t.lower() not in _NOT_NAME_WORDS
                and t.lower() not in _HONORIFICS and not country_of_word(t) and t.lower() not in CITIES]

    # -- lookups ---------------------------------------------------------------------------

    def persons_between(self, start: int, end: int) -> list[Mention]:
        return _within(self.persons, start, end)

    def orgs_between(self, start: int, end: int) -> list[Mention]:
        return _within(self.orgs, start, end)

    def countries_between(self, start: int, end: int) -> list[Mention]:
        return _within(self.countries, start, end)

    def person(self, name: str) -> ExtractedPerson | None:
        return next((p for p in self.article.people if p.name == name), None)

    @cached_property
    def _body_lower(self) -> str:
        return self.article.body.lower()

    @cached_property
    def mention_counts(self) -> Counter:
        return Counter(m.name for m in self.persons)

    @cached_property
    def main_countries(self) -> list[str]:
        """The article's countries, most talked about first (people's countries count too)."""
        counts = Counter(m.name for m in self.countries)
        for m in self.persons:
            person = self.person(m.name)
            if person and person.country:
                counts[person.country] += 1
        return [c for c, _ in counts.most_common()]

    # -- resolution --------------------------------------------------------------------------

    def last_person_before(self, pos: int, floor: int = 0) -> str | None:
        """The person a "he"/"his" at `pos` most likely means: the first one named in the nearest
        stretch of text before it that names anyone (sentence subjects come first)."""
        before = [m for m in self.persons if floor <= m.end <= pos]
        if not before:
            return None
        last = before[-1]
        sentence_start = max(self.article.body.rfind(".", 0, last.start), self.article.body.rfind("\n", 0, last.start))
        same = [m for m in before if m.start > sentence_start]
        return same[0].name if same else last.name

    def holders_of(self, role: str, country: str | None = None) -> list[str]:
        """People whose title contains `role` (not "former"), optionally of `country`,
        most mentioned first."""
        role = role.lower()
        hits = []
        for person in self.article.people:
            title = (person.title or "").lower()
            if not title or "former" in title or role not in title or not re.search(r"\b" + re.escape(role) + r"\b", title):
                continue
            if country and person.country != country:
                continue
            hits.append(person.name)
        return sorted(hits, key=lambda n: -self.mention_counts[n])

    def named_as_group(self, role: str) -> list[str]:
        """People the text lists right after "both/the two <role>s" ("Both foreign ministers —
        Mr X and Y — agreed"), so that "the two foreign ministers" elsewhere means them."""
        if role not in self._groups:  # a scan of the whole body, asked for again by each sentence
            self._groups[role] = self._listed_after_group(role)
        return list(self._groups[role])

    def _listed_after_group(self, role: str) -> list[str]:
        body, names = self.article.body, []
        plural = (role[:-1] + "ies" if role.endswith("y") else role + "s").lower()
        if plural not in self._body_lower:
            return []
        # the lower-cased body read case-sensitively, three times faster, when it keeps the offsets
        hay, flags = (self._body_lower, 0) if len(self._body_lower) == len(body) else (body, re.IGNORECASE)
        for m in re.finditer(r"\b(?:both|the\s+two|two)\s+" + re.escape(plural) + r"\b", hay, flags):
            end = body.find(".", m.end())
            end = len(body) if end < 0 else min(end, m.end() + 100)
            listed = self.persons_between(m.end(), end)
            if len(listed) >= 2 and re.match(r"\s*[\u2014\u2013:,(-]", body[m.end():]):
                names += [p.name for p in listed[:2]]
        return list(dict.fromkeys(names))

    @cached_property
    def delegation_leaders(self) -> list[str]:
        """People the text says lead a delegation or a visit ("X's delegation",
        "delegation led by X", "X, leading a ... delegation", "X arrived ... accompanied by")."""
        body, leaders = self.article.body, []
        for m in self.persons:
            after = body[m.end:m.end + 120]
            before = body[max(0, m.start - 40):m.start]
            if (_OWN_DELEGATION.match(after) or _LEADING.match(after)
                    or ("delegation" in before and _DELEGATION_LED_BY.search(before))
                    or ("accompanied" in after and _ACCOMPANIED.match(after))
                    or ("visit" in after and _ARRIVED_ON_VISIT.match(after))):
                leaders.append(m.name)
        return list(dict.fromkeys(leaders))

    def delegation_head(self, country: str | None) -> str | None:
        """Head of "the (visiting) [Kazakh] delegation": a stated leader of that country, else
        its most mentioned person; without a country, a stated leader from abroad."""
        for name in self.delegation_leaders:
            person = self.person(name)
            if country is None or (person and person.country == country):
                return name
        if country:
            candidates = [p.name for p in self.article.people
                          if p.country == country and "former" not in (p.title or "").lower()]
            if candidates:
                return max(candidates, key=lambda n: self.mention_counts[n])
        return None

    @cached_property
    def counterparts(self) -> dict[str, str]:
        """"his counterpart, X" said of Y, as {Y: X} and {X: Y}."""
        body, pairs = self.article.body, {}
        for m in self.persons:
            lo = max(0, m.start - 60)
            said = re.search(r"\b(?:his|her|their)\s+(?:[A-Z]?[\w-]+\s+)?counterpart,?\s+(?:[A-Z][\w.-]*\s+){0,4}$",
                             body[lo:m.start])
            if said:
                owner = self.last_person_before(lo + said.start())
                if owner and owner != m.name:
                    pairs.setdefault(owner, m.name)
                    pairs.setdefault(m.name, owner)
        return pairs

    def counterpart_of(self, owner: str | None, country: str | None) -> str | None:
        """Who "his [Pakistani] counterpart" is: stated in apposition somewhere in the article,
        else the one person of `country` with a title like the owner's."""
        if owner is None:
            return None
        if owner in self.counterparts:
            return self.counterparts[owner]
        person = self.person(owner)
        if not person or not person.title or not country:
            return None
        roles = [r for r in ROLE_WORDS if re.search(r"\b" + r + r"\b", person.title.lower())]
        for role in sorted(roles, key=len, reverse=True):
            holders = [h for h in self.holders_of(role, country) if h != owner]
            if len(holders) == 1:
                return holders[0]
        return None
