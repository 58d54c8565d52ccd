"""Meetings and agreements: one record per event, whichever outlets report it.

Merging rules across articles (never within one: the extractor already told
an article's events apart):
- A meeting is the same as an existing one when at least two resolved people
  took part in both (participant overlap, Jaccard >= 0.5) and the dates agree:
  equal, within `batch_events.DATE_SLACK` days (the later value is then flagged as a
  conflict), or one unknown while the other falls within `batch_events.REPORT_WINDOW` days
  of the publication of the article that left it undated.
- An agreement is the same as an existing one of the same kind when their
  titles agree (token-set similarity >= `batch_events.TITLE_SIMILARITY`) and so do their
  parties (at least half of all parties named on either side are on both):
  "a joint declaration on energy" of Kazakhstan and Pakistan is not that of
  Uzbekistan and Pakistan. Each article's status is kept as a step of its history; the record
  shows the status of its most recent source.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Max

from archive.extraction.entities import names
from archive.extraction.records import ExtractedAgreement, ExtractedArticle, ExtractedMeeting
from archive.models import (
    Agreement, AgreementParty, AgreementStatusChange, Article, FieldConflict, Meeting,
    MeetingParticipant, ReviewStatus, Sector,
)

from .batch_events import BatchAgreements, party_keys, similar_titles
from .countries import country_for
from .fields import apply_record_values, fit_rows, fit_value, is_newest_source
from .locks import lock_meeting_people
from .people import REJECTED
from .previous import PreviousRecords
from .report import IngestReport
from .rows import ArticleRows, record_key, save_records

STATUS_ORDER = ["proposed", "negotiating", "signed", "in_force"]


def fuzzy_date_values(date) -> dict:
    if date is None:
        return {"date": None, "date_precision": "", "date_text": ""}
    return {"date": date.value, "date_precision": date.precision.value, "date_text": date.text}


# --- meetings -------------------------------------------------------------------------------------

def write_meetings(extracted: ExtractedArticle, article: Article, people: dict, orgs: dict,
                   report: IngestReport, previous: PreviousRecords, rows: ArticleRows) -> None:
    known_people = {p.name for p in extracted.people}
    index = rows.batch.meetings()
    lock_meeting_people(people[n].pk for ext in extracted.meetings for n in ext.participants
                        if n in people and people[n].pk is not None)  # one the batch created no other writer knows
    touched, seen, made_here = [], set(), set()  # seen: this article's meetings, never the same as another of its meetings
    for ext in extracted.meetings:
        persons = [people[n] for n in ext.participants if n in people]
        own = previous.take_meeting(ext, persons, orgs)  # this article's own meeting, before its text changed
        meeting = unless_rejected(own) if own else unless_rejected(index.find(ext, persons, article.published, seen))
        if meeting is REJECTED:
            report.count("records skipped as rejected")
            continue
        created = meeting is None
        meeting = meeting or Meeting()
        if created:
            made_here.add(id(meeting))
        values = {**fuzzy_date_values(ext.date), "location": ext.location or "", "topic": ext.topic or ""}
        conflicts = [] if created or own else disagreements(meeting, values)
        if not created and not own:
            values = keep_first_values(meeting, values)
        written = apply_record_values(meeting, values, ext.confidence, ext.features)
        touched.append((meeting, written, ext, persons, conflicts))
        seen.add(record_key(meeting))
        report.count("meetings created" if created else "meetings linked")
    save_records(touched, rows.batch)
    for meeting, _, ext, persons, conflicts in touched:
        rows.add_evidence(ext.evidence, meeting=meeting)
        flag_conflicts(meeting, conflicts, article, rows.first_evidence(ext.evidence, meeting=meeting), report, rows)
        participants = fit_rows(participant_rows(meeting, ext, persons, orgs, known_people))
        rows.batch.links += participants  # written with the batch's; links already there stay
        index.wrote(meeting, {record_key(p.person) for p in participants if p.person},
                    [article.published] if ext.evidence else [], created=id(meeting) in made_here)


def once(records) -> list:
    """Each record once, in order (one the batch created has no id to hash yet)."""
    kept = {}
    for record in records:
        kept.setdefault(record_key(record), record)
    return list(kept.values())


def participant_rows(meeting: Meeting, ext: ExtractedMeeting, persons: list, orgs: dict, known_people: set) -> list:
    """Who took part; a name the text gives but no resolved person stands is still a participant."""
    rows = [MeetingParticipant(meeting=meeting, person=p, name=p.name, country_id=p.country_id)
            for p in persons]
    rows += [MeetingParticipant(meeting=meeting, name=name) for name in ext.participants
             if name not in known_people]
    named = [*ext.organizations, *ext.participants]  # a participant's name may stand for an organization now
    rows += [MeetingParticipant(meeting=meeting, organization=org, name=org.name, country_id=org.country_id)
             for org in once(filter(None, map(orgs.get, named)))]
    return rows


def disagreements(meeting: Meeting, values: dict) -> list[tuple[str, str, str]]:
    """(field, kept value, other value) where a new source contradicts the meeting."""
    out = []
    for field in ("date", "location"):
        current, new = getattr(meeting, field), values[field]
        if current and new and current != new:
            out.append((field, str(current), str(new)))
    return out


def keep_first_values(meeting: Meeting, values: dict) -> dict:
    """The values a meeting already has win; a new source only fills what is missing."""
    kept = dict(values)
    if meeting.date:
        kept.update(date=meeting.date, date_precision=meeting.date_precision, date_text=meeting.date_text)
    kept["location"] = meeting.location or values["location"]
    kept["topic"] = meeting.topic or values["topic"]
    return kept


def flag_conflicts(meeting: Meeting, conflicts, article: Article, evidence, report: IngestReport,
                   rows: ArticleRows) -> None:
    for field, kept, other in conflicts:  # one per meeting, field and article: one already there stays
        rows.add_after(FieldConflict(
            meeting=meeting, field=field, article=article, evidence=evidence,
            kept_value=fit_value(FieldConflict._meta.get_field("kept_value"), kept),
            other_value=fit_value(FieldConflict._meta.get_field("other_value"), other)))
        report.count("conflicts flagged")


# --- agreements -----------------------------------------------------------------------------------

def unless_rejected(record):
    return REJECTED if record is not None and record.review_status == ReviewStatus.REJECTED else record


def write_agreements(extracted: ExtractedArticle, article: Article, orgs: dict, report: IngestReport,
                     previous: PreviousRecords, rows: ArticleRows) -> None:
    """Find or create each agreement in the order of the text; their parties, sectors and changes are written
    with the batch's (`rows.BatchRows`). A later agreement of the article may be an earlier one again
    (`ArticleAgreements`), as it could when each was written before the next was read."""
    index = rows.batch.agreements()
    made_here = set()  # id() of the agreements this article creates
    mine = ArticleAgreements(index, made_here)
    touched = []
    for ext in extracted.agreements:
        own = previous.take_agreement(ext)
        agreement = unless_rejected(own) if own else mine.same_as(ext)
        if agreement is REJECTED:
            report.count("records skipped as rejected")
            continue
        created = agreement is None
        agreement = agreement or Agreement()
        if created:
            made_here.add(id(agreement))
        dates = [] if id(agreement) in made_here else [latest_source_date(agreement)]
        newest = created or is_newest_source(article.published, dates)
        values = agreement_values(ext, agreement, created=created, newest=newest)
        touched.append((agreement, apply_record_values(agreement, values, ext.confidence, ext.features), ext))
        mine.add(agreement, ext)
        report.count("agreements created" if created else "agreements linked")
    save_records(touched, rows.batch)
    for agreement, _, ext in touched:
        parties = fit_rows(party_rows(agreement, ext, orgs))
        rows.batch.links += parties
        index.wrote(agreement, [(p.country_id, p.name) for p in parties], article.published,
                    created=id(agreement) in made_here)
    rows.batch.links += sector_rows([(agreement, ext.sectors) for agreement, _, ext in touched])
    for agreement, _, ext in touched:
        rows.add_evidence(ext.evidence, agreement=agreement)
        rows.add_after(AgreementStatusChange(  # one step per agreement, status and article
            agreement=agreement, status=ext.status, article=article,
            evidence=rows.first_evidence(ext.evidence, agreement=agreement), **fuzzy_date_values(ext.date)))


class ArticleAgreements:
    """The agreements an article has found or created so far, with the parties it gave them."""

    def __init__(self, index: BatchAgreements, made_here: set):
        self.index, self.made_here = index, made_here
        self.records: list = []
        self.keys: dict[int, set] = {}  # id(record) -> party keys

    def add(self, agreement: Agreement, ext: ExtractedAgreement) -> None:
        if id(agreement) not in self.keys:
            self.records.append(agreement)
            self.keys[id(agreement)] = party_keys(self.index.parties_of(agreement))
        self.keys[id(agreement)] |= party_keys((getattr(country_for(p), "id", None), p) for p in ext.parties if p)

    def same_as(self, ext: ExtractedAgreement):
        """The agreement `ext` is: the newest that agrees, among this article's and the archive's."""
        here = [a for a in self.records if a.kind == ext.kind and agrees(ext, a.title, self.keys[id(a)])]
        new_here = [a for a in here if id(a) in self.made_here]
        if new_here:
            return new_here[-1]
        found = self.index.find(ext)
        if found is not None and found.review_status == ReviewStatus.REJECTED:
            return REJECTED
        known = [a for a in here if id(a) not in self.made_here] + ([found] if found else [])
        best = max(known, key=self.index.age, default=None)
        return next((a for a in self.records if best is not None and record_key(a) == record_key(best)), best)


def agrees(ext: ExtractedAgreement, title: str, theirs: set) -> bool:
    """Same parties (at least half of all named on either side) and a similar title."""
    ours = party_keys((getattr(country_for(p), "id", None), p) for p in ext.parties if p)
    shared = ours & theirs
    countries = [c.id for c in (country_for(p) for p in ext.parties if p) if c]
    required = set(countries[:2]) if len(countries) >= 2 else None
    return (bool(shared) and (required is None or required <= theirs)
            and len(shared) / len(ours | theirs) >= 0.5
            and similar_titles(ext.title, title))


def latest_source_date(agreement: Agreement):
    """The publication date of the latest article that stated the agreement's status: annotated on the
    candidates read (`LATEST_SOURCE`), read here for one reached otherwise (through a merge)."""
    if hasattr(agreement, "latest_source"):
        return agreement.latest_source
    return agreement.status_changes.aggregate(latest=Max("article__published"))["latest"]


def agreement_values(ext: ExtractedAgreement, agreement: Agreement, *, created: bool, newest: bool) -> dict:
    values = {
        "title": ext.title, "kind": ext.kind, "status": ext.status, **fuzzy_date_values(ext.date),
        "value_usd": decimal(ext.value_usd), "amount": decimal(ext.amount), "currency": ext.currency or "",
        "count": ext.count,
    }
    if created:
        return values
    # A later article speaks for the status; earlier values stay unless the new source adds one.
    current = {
        "title": agreement.title if len(agreement.title) >= len(ext.title) else ext.title,
        "kind": agreement.kind, "status": ext.status if newest else agreement.status,
        "date": agreement.date, "date_precision": agreement.date_precision, "date_text": agreement.date_text,
        "value_usd": agreement.value_usd, "amount": agreement.amount, "currency": agreement.currency,
        "count": agreement.count,
    }
    if not agreement.date or (newest and ext.date and ext.status in ("signed", "in_force")):
        current.update(fuzzy_date_values(ext.date) if ext.date else {})
    return {k: (current[k] if current[k] not in (None, "") else values[k]) for k in values}


def decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 2)))


def party_rows(agreement: Agreement, ext: ExtractedAgreement, orgs: dict) -> list:
    rows = []
    for name in ext.parties:
        country = country_for(name)
        rows.append(AgreementParty(agreement=agreement, name=name, role="party", country=country,
                                   organization=None if country else orgs.get(name)))
    return rows


def sector_rows(named: list) -> list:
    """The rows linking each agreement to its sectors [(agreement, sector names)]."""
    wanted = [(agreement, {fit_value(Sector._meta.get_field("name"), name.lower()) for name in names})
              for agreement, names in named]
    if not any(names for _, names in wanted):
        return []
    ids = sector_ids(set().union(*(names for _, names in wanted)))
    through = Agreement.sectors.through
    return [through(agreement=agreement, sector_id=ids[name]) for agreement, names in wanted for name in names]


_sectors: dict[str, int] = {}  # name -> id, for one run (see `forget_sectors`)


def sector_ids(names: set[str]) -> dict[str, int]:
    """Ids of the sectors named, created when missing. Kept for the run once the article that
    read them commits (a rolled-back article's new sectors are gone)."""
    known = {name: _sectors[name] for name in names if name in _sectors}
    if missing := names - set(known):
        Sector.objects.bulk_create([Sector(name=name) for name in missing], ignore_conflicts=True)
        found = dict(Sector.objects.filter(name__in=missing).values_list("name", "id"))
        transaction.on_commit(lambda: _sectors.update(found))
        known |= found
    return known


def forget_sectors() -> None:
    _sectors.clear()
