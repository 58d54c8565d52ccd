"""What the reading pages show: the querysets behind every list and the bundles behind every detail page.

Rules that hold everywhere here:
- readers see live records only (`objects.live()`: not rejected, not merged away);
  unreviewed records are shown and the templates mark them;
- every list is ordered with a unique tiebreak (`id`), so pages never overlap or skip;
- relations a page shows are fetched with select_related/prefetch_related, so the
  number of queries does not grow with the number of rows;
- links across a to-many relation use EXISTS, so a record never appears twice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import BooleanField, Case, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, When
from django.db.models.functions import Coalesce

from archive import paging
from archive.mentions import mention_pieces
from archive.models import (
    Agreement, AgreementParty, AgreementStatusChange, Article, Country, DatePrecision, Evidence, Meeting,
    MeetingParticipant, Organization, OrganizationAlias, Person, PersonAlias, ReviewStatus, Role,
)
from archive.paging import among, first_rows, in_order

from .search import counted_search, headlines, name_condition

# How many related rows a detail page shows before it links to the full, filtered list.
DETAIL_LIMIT = 50
SUGGEST_LIMIT = 10
ARTICLE_LIST_DEFER = ("body", "source_path", "content_hash")


def newest_first(field: str) -> tuple:
    """Newest first, undated last, on both databases; `id` breaks ties so paging is stable."""
    return (F(field).desc(nulls_last=True), "-id")


# ---------------------------------------------------------------- lists

def article_list() -> QuerySet:
    return Article.objects.defer(*ARTICLE_LIST_DEFER).order_by(*newest_first("published"))


def person_list() -> QuerySet:
    return Person.objects.live().select_related("country").order_by("name", "id")


def organization_list() -> QuerySet:
    return Organization.objects.live().select_related("country").order_by("name", "id")


# ---------------------------------------------------------------- who took part, as readers see it
#
# The one rule for participants and parties, used by every page, filter, facet, chart, search and
# export: a curator who rejects a person or an organization ("not a person", "a place") takes it out
# of every meeting and agreement it was linked to, for readers; the row and its written name stay in
# the admin. An unlinked written name is still a participant. A merged-away record holds no links
# (a merge moves them to the kept record), so the kept record stands in its place.

def _rejected(relation: str) -> Q:
    return Q(**{f"{relation}__review_status": ReviewStatus.REJECTED})


def _links_rejected(relation: str, model) -> Q:
    """The row links a rejected `model` record: `relation_id IN (the rejected ids)`. A filter, not a join:
    PostgreSQL hashes the few rejected ids once (partial index `*_rejected`, migration 0013) instead of
    looking up every row's person and organization."""
    return Q(**{f"{relation}__in": model.objects.filter(review_status=ReviewStatus.REJECTED).values("pk")})


def visible_participants() -> QuerySet:
    """Meeting participants a reader sees: none linked to a rejected person or organization."""
    return MeetingParticipant.objects.exclude(_links_rejected("person", Person)).exclude(
        _links_rejected("organization", Organization))


def visible_parties() -> QuerySet:
    """Agreement parties a reader sees: none that is a rejected organization, or a rejected person standing
    alone. A rejected signer leaves the party (a state, an organization) in place, unsigned: `signer_shown`."""
    return (AgreementParty.objects.exclude(_links_rejected("organization", Organization))
            .exclude(_links_rejected("person", Person), organization__isnull=True, country__isnull=True))


def signer_shown() -> Case:
    """Whether a party's `person` (who signed for it) is shown: linked and not rejected."""
    return Case(When(_rejected("person"), then=False), When(person__isnull=False, then=True), default=False,
                output_field=BooleanField())


VISIBLE_ROWS = {MeetingParticipant: visible_participants, AgreementParty: visible_parties}


def visible_rows(model) -> QuerySet:
    """The rows of `model` a reader's filter may match: the rule above for participants and parties."""
    return VISIBLE_ROWS[model]() if model in VISIBLE_ROWS else model._default_manager.all()


def participants() -> QuerySet:
    return visible_participants().select_related("person", "organization", "country").order_by("id")


def parties() -> QuerySet:
    return (visible_parties().select_related("country", "organization", "person").annotate(signer_shown=signer_shown())
            .order_by("id"))


def meeting_list() -> QuerySet:
    return (
        Meeting.objects.live()
        .prefetch_related(Prefetch("participants", queryset=participants()))
        .order_by(*newest_first("date"))
    )


def agreement_list() -> QuerySet:
    return (
        Agreement.objects.live()
        .prefetch_related(Prefetch("parties", queryset=parties()), "sectors")
        .order_by(*newest_first("date"))
    )


# ---------------------------------------------------------------- filters the FilterSets delegate to

def people_named(queryset: QuerySet, text: str) -> QuerySet:
    """Name or any other spelling seen in the texts."""
    return queryset.filter(name_condition(text, Person, ("name",), PersonAlias.objects.all(), "person_id"))


def organizations_named(queryset: QuerySet, text: str) -> QuerySet:
    return queryset.filter(name_condition(text, Organization, ("name", "acronym"), OrganizationAlias.objects.all(),
                                          "organization_id"))


def meetings_matching(queryset: QuerySet, text: str) -> QuerySet:
    """Every word in the topic, the place or a (visible) participant's written name."""
    return queryset.filter(name_condition(text, Meeting, ("topic", "location"), visible_participants(), "meeting_id"))


def agreements_matching(queryset: QuerySet, text: str) -> QuerySet:
    """Every word in the title or a party's written name."""
    return queryset.filter(name_condition(text, Agreement, ("title",), visible_parties(), "agreement_id"))


def articles_matching(queryset: QuerySet, text: str) -> tuple[QuerySet, int | None]:
    """The matches in the search's order, and how many (counted up to `search.MATCH_COUNT_CAP` + 1)."""
    return counted_search(queryset, text)


# Each step asks the outlet index for the next name after the last one: a handful of look-ups
# for a handful of outlets, where SELECT DISTINCT reads every article (150 ms at 600,000).
OUTLETS_SQL = """
WITH RECURSIVE named(outlet) AS (
    SELECT MIN(outlet) FROM archive_article WHERE outlet > ''
    UNION ALL
    SELECT (SELECT MIN(outlet) FROM archive_article WHERE outlet > named.outlet) FROM named
    WHERE named.outlet IS NOT NULL
)
SELECT outlet FROM named WHERE outlet IS NOT NULL
"""


def outlets() -> list[str]:
    """Every outlet named by an article, in order."""
    with connection.cursor() as cursor:
        cursor.execute(OUTLETS_SQL)
        return [row[0] for row in cursor.fetchall()]


# ---------------------------------------------------------------- suggestions (autocomplete)

def _suggestions(queryset: QuerySet) -> list[dict]:
    return [
        {"id": r.id, "name": r.name, "country": r.country.name if r.country else "",
         "label": f"{r.name} ({r.country.name})" if r.country else r.name}
        for r in queryset.select_related("country")[:SUGGEST_LIMIT]
    ]


def suggest_people(text: str) -> list[dict]:
    if len(text.strip()) < 2:
        return []
    return _suggestions(people_named(person_list(), text))


def suggest_organizations(text: str) -> list[dict]:
    if len(text.strip()) < 2:
        return []
    return _suggestions(organizations_named(organization_list(), text))


# ---------------------------------------------------------------- facets: counts beside the filters

@dataclass(frozen=True)
class FacetOption:
    label: str
    count: int
    params: dict  # the query-string changes that choose it


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: list[FacetOption]


FACET_LIMIT = 8
# A list longer than the count cap counts its facets in its first FACET_SAMPLE rows (and says so): the
# country facet looks up every counted row's participants or parties, one index probe a row, and 10,001
# rows took 80-170 ms at a million articles. A list within the cap is counted exactly, in full.
FACET_SAMPLE = 2_000


# The columns each list's facets (and the meetings' timeline) count, read with its first rows.
FACET_FIELDS = {
    "meeting": ("date", "date_precision"),
    "agreement": ("status", "kind", "date"),
    "person": ("country__code", "country__name"),
    "organization": ("org_type", "country__code", "country__name"),
    "article": ("outlet", "published"),
}


def facet_rows(kind: str, queryset: QuerySet) -> list[dict]:
    """The filtered list's first COUNT_CAP + 1 rows, in its order, with the columns its facets count (one query)."""
    return first_rows(queryset, FACET_FIELDS[kind])


def facet_sample(rows: list[dict]) -> list[dict]:
    """The rows the facets count: all of a list within the cap (`facet_rows` read at most cap + 1),
    the first FACET_SAMPLE of a longer one."""
    return rows[:FACET_SAMPLE] if len(rows) > paging.COUNT_CAP else rows


def _top(counts: Counter, order) -> list[tuple]:
    return sorted(counts.items(), key=order)[:FACET_LIMIT]


def _year_facet(rows: list[dict], field: str) -> Facet:
    years = Counter(row[field].year for row in rows if row[field] is not None)
    return Facet("year", "Year", [
        FacetOption(str(year), n, {"date_from": f"{year}-01-01", "date_to": f"{year}-12-31", "undated": None})
        for year, n in _top(years, lambda item: -item[0])])


def _field_facet(rows: list[dict], field: str, name: str, label: str, choices=None) -> Facet:
    values = Counter(row[field] for row in rows if row[field] not in ("", None))
    labels = dict(choices or ())
    return Facet(name, label, [FacetOption(str(labels.get(value, value)), n, {name: value})
                               for value, n in _top(values, lambda item: (-item[1], item[0]))])


def _country_facet(rows: list[dict]) -> Facet:
    """Countries by how many of the rows name them."""
    named = Counter((row["country__code"], row["country__name"]) for row in rows if row["country__code"])
    most = _top(named, lambda item: (-item[1], item[0][1]))  # most rows first, then by name
    return Facet("country", "Country", [FacetOption(country_name, n, {"country": code})
                                        for (code, country_name), n in most])


def _related_country_facet(rows: list[dict], related: QuerySet, key: str) -> Facet:
    """Countries by how many of the rows they appear in through `related` (visible participants, parties):
    distinct records, read from the related table in one grouped query."""
    if not rows:
        return Facet("country", "Country", [])
    counted = (among(related.filter(country__isnull=False), [row["pk"] for row in rows], key)
               .values("country__code", "country__name").annotate(n=Count(key, distinct=True))
               .order_by("-n", "country__name")[:FACET_LIMIT])
    return Facet("country", "Country", [FacetOption(r["country__name"], r["n"], {"country": r["country__code"]})
                                        for r in counted])


def facets(kind: str, rows: list[dict]) -> list[Facet]:
    """The most common values of the filtered list's rows that `facet_sample` keeps (all of a list within
    the cap, the first FACET_SAMPLE of a longer one), counted from those rows; countries through participants or
    parties in one grouped query."""
    from archive.models import AgreementKind, AgreementStatus, OrganizationType

    if kind == "meeting":
        return [_related_country_facet(rows, visible_participants(), "meeting_id"), _year_facet(rows, "date")]
    if kind == "agreement":
        return [_field_facet(rows, "status", "status", "Status", AgreementStatus.choices),
                _field_facet(rows, "kind", "kind", "Kind", AgreementKind.choices),
                _related_country_facet(rows, visible_parties(), "agreement_id"), _year_facet(rows, "date")]
    if kind == "person":
        return [_country_facet(rows)]
    if kind == "organization":
        return [_field_facet(rows, "org_type", "type", "Type", OrganizationType.choices), _country_facet(rows)]
    if kind == "article":
        return [_field_facet(rows, "outlet", "outlet", "Outlet"), _year_facet(rows, "published")]
    return []


# ---------------------------------------------------------------- pictures

def meetings_by_month(rows: list[dict]) -> list[tuple[date, int]]:
    """[(first of month, meetings)] of the meetings' first rows (`facet_rows`), leaving out undated
    meetings and those dated only by year."""
    year_only = DatePrecision.YEAR
    # Counted by (year, month) and made dates once per month: `date.replace` on each of 10,001 rows was
    # most of the page's Python time outside rendering.
    months = Counter((day.year, day.month) for row in rows
                     if (day := row["date"]) is not None and row["date_precision"] != year_only)
    return sorted((date(year, month, 1), n) for (year, month), n in months.items())


@dataclass(frozen=True)
class Counterpart:
    kind: str  # "person" or "organization"
    id: int
    name: str
    meetings: int


def counterparts(person: Person, limit: int = 12) -> list[Counterpart]:
    """Whom `person` met, most meetings first: linked people and organizations a reader sees
    (`visible_participants`)."""
    met = MeetingParticipant.objects.filter(person=person, meeting__in=Meeting.objects.live()).values("meeting_id")
    rows = (
        visible_participants().filter(meeting_id__in=met)
        .exclude(person=person)
        .filter(Q(person__isnull=False) | Q(organization__isnull=False))
        .values("person_id", "person__name", "organization_id", "organization__name")
        .annotate(n=Count("meeting_id", distinct=True))
        .order_by("-n", Coalesce("person__name", "organization__name"), "person_id", "organization_id")[:limit]
    )
    return [
        Counterpart("person", r["person_id"], r["person__name"], r["n"]) if r["person_id"]
        else Counterpart("organization", r["organization_id"], r["organization__name"], r["n"])
        for r in rows
    ]


# ---------------------------------------------------------------- detail pages

def live_or_merged(model, pk) -> QuerySet:
    """The record by id unless rejected; a merged one is returned so the view can redirect."""
    records = model.objects.exclude(review_status=ReviewStatus.REJECTED).filter(pk=pk)
    return records.select_related("country") if model in (Person, Organization) else records


def _capped(queryset: QuerySet) -> tuple[list, bool]:
    rows = list(queryset[:DETAIL_LIMIT + 1])
    return rows[:DETAIL_LIMIT], len(rows) > DETAIL_LIMIT


def _articles_with_evidence(**target) -> QuerySet:
    return article_list().filter(Exists(Evidence.objects.filter(article=OuterRef("pk"), **target)))


def _evidence(**target) -> QuerySet:
    return (
        Evidence.objects.filter(**target)
        .select_related("article").defer(*(f"article__{f}" for f in ARTICLE_LIST_DEFER))
        .order_by(F("article__published").asc(nulls_last=True), "article_id", "start", "id")
    )


@dataclass
class RoleHeld:
    """One title a person held, once, with the dates and the articles that state it."""
    title: str
    organization: Organization | None
    country: Country | None
    dates: list = None  # [(date, precision)], oldest first
    articles: list = None  # distinct articles, oldest first
    by_curator: bool = False

    @property
    def first(self):
        return self.dates[0] if self.dates else None

    @property
    def last(self):
        return self.dates[-1] if self.dates else None


def roles_held(roles: list[Role]) -> list[RoleHeld]:
    """Roles grouped by title (case and spacing aside) and organization: "President" stated by seven
    articles is one row with seven sources. Latest first, undated titles last."""
    groups: dict[tuple, RoleHeld] = {}
    for role in roles:
        key = (" ".join(role.title.split()).casefold(), role.organization_id)
        held = groups.setdefault(key, RoleHeld(role.title, role.organization, role.country, [], []))
        held.country = held.country or role.country
        if role.date and (role.date, role.date_precision) not in held.dates:
            held.dates.append((role.date, role.date_precision))
        if role.article is None:
            held.by_curator = True
        elif all(a.pk != role.article.pk for a in held.articles):
            held.articles.append(role.article)
    for held in groups.values():
        held.dates.sort()
        held.articles.sort(key=lambda a: (a.published or date.max, a.pk))
    return sorted(groups.values(), key=lambda h: (h.last is None, -(h.last[0].toordinal() if h.last else 0)))


def person_page(person: Person) -> dict:
    meetings, more_meetings = _capped(meeting_list().filter(
        Exists(MeetingParticipant.objects.filter(meeting=OuterRef("pk"), person=person))))
    agreements, more_agreements = _capped(agreement_list().filter(
        Exists(AgreementParty.objects.filter(agreement=OuterRef("pk"), person=person))))
    articles, more_articles = _capped(_articles_with_evidence(person=person))
    return {
        "aliases": [a.name for a in person.aliases.all() if a.name != person.name],
        "roles": roles_held(list(
            Role.objects.filter(person=person)
            .select_related("organization", "country", "article").defer(*(f"article__{f}" for f in ARTICLE_LIST_DEFER))
            .order_by(*newest_first("date"))
        )),
        "meetings": meetings, "more_meetings": more_meetings,
        "agreements": agreements, "more_agreements": more_agreements,
        "articles": articles, "more_articles": more_articles,
        "counterparts": counterparts(person),
    }


def _once_per_person_and_title(roles) -> list[Role]:
    """Each person's title once (its latest statement; roles come newest first per person)."""
    seen, out = set(), []
    for role in roles:
        key = (role.person_id, " ".join(role.title.split()).casefold())
        if key not in seen:
            seen.add(key)
            out.append(role)
    return out


def organization_page(organization: Organization) -> dict:
    meetings, more_meetings = _capped(meeting_list().filter(
        Exists(MeetingParticipant.objects.filter(meeting=OuterRef("pk"), organization=organization))))
    agreements, more_agreements = _capped(agreement_list().filter(
        Exists(AgreementParty.objects.filter(agreement=OuterRef("pk"), organization=organization))))
    articles, more_articles = _capped(_articles_with_evidence(organization=organization))
    roles = (
        Role.objects.filter(organization=organization, person__in=Person.objects.live())
        .select_related("person", "person__country").order_by("person__name", *newest_first("date"))
    )
    return {
        "aliases": [a.name for a in organization.aliases.all() if a.name not in (organization.name, organization.acronym)],
        "roles": _once_per_person_and_title(roles[:DETAIL_LIMIT]),
        "meetings": meetings, "more_meetings": more_meetings,
        "agreements": agreements, "more_agreements": more_agreements,
        "articles": articles, "more_articles": more_articles,
    }


def meeting_page(meeting: Meeting) -> dict:
    return {
        "participants": list(participants().filter(meeting=meeting)),
        "evidence": list(_evidence(meeting=meeting)),
        "conflicts": list(meeting.conflicts.filter(resolved=False).select_related("article").only(
            "field", "kept_value", "other_value", "meeting_id", "article__id", "article__title")),
    }


def agreement_page(agreement: Agreement) -> dict:
    history = (
        AgreementStatusChange.objects.filter(agreement=agreement)
        .select_related("article", "evidence").defer(*(f"article__{f}" for f in ARTICLE_LIST_DEFER))
        .order_by(F("date").asc(nulls_last=True), "created_at", "id")
    )
    return {
        "parties": list(parties().filter(agreement=agreement)),
        "sectors": list(agreement.sectors.all()),
        "history": list(history),
        "evidence": list(_evidence(agreement=agreement)),
        "conflicts": list(agreement.conflicts.filter(resolved=False).select_related("article").only(
            "field", "kept_value", "other_value", "agreement_id", "article__id", "article__title")),
    }


@dataclass(frozen=True)
class Segment:
    """A run of an article body: plain text, or (part of) the mention of a record (kind and id)."""
    text: str
    kind: str = ""
    record_id: int | None = None
    label: str = ""
    evidence_id: int | None = None
    first: bool = False  # the first piece of its mention: where links to the mention (#mention-<id>) land


def _evidence_label(e: Evidence) -> tuple[str, int, str]:
    for kind in Evidence.TARGETS:
        record = getattr(e, kind)
        if record is not None:
            if kind == "meeting":
                return kind, record.id, f"meeting {record.date or 'undated'} {record.location}".strip()
            return kind, record.id, getattr(record, "name", None) or getattr(record, "title", "")
    raise ValueError("evidence without a target")


def highlight(body: str, evidence: list[Evidence]) -> list[Segment]:
    """`body` cut at the mentions of live records by the rule every page marks mentions with
    (`archive.mentions`: nested spans each keep their own piece; spans outside the text are clipped)."""
    segments, seen = [], set()
    for text, e in mention_pieces(body, evidence):
        if e is None:
            segments.append(Segment(text))
            continue
        kind, record_id, label = _evidence_label(e)
        segments.append(Segment(text, kind, record_id, label, e.id, first=e.id not in seen))
        seen.add(e.id)
    return segments


def _live_target() -> Q:
    condition = Q()
    for kind in Evidence.TARGETS:
        condition |= Q(**{f"{kind}__isnull": False}) & ~Q(**{f"{kind}__review_status": ReviewStatus.REJECTED}) & Q(
            **{f"{kind}__merged_into__isnull": True})
    return condition


def article_page(article: Article) -> dict:
    evidence = list(
        Evidence.objects.filter(article=article).filter(_live_target())
        .select_related(*Evidence.TARGETS).order_by("start", "id")
    )
    records = {kind: {} for kind in Evidence.TARGETS}
    for e in evidence:
        kind, record_id, _ = _evidence_label(e)
        records[kind].setdefault(record_id, getattr(e, kind))
    return {
        "segments": highlight(article.body, evidence),
        "people": sorted(records["person"].values(), key=lambda p: p.name),
        "organizations": sorted(records["organization"].values(), key=lambda o: o.name),
        "meetings": sorted(records["meeting"].values(), key=lambda m: (m.date or date.min, m.id)),
        "agreements": sorted(records["agreement"].values(), key=lambda a: a.title),
    }


def article_snippets(article_ids: list[int], text: str) -> dict[int, list[tuple[str, bool]]]:
    """{id: [(text, is_match)]}: the matching passage of each listed article."""
    return headlines(Article.objects.filter(id__in=article_ids), text)


SEARCH_COUNT_CAP = 1000


@dataclass(frozen=True)
class Found:
    """One record type's part of the search page: the first rows and how many match in all."""
    rows: list
    count: int
    capped: bool  # more than SEARCH_COUNT_CAP match


def _found(matching: QuerySet, rows: QuerySet, limit: int) -> Found:
    """The first `limit` of `matching` and how many match, from one read of their ids (up to
    SEARCH_COUNT_CAP + 1); the rows themselves come from `rows` (the unfiltered list) by id, so the
    search is not run a second time."""
    ids = list(matching.prefetch_related(None).values_list("pk", flat=True)[: SEARCH_COUNT_CAP + 1])
    return Found(in_order(rows, ids[:limit]), min(len(ids), SEARCH_COUNT_CAP), len(ids) > SEARCH_COUNT_CAP)


def _found_articles(text: str, limit: int) -> Found:
    """Articles: the search counted its matches when it chose their order."""
    matches, counted = articles_matching(article_list(), text)
    rows = list(matches[:limit])
    counted = counted or 0
    return Found(rows, min(counted, SEARCH_COUNT_CAP), counted > SEARCH_COUNT_CAP)


def search_everything(text: str, limit: int = 10) -> dict:
    """The site-wide search page: for each record type its first matches and their count (counted up to
    SEARCH_COUNT_CAP), and the matching passage of each article."""
    found = {
        "articles": _found_articles(text, limit),
        "people": _found(people_named(person_list(), text), person_list(), limit),
        "organizations": _found(organizations_named(organization_list(), text), organization_list(), limit),
        "meetings": _found(meetings_matching(meeting_list(), text), meeting_list(), limit),
        "agreements": _found(agreements_matching(agreement_list(), text), agreement_list(), limit),
    }
    return {
        **{kind: f.rows for kind, f in found.items()}, "found": found,
        "total": sum(f.count for f in found.values()),
        "snippets": article_snippets([a.id for a in found["articles"].rows], text) if found["articles"].rows else {},
    }


def countries() -> QuerySet:
    return Country.objects.order_by("name")
