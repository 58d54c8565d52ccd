"""Likely duplicates for a curator to judge, and the judgements themselves.

Candidates are found by blocking, never by comparing every pair of a table: records
that share a spelling-independent key (`names.person_keys`: "Zhumabekov" and "Jumabekov"
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

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from archive.models import Agreement, DuplicateDecision, Meeting, Organization, Person, ReviewStatus, Verdict
from archive.models.base import Reviewable

from ..errors import CurationError
from .blocking import MAX_BLOCK
from .events import agreement_candidates, agreement_pairs, meeting_candidates, meeting_pairs
from .organizations import organization_candidates, organization_pairs
from .people import person_candidates, person_pairs

FINDERS = {Person: person_pairs, Organization: organization_pairs, Meeting: meeting_pairs, Agreement: agreement_pairs}
CANDIDATES = {Person: person_candidates, Organization: organization_candidates, Meeting: meeting_candidates,
              Agreement: agreement_candidates}


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
    the same comparison as the suggestions, against the candidates an indexed look-up finds. A merged-away
    or rejected record has none: it is out of the comparison."""
    model = type(record)
    if record.merged_into_id or record.review_status == ReviewStatus.REJECTED:
        return []
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
