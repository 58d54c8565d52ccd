"""Meetings and agreements that may be one: participants or parties, and dates, places or titles that agree."""

from __future__ import annotations

import calendar
import datetime
import itertools
import re
from collections import defaultdict

from django.db import models
from rapidfuzz import fuzz

from archive.extraction.entities import names
from archive.extraction.lexicon.events import GENERIC_HEADS
from archive.extraction.lexicon.words import ORG_CONNECTORS
from archive.models import Agreement, AgreementParty, Meeting, MeetingParticipant

from .blocking import MAX_BLOCK, anchored, articles_of, linked_sets, live, pairs_in_blocks, records_among, scored

AGREEMENT_SIMILARITY = 80
DATE_WINDOW = datetime.timedelta(days=3)
MEETING_OVERLAP = 0.5  # Jaccard of the participants (people and organizations)
PARTY_OVERLAP = 0.5  # Jaccard of the parties, as ingest
GENERIC_HEAD = re.compile(rf"\b(?:{GENERIC_HEADS})\b")
# Words that qualify any agreement's title and tell no document from another.
GENERIC_TITLE_WORDS = frozenset({
    "joint", "bilateral", "trilateral", "multilateral", "intergovernmental", "interstate", "draft", "new",
    "signed", "between", "with", "cooperation", "understanding", "several", "various", "two", "three", "sides",
    "countries", "government", "governments", "republic", "field", "area", "areas", "sphere", "spheres",
})


def date_span(date: datetime.date | None, precision: str) -> tuple[datetime.date, datetime.date] | None:
    """The days a fuzzy date covers: one day, its month or its year."""
    if date is None:
        return None
    if precision == "year":
        return datetime.date(date.year, 1, 1), datetime.date(date.year, 12, 31)
    if precision == "month":
        return date.replace(day=1), date.replace(day=calendar.monthrange(date.year, date.month)[1])
    return date, date


def dates_agree(a: tuple | None, b: tuple | None) -> bool | None:
    """True when the spans of two dates come within `DATE_WINDOW` of each other, False when they do not,
    None when a date is unknown."""
    if a is None or b is None:
        return None
    return a[0] - DATE_WINDOW <= b[1] and b[0] - DATE_WINDOW <= a[1]


def place_key(location: str) -> str:
    return " ".join(names.translit(w) for w in names.normalize(location).split())


def overlap(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def meeting_pairs(among: list[int] | None = None, anchor: int | None = None) -> dict:
    meetings = {pk: (date_span(date, precision), place_key(location)) for pk, date, precision, location in
                records_among(Meeting, among).values_list("pk", "date", "date_precision", "location")}
    sides = linked_sets(MeetingParticipant.objects.filter(
        meeting__in=list(meetings) if among else live(Meeting)), "meeting_id", "person_id", "organization_id")
    pairs = meeting_blocks(meetings, sides) if anchor is None else anchored(anchor, meetings)
    articles = articles_of("meeting", {pk for pair in pairs for pk in pair})
    found = {}
    for low, high in pairs:
        if articles[low] & articles[high]:
            continue  # told apart by the extractor within one article
        if result := compare_meetings(meetings[low], meetings[high], sides[low], sides[high]):
            found[(low, high)] = result
    return found


def meeting_blocks(meetings: dict, sides: dict) -> set[tuple[int, int]]:
    """Meetings that share two participants, or one participant and the place."""
    blocks = defaultdict(list)
    for pk, (_, place) in meetings.items():
        keys = sorted(sides[pk])[:8]
        for key in keys:
            if place:
                blocks[(key, place)].append(pk)
        for pair in itertools.combinations(keys, 2):
            blocks[pair].append(pk)
    return pairs_in_blocks(blocks)


def compare_meetings(a: tuple, b: tuple, sides_a: set, sides_b: set) -> tuple[float, list[str]] | None:
    """A meeting pair's score when its participants mostly agree and so does its date or its place."""
    shared = len(sides_a & sides_b)
    share = overlap(sides_a, sides_b)
    same_date, same_place = dates_agree(a[0], b[0]), (a[1] == b[1]) if a[1] and b[1] else None
    if share < MEETING_OVERLAP or same_date is False or same_place is False:
        return None
    if not (same_date or same_place) or (shared < 2 and not (same_date and same_place)):
        return None  # participants alone say nothing: one delegation meets often
    return scored(share, f"{shared} shared participant(s)", {"dates agree": same_date, "same place": same_place})


def meeting_candidates(meeting: Meeting) -> list[int]:
    people = meeting.participants.exclude(person=None).values_list("person_id", flat=True)
    orgs = meeting.participants.exclude(organization=None).values_list("organization_id", flat=True)
    query = models.Q(participants__person__in=people) | models.Q(participants__organization__in=orgs)
    return list(live(Meeting).filter(query).exclude(pk=meeting.pk).values_list("pk", flat=True).distinct()
                .order_by("-pk")[:MAX_BLOCK])


def agreement_pairs(among: list[int] | None = None, anchor: int | None = None) -> dict:
    agreements = {pk: (kind, names.fold(title), date_span(date, precision)) for pk, kind, title, date, precision
                  in records_among(Agreement, among).values_list("pk", "kind", "title", "date", "date_precision")}
    parties, party_words = defaultdict(set), defaultdict(set)
    for agreement_id, country_id, org_id, name in AgreementParty.objects.filter(
            agreement__in=list(agreements) if among else live(Agreement)).values_list(
            "agreement_id", "country_id", "organization_id", "name"):
        parties[agreement_id].add(f"c:{country_id}" if country_id else f"o:{org_id}" if org_id
                                  else "n:" + names.normalize(name))
        party_words[agreement_id].update(names.normalize(name).split())
    words = {pk: distinctive_words(title, party_words[pk]) for pk, (_, title, _) in agreements.items()}
    pairs = agreement_blocks(agreements, parties, words) if anchor is None else anchored(anchor, agreements)
    articles = articles_of("agreement", {pk for pair in pairs for pk in pair})
    found = {}
    for low, high in pairs:
        a, b = agreements[low], agreements[high]
        if a[0] != b[0] or overlap(parties[low], parties[high]) < PARTY_OVERLAP:
            continue
        ratio = fuzz.token_set_ratio(a[1], b[1])
        same_date = dates_agree(a[2], b[2])
        same_words = words[low] & words[high]
        if ratio < AGREEMENT_SIMILARITY or same_date is False or not (same_words or same_date):
            continue  # "MoUs" and "MoUs" of one pair of countries: nothing says they are one document
        found[(low, high)] = scored(ratio / 100, f"titles alike ({ratio:.0f}%), parties agree", {
            "dates agree": same_date, "shared title words": len(same_words),
            "shared articles": len(articles[low] & articles[high])})
    return found


def agreement_blocks(agreements: dict, parties: dict, words: dict) -> set[tuple[int, int]]:
    """Agreements of one kind that share a party (or two, when they have two) and a distinctive title
    word or the year."""
    blocks = defaultdict(list)
    for pk, (kind, _, span) in agreements.items():
        keys = sorted(parties[pk])[:6]
        sides = list(itertools.combinations(keys, 2)) or [(key,) for key in keys]
        tells = [("word", word) for word in words[pk]] + ([("year", span[0].year)] if span else [])
        for side in sides:
            for tell in tells:
                blocks[(kind, *side, *tell)].append(pk)
    return pairs_in_blocks(blocks)


def distinctive_words(title: str, party_words: set) -> set[str]:
    """The words of a title that tell one document from another: not its kind ("memorandum of understanding"),
    not its parties' names, not a connector or a generic qualifier."""
    rest = GENERIC_HEAD.sub(" ", title)
    return {names.spelling_key(w) for w in re.findall(r"\w+", rest)
            if len(w) > 2 and w not in ORG_CONNECTORS and w not in GENERIC_TITLE_WORDS and w not in party_words}


def agreement_candidates(agreement: Agreement) -> list[int]:
    countries = agreement.parties.exclude(country=None).values_list("country_id", flat=True)
    orgs = agreement.parties.exclude(organization=None).values_list("organization_id", flat=True)
    names_ = agreement.parties.values_list("name", flat=True)
    query = (models.Q(parties__country__in=countries) | models.Q(parties__organization__in=orgs)
             | models.Q(parties__name__in=names_))
    return list(live(Agreement).filter(query, kind=agreement.kind).exclude(pk=agreement.pk)
                .values_list("pk", flat=True).distinct().order_by("-pk")[:MAX_BLOCK])
