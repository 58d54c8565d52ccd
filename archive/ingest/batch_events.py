"""The agreements and meetings a batch of articles could report again, read once for the whole batch and kept current.

Finding the same agreement was two queries per agreement of every article (the
candidates of its kind and parties, then the parties of those with a similar
title). A batch now reads them for all of its agreements at once, once its locks
are held (`locks`: no other writer can add an agreement of these kinds and
parties meanwhile): one query for the (id, title) of every candidate, one (and
one for their parties) for those whose title is similar to one the batch names.
The agreements the batch creates or links are then known with their parties and
the publication date of their latest source as the batch gives them, so a later
article of the batch finds an earlier one's record as if each had been written
before the next was read, although the batch writes them at its end
(`rows.BatchRows`). An article that updates its text reads its old records from
the archive: the batch is written first and this index read again afterwards.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Max, Q, Value
from rapidfuzz import fuzz

from archive.extraction.entities import names
from archive.extraction.records import ExtractedAgreement, ExtractedArticle, ExtractedMeeting
from archive.models import Agreement, AgreementParty, Evidence, Meeting

from .countries import country_for
from .fields import LATEST_SOURCE
from .locks import lock_meeting_people
from .rows import record_key

DATE_SLACK = datetime.timedelta(days=1)
REPORT_WINDOW = datetime.timedelta(days=7)

TITLE_SIMILARITY = 90
SQLITE_COMPOUND_LIMIT = 400  # parts of one UNION (SQLite allows 500)


def party_keys(parties) -> set:
    """A country by its id, anything else by its folded name: "Pakistan" and "Islamic Republic of Pakistan" are one party."""
    return {country_id if country_id else names.normalize(name) for country_id, name in parties}


def similar_titles(title: str, other: str) -> bool:
    return fuzz.token_set_ratio(names.fold(title), names.fold(other)) >= TITLE_SIMILARITY


def candidate_filter(ext: ExtractedAgreement) -> tuple:
    """What an agreement must have to be a candidate for `ext`: its kind, and with two countries or more
    among the parties both of the first two ("pair"), else one of its countries or party names ("any")."""
    parties = [p for p in ext.parties if p]
    countries = [c.id for c in (country_for(p) for p in parties) if c]
    if len(countries) >= 2:
        return ("pair", ext.kind, countries[0], countries[1])
    return ("any", ext.kind, frozenset(countries), frozenset(parties))


def matches_filter(key: tuple, kind: str, parties: list) -> bool:
    """Whether an agreement of `kind` with `parties` [(country id, name)] passes `candidate_filter`."""
    if kind != key[1]:
        return False
    countries = {country_id for country_id, _ in parties}
    if key[0] == "pair":
        return key[2] in countries and key[3] in countries
    return bool(countries & key[2]) or any(name in key[3] for _, name in parties)


def filter_query(key: tuple):
    queryset = Agreement.objects.filter(kind=key[1])
    if key[0] == "pair":
        for country_id in key[2:]:
            queryset = queryset.filter(pk__in=AgreementParty.objects.filter(country_id=country_id).values("agreement_id"))
        return queryset
    return queryset.filter(pk__in=AgreementParty.objects.filter(country_id__in=key[2]).values("agreement_id")) | \
        queryset.filter(pk__in=AgreementParty.objects.filter(name__in=key[3]).values("agreement_id"))


class BatchAgreements:
    """The agreements a batch's articles could name, and those it created or linked (see the module)."""

    def __init__(self, articles: Iterable[ExtractedArticle]):
        wanted = [ext for extracted in articles for ext in extracted.agreements]
        self.keys = list(dict.fromkeys(candidate_filter(ext) for ext in wanted))
        self.titles: dict[tuple, dict[int, str]] = {key: {} for key in self.keys}  # filter -> {pk: title} as read
        self.by_pk: dict[int, Agreement] = {}  # the one instance of each record the batch uses
        self.parties: dict[int, list] = {}  # id(agreement) -> [(country id, name)], the archive's and the batch's
        self.touched: list[Agreement] = []  # created or linked by the batch
        self.created: dict[int, int] = {}  # id(agreement) -> its rank among those the batch created
        self.read_titles()
        self.read_similar(wanted)

    def read_titles(self) -> None:
        """(filter, id, title) of every candidate of every filter: one UNION ALL query per 400 filters."""
        for first in range(0, len(self.keys), SQLITE_COMPOUND_LIMIT):
            parts = [filter_query(key).order_by().annotate(part=Value(first + i)).values_list("part", "id", "title")
                     for i, key in enumerate(self.keys[first:first + SQLITE_COMPOUND_LIMIT])]
            query = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
            for part, pk, title in query:
                self.titles[self.keys[part]][pk] = title

    def read_similar(self, wanted: list[ExtractedAgreement]) -> None:
        """The candidates whose title is similar to one the batch names, with parties and latest source."""
        similar = {pk for ext in wanted for pk, title in self.titles[candidate_filter(ext)].items()
                   if similar_titles(ext.title, title)}
        if not similar:
            return
        found = Agreement.objects.filter(pk__in=similar).annotate(latest_source=LATEST_SOURCE).order_by()
        for agreement in found.prefetch_related("parties"):
            self.by_pk[agreement.pk] = agreement
            self.parties[id(agreement)] = [(p.country_id, p.name) for p in agreement.parties.all()]

    def age(self, agreement: Agreement) -> tuple:
        """Orders agreements oldest first: the archive's by id, then those the batch created as it did."""
        return (1, self.created[id(agreement)]) if agreement.pk is None else (0, agreement.pk)

    def instance(self, agreement: Agreement) -> Agreement:
        """The batch's instance of `agreement` (registered if it is the first)."""
        if agreement.pk is None:
            return agreement
        return self.by_pk.setdefault(agreement.pk, agreement)

    def parties_of(self, agreement: Agreement) -> list:
        """[(country id, name)] of `agreement`'s parties: in the archive, and given by the batch."""
        if id(agreement) not in self.parties:
            theirs = agreement.parties.all() if agreement.pk else []
            self.parties[id(agreement)] = [(p.country_id, p.name) for p in theirs]
        return self.parties[id(agreement)]

    def find(self, ext: ExtractedAgreement):
        """The agreement of another article that `ext` reports too, the newest first (`events.find_same_agreement`);
        an agreement merged away resolves to the one it was merged into."""
        key = candidate_filter(ext)
        touched = {self.age(a): a for a in self.touched}
        titles = {(0, pk): title for pk, title in self.titles.get(key, {}).items() if (0, pk) not in touched}
        titles |= {age: a.title for age, a in touched.items() if matches_filter(key, a.kind, self.parties_of(a))}
        parties = [p for p in ext.parties if p]
        ours = party_keys((getattr(country_for(p), "id", None), p) for p in parties)
        for age in sorted(titles, reverse=True):  # the newest first
            if not similar_titles(ext.title, titles[age]):
                continue
            agreement = touched.get(age) or self.by_pk.get(age[1]) or self.read_one(age[1])
            theirs = party_keys(self.parties_of(agreement))
            if len(ours & theirs) / len(ours | theirs) >= 0.5:
                return self.instance(agreement.resolved())
        return None

    def read_one(self, pk: int) -> Agreement:
        """A candidate whose title became similar during the batch (a longer title written), not read yet."""
        agreement = Agreement.objects.annotate(latest_source=LATEST_SOURCE).get(pk=pk)
        return self.instance(agreement)

    def wrote(self, agreement: Agreement, parties: list, published, *, created: bool) -> None:
        """The batch created or linked `agreement` (now saved), gave it `parties` [(country id, name)] and a status
        step from an article published on `published`."""
        if created:
            self.created[id(agreement)] = len(self.created)
        agreement = self.instance(agreement)
        known = self.parties_of(agreement)
        known += [party for party in parties if party not in known]
        if all(a is not agreement for a in self.touched):
            self.touched.append(agreement)
        if created:
            agreement.latest_source = None
        elif not hasattr(agreement, "latest_source"):  # reached through a merge: read once
            agreement.latest_source = agreement.status_changes.aggregate(latest=Max("article__published"))["latest"]
        if published is not None and (agreement.latest_source is None or published > agreement.latest_source):
            agreement.latest_source = published


def dates_agree(new: datetime.date | None, old: datetime.date | None, published: datetime.date | None) -> bool:
    if new and old:
        return abs(new - old) <= DATE_SLACK
    known = new or old
    return known is not None and published is not None and abs(published - known) <= REPORT_WINDOW


class BatchMeetings:
    """The meetings a batch's articles could report again, and those it created or linked.

    Read once, when the batch writes its first meeting, for each of the batch's meetings: the
    archive's meetings in which a person its participants could be (`candidates.PeoplePool.could_meet`)
    took part on a date that could agree with it (`meeting_window`; a person only a later article's
    new alias makes a candidate is read when met), with their participants, and for an undated one
    the publication dates of the articles that report it. Pairing each meeting's people with its
    own dates keeps the read to the meetings it could be, however many the archive holds of the
    same people on other dates. On PostgreSQL
    the meeting locks of all those people are taken first (`locks.lock_meeting_people`), so no
    other writer adds a meeting of theirs until the batch commits. Kept current as the batch
    links people and articles to meetings: `find` then answers as the query of one article
    against the archive did (`events.find_same_meeting`).
    """

    def __init__(self, windows: Iterable[tuple[set[int], tuple]]):
        self.meetings: dict[tuple, Meeting] = {}  # `rows.record_key` -> the batch's one instance of it
        self.people: dict[int, set] = {}  # id(meeting) -> `rows.record_key` of the people who took part
        self.created: dict[int, int] = {}  # id(meeting) -> its rank among those the batch created
        self.published: dict[int, set] = {}  # id(meeting) -> publication dates of the articles that report it
        self.by_person: dict[tuple, list] = {}  # person's `rows.record_key` -> the meetings they took part in
        self.read_pairs: set[tuple] = set()  # (person id, window) already read
        self.read([(pk, window) for person_ids, window in windows for pk in person_ids])

    def read(self, pairs: Iterable[tuple[int, tuple]]) -> None:
        """The stored meetings of these people (their meeting locks taken first), each on the dates of its window."""
        pairs = set(pairs) - self.read_pairs
        if not pairs:
            return
        lock_meeting_people({pk for pk, _ in pairs})
        self.read_pairs |= pairs
        people_by_window: dict[tuple, set] = {}
        for pk, window in pairs:
            people_by_window.setdefault(window, set()).add(pk)
        self.read_meetings(people_by_window)

    def read_meetings(self, people_by_window: dict[tuple, set]) -> None:
        wanted = Q()
        for (low, high), person_ids in people_by_window.items():
            on_dates = Q(date__range=(low, high)) | Q(date=None, evidence__article__published__range=(low, high))
            wanted |= Q(on_dates, participants__person__in=person_ids)
        found = Meeting.objects.filter(wanted).distinct().order_by().prefetch_related("participants")
        new = [meeting for meeting in found if ("pk", meeting.pk) not in self.meetings]  # known ones stay as they are
        for meeting in new:
            self.meetings[("pk", meeting.pk)] = meeting
            self.add_people(meeting, {("pk", p.person_id) for p in meeting.participants.all() if p.person_id})
        undated_ids = [meeting.pk for meeting in new if meeting.date is None]
        for pk, published in (Evidence.objects.filter(meeting_id__in=undated_ids).order_by()
                              .values_list("meeting_id", "article__published").distinct() if undated_ids else ()):
            self.published.setdefault(id(self.meetings[("pk", pk)]), set()).add(published)

    def add_people(self, meeting: Meeting, person_keys: set) -> None:
        known = self.people.setdefault(id(meeting), set())
        for key in person_keys - known:
            self.by_person.setdefault(key, []).append(meeting)
        known |= person_keys

    def instance(self, meeting: Meeting) -> Meeting:
        """The batch's instance of a stored meeting (what the archive holds of it read the first time)."""
        if ("pk", meeting.pk) not in self.meetings:
            self.meetings[("pk", meeting.pk)] = meeting
            self.add_people(meeting, {("pk", p.person_id) for p in meeting.participants.all() if p.person_id})
            self.published[id(meeting)] = set(Evidence.objects.filter(meeting=meeting).order_by()
                                              .values_list("article__published", flat=True).distinct())
        return self.meetings[("pk", meeting.pk)]

    def find(self, ext: ExtractedMeeting, persons: list, published, seen: set):
        """The meeting of another article that `ext` reports too: the closest match wins, ties to the oldest;
        one merged away resolves to the one it was merged into."""
        ids = {record_key(p) for p in persons}
        date = ext.date and ext.date.value
        if len(ids) < 2 or (date is None and published is None):
            return None
        window = meeting_window(ext, published)
        self.read((pk, window) for kind, pk in ids if kind == "pk")  # a person the batch's first read could not foresee
        scored = []
        for meeting in once_each(m for key in ids for m in self.by_person.get(key, ())):
            theirs = self.people[id(meeting)]
            if record_key(meeting) in seen or not ids & theirs or not self.in_window(meeting, date, published):
                continue
            overlap = len(ids & theirs) / len(ids | theirs)
            if len(ids & theirs) >= 2 and overlap >= 0.5 and dates_agree(date, meeting.date, published):
                scored.append((overlap, date is not None and date == meeting.date, self.youth(meeting), meeting))
        if not scored:
            return None
        best = max(scored, key=lambda row: row[:3])[3]
        return best if best.pk is None else self.instance(best.resolved())

    def youth(self, meeting: Meeting) -> tuple:
        """Orders meetings newest first (ties go to the oldest): the batch's, as created, before the archive's."""
        return (0, -meeting.pk) if meeting.pk is not None else (-1, -self.created[id(meeting)])

    def in_window(self, meeting: Meeting, date, published) -> bool:
        """`events.date_window`, for a meeting in memory."""
        if date:
            if meeting.date is not None:
                return abs(meeting.date - date) <= DATE_SLACK
            return any(p is not None and abs(p - date) <= REPORT_WINDOW for p in self.published.get(id(meeting), ()))
        return meeting.date is not None and abs(meeting.date - published) <= REPORT_WINDOW

    def wrote(self, meeting: Meeting, person_ids: set, reported_on: list, *, created: bool) -> None:
        """The batch created or linked `meeting` (now saved), with these people, with evidence in articles
        published on `reported_on` (a date or None each)."""
        if created:
            self.meetings[record_key(meeting)] = meeting
            self.people[id(meeting)], self.published[id(meeting)] = set(), set()
            self.created[id(meeting)] = len(self.created)
        elif meeting.pk is not None:
            meeting = self.instance(meeting)
        self.add_people(meeting, person_ids)
        self.published.setdefault(id(meeting), set()).update(reported_on)


def once_each(records) -> list:
    """Each object once, in order, by identity."""
    return list({id(record): record for record in records}.values())


def meeting_window(ext: ExtractedMeeting, published) -> tuple | None:
    """The dates a meeting of the archive may have (or, undated, the publication dates of its reports)
    to be the one `ext` reports: a week either side of its date, else of the article's publication."""
    day = (ext.date and ext.date.value) or published
    return (day - REPORT_WINDOW, day + REPORT_WINDOW) if day else None


def meeting_windows(articles: Iterable[ExtractedArticle], people) -> list[tuple[set[int], tuple]]:
    """For each meeting of the articles: the stored people its participants could be
    (`candidates.PeoplePool.could_meet`), and its `meeting_window`."""
    windows = []
    for extracted in articles:
        for ext in extracted.meetings:
            window = meeting_window(ext, extracted.published)
            if window and (person_ids := people.could_meet(extracted, ext)):
                windows.append((person_ids, window))
    return windows
