"""The agreements and meetings a batch of articles could report again, read once for the whole batch and kept current.

Finding the same agreement was two queries per agreement of every article (the
candidates of its kind and parties, then the parties of those with a similar
title). A batch now reads them for all of its agreements at once, once its locks
are held (`locks`: no other writer can add an agreement of these kinds and
parties meanwhile): one query for the (id, title) of every candidate, one for the
parties of those whose title is similar to one the batch names, and one for the
records of the ones it will take (for each title, the newest whose parties agree:
the older ones are as many as the archive holds of those parties and kind).
The agreements the batch creates or links are then known with their parties and
the publication date of their latest source as the batch gives them, so a later
article of the batch finds an earlier one's record as if each had been written
before the next was read, although the batch writes them at its end
(`rows.BatchRows`). An article that updates its text reads its old records from
the archive: the batch is written first and this index read again afterwards.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable

from django.db import connection
from django.db.models import Max
from rapidfuzz import fuzz, process

from archive.extraction.entities import names
from archive.extraction.records import ExtractedAgreement, ExtractedArticle, ExtractedMeeting
from archive.models import Agreement, AgreementParty, Article, Evidence, Meeting, MeetingParticipant

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


def our_party_keys(ext: ExtractedAgreement) -> set:
    return party_keys((getattr(country_for(p), "id", None), p) for p in ext.parties if p)


def parties_agree(ours: set, theirs: set) -> bool:
    """At least half of all the parties named on either side are on both."""
    return len(ours & theirs) / len(ours | theirs) >= 0.5


@functools.lru_cache(maxsize=65536)
def similar_titles(title: str, other: str) -> bool:
    """Cached: a batch compares the same titles when it reads its candidates and again when it finds."""
    return fuzz.token_set_ratio(folded(title), folded(other)) >= TITLE_SIMILARITY


@functools.lru_cache(maxsize=65536)
def folded(title: str) -> str:
    """`names.fold`, once per title: a batch compares each candidate's with several."""
    return names.fold(title)


def similar_among(title: str, candidates: dict[int, str]) -> list[int]:
    """Ids of the `candidates` {id: title} whose title `similar_titles` finds similar to `title`, newest first:
    all of them compared at once by rapidfuzz (the same scorer and threshold, in C), not one cached call each."""
    pks = list(candidates)
    found = process.extract(folded(title), [folded(candidates[pk]) for pk in pks], scorer=fuzz.token_set_ratio,
                            score_cutoff=TITLE_SIMILARITY, limit=None)
    return sorted((pks[index] for _, _, index in found), reverse=True)


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


def filter_part(part: int, key: tuple) -> tuple[str, list]:
    """(SQL, params) of the (part, id, title) of every agreement that passes `candidate_filter` `key`."""
    sql, params = CANDIDATES_OF_KIND, [part, key[1]]
    if key[0] == "pair":
        return sql + " AND a.id IN (%s) AND a.id IN (%s)" % (PARTY_COUNTRY, PARTY_COUNTRY), params + [*key[2:]]
    countries, names_ = sorted(key[2]), sorted(key[3])
    wanted = [f"p.country_id IN ({marks(countries)})"] * bool(countries) + [f"p.name IN ({marks(names_)})"] * bool(names_)
    return sql + f" AND a.id IN ({PARTIES} WHERE {' OR '.join(wanted)})", params + countries + names_


def marks(values: list) -> str:
    return ", ".join(["%s"] * len(values))


# Written as SQL: the ORM took longer to build these queries of a batch than the database to answer them.
CANDIDATES_OF_KIND = f"SELECT %s, a.id, a.title FROM {Agreement._meta.db_table} a WHERE a.kind = %s"
PARTIES = f"SELECT p.agreement_id FROM {AgreementParty._meta.db_table} p"
PARTY_COUNTRY = PARTIES + " WHERE p.country_id = %s"


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
        self.similar: dict[int, list] = {}  # pk -> [(country id, name)] of a candidate with a similar title, as read
        self.similar_to: dict[tuple, list] = {}  # (filter, title) -> `similar_pks`
        self.read_titles()
        self.read_similar(wanted)

    def read_titles(self) -> None:
        """(filter, id, title) of every candidate of every filter: one UNION ALL query per 400 filters."""
        keys = [(part, key) for part, key in enumerate(self.keys) if key[0] == "pair" or key[2] or key[3]]
        for first in range(0, len(keys), SQLITE_COMPOUND_LIMIT):
            parts = [filter_part(part, key) for part, key in keys[first:first + SQLITE_COMPOUND_LIMIT]]
            with connection.cursor() as cursor:
                cursor.execute(" UNION ALL ".join(sql for sql, _ in parts), [p for _, params in parts for p in params])
                for part, pk, title in cursor.fetchall():
                    self.titles[self.keys[part]][pk] = title

    def read_similar(self, wanted: list[ExtractedAgreement]) -> None:
        """The parties of the candidates whose title is similar to one the batch names; the records themselves
        (with their latest source) of those `find` will take, the newest of each such title whose parties agree.
        Any other is read if a batch's change makes `find` reach it (`instance`)."""
        similar = {pk for ext in wanted for pk in self.similar_pks(candidate_filter(ext), ext.title)}
        if not similar:
            return
        self.similar = {pk: [] for pk in sorted(similar)}
        for pk, country_id, name in (AgreementParty.objects.filter(agreement_id__in=similar).order_by("id")
                                     .values_list("agreement_id", "country_id", "name")):
            self.similar[pk].append((country_id, name))
        self.load({pk for ext in wanted if (pk := self.newest_agreeing(ext)) is not None})

    def newest_agreeing(self, ext: ExtractedAgreement) -> int | None:
        """The newest candidate read that `find` would take for `ext` (before the batch writes anything)."""
        ours = our_party_keys(ext)
        for pk in self.similar_pks(candidate_filter(ext), ext.title):
            if parties_agree(ours, party_keys(self.similar[pk])):
                return pk
        return None

    def similar_pks(self, key: tuple, title: str) -> list[int]:
        """Ids of the candidates read for filter `key` whose title (as read) is similar to `title`, newest first;
        worked out once per title: a batch names a title again as it finds (`find`) and re-reads it."""
        if (key, title) not in self.similar_to:
            self.similar_to[(key, title)] = similar_among(title, self.titles.get(key, {}))
        return self.similar_to[(key, title)]

    def load(self, pks: set[int]) -> None:
        """The records of these candidates, with their latest source; their parties are the ones read."""
        pks = pks - set(self.by_pk)
        if not pks:
            return
        for agreement in Agreement.objects.filter(pk__in=pks).annotate(latest_source=LATEST_SOURCE).order_by():
            self.by_pk[agreement.pk] = agreement
            self.parties[id(agreement)] = list(self.similar[agreement.pk])

    def age(self, agreement: Agreement) -> tuple:
        """Orders agreements oldest first: the archive's by id, then those the batch created as it did."""
        return (1, self.created[id(agreement)]) if agreement.pk is None else (0, agreement.pk)

    def instance(self, agreement: Agreement) -> Agreement:
        """The batch's instance of `agreement` (registered if it is the first); a candidate's is the one read
        with the candidates (`load`), whichever instance came first."""
        if agreement.pk is None:
            return agreement
        if agreement.pk in self.similar:
            self.load({agreement.pk})
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
        titles = {(0, pk): self.titles[key][pk] for pk in self.similar_pks(key, ext.title) if (0, pk) not in touched}
        titles |= {age: a.title for age, a in touched.items() if matches_filter(key, a.kind, self.parties_of(a))}
        ours = our_party_keys(ext)
        for age in sorted(titles, reverse=True):  # the newest first
            if not similar_titles(ext.title, titles[age]):
                continue
            agreement = touched.get(age) or self.by_pk.get(age[1])
            if agreement is None and age[1] in self.similar:  # its parties were read: the record only if it agrees
                if not parties_agree(ours, party_keys(self.similar[age[1]])):
                    continue
                agreement = self.instance_of(age[1])
            agreement = agreement or self.read_one(age[1])
            if parties_agree(ours, party_keys(self.parties_of(agreement))):
                return self.instance(agreement.resolved())
        return None

    def instance_of(self, pk: int) -> Agreement:
        self.load({pk})
        return self.by_pk[pk]

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
    archive's meetings in which two of the people its participants could be
    (`candidates.PeoplePool.could_meet`) took part on a date that could agree with it
    (`meeting_window`), with the ids of their people, and for an undated one the publication
    dates of the articles that report it. A meeting shares two people with the one it is
    (`find`), so one that holds a single of them is not read: a minister's weekly meetings with
    others are not, however many the archive holds of the same week. People only a later
    article's new alias makes candidates are read when met. On PostgreSQL the meeting locks of
    all those people are taken first (`locks.lock_meeting_people`), so no other writer adds a
    meeting of theirs until the batch commits. Kept current as the batch links people and
    articles to meetings: `find` then answers as the query of one article against the archive
    did (`events.find_same_meeting`).
    """

    def __init__(self, windows: Iterable[tuple[set[int], tuple]]):
        self.meetings: dict[tuple, Meeting] = {}  # `rows.record_key` -> the batch's one instance of it
        self.people: dict[int, set] = {}  # id(meeting) -> `rows.record_key` of the people who took part
        self.created: dict[int, int] = {}  # id(meeting) -> its rank among those the batch created
        self.published: dict[int, set] = {}  # id(meeting) -> publication dates of the articles that report it
        self.by_person: dict[tuple, list] = {}  # person's `rows.record_key` -> the meetings they took part in
        self.read_groups: dict[tuple, list] = {}  # window -> the sets of people read in it
        self.read([(frozenset(person_ids), window) for person_ids, window in windows])

    def read(self, groups: Iterable[tuple[frozenset, tuple]]) -> None:
        """The stored meetings in which two people of a group took part on the dates of its window
        (their meeting locks taken first); a group within one already read is not read again."""
        groups = [(people, window) for people, window in dict.fromkeys(groups)
                  if len(people) >= 2 and not self.was_read(people, window)]
        if not groups:
            return
        lock_meeting_people(set().union(*(people for people, _ in groups)))
        for people, window in groups:
            self.read_groups.setdefault(window, []).append(people)
        self.read_meetings(groups)

    def was_read(self, people: frozenset, window: tuple) -> bool:
        return any(people <= done for done in self.read_groups.get(window, ()))

    def read_meetings(self, groups: list[tuple[frozenset, tuple]]) -> None:
        ids = shared_meetings(groups) - {pk for kind, pk in self.meetings if kind == "pk"}  # known ones stay
        if not ids:
            return
        new = list(Meeting.objects.filter(pk__in=ids).order_by())
        people: dict[int, set] = {}
        for meeting_id, person_id in (MeetingParticipant.objects.filter(meeting_id__in=ids, person__isnull=False)
                                      .order_by().values_list("meeting_id", "person_id")):
            people.setdefault(meeting_id, set()).add(("pk", person_id))
        for meeting in new:
            self.meetings[("pk", meeting.pk)] = meeting
            self.add_people(meeting, people.get(meeting.pk, set()))
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
        stored = frozenset(pk for kind, pk in ids if kind == "pk")
        self.read([(stored, meeting_window(ext, published))])  # people the batch's first read could not foresee
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


def shared_meetings(groups: list[tuple[frozenset, tuple]]) -> set[int]:
    """Ids of the stored meetings in which two people of one of `groups` [(person ids, window)] took part
    on a date of its window (undated: reported in an article published then): one UNION ALL query per 200
    groups. Written as SQL: the ORM took longer to build the query than the database to answer it. On
    PostgreSQL one query whatever the number of groups (`TWO_OF_A_GROUP`)."""
    if connection.vendor == "postgresql":
        return shared_meetings_postgresql(groups)
    found = set()
    for first in range(0, len(groups), SQLITE_COMPOUND_LIMIT // 2):
        sql, params = [], []
        for people, (low, high) in groups[first:first + SQLITE_COMPOUND_LIMIT // 2]:
            ids = sorted(people)
            dates = [connection.ops.adapt_datefield_value(day) for day in (low, high)]
            sql += [TWO_OF_THEM_DATED.format(people=", ".join(["%s"] * len(ids))),
                    TWO_OF_THEM_UNDATED.format(people=", ".join(["%s"] * len(ids)))]
            params += [*ids, *dates, *ids, *dates]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(sql), params)
            found.update(pk for pk, in cursor.fetchall())
    return found


# The meetings of a window in which two of these people took part. Each starts from the window's meetings
# (by their date, or by the publication date of the articles reporting an undated one), not from every
# meeting its people ever attended: a minister's participations grow with the archive, a week's do not.
TWO_OF_THEM_DATED = f"""
    SELECT p.meeting_id FROM {MeetingParticipant._meta.db_table} p
    WHERE p.person_id IN ({{people}})
      AND p.meeting_id IN (SELECT m.id FROM {Meeting._meta.db_table} m WHERE m.date BETWEEN %s AND %s)
    GROUP BY p.meeting_id HAVING COUNT(DISTINCT p.person_id) >= 2"""
TWO_OF_THEM_UNDATED = f"""
    SELECT p.meeting_id FROM {MeetingParticipant._meta.db_table} p
    JOIN {Meeting._meta.db_table} m ON m.id = p.meeting_id
    WHERE p.person_id IN ({{people}}) AND m.date IS NULL
      AND p.meeting_id IN (SELECT e.meeting_id FROM {Evidence._meta.db_table} e
                           JOIN {Article._meta.db_table} a ON a.id = e.article_id
                           WHERE a.published BETWEEN %s AND %s AND e.meeting_id IS NOT NULL)
    GROUP BY p.meeting_id HAVING COUNT(DISTINCT p.person_id) >= 2"""


def shared_meetings_postgresql(groups: list[tuple[frozenset, tuple]]) -> set[int]:
    """`shared_meetings` as one statement over arrays of the groups and their people: a UNION of one
    part per group cost PostgreSQL some 190 ms of planning a batch, more than running it."""
    windows = [window for _, window in groups]
    members = [(number, person) for number, (group, _) in enumerate(groups) for person in sorted(group)]
    with connection.cursor() as cursor:
        cursor.execute(TWO_OF_A_GROUP, [list(range(len(groups))), [low for low, _ in windows],
                                        [high for _, high in windows], [n for n, _ in members],
                                        [person for _, person in members]])
        return {pk for pk, in cursor.fetchall()}


TWO_OF_A_GROUP = f"""
    WITH grp AS (SELECT * FROM unnest(%s::integer[], %s::date[], %s::date[]) AS g(n, low, high)),
         member AS (SELECT * FROM unnest(%s::integer[], %s::bigint[]) AS gp(n, person_id))
    SELECT p.meeting_id FROM grp
    JOIN {Meeting._meta.db_table} m ON m.date BETWEEN grp.low AND grp.high
    JOIN {MeetingParticipant._meta.db_table} p ON p.meeting_id = m.id
    JOIN member ON member.n = grp.n AND member.person_id = p.person_id
    GROUP BY grp.n, p.meeting_id HAVING COUNT(DISTINCT p.person_id) >= 2
    UNION
    SELECT p.meeting_id FROM grp
    JOIN {Article._meta.db_table} a ON a.published BETWEEN grp.low AND grp.high
    JOIN {Evidence._meta.db_table} e ON e.article_id = a.id AND e.meeting_id IS NOT NULL
    JOIN {Meeting._meta.db_table} m ON m.id = e.meeting_id AND m.date IS NULL
    JOIN {MeetingParticipant._meta.db_table} p ON p.meeting_id = m.id
    JOIN member ON member.n = grp.n AND member.person_id = p.person_id
    GROUP BY grp.n, p.meeting_id HAVING COUNT(DISTINCT p.person_id) >= 2"""


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
