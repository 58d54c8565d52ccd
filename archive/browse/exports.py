"""Downloads of any filtered list: the list's URL with `format=csv` or `format=json` added.

The whole filtered queryset is exported (not one page), in the list's order, streamed
row by row: the ids are read first, then the rows in chunks of `CHUNK` as plain values
(no model instances) with one query per relation, so a thousand rows cost at most three
queries and memory stays bounded by the chunk.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from archive.models import Agreement, AgreementParty, Article, Meeting, MeetingParticipant, Organization, Person

CHUNK = 1000
FORMAT = "archive-browse/1"


def _iso(value):
    return value.isoformat() if value else None


def _decimal(value):
    return str(value) if value is not None else None


def _grouped(rows) -> dict[int, list]:
    out = defaultdict(list)
    for key, *value in rows:
        out[key].append(value[0] if len(value) == 1 else tuple(value))
    return out


# Each loader reads one chunk of ids as plain values (no model instances) and returns {id: row}.

def load_meetings(ids: list[int]) -> dict[int, dict]:
    people = _grouped(MeetingParticipant.objects.filter(meeting_id__in=ids).order_by("id")
                      .values_list("meeting_id", "name", "country__name"))
    return {m["id"]: {
        "id": m["id"], "url": reverse("archive:meeting-detail", args=[m["id"]]),
        "date": _iso(m["date"]), "date_precision": m["date_precision"] or None, "location": m["location"] or None,
        "topic": m["topic"] or None,
        "participants": [name for name, _ in people[m["id"]]],
        "countries": sorted({country for _, country in people[m["id"]] if country}),
        "review_status": m["review_status"],
    } for m in Meeting.objects.filter(pk__in=ids).values(
        "id", "date", "date_precision", "location", "topic", "review_status")}


def load_agreements(ids: list[int]) -> dict[int, dict]:
    parties = _grouped(AgreementParty.objects.filter(agreement_id__in=ids).order_by("id")
                       .values_list("agreement_id", "name", "country__name"))
    sectors = _grouped(Agreement.sectors.through.objects.filter(agreement_id__in=ids).order_by("sector__name")
                       .values_list("agreement_id", "sector__name"))
    return {a["id"]: {
        "id": a["id"], "url": reverse("archive:agreement-detail", args=[a["id"]]),
        "title": a["title"], "kind": a["kind"], "status": a["status"],
        "date": _iso(a["date"]), "date_precision": a["date_precision"] or None,
        "value_usd": _decimal(a["value_usd"]), "amount": _decimal(a["amount"]), "currency": a["currency"] or None,
        "parties": [name for name, _ in parties[a["id"]]],
        "party_countries": sorted({country for _, country in parties[a["id"]] if country}),
        "sectors": sectors[a["id"]],
        "review_status": a["review_status"],
    } for a in Agreement.objects.filter(pk__in=ids).values(
        "id", "title", "kind", "status", "date", "date_precision", "value_usd", "amount", "currency", "review_status")}


def load_people(ids: list[int]) -> dict[int, dict]:
    return {p["id"]: {
        "id": p["id"], "url": reverse("archive:person-detail", args=[p["id"]]), "name": p["name"],
        "title": p["title"] or None, "country": p["country__name"], "review_status": p["review_status"],
    } for p in Person.objects.filter(pk__in=ids).values("id", "name", "title", "country__name", "review_status")}


def load_organizations(ids: list[int]) -> dict[int, dict]:
    return {o["id"]: {
        "id": o["id"], "url": reverse("archive:organization-detail", args=[o["id"]]), "name": o["name"],
        "acronym": o["acronym"] or None, "type": o["org_type"], "country": o["country__name"],
        "review_status": o["review_status"],
    } for o in Organization.objects.filter(pk__in=ids).values(
        "id", "name", "acronym", "org_type", "country__name", "review_status")}


def load_articles(ids: list[int]) -> dict[int, dict]:
    return {a["id"]: {
        "id": a["id"], "url": reverse("archive:article-detail", args=[a["id"]]), "title": a["title"],
        "outlet": a["outlet"] or None, "published": _iso(a["published"]), "dateline": a["dateline"] or None,
        "byline": a["byline"] or None, "source": a["source_name"],
    } for a in Article.objects.filter(pk__in=ids).values(
        "id", "title", "outlet", "published", "dateline", "byline", "source_name")}


@dataclass(frozen=True)
class Export:
    name: str
    load: Callable[[list[int]], dict[int, dict]]
    columns: tuple[str, ...]

    def rows(self, queryset: QuerySet, base_url: str = "") -> Iterator[dict]:
        """Rows in the queryset's order; `base_url` (scheme and host) makes each row's `url` absolute.

        The filtered, sorted ids come first in one query; each chunk of ids is then read
        as plain values with its related names in one query per relation.
        """
        ids = list(queryset.values_list("pk", flat=True))
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            rows = self.load(chunk)
            for pk in chunk:
                row = rows[pk]
                row["url"] = base_url + row["url"]
                yield row


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value):
        return value


FORMULA_STARTERS = ("=", "+", "-", "@")


def looks_like_a_formula(text: str) -> bool:
    """What a spreadsheet may run: a cell starting with a formula character, or with a tab or a
    carriage return (which spreadsheets drop before reading the rest as a formula)."""
    return text[:1] in (*FORMULA_STARTERS, "\t", "\r") or text.lstrip(" \t\r\n")[:1] in FORMULA_STARTERS


def _cell(value):
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, str) and looks_like_a_formula(value):
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


MEETINGS = Export("meetings", load_meetings, (
    "id", "url", "date", "date_precision", "location", "topic", "participants", "countries", "review_status"))
AGREEMENTS = Export("agreements", load_agreements, (
    "id", "url", "title", "kind", "status", "date", "date_precision", "value_usd", "amount", "currency",
    "parties", "party_countries", "sectors", "review_status"))
PEOPLE = Export("people", load_people, ("id", "url", "name", "title", "country", "review_status"))
ORGANIZATIONS = Export("organizations", load_organizations, (
    "id", "url", "name", "acronym", "type", "country", "review_status"))
ARTICLES = Export("articles", load_articles, (
    "id", "url", "title", "outlet", "published", "dateline", "byline", "source"))
