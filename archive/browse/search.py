"""Full-text search over articles and name search over records, on PostgreSQL and SQLite.

PostgreSQL: articles match against the stored `search_vector` column (migration
0003_search: title weighted A, body B, GIN-indexed) with `websearch_to_tsquery`,
so readers can write `trade -oil "free trade"`; results are ranked with `ts_rank`.

SQLite: every word of the query must occur in the title or the body (LIKE), newest
first. Good enough for a laptop copy; not ranked.

Names (people, organizations, aliases, agreement titles) use `icontains` on both
databases; on PostgreSQL trigram indexes built for exactly that expression serve it.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Exists, F, Q, QuerySet
from django.db.models.expressions import RawSQL

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
MAX_WORDS = 10


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
    """Articles of `queryset` matching `text`, best first (annotated `rank` on PostgreSQL)."""
    text = clean_query(text)
    if not text:
        return queryset
    if is_postgresql():
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        return (
            queryset.alias(search=_article_vector())
            .filter(search=query)
            .annotate(rank=SearchRank(_article_vector(), query))
            .order_by("-rank", F("published").desc(nulls_last=True), "-id")
        )
    words = query_words(text)
    if not words:
        return queryset.none()
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word) | Q(body__icontains=word)
    return queryset.filter(condition).order_by(F("published").desc(nulls_last=True), "-id")


def name_condition(text: str, fields: tuple[str, ...], aliases: QuerySet | None = None) -> Q:
    """Every word of `text` occurs in one of `fields` or in one alias (case-insensitive).

    `aliases` is the alias queryset already tied to the outer row (OuterRef); an
    EXISTS per word keeps one row per record, with no DISTINCT.
    """
    condition = Q()
    for word in query_words(text):
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        if aliases is not None:
            any_field |= Q(Exists(aliases.filter(name__icontains=word)))
        condition &= any_field
    return condition
