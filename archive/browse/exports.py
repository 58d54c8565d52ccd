"""Downloads of any filtered list: the list's URL with `format=csv` or `format=json` added
(meetings and agreements also `format=participants` / `format=parties`, one CSV row per record
and participant or party, and `format=graphml` / `format=gexf`, see `network.py`).

The filtered list is exported (not one page), in the list's order, streamed row by row: the
ids of up to EXPORT_LIMIT records are read first, then the rows in chunks of `CHUNK` as plain
values (no model instances) with one query per relation, so memory stays bounded by the chunk
and the time of one request by the limit. A longer list continues at `?offset=`: the response's
`Link: <…>; rel="next"` header (and `next` in JSON) gives the URL.

Meetings and agreements carry what an analyst needs to cite a row: each participant or party
with its record id, kind, role and country; each source article with title, outlet, date and
the URL of its page, the quoted sentence and the extractor's confidence.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from operator import itemgetter

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.models import F, QuerySet
from django.db.models.expressions import RawSQL
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import get_script_prefix, reverse
from django.utils import timezone

from archive.models import Agreement, Article, Evidence, Meeting, Organization, Person
from archive.paging import among

from . import selectors

CHUNK = 1000
# One download holds at most this many records; a longer list continues at `?offset=` (the `Link` header).
EXPORT_LIMIT = 20_000
FORMAT = "archive-browse/2"  # 2: participants, parties and sources are objects; offset, limit, next


_PK = 987654321


@lru_cache(maxsize=8)
def _path_patterns(prefix: str, base_url: str) -> dict[str, str]:
    return {kind: base_url + reverse(f"archive:{kind}-detail", args=[_PK]).replace(str(_PK), "{}")
            for kind in ("person", "organization", "meeting", "agreement", "article")}


def path_patterns(base_url: str = "") -> dict[str, str]:
    """{kind: "/people/{}/"}: the reading pages' paths (after `base_url`, scheme and host, when given),
    `reverse`d once (reversing per row was half the time of a 10,000-row export). Read once per
    download: the script prefix lives in a thread local."""
    return _path_patterns(get_script_prefix(), base_url)


def _iso(value):
    return value.isoformat() if value else None


def _decimal(value):
    return str(value) if value is not None else None


def _grouped(rows) -> dict[int, list]:
    out = defaultdict(list)
    for key, *value in rows:
        out[key].append(value[0] if len(value) == 1 else tuple(value))
    return out


def _among(ids: list[int]):
    """What `…__in=` a chunk of ids is given: on PostgreSQL one array parameter, since Django prepares
    an IN list value by value (a tenth of an export's time) and PostgreSQL plans 1,000 literals."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return ids


# What a participant or party row is read as: a tuple in this order (see `_member`).
MEMBER_VALUES = ("name", "person_id", "person__name", "person__title", "organization_id", "organization__name",
                 "organization__org_type", "country__code", "country__name")


def _member(row: tuple, paths: dict, party: bool = False) -> dict:
    """One participant or party as an analyst cites it: the record it links, or the state, or the written name.

    A meeting's participant is its person, else its organization; an agreement's party is its
    organization, else the state it names, else the person (its `person` is otherwise who signed
    for it, listed apart). Rows are those a reader sees (`selectors.visible_participants`, `visible_parties`).
    """
    written, person, person_name, title, org, org_name, org_type, code, country = row
    if person and not party:
        kind, pk, name, role = "person", person, person_name, title
    elif org:
        kind, pk, name, role = "organization", org, org_name, org_type
    elif code:
        kind, pk, name, role = "country", None, country, ""
    elif person:
        kind, pk, name, role = "person", person, person_name, title
    else:
        kind, pk, name, role = "unlinked", None, written, ""
    return {"kind": kind, "id": pk, "name": name, "written_name": written, "role": role or None,
            "country_code": code, "country": country, "url": paths[kind].format(pk) if pk else None}


def _sources(target: str, ids: list[int], paths: dict) -> dict[int, list[dict]]:
    """{record id: [source article with its quoted sentence and confidence]}, oldest article first, one query."""
    rows = (Evidence.objects.filter(**{f"{target}_id__in": _among(ids)}).order_by(
        F("article__published").asc(nulls_last=True), "article_id", "start", "id")
        .values_list(f"{target}_id", "article_id", "article__title", "article__outlet", "article__published",
                     "sentence", "confidence"))
    article_path = paths["article"]
    out = defaultdict(list)
    for record_id, article_id, title, outlet, published, sentence, confidence in rows:
        out[record_id].append({
            "article_id": article_id, "title": title, "outlet": outlet or None,
            "published": published.isoformat() if published else None,
            "url": article_path.format(article_id), "quote": sentence, "confidence": confidence})
    return out


def load_meetings(ids: list[int], paths: dict) -> dict[int, dict]:
    """The meetings of `ids` with their visible participants and their sources: three queries."""
    people = defaultdict(list)
    # `= ANY(array)`: PostgreSQL knows how many ids the chunk holds, where `IN (unnest(...))` is
    # taken for 200 and, beside the rejected-records filter, planned as a scan of every participant.
    for meeting_id, *member in (among(selectors.visible_participants(), ids, "meeting_id").order_by("id")
                                .values_list("meeting_id", *MEMBER_VALUES)):
        people[meeting_id].append(_member(member, paths))
    sources = _sources("meeting", ids, paths)
    path = paths["meeting"]
    out = {}
    for pk, date, precision, date_text, location, topic, status, confidence in Meeting.objects.filter(
            pk__in=_among(ids)).values_list("id", "date", "date_precision", "date_text", "location", "topic",
                                    "review_status", "confidence"):
        members = people[pk]
        out[pk] = {
            "id": pk, "url": path.format(pk), "date": _iso(date), "date_precision": precision or None,
            "date_text": date_text or None, "location": location or None, "topic": topic or None,
            "participants": members, "countries": sorted({p["country"] for p in members} - {None}),
            "review_status": status, "confidence": confidence, "sources": sources[pk],
        }
    return out


def _parties(ids: list[int], paths: dict) -> dict[int, list[dict]]:
    parties = defaultdict(list)
    rows = (among(selectors.visible_parties(), ids, "agreement_id")
            .annotate(signer_shown=selectors.signer_shown()).order_by("id")
            .values_list("agreement_id", "role", "date", "signer_shown", *MEMBER_VALUES))
    for agreement_id, role, date, signer_shown, *member in rows:
        party = _member(member, paths, party=True)
        party["party_role"] = role
        party["date"] = _iso(date)
        party["signed_by_id"] = member[1] if signer_shown else None
        party["signed_by_name"] = member[2] if signer_shown else None
        parties[agreement_id].append(party)
    return parties


def load_agreements(ids: list[int], paths: dict) -> dict[int, dict]:
    """The agreements of `ids` with their visible parties, sectors and sources: four queries."""
    parties = _parties(ids, paths)
    sectors = _grouped(Agreement.sectors.through.objects.filter(agreement_id__in=_among(ids)).order_by("sector__name")
                       .values_list("agreement_id", "sector__name"))
    sources = _sources("agreement", ids, paths)
    path = paths["agreement"]
    out = {}
    for a in Agreement.objects.filter(pk__in=_among(ids)).values(
            "id", "title", "kind", "status", "date", "date_precision", "date_text", "value_usd", "amount",
            "currency", "review_status", "confidence"):
        members = parties[a["id"]]
        out[a["id"]] = {
            "id": a["id"], "url": path.format(a["id"]),
            "title": a["title"], "kind": a["kind"], "status": a["status"],
            "date": _iso(a["date"]), "date_precision": a["date_precision"] or None,
            "date_text": a["date_text"] or None,
            "value_usd": _decimal(a["value_usd"]), "amount": _decimal(a["amount"]), "currency": a["currency"] or None,
            "parties": members,
            "party_countries": sorted({p["country"] for p in members} - {None}),
            "signed_by": [{"id": p["signed_by_id"], "name": p["signed_by_name"]}
                          for p in members if p["signed_by_id"]],
            "sectors": sectors[a["id"]],
            "review_status": a["review_status"], "confidence": a["confidence"],
            "sources": sources[a["id"]],
        }
    return out


def load_people(ids: list[int], paths: dict) -> dict[int, dict]:
    path = paths["person"]
    return {p["id"]: {
        "id": p["id"], "url": path.format(p["id"]), "name": p["name"],
        "title": p["title"] or None, "country": p["country__name"], "review_status": p["review_status"],
        "confidence": p["confidence"],
    } for p in Person.objects.filter(pk__in=_among(ids)).values(
        "id", "name", "title", "country__name", "review_status", "confidence")}


def load_organizations(ids: list[int], paths: dict) -> dict[int, dict]:
    path = paths["organization"]
    return {o["id"]: {
        "id": o["id"], "url": path.format(o["id"]), "name": o["name"],
        "acronym": o["acronym"] or None, "type": o["org_type"], "country": o["country__name"],
        "review_status": o["review_status"], "confidence": o["confidence"],
    } for o in Organization.objects.filter(pk__in=_among(ids)).values(
        "id", "name", "acronym", "org_type", "country__name", "review_status", "confidence")}


def load_articles(ids: list[int], paths: dict) -> dict[int, dict]:
    path = paths["article"]
    return {a["id"]: {
        "id": a["id"], "url": path.format(a["id"]), "title": a["title"],
        "outlet": a["outlet"] or None, "published": _iso(a["published"]), "dateline": a["dateline"] or None,
        "byline": a["byline"] or None, "source": a["source_name"],
    } for a in Article.objects.filter(pk__in=_among(ids)).values(
        "id", "title", "outlet", "published", "dateline", "byline", "source_name")}


def _joined(items: list[dict], key: str) -> str:
    return "; ".join(["" if item[key] is None else str(item[key]) for item in items])


def record_key(item: dict) -> str:
    """`person:12`, `organization:5`, `country:KZ`, or "" for a name linked to no record."""
    if item["id"]:
        return f"{item['kind']}:{item['id']}"
    return f"country:{item['country_code']}" if item["kind"] == "country" else ""


def _source_columns(row: dict) -> dict:
    sources = row["sources"]
    return {
        "source_article_ids": _joined(sources, "article_id"), "source_titles": _joined(sources, "title"),
        "source_outlets": _joined(sources, "outlet"), "source_dates": _joined(sources, "published"),
        "source_urls": _joined(sources, "url"), "evidence": " | ".join(s["quote"] for s in sources),
        "evidence_confidence": _joined(sources, "confidence"),
    }


def _people_columns(people: list[dict], prefix: str, plural: str) -> dict:
    return {
        plural: _joined(people, "name"), f"{prefix}_ids": "; ".join([record_key(p) for p in people]),
        f"{prefix}_kinds": _joined(people, "kind"), f"{prefix}_roles": _joined(people, "role"),
        f"{prefix}_countries": _joined(people, "country_code"),
    }


def flat_meeting(row: dict) -> Iterator[dict]:
    yield {**row, **_people_columns(row["participants"], "participant", "participants"), **_source_columns(row),
           "countries": "; ".join(row["countries"])}


def flat_agreement(row: dict) -> Iterator[dict]:
    yield {**row, **_people_columns(row["parties"], "party", "parties"), "party_roles": _joined(row["parties"], "party_role"),
           "party_record_roles": _joined(row["parties"], "role"), "party_countries": "; ".join(row["party_countries"]),
           "sectors": "; ".join(row["sectors"]), "signed_by": _joined(row["signed_by"], "name"), **_source_columns(row)}


def _long_row(record: dict, item: dict, prefix: str) -> dict:
    return {
        f"{prefix}_kind": item["kind"], f"{prefix}_id": item["id"], f"{prefix}_key": record_key(item),
        f"{prefix}_name": item["name"], "written_name": item["written_name"], "role": item["role"],
        "country_code": item["country_code"], "country": item["country"], f"{prefix}_url": item["url"],
        "source_count": len(record["sources"]), "source_urls": _joined(record["sources"], "url"),
    }


def meeting_participant_rows(row: dict) -> Iterator[dict]:
    """The long format: one row per meeting and participant."""
    for item in row["participants"]:
        yield {"meeting_id": row["id"], "meeting_url": row["url"], "date": row["date"],
               "date_precision": row["date_precision"], "location": row["location"], "topic": row["topic"],
               "meeting_review_status": row["review_status"], **_long_row(row, item, "participant")}


def agreement_party_rows(row: dict) -> Iterator[dict]:
    """The long format: one row per agreement and party."""
    for item in row["parties"]:
        yield {"agreement_id": row["id"], "agreement_url": row["url"], "title": row["title"], "kind": row["kind"],
               "status": row["status"], "date": row["date"], "date_precision": row["date_precision"],
               "agreement_review_status": row["review_status"], "party_role": item["party_role"],
               "party_date": item["date"], "signed_by_id": item["signed_by_id"],
               "signed_by_name": item["signed_by_name"], **_long_row(row, item, "party")}


def _one(row: dict) -> Iterator[dict]:
    yield row


@dataclass(frozen=True)
class Export:
    """One downloadable shape of a list: how a chunk of ids is read, and the CSV rows each record gives."""

    name: str
    load: Callable[[list[int], dict], dict[int, dict]]  # (ids, path_patterns) -> {id: record}
    columns: tuple[str, ...]
    flatten: Callable[[dict], Iterator[dict]] = _one  # record -> CSV rows (one, or one per participant)

    def rows(self, ids: list[int], base_url: str = "") -> Iterator[dict]:
        """Records of `ids` in that order (those still there), read a chunk of CHUNK at a time with one
        query per relation; `base_url` (scheme and host) makes every `url` absolute."""
        paths = path_patterns(base_url)
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            rows = self.load(chunk, paths)
            for pk in chunk:
                if pk in rows:
                    yield rows[pk]


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value):
        return value


FORMULA_STARTERS = ("=", "+", "-", "@")


def looks_like_a_formula(text: str) -> bool:
    """What a spreadsheet may run: a cell starting with a formula character, or with a tab or a
    carriage return (which spreadsheets drop before reading the rest as a formula)."""
    return text[:1] in (*FORMULA_STARTERS, "\t", "\r") or text.lstrip(" \t\r\n")[:1] in FORMULA_STARTERS


_RISKY_FIRST = frozenset("=+-@\t\r\n ")


def _defused(values) -> list:
    """The cells of a CSV row, every text a spreadsheet would run as a formula quoted (None is written empty)."""
    return [("'" + v) if v.__class__ is str and v[:1] in _RISKY_FIRST and looks_like_a_formula(v) else v
            for v in values]


def csv_lines(records: Iterable[dict], export: Export) -> Iterator[str]:
    writer = csv.writer(_Echo())
    cells = itemgetter(*export.columns)
    yield writer.writerow(export.columns)
    for record in records:
        for row in export.flatten(record):
            yield writer.writerow(_defused(cells(row)))


def json_lines(rows: Iterable[dict], head: dict) -> Iterator[str]:
    yield json.dumps(head, cls=DjangoJSONEncoder)[:-1] + ', "results": ['
    separator = "\n"
    for row in rows:
        yield separator + json.dumps(row, cls=DjangoJSONEncoder)
        separator = ",\n"
    yield "\n]}\n"


def batched(lines: Iterable[str], size: int = 500) -> Iterator[str]:
    """A few hundred lines per write: one write per line costs more than the writing."""
    lines = iter(lines)
    while batch := list(islice(lines, size)):
        yield "".join(batch)


@dataclass(frozen=True)
class Window:
    """The part of a filtered list one download holds: at most EXPORT_LIMIT records from `offset`."""

    ids: list[int]
    offset: int
    next_offset: int | None  # where the next download starts, or None at the end


def window(queryset: QuerySet, offset: int = 0, limit: int | None = None) -> Window:
    """The ids of one download, in the list's order, in one query (one more id tells whether more follow)."""
    limit = limit or EXPORT_LIMIT
    ids = list(queryset.values_list("pk", flat=True)[offset:offset + limit + 1])
    more = len(ids) > limit
    return Window(ids[:limit], offset, offset + limit if more else None)


def attach(response: StreamingHttpResponse, name: str, suffix: str, part: Window, next_url: str) -> HttpResponse:
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    first = f"-from-{part.offset}" if part.offset else ""
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}{first}.{suffix}"'
    response["X-Export-Limit"] = str(EXPORT_LIMIT)
    if part.next_offset is not None:
        response["Link"] = f'<{next_url}>; rel="next"'
    return response


def export_response(export: Export, part: Window, fmt: str, query: dict, base_url: str = "",
                    next_url: str = "") -> HttpResponse:
    """A streamed CSV or JSON of one window of the list; a `Link: rel="next"` header (and `next` in
    JSON) points to the next window when the list is longer than EXPORT_LIMIT."""
    rows = export.rows(part.ids, base_url)
    if fmt == "json":
        head = {"format": FORMAT, "list": export.name, "query": query, "exported_at": timezone.now().isoformat(),
                "offset": part.offset, "limit": EXPORT_LIMIT,
                "next": next_url if part.next_offset is not None else None}
        response = StreamingHttpResponse(batched(json_lines(rows, head)), content_type="application/json")
        return attach(response, export.name, "json", part, next_url)
    response = StreamingHttpResponse(batched(csv_lines(rows, export)), content_type="text/csv; charset=utf-8")
    return attach(response, export.name, "csv", part, next_url)


def invalid_filter_response(errors: dict) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=400)


SOURCE_COLUMNS = ("source_article_ids", "source_titles", "source_outlets", "source_dates", "source_urls",
                  "evidence", "evidence_confidence")
MEETINGS = Export("meetings", load_meetings, (
    "id", "url", "date", "date_precision", "date_text", "location", "topic", "participants", "participant_ids",
    "participant_kinds", "participant_roles", "participant_countries", "countries", "review_status", "confidence",
    *SOURCE_COLUMNS), flat_meeting)
MEETING_PARTICIPANTS = Export("meeting-participants", load_meetings, (
    "meeting_id", "meeting_url", "date", "date_precision", "location", "topic", "meeting_review_status",
    "participant_kind", "participant_id", "participant_key", "participant_name", "written_name", "role",
    "country_code", "country", "participant_url", "source_count", "source_urls"), meeting_participant_rows)
AGREEMENTS = Export("agreements", load_agreements, (
    "id", "url", "title", "kind", "status", "date", "date_precision", "date_text", "value_usd", "amount", "currency",
    "parties", "party_ids", "party_kinds", "party_roles", "party_record_roles", "party_countries", "signed_by",
    "sectors", "review_status", "confidence", *SOURCE_COLUMNS), flat_agreement)
AGREEMENT_PARTIES = Export("agreement-parties", load_agreements, (
    "agreement_id", "agreement_url", "title", "kind", "status", "date", "date_precision", "agreement_review_status",
    "party_kind", "party_id", "party_key", "party_name", "written_name", "party_role", "role", "party_date",
    "signed_by_id", "signed_by_name",
    "country_code", "country", "party_url", "source_count", "source_urls"), agreement_party_rows)
PEOPLE = Export("people", load_people, ("id", "url", "name", "title", "country", "review_status", "confidence"))
ORGANIZATIONS = Export("organizations", load_organizations, (
    "id", "url", "name", "acronym", "type", "country", "review_status", "confidence"))
ARTICLES = Export("articles", load_articles, (
    "id", "url", "title", "outlet", "published", "dateline", "byline", "source"))
