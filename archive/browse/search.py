"""Full-text search over articles and name search over records, on PostgreSQL and SQLite.

PostgreSQL: articles match against the stored `search_vector` column (migration
0004_search: title weighted A, body B, GIN-indexed) with `websearch_to_tsquery`,
so readers can write `trade -oil "free trade"`; results are ranked with `ts_rank`.

SQLite: every word of the query must occur in the title or the body (LIKE) and no
`-word`, newest first. Good enough for a laptop copy; not ranked.

Every query is first cleaned by `clean_query` (the one place for search and suggestions):
no NUL or control characters, at most 200 characters and 10 terms, no runs of operators.

Names (people, organizations, aliases, agreement titles) use `icontains` on both
databases; on PostgreSQL trigram indexes built for exactly that expression serve it.
"""

from __future__ import annotations

import json
import re
import unicodedata

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db import connection, transaction
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL

from archive.paging import among_subquery

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
# Ranking reads the stored vector of every match: cheap for a few thousand, about a second
# for 90,000. Beyond this many matches the results come newest first (an index walk that
# stops after one page) and the page says so; more words bring the ranking back.
RANK_LIMIT = 2000
# A search counts its matches no further than this (one query that also decides the ranking):
# counting reads each match's stored vector, 80 ms for 2,000 and a second or more for 10,000
# matches of a phrase. Past it the list says "more than" and offers its pages up to it.
MATCH_COUNT_CAP = 2000


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


# A quoted phrase or a run of non-space characters.
_TERM = re.compile(r'"[^"]*"?|[^\s"]+')


def _printable(text: str) -> str:
    """Without control and format characters (NUL, bidi overrides, zero-width spaces): no database
    string may hold a NUL, and the others only hide what a query says."""
    return "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Cs") else c for c in text)


def _plain_words(text: str) -> list[str]:
    """Words of letters, digits and marks; a hyphen, apostrophe or dot stays only between two of
    them (`Trans-Afghan`, `O'Neill`, `U.S`). Every other character separates words, so no run
    of punctuation reaches the tsquery parser as operators."""
    kept = []
    for i, c in enumerate(text):
        if c.isalnum() or unicodedata.category(c).startswith("M"):
            kept.append(c)
        elif c in "-'’." and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            kept.append(c)
        else:
            kept.append(" ")
    return "".join(kept).split()


def clean_query(text: str) -> str:
    """What every search and suggestion reads: printable text, whitespace collapsed, at most
    MAX_QUERY_LENGTH characters and MAX_WORDS terms (a word, `-word`, `or`, a "quoted phrase"),
    each made of plain words, so that no query can build a tsquery deeper than PostgreSQL's
    parser stack ("tsquery stack too small") however many operators it writes. A query of
    only operators and punctuation cleans to ""."""
    text = " ".join(_printable(text or "").split())[:MAX_QUERY_LENGTH]
    terms: list[str] = []
    for term in _TERM.findall(text):
        if term.startswith('"'):
            words = _plain_words(term.strip('"'))
            found = [f'"{" ".join(words)}"'] if words else []
        else:
            found = _plain_words(term)
            if found and term.startswith("-"):
                found[0] = "-" + found[0]
        for word in found:
            if word.lower() == "or" and (not terms or terms[-1].lower() == "or"):
                continue  # `or` joins two terms: a leading or repeated one joins nothing
            terms.append(word)
    terms = terms[:MAX_WORDS]
    while terms and terms[-1].lower() == "or":
        terms.pop()
    return " ".join(terms)


def query_words(text: str) -> list[str]:
    """The words of a cleaned query that must occur (phrases split into words, exclusions and `or` left out)."""
    words = []
    for term in clean_query(text).split():
        word = term.strip('"')
        if word and not term.startswith("-") and word.lower() != "or":
            words.append(word)
    return words[:MAX_WORDS]


def excluded_words(text: str) -> list[str]:
    """The `-word`s of a cleaned query."""
    return [term[1:] for term in clean_query(text).split() if term.startswith("-")]


def _article_vector() -> RawSQL:
    # The generated column is unknown to the model (it exists on PostgreSQL only).
    return RawSQL('"archive_article"."search_vector"', [], output_field=SearchVectorField())


def search_articles(queryset: QuerySet, text: str) -> QuerySet:
    """Articles of `queryset` matching `text`: best first (annotated `rank`) on PostgreSQL
    when at most RANK_LIMIT match, otherwise newest first."""
    return counted_search(queryset, text)[0]


def counted_search(queryset: QuerySet, text: str) -> tuple[QuerySet, int | None]:
    """(`search_articles`, how many match counted up to MATCH_COUNT_CAP + 1), from one count query;
    the count is None when there is nothing to search for."""
    if not (text or "").strip():
        return queryset, None
    text = clean_query(text)
    if not text:
        return queryset.none(), 0  # only operators or punctuation: nothing to look for
    if is_postgresql():
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        matches = queryset.alias(search=_article_vector()).filter(search=query)
        found = _count_matches(matches)
        if found > RANK_LIMIT:
            return matches.order_by(F("published").desc(nulls_last=True), "-id"), found
        return matches.annotate(rank=SearchRank(_article_vector(), query)).order_by(
            "-rank", F("published").desc(nulls_last=True), "-id"), found
    words = query_words(text)
    if not words:
        return queryset.none(), 0
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word) | Q(body__icontains=word)
    for word in excluded_words(text):
        condition &= ~Q(title__icontains=word) & ~Q(body__icontains=word)
    matches = queryset.filter(condition)
    return matches.order_by(F("published").desc(nulls_last=True), "-id"), _count_matches(matches)


# Up to this share of the articles matching (the planner's estimate), matches are counted from
# the GIN index; above it, reading the newest articles in order finds the cap sooner.
INDEX_COUNT_SHARE = 0.1


def _count_matches(matches: QuerySet) -> int:
    """How many match, up to the cap.

    On PostgreSQL the planner prices testing an article's stored vector as cheap, so it reads the
    table until it has found the cap; but each test unpacks a vector of a few kilobytes, and for
    words in one article of twenty ("astana energy") that took 1.7 s at a million articles, against
    0.1 s from the GIN index. For words in most articles ("trade") the index's list of matches is
    the longer read (0.3 s, against 0.1 s for the first 2,000 rows of the table), and a phrase in
    one article of four was about even, so the index is used when the estimated share of matches
    is at most INDEX_COUNT_SHARE.
    """
    capped = matches.order_by()[: max(RANK_LIMIT, MATCH_COUNT_CAP) + 1]
    if not is_postgresql():
        return capped.count()
    from_index = _estimated_share(matches) <= INDEX_COUNT_SHARE
    if not from_index:
        return capped.count()
    # A local setting inside its own transaction, or a savepoint of the caller's: a failed count rolls
    # the setting back with the savepoint (no reset runs in an aborted transaction), and a count that
    # succeeds puts it back before the savepoint is released, so the caller's later queries keep it.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)")
        before = cursor.fetchone()[0]
        found = capped.count()
        cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [before])
        return found


def _estimated_share(matches: QuerySet) -> float:
    """The planner's estimate of the share of all articles in `matches` (no rows are read)."""
    sql, params = matches.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'archive_article'::regclass")
        articles = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return plan[0]["Plan"]["Plan Rows"] / max(articles, 1.0)


def name_condition(text: str, model, fields: tuple[str, ...], aliases: QuerySet | None = None,
                   alias_key: str = "") -> Q:
    """Every word of `text` occurs in one of `fields` of `model`, or in an alias's `name` (case-insensitive).

    Each word is an `id IN (... UNION ...)` over the tables that hold the text, so on
    PostgreSQL every sub-select is served by its trigram index and a record matching
    twice is still one row; there it is `id = ANY(ARRAY(... UNION ...))` (`paging.among_subquery`):
    the matches are found once, then looked up by id, rather than hashed and joined with
    every row the other filters keep. `aliases` are the rows holding other names (aliases, written names of participants),
    `alias_key` their column naming the record.
    Text with no searchable word ("%_%") matches nothing, not everything.
    """
    words = query_words(text)
    if not words:
        return Q(pk__in=[]) if text.strip() else Q()
    each_word = []
    for word in words:
        direct = Q()
        for field in fields:
            direct |= Q(**{f"{field}__icontains": word})
        holders = model._default_manager.filter(direct).order_by().values("pk")
        if aliases is not None:
            # One `IN (... UNION ...)`, not two INs joined by OR: PostgreSQL then estimates the
            # matches from both trigram look-ups (a thousand people, not half the table) and sorts
            # those few, instead of walking the whole list in order testing each row.
            holders = holders.union(aliases.filter(name__icontains=word).order_by().values(alias_key))
        each_word.append(holders)
    if is_postgresql() and len(each_word) > 1:
        # Several words: one `IN ((word 1) INTERSECT (word 2) ...)` (as an array). Two INs made PostgreSQL join each
        # word's matches (26,000 and 44,000 meetings) with the whole live list; their intersection is
        # the few records holding both, looked up by id.
        return among_subquery("pk", each_word[0].intersection(*each_word[1:]))
    condition = Q()
    for holders in each_word:
        condition &= among_subquery("pk", holders)
    return condition


# ---------------------------------------------------------------- snippets

MARK_START, MARK_END = "\x02", "\x03"  # never in a cleaned body: ingest keeps printable text only
SNIPPET_WIDTH = 110


def _segments(marked: str) -> list[tuple[str, bool]]:
    """[(text, is_match)] from a headline whose matches sit between MARK_START and MARK_END."""
    out = []
    for i, part in enumerate(re.split(f"[{MARK_START}{MARK_END}]", marked)):
        if part:
            out.append((part, i % 2 == 1))
    return out


def _excerpt(body: str, words: list[str], width: int = SNIPPET_WIDTH) -> list[tuple[str, bool]]:
    """The text around the first query word the body holds, every query word in it marked.

    Positions come from a case-insensitive search of the body itself (never of a case-folded
    copy, whose length differs: "Straße" folds to "strasse")."""
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE) \
        if words else None
    first = pattern.search(body) if pattern else None
    if first is None:
        return [(body[: 2 * width] + ("…" if len(body) > 2 * width else ""), False)]
    start, end = max(0, first.start() - width), min(len(body), first.end() + width)
    window = body[start:end]
    marked = pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", window)
    return _segments(("…" if start else "") + marked + ("…" if end < len(body) else ""))


def headlines(queryset: QuerySet, text: str) -> dict[int, list[tuple[str, bool]]]:
    """{article id: [(text, is_match)]}: the passage of each article of `queryset` (one page of
    results) that matches `text`, in one query. PostgreSQL's `ts_headline` marks the stemmed
    matches ("pipelines" for "pipeline"); SQLite marks the words as written."""
    text = clean_query(text)
    if not text:
        return {}
    if is_postgresql():
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        headline = SearchHeadline("body", query, config=SEARCH_CONFIG, start_sel=MARK_START, stop_sel=MARK_END,
                                  max_words=35, min_words=15)
        rows = queryset.order_by().annotate(headline=headline).values_list("id", "headline")
        return {pk: _segments(marked) for pk, marked in rows}
    words = query_words(text)
    return {pk: _excerpt(body, words) for pk, body in queryset.order_by().values_list("id", "body")}
