"""What a batch of articles writes, gathered while its articles are resolved and written once, at its end.

Nothing an article finds or creates is written as it goes: the new articles and
records (each with its first history row), the records changed (each with one
history row for the batch, however many of its articles changed it), aliases,
roles, participants, parties, sector links, evidence and the rows pointing at
evidence (status steps, conflicts) are queued in `BatchRows` and inserted at the
end of the batch's transaction, one insert per kind, in that order, so that each
row's targets have their ids first. Until then a record the batch created is
known by the object itself (`record_key`), and what later articles of the batch
need to read of the queued rows is kept in memory: names and forms in the pools
(`candidates`), roles in `BatchRows.pending_roles`, meetings and agreements in
`batch_events`. An article that updates its text reads its old records from the
archive: the batch so far is written first (`flush`), and what was read once for
the batch is read again afterwards (`forget_reads`). All of it stays inside the
batch's transaction (see `files.Batch`).

History: a record created by a batch gets one version ("+"), with its values as the
batch leaves them; a stored record the batch changed gets one version ("~") with its
final values and the links it had before the batch (as `save()` before the batch's
rows would give it), roles and status steps listed up to `LISTED_LINK_ROWS` rows, else their number.
The history shows every record's current state, and a curator's revert restores a
version's fields and its listed links as before (`curation.history`).
"""

from __future__ import annotations

from django.db import connection, models
from django.db.models import Count, Max, Q
from django.utils import timezone

from archive.curation.history import links_snapshots, no_links
from archive.models import Article, Evidence, Role

from .fields import fit_rows
from .previous import EVIDENCE_TARGETS


LISTED_LINK_ROWS = 20  # a changed record's version lists up to this many roles or status steps, else their number


def create_with_history(records: list) -> None:
    """Insert new records and their first history rows, two queries for any number of one model.

    django-simple-history's bulk path sends no signal, so the links snapshot a saved
    record's first version gets (`curation.history.no_links`) is given here.
    """
    if not records:
        return
    model = type(records[0])
    model.objects.bulk_create(fit_rows(records))
    model.history.bulk_history_create(records, custom_historical_attrs={"links": no_links(model)})


def record_key(record) -> tuple:
    """A record's key within a batch: its id once stored; the object itself when the batch created it (its
    row, and its id, come at the batch's end)."""
    return ("pk", record.pk) if record.pk is not None else ("new", id(record))


def save_records(touched: list, batch: BatchRows) -> None:
    """Queue what changed of `touched` [(record, must write, ...)] for the batch's end: new records, inserted
    in one query per model with their history rows; changed ones, in one update per model, each with its
    history row (with its links snapshot). Each record once, however often the batch names it."""
    for record, must_write, *_ in touched:
        if record.pk is None:
            batch.created.setdefault(type(record), {})[id(record)] = record
        elif must_write:
            batch.changed[id(record)] = record


def update_with_history(records: list) -> None:
    """Save changed records of one model as `save()` would (every field, `updated_at` now), and give each
    the history row `save()` gives it, with its links as they stand (`curation.history.links_snapshots`),
    read for all of them at once: a handful of queries for any number of records. Roles or status steps a
    record holds more than `LISTED_LINK_ROWS` of are kept as their number: a busy minister's roles, one per
    article naming him, made every version of him, and every batch, as long as his career."""
    if not records:
        return
    model = type(records[0])
    now = timezone.now()
    for record in fit_rows(records):
        record.updated_at = now
    update_rows(model, records)
    snapshots = links_snapshots(model, [r.pk for r in records], listed_up_to=LISTED_LINK_ROWS)
    history = model.history.model
    model.history.model.objects.bulk_create([history(
        history_date=now, history_type="~", history_user=None, history_change_reason=None,
        links=snapshots[record.pk], **{f.attname: getattr(record, f.attname) for f in history.tracked_fields})
        for record in records])


def update_rows(model, records: list) -> None:
    """One UPDATE of every field, executed for all `records` at once (Django's `bulk_update` builds a CASE
    per field and row, which costs more to compile than the rows cost to write)."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    sql = (f"UPDATE {quote(model._meta.db_table)} SET {', '.join(f'{quote(f.column)} = %s' for f in fields)} "
           f"WHERE {quote(model._meta.pk.column)} = %s")
    params = [[f.get_db_prep_save(getattr(r, f.attname), connection) for f in fields] + [r.pk] for r in records]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


class BatchRows:
    """What a batch of articles writes once, at its end (`flush`, inside its transaction), and what it reads
    once for all of its articles (stored articles, roles, meetings, agreements): see the module."""

    def __init__(self, articles: list | None = None, source_paths: list | None = None):
        self.articles = articles or []  # the batch's ExtractedArticle, for what it reads once (`agreements`)
        self.source_paths = source_paths or []  # where each was read
        self._stored_articles = None
        self.new_articles: list[Article] = []  # inserted at its end, first
        self.created: dict[type[models.Model], dict] = {}  # model -> {id(record): record} new, inserted at its end
        self._role_rows = None
        self.changed: dict[int, models.Model] = {}  # id(record) -> a record already in the archive, changed
        self.aliases: dict[type[models.Model], dict] = {}  # alias model -> {(record pk, normalized): row}
        self.roles: list = []
        self.links: list = []  # participants, parties, sector links: rows that only point at saved records
        self.evidence: list = []
        self.after: dict[type[models.Model], list] = {}  # model -> rows that point at evidence
        self.pools = None  # the batch's `candidates.NamePools`, set by the first article
        self._agreements = self._meetings = self._role_rows = None
        self._scope = None  # the articles the next read is for (None: all of the batch's)
        self._previous_targets = None  # stored article id -> its evidence's targets, for the articles it updates

    def same_articles(self, content_hash: str, source_path: str, position: int) -> list:
        """The stored articles with this text or at this place: those of the whole batch read in one query the
        first time asked, those the batch has saved since included (`saved_article`)."""
        if self._stored_articles is None:
            hashes = [extracted.content_hash for extracted in self.articles]
            found = Article.objects.filter(Q(content_hash__in=hashes) | Q(source_path__in=self.source_paths))
            self._stored_articles = list(found)
        return [a for a in self._stored_articles
                if a.content_hash == content_hash or (a.source_path, a.position) == (source_path, position)]

    def previous_targets(self, article: Article) -> list:
        """The (person, organization, meeting, agreement) ids of a stored article's evidence, before the batch
        updates it: read in one query for every stored article the batch found (`same_articles`) whose text
        is none of the batch's, the first time asked. Only the article's own update changes its evidence,
        so each is handed out once; one not read then is read alone."""
        if self._previous_targets is None:
            hashes = {extracted.content_hash for extracted in self.articles}
            ids = [a.pk for a in self._stored_articles or () if a.pk is not None and a.content_hash not in hashes]
            self._previous_targets = {pk: [] for pk in ids}
            for article_id, *targets in (Evidence.objects.filter(article_id__in=ids).order_by()
                                         .values_list("article_id", *EVIDENCE_TARGETS)):
                self._previous_targets[article_id].append(tuple(targets))
        if article.pk in self._previous_targets:
            return self._previous_targets.pop(article.pk)
        return list(Evidence.objects.filter(article=article).values_list(*EVIDENCE_TARGETS))

    def saved_article(self, article: Article, *, new: bool) -> None:
        """`article` is the batch's now: a new one is inserted at its end, a changed one is saved."""
        if self._stored_articles is not None and all(a is not article for a in self._stored_articles):
            self._stored_articles.append(article)
        if new:
            self.new_articles.append(article)
        else:
            article.save()

    def is_new(self, article: Article) -> bool:
        return any(a is article for a in self.new_articles)

    def stored_role_rows(self, article: Article) -> list | None:
        """(person, country, count, latest date) of the stored roles of every person the batch's names could be,
        read once; None for an article the batch did not insert (its own stored roles are left out, by query)."""
        if not self.is_new(article):
            return None
        if self._role_rows is None:
            ids = {person.resolved().pk for person in self.pools.people.found} if self.pools else set()
            self._role_rows = list(Role.objects.filter(person__in=ids).values("person_id", "country_id")
                                   .annotate(n=Count("id"), latest=Max("date")).order_by()) if ids else []
        return self._role_rows

    def meetings(self):
        """The meetings the batch could name (`batch_events.BatchMeetings`), read the first time asked."""
        if self._meetings is None:
            from .batch_events import BatchMeetings, meeting_windows

            windows = meeting_windows(self.reading_for(), self.pools.people) if self.pools else []
            self._meetings = BatchMeetings(windows)
        return self._meetings

    def agreements(self):
        """The agreements the batch could name (`batch_events.BatchAgreements`), read the first time asked."""
        if self._agreements is None:
            from .batch_events import BatchAgreements

            self._agreements = BatchAgreements(self.reading_for())
        return self._agreements

    def reading_for(self) -> list:
        return self.articles if self._scope is None else self._scope

    def forget_reads(self, articles: list) -> None:
        """After `flush`, around an article that updates its text: what was read is read again when next
        asked, for `articles` only (that article, then the ones after it)."""
        self._agreements = self._meetings = self._role_rows = None
        self._scope = articles

    def following(self, extracted) -> list:
        """The batch's articles after `extracted`."""
        place = next((i for i, a in enumerate(self.articles) if a is extracted), len(self.articles))
        return self.articles[place + 1:]

    def add_alias(self, alias_model, key: tuple, make) -> None:
        rows = self.aliases.setdefault(alias_model, {})
        if key not in rows:
            rows[key] = make()

    def pending_roles(self, person_keys: set) -> list:
        return [role for role in self.roles if record_key(role.person) in person_keys]

    def flush(self) -> None:
        """New articles and records first (bulk inserts give them their ids), changed records (their versions'
        links snapshots show the links from before the batch), then the rows; the batch can go on after it."""
        Article.objects.bulk_create(self.new_articles)
        for records in self.created.values():
            create_with_history(list(records.values()))
        by_model: dict[type[models.Model], list] = {}
        for record in self.changed.values():
            by_model.setdefault(type(record), []).append(record)
        for records in by_model.values():
            update_with_history(records)
        for alias_model, rows in self.aliases.items():
            alias_model.objects.bulk_create(fit_rows(list(rows.values())), ignore_conflicts=True)
        Role.objects.bulk_create(fit_rows(self.roles), ignore_conflicts=True)
        by_model = {}
        for row in self.links:
            by_model.setdefault(type(row), []).append(row)
        for model, rows in by_model.items():  # links already there stay
            model.objects.bulk_create(fit_rows(rows), ignore_conflicts=True)
        Evidence.objects.bulk_create(fit_rows(self.evidence))
        for model, rows in self.after.items():  # their evidence now has its id
            model.objects.bulk_create(fit_rows(rows), ignore_conflicts=True)
        self.changed, self.aliases, self.roles, self.links, self.evidence, self.after = {}, {}, [], [], [], {}
        self.new_articles, self.created = [], {}


class ArticleRows:
    """The rows of one article: its evidence and the rows pointing at it, gathered while its records are
    resolved, then (`flush`) handed to its batch's (`batch`), written with them."""

    def __init__(self, article: Article, batch: BatchRows):
        self.article, self.batch = article, batch
        self.evidence: dict[tuple, Evidence] = {}  # (target field, target, start, end) -> row
        self.after: dict[type[models.Model], list] = {}  # model -> rows that point at evidence

    def add_evidence(self, evidence, **target) -> None:
        """Queue the evidence of a record (saved, so that it has its id); the same span once per record."""
        (kind, record), = target.items()
        for e in evidence:
            self.evidence.setdefault((kind, record_key(record), e.start, e.end), Evidence(
                article=self.article, sentence=e.sentence, sentence_start=e.sentence_start,
                sentence_end=e.sentence_end, start=e.start, end=e.end, confidence=e.confidence, **target))

    def first_evidence(self, evidence, **target) -> Evidence | None:
        """The row of a record's first piece of evidence in this article (an id once flushed)."""
        if not evidence:
            return None
        (kind, record), = target.items()
        return self.evidence.get((kind, record_key(record), evidence[0].start, evidence[0].end))

    def add_after(self, row: models.Model) -> None:
        """Queue a row to insert once the evidence it points at is written (duplicates are skipped)."""
        self.after.setdefault(type(row), []).append(row)

    def flush(self) -> None:
        self.batch.evidence += self.evidence.values()
        for model, rows in self.after.items():
            self.batch.after.setdefault(model, []).extend(rows)
        self.evidence.clear()
        self.after.clear()
