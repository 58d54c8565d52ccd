"""Meetings and agreements: one record per event, whichever outlets report it.

Merging rules across articles (never within one: the extractor already told
an article's events apart):
- A meeting is the same as an existing one when at least two resolved people
  took part in both (participant overlap, Jaccard >= 0.5) and the dates agree:
  equal, within `DATE_SLACK` days (the later value is then flagged as a
  conflict), or one unknown while the other falls within `REPORT_WINDOW` days
  of the publication of the article that left it undated.
- An agreement is the same as an existing one of the same kind when their
  titles agree (token-set similarity >= `TITLE_SIMILARITY`) and so do their
  parties (at least half of all parties named on either side are on both):
  "a joint declaration on energy" of Kazakhstan and Pakistan is not that of
  Uzbekistan and Pakistan. Each article's status is kept as a step of its history; the record
  shows the status of its most recent source.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Q
from rapidfuzz import fuzz

from archive.extraction.entities import names
from archive.extraction.records import ExtractedAgreement, ExtractedArticle, ExtractedMeeting
from archive.models import (
    Agreement, AgreementParty, AgreementStatusChange, Article, Evidence, FieldConflict, Meeting,
    MeetingParticipant, ReviewStatus, Sector,
)

from .countries import country_for
from .fields import fit_rows, fit_value, save_extracted
from .locks import lock_meeting_people
from .people import REJECTED, add_evidence
from .previous import PreviousRecords
from .report import IngestReport

DATE_SLACK = datetime.timedelta(days=1)
REPORT_WINDOW = datetime.timedelta(days=7)
TITLE_SIMILARITY = 90
STATUS_ORDER = ["proposed", "negotiating", "signed", "in_force"]


def fuzzy_date_values(date) -> dict:
    if date is None:
        return {"date": None, "date_precision": "", "date_text": ""}
    return {"date": date.value, "date_precision": date.precision.value, "date_text": date.text}


# --- meetings -------------------------------------------------------------------------------------

def write_meetings(extracted: ExtractedArticle, article: Article, people: dict, orgs: dict,
                   report: IngestReport, previous: PreviousRecords) -> None:
    known_people = {p.name for p in extracted.people}
    lock_meeting_people(people[n].pk for ext in extracted.meetings for n in ext.participants if n in people)
    for ext in extracted.meetings:
        persons = [people[n] for n in ext.participants if n in people]
        own = previous.take_meeting(ext, persons, orgs)  # this article's own meeting, before its text changed
        meeting = unless_rejected(own) if own else find_same_meeting(ext, persons, article)
        if meeting is REJECTED:
            report.count("records skipped as rejected")
            continue
        created = meeting is None
        meeting = meeting or Meeting()
        values = {**fuzzy_date_values(ext.date), "location": ext.location or "", "topic": ext.topic or ""}
        conflicts = [] if created or own else disagreements(meeting, values)
        if not created and not own:
            values = keep_first_values(meeting, values)
        save_extracted(meeting, values, ext.confidence)
        add_evidence(article, ext.evidence, meeting=meeting)
        flag_conflicts(meeting, conflicts, article, first_evidence(article, ext.evidence, meeting=meeting), report)
        write_participants(meeting, ext, persons, orgs, known_people)
        report.count("meetings created" if created else "meetings linked")


def write_participants(meeting: Meeting, ext: ExtractedMeeting, persons: list, orgs: dict, known_people: set) -> None:
    """Link who took part; a name the text gives but no resolved person stands is still a participant."""
    rows = [MeetingParticipant(meeting=meeting, person=p, name=p.name, country_id=p.country_id)
            for p in persons]
    rows += [MeetingParticipant(meeting=meeting, name=name) for name in ext.participants
             if name not in known_people]
    named = [*ext.organizations, *ext.participants]  # a participant's name may stand for an organization now
    rows += [MeetingParticipant(meeting=meeting, organization=org, name=org.name, country_id=org.country_id)
             for org in dict.fromkeys(filter(None, map(orgs.get, named)))]
    MeetingParticipant.objects.bulk_create(fit_rows(rows), ignore_conflicts=True)  # links already there stay as they are


def find_same_meeting(ext: ExtractedMeeting, persons: list, article: Article):
    """The meeting of another article that `ext` reports too: the closest match wins, ties to the oldest."""
    ids = {p.pk for p in persons}
    date = ext.date and ext.date.value
    window = date_window(date, article.published)
    if len(ids) < 2 or window is None:
        return None
    candidates = (
        Meeting.objects.filter(window, participants__person__in=ids).exclude(evidence__article=article)
        .distinct().order_by("id").prefetch_related("participants")
    )
    scored = []
    for meeting in candidates:
        theirs = {p.person_id for p in meeting.participants.all() if p.person_id}
        overlap = len(ids & theirs) / len(ids | theirs)
        if len(ids & theirs) >= 2 and overlap >= 0.5 and dates_agree(date, meeting.date, article.published):
            scored.append((overlap, date is not None and date == meeting.date, -meeting.pk, meeting))
    if not scored:
        return None
    target = max(scored, key=lambda row: row[:3])[3].resolved()
    return REJECTED if target.review_status == ReviewStatus.REJECTED else target


def date_window(date: datetime.date | None, published: datetime.date | None) -> Q | None:
    """Meetings whose date could agree with `date` (see `dates_agree`), as a filter; None when none can."""
    if date:  # an undated meeting qualifies when an article reporting it appeared near `date`
        return Q(date__range=(date - DATE_SLACK, date + DATE_SLACK)) | Q(
            date=None, evidence__article__published__range=(date - REPORT_WINDOW, date + REPORT_WINDOW))
    if published:
        return Q(date__range=(published - REPORT_WINDOW, published + REPORT_WINDOW))
    return None


def dates_agree(new: datetime.date | None, old: datetime.date | None, published: datetime.date | None) -> bool:
    if new and old:
        return abs(new - old) <= DATE_SLACK
    known = new or old
    return known is not None and published is not None and abs(published - known) <= REPORT_WINDOW


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


def flag_conflicts(meeting: Meeting, conflicts, article: Article, evidence, report: IngestReport) -> None:
    for field, kept, other in conflicts:
        FieldConflict.objects.get_or_create(
            meeting=meeting, field=field, article=article,
            defaults={"kept_value": fit_value(FieldConflict._meta.get_field("kept_value"), kept),
                      "other_value": fit_value(FieldConflict._meta.get_field("other_value"), other),
                      "evidence": evidence})
        report.count("conflicts flagged")


def first_evidence(article: Article, evidence, **target) -> Evidence | None:
    """The stored row of a record's first piece of evidence in this article."""
    if not evidence:
        return None
    first = evidence[0]
    return Evidence.objects.filter(article=article, start=first.start, end=first.end, **target).first()


# --- agreements -----------------------------------------------------------------------------------

def unless_rejected(record):
    return REJECTED if record.review_status == ReviewStatus.REJECTED else record


def write_agreements(extracted: ExtractedArticle, article: Article, orgs: dict, report: IngestReport,
                     previous: PreviousRecords) -> None:
    for ext in extracted.agreements:
        own = previous.take_agreement(ext)
        agreement = unless_rejected(own) if own else find_same_agreement(ext)
        if agreement is REJECTED:
            report.count("records skipped as rejected")
            continue
        created = agreement is None
        agreement = agreement or Agreement()
        newest = created or is_newest_source(agreement, article)
        values = agreement_values(ext, agreement, created=created, newest=newest)
        save_extracted(agreement, values, ext.confidence)
        add_evidence(article, ext.evidence, agreement=agreement)
        write_parties(agreement, ext, orgs)
        add_sectors(agreement, ext.sectors)
        first = first_evidence(article, ext.evidence, agreement=agreement)
        AgreementStatusChange.objects.bulk_create(
            fit_rows([AgreementStatusChange(agreement=agreement, status=ext.status, article=article, evidence=first,
                                            **fuzzy_date_values(ext.date))]),
            ignore_conflicts=True)  # one step per agreement, status and article
        report.count("agreements created" if created else "agreements linked")


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


def find_same_agreement(ext: ExtractedAgreement):
    parties = [p for p in ext.parties if p]
    countries = [c for c in (country_for(p) for p in parties) if c]
    ours = party_keys((getattr(country_for(p), "id", None), p) for p in parties)
    candidates = Agreement.objects.filter(kind=ext.kind)
    if len(countries) >= 2:  # most parties must be shared: with two countries, both
        for country in countries[:2]:
            candidates = candidates.filter(parties__country=country)
    else:
        candidates = candidates.filter(Q(parties__country__in=countries) | Q(parties__name__in=parties))
    candidates = candidates.distinct().order_by("-id").prefetch_related("parties")[:50]
    title = names.fold(ext.title)
    for agreement in candidates:
        theirs = party_keys((p.country_id, p.name) for p in agreement.parties.all())
        if (len(ours & theirs) / len(ours | theirs) >= 0.5
                and fuzz.token_set_ratio(title, names.fold(agreement.title)) >= TITLE_SIMILARITY):
            target = agreement.resolved()
            return REJECTED if target.review_status == ReviewStatus.REJECTED else target
    return None


def party_keys(parties) -> set:
    """A country by its id, anything else by its folded name: "Pakistan" and "Islamic Republic of Pakistan" are one party."""
    return {country_id if country_id else names.normalize(name) for country_id, name in parties}


def is_newest_source(agreement: Agreement, article: Article) -> bool:
    if article.published is None:
        return False
    dates = agreement.status_changes.exclude(article__published=None).values_list("article__published", flat=True)
    return all(article.published >= d for d in dates)


def write_parties(agreement: Agreement, ext: ExtractedAgreement, orgs: dict) -> None:
    rows = []
    for name in ext.parties:
        country = country_for(name)
        rows.append(AgreementParty(agreement=agreement, name=name, role="party", country=country,
                                   organization=None if country else orgs.get(name)))
    AgreementParty.objects.bulk_create(fit_rows(rows), ignore_conflicts=True)


def add_sectors(agreement: Agreement, names: list[str]) -> None:
    names = {fit_value(Sector._meta.get_field("name"), name.lower()) for name in names}
    if names:
        Sector.objects.bulk_create([Sector(name=name) for name in names], ignore_conflicts=True)
        agreement.sectors.add(*Sector.objects.filter(name__in=names))

