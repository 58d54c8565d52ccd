"""Downloads of any filtered list: the list's URL with `format=csv` or `format=json` added.

The whole filtered queryset is exported (not one page), in the list's order, streamed
row by row: the rows are read in chunks of `CHUNK` with their relations prefetched per
chunk, so memory and the number of queries stay bounded by the chunk size.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

CHUNK = 1000
FORMAT = "archive-browse/1"


def _iso(value):
    return value.isoformat() if value else None


def _decimal(value):
    return str(value) if value is not None else None


def meeting_row(m) -> dict:
    people = list(m.participants.all())
    return {
        "id": m.id, "url": reverse("archive:meeting-detail", args=[m.id]),
        "date": _iso(m.date), "date_precision": m.date_precision or None, "location": m.location or None,
        "topic": m.topic or None,
        "participants": [p.name for p in people],
        "countries": sorted({p.country.name for p in people if p.country}),
        "review_status": m.review_status,
    }


def agreement_row(a) -> dict:
    parties = list(a.parties.all())
    return {
        "id": a.id, "url": reverse("archive:agreement-detail", args=[a.id]),
        "title": a.title, "kind": a.kind, "status": a.status,
        "date": _iso(a.date), "date_precision": a.date_precision or None,
        "value_usd": _decimal(a.value_usd), "amount": _decimal(a.amount), "currency": a.currency or None,
        "parties": [p.name for p in parties],
        "party_countries": sorted({p.country.name for p in parties if p.country}),
        "sectors": [s.name for s in a.sectors.all()],
        "review_status": a.review_status,
    }


def person_row(p) -> dict:
    return {
        "id": p.id, "url": reverse("archive:person-detail", args=[p.id]), "name": p.name,
        "title": p.title or None, "country": p.country.name if p.country else None, "review_status": p.review_status,
    }


def organization_row(o) -> dict:
    return {
        "id": o.id, "url": reverse("archive:organization-detail", args=[o.id]), "name": o.name,
        "acronym": o.acronym or None, "type": o.org_type,
        "country": o.country.name if o.country else None, "review_status": o.review_status,
    }


def article_row(a) -> dict:
    return {
        "id": a.id, "url": reverse("archive:article-detail", args=[a.id]), "title": a.title,
        "outlet": a.outlet or None, "published": _iso(a.published), "dateline": a.dateline or None,
        "byline": a.byline or None, "source": a.source_name,
    }


@dataclass(frozen=True)
class Export:
    name: str
    row: Callable[[object], dict]
    columns: tuple[str, ...]

    def rows(self, queryset: QuerySet, base_url: str = "") -> Iterator[dict]:
        """Rows in the queryset's order; `base_url` (scheme and host) makes each row's `url` absolute."""
        for record in queryset.iterator(chunk_size=CHUNK):
            row = self.row(record)
            row["url"] = base_url + row["url"]
            yield row


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value):
        return value


def _cell(value):
    if isinstance(value, list):
        value = "; ".join(value)
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # a spreadsheet must not run a title as a formula
    return value


def csv_lines(rows: Iterable[dict], columns: tuple[str, ...]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(columns)
    for row in rows:
        yield writer.writerow([_cell(row[k]) for k in columns])


def json_chunks(rows: Iterable[dict], name: str, query: dict) -> Iterator[str]:
    head = {"format": FORMAT, "list": name, "query": query, "exported_at": timezone.now().isoformat()}
    yield json.dumps(head, cls=DjangoJSONEncoder)[:-1] + ', "results": ['
    for i, row in enumerate(rows):
        yield ("," if i else "") + "\n" + json.dumps(row, cls=DjangoJSONEncoder)
    yield "\n]}\n"


def export_response(export: Export, queryset: QuerySet, fmt: str, query: dict, base_url: str = "") -> HttpResponse:
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    rows = export.rows(queryset, base_url)
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(rows, export.columns), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(json_chunks(rows, export.name, query), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{export.name}-{stamp}.{fmt}"'
    return response


def invalid_filter_response(errors: dict) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=400)


MEETINGS = Export("meetings", meeting_row, (
    "id", "url", "date", "date_precision", "location", "topic", "participants", "countries", "review_status"))
AGREEMENTS = Export("agreements", agreement_row, (
    "id", "url", "title", "kind", "status", "date", "date_precision", "value_usd", "amount", "currency",
    "parties", "party_countries", "sectors", "review_status"))
PEOPLE = Export("people", person_row, ("id", "url", "name", "title", "country", "review_status"))
ORGANIZATIONS = Export("organizations", organization_row, (
    "id", "url", "name", "acronym", "type", "country", "review_status"))
ARTICLES = Export("articles", article_row, (
    "id", "url", "title", "outlet", "published", "dateline", "byline", "source"))
