"""The archive as one JSON document in the "archive-export/1" format.

Ids are the archive's primary keys; each record's `articles` are the articles
its evidence quotes. Rejected and merged-away records are left out. A handful
of queries whatever the size: links are read in bulk and grouped in Python.
"""

from __future__ import annotations

from collections import defaultdict

from archive.models import (
    Agreement, AgreementParty, Article, Evidence, Meeting, MeetingParticipant, Organization,
    OrganizationAlias, Person, PersonAlias,
)

FORMAT = "archive-export/1"


def export_archive() -> dict:
    articles_of = articles_by_record()
    return {
        "format": FORMAT,
        "articles": list(export_articles()),
        "persons": list(export_persons(articles_of["person"])),
        "organizations": list(export_organizations(articles_of["organization"])),
        "meetings": list(export_meetings(articles_of["meeting"])),
        "agreements": list(export_agreements(articles_of["agreement"])),
    }


def iso(date) -> str | None:
    return date.isoformat() if date else None


def articles_by_record() -> dict[str, dict[int, list[int]]]:
    """{"person": {person id: [article ids]}, ...} from the evidence table, in one query."""
    links = defaultdict(lambda: defaultdict(set))
    rows = Evidence.objects.values_list("article_id", *(f"{t}_id" for t in Evidence.TARGETS)).distinct()
    for article_id, *targets in rows.iterator():
        for target, record_id in zip(Evidence.TARGETS, targets):
            if record_id:
                links[target][record_id].add(article_id)
    return {t: {rid: sorted(ids) for rid, ids in links[t].items()} for t in Evidence.TARGETS}


def grouped(rows) -> dict[int, list]:
    out = defaultdict(list)
    for key, value in rows:
        out[key].append(value)
    return out


def export_articles():
    for a in Article.objects.order_by("id").iterator():
        yield {"id": a.id, "title": a.title, "outlet": a.outlet or None, "published": iso(a.published),
               "dateline": a.dateline or None, "byline": a.byline or None, "source": a.source_name}


def export_persons(articles_of: dict):
    aliases = grouped(PersonAlias.objects.values_list("person_id", "name"))
    for p in Person.objects.live().select_related("country").order_by("id").iterator():
        yield {"id": p.id, "name": p.name, "aliases": [a for a in aliases[p.id] if a != p.name],
               "role": p.title or None, "country": p.country.name if p.country else None,
               "articles": articles_of.get(p.id, [])}


def export_organizations(articles_of: dict):
    aliases = grouped(OrganizationAlias.objects.values_list("organization_id", "name"))
    for o in Organization.objects.live().select_related("country").order_by("id").iterator():
        yield {"id": o.id, "name": o.name, "acronym": o.acronym or None, "type": o.org_type,
               "country": o.country.name if o.country else None,
               "aliases": [a for a in aliases[o.id] if a not in (o.name, o.acronym)],
               "articles": articles_of.get(o.id, [])}


def export_meetings(articles_of: dict):
    live_people = set(Person.objects.live().values_list("id", flat=True))
    live_orgs = set(Organization.objects.live().values_list("id", flat=True))
    people = grouped(MeetingParticipant.objects.filter(person__isnull=False).values_list("meeting_id", "person_id"))
    orgs = grouped(
        MeetingParticipant.objects.filter(organization__isnull=False).values_list("meeting_id", "organization_id")
    )
    for m in Meeting.objects.live().order_by("id").iterator():
        yield {"id": m.id, "date": iso(m.date), "location": m.location or None,
               "participants": [p for p in people[m.id] if p in live_people],
               "organizations": [o for o in orgs[m.id] if o in live_orgs],
               "topic": m.topic or None, "articles": articles_of.get(m.id, [])}


def export_agreements(articles_of: dict):
    parties = grouped(AgreementParty.objects.order_by("id").values_list("agreement_id", "name"))
    for a in Agreement.objects.live().order_by("id").iterator():
        yield {"id": a.id, "title": a.title, "kind": a.kind, "status": a.status,
               "parties": parties[a.id], "date": iso(a.date),
               "value_usd": float(a.value_usd) if a.value_usd is not None else None,
               "articles": articles_of.get(a.id, [])}
