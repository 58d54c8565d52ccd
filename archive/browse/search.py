"""Full-text search over articles and name search over records, on PostgreSQL and SQLite.

PostgreSQL: articles match against the stored `search_vector` column (migration
0004_search: title weighted A, body B, GIN-indexed) with `websearch_to_tsquery`,
so readers can write `trade -oil "free trade"`; results are ranked with `ts_rank`.

SQLite: every word of the query must occur in the title or the body (LIKE), newest
first. Good enough for a laptop copy; not ranked.

Names (people, organizations, aliases, agreement titles) use `icontains` on both
databases; on PostgreSQL trigram indexes built for exactly that expression serve it.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
# Ranking reads the stored vector of every match: cheap for a few thousand, about a second
# for 90,000. Beyond this many matches the results come newest first (an index walk that
# stops after one page) and the page says so; more words bring the ranking back.
RANK_LIMIT = 2000


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def clean_query(text: str) -> str:
    """Collapse whitespace and cap the length: a query is a few words, not a document."""
    return " ".join((text or "").split())[:MAX_QUERY_LENGTH]


def query_words(text: str) -> list[str]:
    return [w.strip('"') for w in clean_query(text).split() if w.strip('"-')][:MAX_WORDS]


def _article_vector() -> RawSQL:
    # The generated column is unknown to the model (it exists on PostgreSQL only).
    return RawSQL('"archive_article"."search_vector"', [], output_field=SearchVectorField())


def search_articles(queryset: QuerySet, text: str) -> QuerySet:
    """Articles of `queryset` matching `text`: best first (annotated `rank`) on PostgreSQL
    when at most RANK_LIMIT match, otherwise newest first."""
    text = clean_query(text)
    if not text:
        return queryset
    if is_postgresql():
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        matches = queryset.alias(search=_article_vector()).filter(search=query)
        if matches.order_by()[:RANK_LIMIT + 1].count() > RANK_LIMIT:
            return matches.order_by(F("published").desc(nulls_last=True), "-id")
        return matches.annotate(rank=SearchRank(_article_vector(), query)).order_by(
            "-rank", F("published").desc(nulls_last=True), "-id")
    words = query_words(text)
    if not words:
        return queryset.none()
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word) | Q(body__icontains=word)
    return queryset.filter(condition).order_by(F("published").desc(nulls_last=True), "-id")


def name_condition(text: str, model, fields: tuple[str, ...], aliases=None, alias_key: str = "") -> Q:
    """Every word of `text` occurs in one of `fields` of `model`, or in an alias's `name` (case-insensitive).

    Each word is an `id IN (...)` over the table that holds the text, so on PostgreSQL
    every sub-select is served by its trigram index and a record matching twice is
    still one row. `aliases` is the alias model, `alias_key` its column naming the record.
    """
    condition = Q()
    for word in query_words(text):
        direct = Q()
        for field in fields:
            direct |= Q(**{f"{field}__icontains": word})
        any_place = Q(pk__in=model._default_manager.filter(direct).values("pk"))
        if aliases is not None:
            any_place |= Q(pk__in=aliases._default_manager.filter(name__icontains=word).values(alias_key))
        condition &= any_place
    return condition
