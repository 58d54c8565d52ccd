"""Likely duplicates for a curator to judge, and the judgements themselves.

Candidates are found by blocking, never by comparing every pair of a table: records
that share a spelling-independent key (`names.person_keys`: "Zhaparov" and "Japarov"
share one) are compared, with the comparison ingest uses (`names.person_similarity`,
transliteration folded), or failing it with every word alike under the spelling key
(`names.variant_similarity`: "Ilyos Zokirov" / "Ilyas Zakirov"). A pair is suggested when
- people: the name forms match and the countries do not contradict;
- organizations: the names (transliterated) are close, or the acronym is the same and
  one name is the acronym or close to the other;
- meetings: the participants mostly agree, the dates (within `DATE_WINDOW`, at their
  precision) and places do not contradict, and at least one of them agrees (never two
  meetings of one article: the extractor told those apart);
- agreements: one kind, close titles, most parties shared, dates that do not
  contradict, and either a shared word beyond the generic ones ("MoUs" alone says
  nothing) or agreeing dates.
The score ranks them: the name or title similarity, then each piece of evidence both
records share (country, articles, counterparts, organization or title, date, place).

A judged pair (same, not the same, unsure) is never suggested again. "Not the
same" is remembered for good: ingest does not fold one into the other
(`judged_different`), and a merge of the two is refused.
"""

from __future__ import annotations

import calendar
import datetime
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from rapidfuzz import fuzz

from archive.extraction.entities import names
from archive.extraction.lexicon.events import GENERIC_HEADS
from archive.extraction.lexicon.words import ORG_CONNECTORS
from archive.models import (
    Agreement, AgreementParty, DuplicateDecision, Evidence, Meeting, MeetingParticipant, Organization,
    OrganizationAlias, Person, PersonAlias, ReviewStatus, Role, Verdict,
)
from archive.models.base import Reviewable

from .errors import CurationError

MAX_BLOCK = 200  # records sharing one key beyond this are too common a key to compare pairwise
PERSON_SIMILARITY = names.DEFAULT_THRESHOLD  # the threshold ingest links at
ORGANIZATION_SIMILARITY = 88
ACRONYM_NAME_SIMILARITY = 60  # names this close suffice when the acronym is the same
ACRONYM_SCORE = 0.9
SAME_WORD = 80  # two words this alike (transliterated) are one word written two ways
AGREEMENT_SIMILARITY = 80
DATE_WINDOW = datetime.timedelta(days=3)
MEETING_OVERLAP = 0.5  # Jaccard of the participants (people and organizations)
PARTY_OVERLAP = 0.5  # Jaccard of the parties, as ingest
SIMILARITY_WEIGHT = 0.6
SHARED_WEIGHT = 0.1
GENERIC_HEAD = re.compile(rf"\b(?:{GENERIC_HEADS})\b")
# Words that qualify any agreement's title and tell no document from another.
GENERIC_TITLE_WORDS = frozenset({
    "joint", "bilateral", "trilateral", "multilateral", "intergovernmental", "interstate", "draft", "new",
    "signed", "between", "with", "cooperation", "understanding", "several", "various", "two", "three", "sides",
    "countries", "government", "governments", "republic", "field", "area", "areas", "sphere", "spheres",
})


def pair_ids(a: Reviewable, b: Reviewable) -> tuple[int, int]:
    return (a.pk, b.pk) if a.pk < b.pk else (b.pk, a.pk)


def decision_for(a: Reviewable, b: Reviewable) -> DuplicateDecision | None:
    low, high = pair_ids(a, b)
    return DuplicateDecision.objects.filter(
        content_type=ContentType.objects.get_for_model(a), low_id=low, high_id=high).first()


def judged_different(record: Reviewable, others: Iterable[Reviewable]) -> bool:
    """Whether a curator judged `record` not the same as any of `others`."""
    ids = [o.pk for o in others if o.pk != record.pk]
    if not ids:
        return False
    pair = models.Q(low_id=record.pk, high_id__in=ids) | models.Q(high_id=record.pk, low_id__in=ids)
    return DuplicateDecision.objects.filter(
        pair, content_type=ContentType.objects.get_for_model(record), verdict=Verdict.NOT_SAME).exists()


@transaction.atomic
def duplicate_judge(*, a: Reviewable, b: Reviewable, verdict: str, user: AbstractBaseUser,
                    note: str = "") -> DuplicateDecision:
    """Record a curator's verdict on a pair (suggested or not); a later verdict replaces an earlier one."""
    if type(a) is not type(b) or a.pk == b.pk:
        raise CurationError("A verdict needs two different records of one type.")
    if verdict not in Verdict.values or verdict == Verdict.PENDING:
        raise CurationError(f"Unknown verdict {verdict!r}.")
    low, high = pair_ids(a, b)
    decision, _ = DuplicateDecision.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(a), low_id=low, high_id=high,
        defaults={"verdict": verdict, "decided_by": user, "decided_at": timezone.now(), "note": note.strip()})
    return decision


def decision_judge(*, decision: DuplicateDecision, verdict: str, user: AbstractBaseUser,
                   note: str = "") -> DuplicateDecision:
    """Record a verdict on a stored pair."""
    model = decision.content_type.model_class()
    a, b = model(pk=decision.low_id), model(pk=decision.high_id)
    return duplicate_judge(a=a, b=b, verdict=verdict, user=user, note=note or decision.note)


@transaction.atomic
def duplicates_suggest(*, model: type[Reviewable], limit: int = 5000) -> int:
    """Store the likely duplicate pairs of one record type not yet judged; returns how many are new.

    Pending suggestions are brought up to date: rescored, or dropped when the records no longer look alike.
    """
    content_type = ContentType.objects.get_for_model(model)
    found = sorted(FINDERS[model]().items(), key=lambda item: (-item[1][0], item[0]))[:limit]
    stored = {(d.low_id, d.high_id): d for d in DuplicateDecision.objects.filter(content_type=content_type)}
    new, changed = [], []
    for (low, high), (score, reasons) in found:
        values = {"score": round(score, 3), "reasons": ", ".join(reasons)[:300]}
        decision = stored.pop((low, high), None)
        if decision is None:
            new.append(DuplicateDecision(content_type=content_type, low_id=low, high_id=high, **values))
        elif decision.verdict == Verdict.PENDING and (decision.score, decision.reasons) != tuple(values.values()):
            decision.score, decision.reasons = values["score"], values["reasons"]
            changed.append(decision)
    stale = [d.pk for d in stored.values() if d.verdict == Verdict.PENDING]
    DuplicateDecision.objects.filter(pk__in=stale).delete()
    DuplicateDecision.objects.bulk_update(changed, ["score", "reasons"], batch_size=500)
    DuplicateDecision.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)
    return len(new)


def duplicates_of(record: Reviewable, limit: int = 50) -> list[tuple[Reviewable, float, list[str]]]:
    """The records that may be `record` under another spelling, best first, with score and reasons:
    the same comparison as the suggestions, against the candidates an indexed look-up finds."""
    model = type(record)
    others = CANDIDATES[model](record)[:MAX_BLOCK]
    found = FINDERS[model](among=[record.pk, *others], anchor=record.pk)
    judged_apart = set(DuplicateDecision.objects.filter(
        models.Q(low_id=record.pk) | models.Q(high_id=record.pk),
        content_type=ContentType.objects.get_for_model(model), verdict=Verdict.NOT_SAME,
    ).values_list("low_id", "high_id"))
    ranked = sorted(((high if low == record.pk else low, score, reasons)
                     for (low, high), (score, reasons) in found.items() if (low, high) not in judged_apart),
                    key=lambda row: (-row[1], row[0]))[:limit]
    records = model.objects.in_bulk([pk for pk, _, _ in ranked])
    return [(records[pk], score, reasons) for pk, score, reasons in ranked if pk in records]


def live(model: type[Reviewable]) -> models.QuerySet:
    return model.objects.filter(merged_into__isnull=True).exclude(review_status=ReviewStatus.REJECTED)


def records_among(model: type[Reviewable], among: list[int] | None) -> models.QuerySet:
    return live(model) if among is None else live(model).filter(pk__in=among)


def pairs_in_blocks(blocks: dict) -> set[tuple[int, int]]:
    """Every pair within a block; a block larger than `MAX_BLOCK` is a key too common to tell anything."""
    pairs = set()
    for ids in blocks.values():
        ids = sorted(set(ids))
        if 1 < len(ids) <= MAX_BLOCK:
            pairs.update(itertools.combinations(ids, 2))
    return pairs


def anchored(anchor: int, ids) -> set[tuple[int, int]]:
    """The anchor paired with each of the candidates a look-up found for it: all compared, no blocking."""
    return {pair_of(anchor, other) for other in ids if other != anchor}


def pair_of(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def linked_sets(queryset: models.QuerySet, owner: str, *fields: str) -> dict[int, set]:
    """For each owner id, the set of "field:value" of its linked rows (one query)."""
    found = defaultdict(set)
    for owner_id, *values in queryset.values_list(owner, *fields):
        found[owner_id].update(f"{field}:{value}" for field, value in zip(fields, values) if value)
    return found


def articles_of(field: str, ids: set) -> dict[int, set]:
    found = defaultdict(set)
    for record_id, article_id in Evidence.objects.filter(**{f"{field}__in": ids}).values_list(field, "article_id"):
        found[record_id].add(article_id)
    return found


def contradicts(a, b) -> bool:
    return bool(a) and bool(b) and a != b


# --- people ---------------------------------------------------------------------------------------------


def person_pairs(among: list[int] | None = None, anchor: int | None = None) -> dict:
    """Pairs of people whose names match, scored by what else they share."""
    people = {pk: (name, country) for pk, name, country in
              records_among(Person, among).values_list("pk", "name", "country_id")}
    forms = defaultdict(list)
    for person_id, name in PersonAlias.objects.filter(person__in=list(people) if among else live(Person)) \
            .values_list("person_id", "name"):
        forms[person_id].append(name)
    for pk, (name, _) in people.items():
        forms[pk].append(name)
    alike = {}
    for low, high in person_blocks(forms) if anchor is None else anchored(anchor, people):
        if contradicts(people[low][1], people[high][1]):
            continue  # ingest keeps these apart too
        similarity = (names.person_similarity(forms[low], forms[high])
                      or names.variant_similarity(forms[low], forms[high]))
        if similarity >= PERSON_SIMILARITY:
            alike[(low, high)] = similarity
    return score_people(alike, people)


def person_blocks(forms: dict[int, list[str]]) -> set[tuple[int, int]]:
    """Full names that share a key (`names.person_keys`), and one-word forms with the full names whose
    surname or first given name has their key."""
    full, single, partial = defaultdict(set), defaultdict(set), defaultdict(set)
    for pk, person_forms in forms.items():
        for form in person_forms:
            full_keys, single_keys = names.person_keys(form)
            for key in full_keys:
                full[key].add(pk)
            for key in single_keys:
                single[key].add(pk)
            for key in names.partial_keys(form):
                partial[key].add(pk)
    pairs = pairs_in_blocks(full)
    for key, ids in single.items():
        group = ids | partial.get(key, set())
        if len(group) <= MAX_BLOCK:
            pairs.update(pair_of(a, b) for a in ids for b in group if a != b)
    return pairs


def score_people(alike: dict, people: dict) -> dict:
    ids = {pk for pair in alike for pk in pair}
    articles = articles_of("person", ids)
    counterparts = person_counterparts(ids)
    posts = linked_sets(Role.objects.filter(person__in=ids), "person_id", "organization_id")
    titles = defaultdict(set)
    for person_id, title in Role.objects.filter(person__in=ids).values_list("person_id", "title"):
        titles[person_id].add(names.fold(title))
    for pk, title in Person.objects.filter(pk__in=ids).exclude(title="").values_list("pk", "title"):
        titles[pk].add(names.fold(title))
    found = {}
    for (low, high), similarity in alike.items():
        shared = {
            "same country": people[low][1] and people[low][1] == people[high][1],
            "shared articles": len(articles[low] & articles[high]),
            "shared counterparts": len((counterparts[low] - {f"p:{high}"}) & (counterparts[high] - {f"p:{low}"})),
            "same organization": bool(posts[low] & posts[high]),
            "same title": bool(titles[low] & titles[high]),
        }
        found[(low, high)] = scored(similarity, f"names alike ({similarity:.2f})", shared)
    return found


def person_counterparts(ids: set) -> dict[int, set]:
    """Whom each person met: the other participants of their meetings ("p:<id>", "o:<id>")."""
    meetings = defaultdict(set)
    for person_id, meeting_id in MeetingParticipant.objects.filter(person__in=ids).values_list(
            "person_id", "meeting_id"):
        meetings[meeting_id].add(person_id)
    found = defaultdict(set)
    participants = MeetingParticipant.objects.filter(meeting__in=list(meetings)).values_list(
        "meeting_id", "person_id", "organization_id")
    for meeting_id, person_id, org_id in participants:
        key = f"p:{person_id}" if person_id else f"o:{org_id}" if org_id else None
        for attendee in meetings[meeting_id]:
            if key and person_id != attendee:
                found[attendee].add(key)
    return found


def person_candidates(person: Person) -> list[int]:
    """People a look-up by the spelling-independent surname key finds for any of `person`'s forms."""
    forms = [person.name, *person.aliases.values_list("name", flat=True)]
    words = {word for form in forms for word in names.name_words(form)}
    keys = words | {names.skeleton(word) for word in words}  # raw last words: keys written before folding
    return list(live(Person).filter(aliases__surname_key__in=keys).exclude(pk=person.pk)
                .values_list("pk", flat=True).distinct().order_by("pk")[:MAX_BLOCK])


# --- organizations --------------------------------------------------------------------------------------


def organization_pairs(among: list[int] | None = None, anchor: int | None = None) -> dict:
    orgs = {pk: (name, acronym.upper(), country) for pk, name, acronym, country in
            records_among(Organization, among).values_list("pk", "name", "acronym", "country_id")}
    written = defaultdict(set)
    for pk, (name, _, _) in orgs.items():
        written[pk].add(name)
    for org_id, name in OrganizationAlias.objects.filter(
            organization__in=list(orgs) if among else live(Organization)).values_list("organization_id", "name"):
        written[org_id].add(name)
    written = {pk: without_acronym(org_names, orgs[pk][1]) for pk, org_names in written.items()}
    forms = {pk: {organization_form(name) for name in org_names} for pk, org_names in written.items()}
    found = {}
    for low, high in organization_blocks(orgs, forms) if anchor is None else anchored(anchor, orgs):
        (_, acronym_a, country_a), (_, acronym_b, country_b) = orgs[low], orgs[high]
        if contradicts(country_a, country_b):
            continue
        similarity = organization_similarity(forms[low], forms[high], acronym_a if acronym_a == acronym_b else "",
                                             written[low], written[high])
        if similarity is not None:
            found[(low, high)] = similarity
    return score_organizations(found, orgs)


def organization_form(name: str) -> str:
    """A name's words, folded and transliterated: "Temir Zholu" and "Temir Jolu" read alike."""
    return " ".join(names.translit(word) for word in names.normalize(name).split())


def without_acronym(org_names: set, acronym: str) -> set[str]:
    """An organization's names to compare, without its bare acronym (two bodies may share one: the acronym
    has its own rule) unless the acronym is all it has."""
    return {name for name in org_names if name.upper() != acronym} or org_names


def compact_form(form: str) -> str:
    """An organization form without spaces, transliterated whole: "kazakhinvest"."""
    return names.translit(form.replace(" ", ""))


def organization_blocks(orgs: dict, forms: dict) -> set[tuple[int, int]]:
    """Organizations that share an acronym, or one of the two rarest words of a name (by spelling key)."""
    words = {pk: [{names.spelling_key(w) for w in form.split() if len(w) > 3 and w not in ORG_CONNECTORS}
                  for form in org_forms] for pk, org_forms in forms.items()}
    frequency = Counter(key for forms_words in words.values() for key in set().union(*forms_words))
    blocks = defaultdict(list)
    for pk, forms_words in words.items():
        for form_words in forms_words:
            for key in sorted(form_words, key=lambda k: (frequency[k], k))[:2]:
                blocks["word:" + key].append(pk)
        if acronym := orgs[pk][1]:
            blocks["acronym:" + acronym].append(pk)
        for form in forms[pk]:
            if form and " " not in form:  # a one-word name may be another's acronym
                blocks["acronym:" + form.upper()].append(pk)
    return pairs_in_blocks(blocks)


def organization_similarity(forms_a: set, forms_b: set, same_acronym: str, written_a: set,
                            written_b: set) -> float | None:
    """How alike two organizations' names are, in [0, 1], or None when not enough."""
    acronym = same_acronym.lower()
    if acronym and (acronym in forms_a | forms_b
                    or any(contains_compact(a, b) for a in written_a for b in written_b)):
        return ACRONYM_SCORE  # one is known by the acronym alone, or its name is within the other's
    pairs = [(a, b) for a in forms_a for b in forms_b if not words_conflict(a, b)]
    if not pairs:
        return None
    ratio = max(name_ratio(a, b) for a, b in pairs) / 100
    if ratio * 100 >= ORGANIZATION_SIMILARITY:
        return ratio
    if acronym and ratio * 100 >= ACRONYM_NAME_SIMILARITY:
        return max(ratio, ACRONYM_SCORE)
    return None


def words_conflict(a: str, b: str) -> bool:
    """Whether each name has a word the other lacks under any spelling: "Ministry of Transport" and
    "Ministry of Trade" are two bodies, "Ministry of Trade" and "Afghan Ministry of Trade" may be one."""
    words_a, words_b = set(a.split()), set(b.split())
    only_a, only_b = words_a - words_b, words_b - words_a
    unmatched_a = {w for w in only_a if not any(fuzz.ratio(w, v) >= SAME_WORD for v in only_b)}
    unmatched_b = {w for w in only_b if not any(fuzz.ratio(w, v) >= SAME_WORD for v in only_a)}
    return bool(unmatched_a) and bool(unmatched_b)


def name_ratio(a: str, b: str) -> float:
    """Token-set similarity tempered by token order: "China Railway" is within "China-Kyrgyzstan Railway
    Company" but not the same name, "Ministry of Trade" and "Afghan Ministry of Trade" are."""
    return (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 2


def contains_compact(a: str, b: str) -> bool:
    """Whether one name, spaces removed, is within the other: "Kazakh Invest" in "KazakhInvest company"."""
    a, b = compact_form(names.normalize(a)), compact_form(names.normalize(b))
    return bool(a and b) and (a in b or b in a)


def score_organizations(alike: dict, orgs: dict) -> dict:
    articles = articles_of("organization", {pk for pair in alike for pk in pair})
    found = {}
    for (low, high), similarity in alike.items():
        same_acronym = bool(orgs[low][1]) and orgs[low][1] == orgs[high][1]
        shared = {"same acronym": same_acronym, "same country": orgs[low][2] and orgs[low][2] == orgs[high][2],
                  "shared articles": len(articles[low] & articles[high])}
        found[(low, high)] = scored(similarity, f"names alike ({similarity:.0%})", shared)
    return found


def organization_candidates(org: Organization) -> list[int]:
    """Organizations with the acronym, or whose name holds one of this one's two longest words."""
    forms = [org.name, *org.aliases.values_list("name", flat=True)]
    words = sorted({w for form in forms for w in names.normalize(form).split()
                    if len(w) > 3 and w not in ORG_CONNECTORS}, key=lambda w: (-len(w), w))[:2]
    query = models.Q(pk__in=[])
    for word in words:
        query |= models.Q(name__icontains=word[:6])
    if org.acronym:
        query |= models.Q(acronym__iexact=org.acronym) | models.Q(name__iexact=org.acronym)
    return list(live(Organization).filter(query).exclude(pk=org.pk).values_list("pk", flat=True)
                .order_by("pk")[:MAX_BLOCK])


# --- meetings and agreements: dates, places, parties ----------------------------------------------------


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


# --- meetings -------------------------------------------------------------------------------------------


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


# --- agreements -----------------------------------------------------------------------------------------


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


# --- score ----------------------------------------------------------------------------------------------


def scored(similarity: float, reason: str, shared: dict) -> tuple[float, list[str]]:
    """`SIMILARITY_WEIGHT` of the name or title similarity, plus `SHARED_WEIGHT` for each thing both share
    (a count shows in the reason)."""
    reasons = [reason]
    score = SIMILARITY_WEIGHT * similarity
    for what, value in shared.items():
        if value:
            score += SHARED_WEIGHT
            reasons.append(f"{value} {what}" if value is not True and isinstance(value, int) else what)
    return min(score, 1.0), reasons


FINDERS = {Person: person_pairs, Organization: organization_pairs, Meeting: meeting_pairs, Agreement: agreement_pairs}
CANDIDATES = {Person: person_candidates, Organization: organization_candidates, Meeting: meeting_candidates,
              Agreement: agreement_candidates}
