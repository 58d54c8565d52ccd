"""What an article's earlier text had written, so that its changed text finds the same records.

(People need no help: their names resolve them. Which people it named is kept, so that
the roles a curator corrected or deleted on them stay as they are: see `people`.)

A changed file drops the article's old evidence before the new text is read. The
meetings and agreements that evidence supported are remembered here first; each
event of the new text takes the one of them it matches best, whatever the rules
for matching events across articles would say (those need two shared people; a
meeting of one minister with two banks has one). So a curator's verified or
edited meeting keeps its evidence and its decision, and no unverified twin appears.

Best match: shared participants (people, organizations, other names) or parties,
a similar title, the same date or place. When the article held one event of a
kind and still holds one, they are the same, whatever their participants: a
curator may have changed them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from archive.extraction.entities import names
from archive.extraction.records import ExtractedAgreement, ExtractedArticle, ExtractedMeeting
from archive.models import Agreement, Article, Evidence, Meeting, Organization, Person

from .countries import country_for
from .fields import LATEST_SOURCE

EVIDENCE_TARGETS = ("person_id", "organization_id", "meeting_id", "agreement_id")


def supported_records(targets) -> dict:
    """{model: ids} of the records that evidence supports, from its (person, organization, meeting,
    agreement) ids (`EVIDENCE_TARGETS`), one tuple an evidence row."""
    supported = {model: set() for model in (Person, Organization, Meeting, Agreement)}
    for row in targets:
        for model, pk in zip(supported, row):
            if pk:
                supported[model].add(pk)
    return supported


@dataclass
class PreviousRecords:
    meetings: list[Meeting] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    people: frozenset = frozenset()  # ids of the people it named
    single_meeting: bool = False  # the old text had one meeting and the new one has one
    single_agreement: bool = False

    supported: dict = field(default_factory=dict)  # model -> ids of the records its evidence supported

    @classmethod
    def of(cls, article: Article, targets=None) -> PreviousRecords:
        """The records the article's stored evidence supports; call before that evidence goes. `targets`: that
        evidence's (person, organization, meeting, agreement) ids, when read already (`rows.BatchRows.previous_targets`)."""
        if targets is None:
            targets = Evidence.objects.filter(article=article).values_list(*EVIDENCE_TARGETS)
        supported = supported_records(targets)
        meetings = Meeting.objects.filter(pk__in=supported[Meeting]).order_by("id").prefetch_related("participants")
        agreements = (Agreement.objects.filter(pk__in=supported[Agreement]).annotate(latest_source=LATEST_SOURCE)
                      .order_by("id").prefetch_related("parties"))
        return cls(list(meetings), list(agreements), frozenset(supported[Person]), supported=supported)

    def expect(self, extracted: ExtractedArticle) -> None:
        self.single_meeting = len(self.meetings) == 1 and len(extracted.meetings) == 1
        self.single_agreement = len(self.agreements) == 1 and len(extracted.agreements) == 1

    def take_meeting(self, ext: ExtractedMeeting, persons: list, orgs: dict) -> Meeting | None:
        """The earlier meeting `ext` is, removed from the pool; None when it is a new one."""
        ours = {("person", p.pk if p.pk is not None else ("new", id(p))) for p in persons}  # created by the batch
        ours |= {("organization", org.pk if org.pk is not None else ("new", id(org)))
                 for org in filter(None, map(orgs.get, ext.organizations))}
        ours |= {("name", names.normalize(n)) for n in ext.participants if n not in {p.name for p in persons}}
        date = ext.date and ext.date.value

        def score(meeting: Meeting) -> float:
            theirs = {participant_key(row) for row in meeting.participants.all()}
            shared = len(ours & theirs) / len(ours | theirs) if ours | theirs else 0.0
            return shared + 0.5 * (date is not None and date == meeting.date) + 0.25 * (
                bool(ext.location) and ext.location == meeting.location)

        return take_best(self.meetings, score, single=self.single_meeting)

    def take_agreement(self, ext: ExtractedAgreement) -> Agreement | None:
        ours = {party_key(name) for name in ext.parties if name}
        title = names.fold(ext.title)

        def score(agreement: Agreement) -> float:
            theirs = {party_key(p.name, p.country_id) for p in agreement.parties.all()}
            shared = len(ours & theirs) / len(ours | theirs) if ours | theirs else 0.0
            similar = fuzz.token_set_ratio(title, names.fold(agreement.title)) / 100
            return shared + similar if similar >= 0.6 or shared >= 0.5 else 0.0

        return take_best(self.agreements, score, single=self.single_agreement)


def take_best(pool: list, score, *, single: bool):
    scored = [(score(record), -record.pk, record) for record in pool]
    best = max(scored, default=None, key=lambda row: row[:2])
    if best is None or (best[0] <= 0 and not single):
        return None
    pool.remove(best[2])
    return best[2].resolved()


def participant_key(row) -> tuple:
    if row.person_id:
        return ("person", row.person_id)
    if row.organization_id:
        return ("organization", row.organization_id)
    return ("name", names.normalize(row.name))


def party_key(name: str, country_id: int | None = None):
    if country_id is None:
        country = country_for(name)
        country_id = country.id if country else None
    return country_id or names.normalize(name)
