"""Likely duplicates for a curator to judge, and the judgements themselves.

A pair is suggested when the two records look alike: people whose name forms
match (`names.person_similarity`) without contradicting countries, organizations
with close names or the same acronym, meetings a few days apart whose resolved
participants mostly agree (never two meetings of one article: the extractor told
those apart), agreements of one kind with close titles and a shared party. Shared
articles and the same country raise the score.

A judged pair (same, not the same, unsure) is never suggested again. "Not the
same" is remembered for good: ingest does not fold one into the other
(`judged_different`), and a merge of the two is refused.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from rapidfuzz import fuzz

from archive.extraction.entities import names
from archive.models import (
    Agreement, AgreementParty, DuplicateDecision, Evidence, Meeting, MeetingParticipant, Organization,
    OrganizationAlias, Person, PersonAlias, ReviewStatus, Verdict,
)
from archive.models.base import Reviewable

from .errors import CurationError

MAX_BLOCK = 200  # records sharing one key beyond this are too common a key to compare pairwise
PERSON_SIMILARITY = 0.7
ORGANIZATION_SIMILARITY = 88
AGREEMENT_SIMILARITY = 80
MEETING_DAYS = 3
MEETING_OVERLAP = 0.5  # Jaccard of the resolved participants


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
    """Store the likely duplicate pairs of one record type not yet suggested or judged; returns how many."""
    finder = {Person: person_pairs, Organization: organization_pairs, Meeting: meeting_pairs,
              Agreement: agreement_pairs}[model]
    content_type = ContentType.objects.get_for_model(model)
    known = set(DuplicateDecision.objects.filter(content_type=content_type).values_list("low_id", "high_id"))
    new = []
    for (low, high), (score, reasons) in sorted(finder().items(), key=lambda item: -item[1][0]):
        if (low, high) not in known and len(new) < limit:
            new.append(DuplicateDecision(content_type=content_type, low_id=low, high_id=high,
                                         score=round(score, 3), reasons=", ".join(reasons)[:300]))
    DuplicateDecision.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def live(model: type[Reviewable]) -> models.QuerySet:
    return model.objects.filter(merged_into__isnull=True).exclude(review_status=ReviewStatus.REJECTED)


def pairs_in_blocks(blocks: dict) -> set[tuple[int, int]]:
    pairs = set()
    for ids in blocks.values():
        ids = sorted(set(ids))
        if 1 < len(ids) <= MAX_BLOCK:
            pairs.update(itertools.combinations(ids, 2))
    return pairs


def shared_articles(field: str, pairs: set) -> set:
    ids = {i for pair in pairs for i in pair}
    articles = defaultdict(set)
    for record_id, article_id in Evidence.objects.filter(**{f"{field}__in": ids}).values_list(field, "article_id"):
        articles[record_id].add(article_id)
    return {pair for pair in pairs if articles[pair[0]] & articles[pair[1]]}


def person_pairs() -> dict:
    people = {p.pk: p for p in live(Person).only("pk", "name", "country_id")}
    forms = defaultdict(list)
    blocks = defaultdict(list)
    for person_id, name, key in PersonAlias.objects.filter(person__in=people).values_list(
            "person_id", "name", "surname_key"):
        forms[person_id].append(name)
        blocks[key].append(person_id)
    for person in people.values():
        forms[person.pk].append(person.name)
        for form in forms[person.pk]:
            # Compared within a block: the same surname, given name, or surname's first letters
            # (spellings differ: Dzhaksybekov / Djaksybekov share "aibek").
            if words := names.name_words(form):
                blocks[words[-1]].append(person.pk)
                blocks["given:" + words[0]].append(person.pk)
                blocks["start:" + words[-1][:3]].append(person.pk)
    pairs = pairs_in_blocks(blocks)
    shared = shared_articles("person", pairs)
    found = {}
    for low, high in pairs:
        a, b = people[low], people[high]
        if a.country_id and b.country_id and a.country_id != b.country_id:
            continue  # ingest keeps these apart too
        similarity = names.person_similarity(forms[low], forms[high])
        if similarity < PERSON_SIMILARITY:
            continue
        found[(low, high)] = scored(similarity, f"names alike ({similarity:.2f})",
                                    same_country=bool(a.country_id) and a.country_id == b.country_id,
                                    shared=(low, high) in shared)
    return found


def organization_pairs() -> dict:
    orgs = {o.pk: o for o in live(Organization).only("pk", "name", "acronym", "country_id")}
    forms = defaultdict(set)
    blocks = defaultdict(list)
    for org in orgs.values():
        forms[org.pk].add(names.fold(org.name))
        if org.acronym:
            blocks["acronym:" + org.acronym.upper()].append(org.pk)
    for org_id, normalized in OrganizationAlias.objects.filter(organization__in=orgs).values_list(
            "organization_id", "normalized"):
        forms[org_id].add(normalized)
    for org_id, org_forms in forms.items():
        for form in org_forms:
            words = sorted((w for w in form.split() if len(w) > 3), key=len, reverse=True)
            if words:
                blocks[words[0]].append(org_id)
    pairs = pairs_in_blocks(blocks)
    shared = shared_articles("organization", pairs)
    found = {}
    for low, high in pairs:
        a, b = orgs[low], orgs[high]
        if a.country_id and b.country_id and a.country_id != b.country_id:
            continue
        ratio = max(fuzz.token_set_ratio(x, y) for x in forms[low] for y in forms[high])
        same_acronym = bool(a.acronym) and a.acronym.upper() == (b.acronym or "").upper()
        if ratio < ORGANIZATION_SIMILARITY and not same_acronym:
            continue
        found[(low, high)] = scored(ratio / 100, "same acronym" if same_acronym else f"names alike ({ratio:.0f}%)",
                                    same_country=bool(a.country_id) and a.country_id == b.country_id,
                                    shared=(low, high) in shared)
    return found


def meeting_pairs() -> dict:
    meetings = {m.pk: m for m in live(Meeting).only("pk", "date")}
    people = defaultdict(set)
    blocks = defaultdict(list)
    for meeting_id, person_id in MeetingParticipant.objects.filter(
            meeting__in=meetings, person__isnull=False).values_list("meeting_id", "person_id"):
        people[meeting_id].add(person_id)
        blocks[person_id].append(meeting_id)
    pairs = pairs_in_blocks(blocks)
    shared = shared_articles("meeting", pairs)
    found = {}
    for low, high in pairs:
        a, b = meetings[low].date, meetings[high].date
        if (a and b and abs((a - b).days) > MEETING_DAYS) or (low, high) in shared:
            continue  # far apart, or told apart by the extractor within one article
        overlap = len(people[low] & people[high]) / len(people[low] | people[high])
        if overlap < MEETING_OVERLAP:
            continue
        found[(low, high)] = scored(overlap, f"{len(people[low] & people[high])} shared participants",
                                    same_country=bool(a and b and a == b), shared=False,
                                    country_reason="same date")
    return found


def agreement_pairs() -> dict:
    agreements = {a.pk: a for a in live(Agreement).only("pk", "title", "kind")}
    blocks = defaultdict(list)
    for agreement_id, country_id, name in AgreementParty.objects.filter(agreement__in=agreements).values_list(
            "agreement_id", "country_id", "name"):
        kind = agreements[agreement_id].kind
        blocks[(kind, country_id or names.fold(name))].append(agreement_id)
    pairs = pairs_in_blocks(blocks)
    shared = shared_articles("agreement", pairs)
    found = {}
    for low, high in pairs:
        ratio = fuzz.token_set_ratio(names.fold(agreements[low].title), names.fold(agreements[high].title))
        if ratio >= AGREEMENT_SIMILARITY:
            found[(low, high)] = scored(ratio / 100, f"titles alike ({ratio:.0f}%), a shared party",
                                        same_country=False, shared=(low, high) in shared)
    return found


def scored(similarity: float, reason: str, *, same_country: bool, shared: bool,
           country_reason: str = "same country") -> tuple[float, list[str]]:
    reasons = [reason]
    score = 0.7 * similarity
    if same_country:
        score += 0.15
        reasons.append(country_reason)
    if shared:
        score += 0.15
        reasons.append("shared articles")
    return min(score, 1.0), reasons
