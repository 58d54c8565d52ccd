"""The rows one article adds, gathered while its records are resolved and written in bulk at its end.

Evidence goes in one insert for every record of the article; the rows that point
at a piece of evidence (an agreement's status step, a meeting's conflicting
value) follow it in one insert each. New records are inserted together with
their history rows (`create_with_history`), one insert per kind of record.
All of it stays inside the article's transaction (see `files.save_one`).
"""

from __future__ import annotations

from django.db import connection, models
from django.db.models import Count, Max, Q
from django.utils import timezone

from archive.curation.history import links_snapshots, no_links
from archive.models import Article, Evidence, Role

from .fields import fit_rows


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


def save_records(touched: list, batch: BatchRows | None = None) -> None:
    """Write what changed of `touched` [(record, must write, ...)]: new records in one insert per model
    with their history rows; changed ones in one update per model, each with its history row (with its
    links snapshot), now or, given the `batch`, once at its end. Each record once, however often named."""
    new, changed = {}, {}
    for record, must_write, *_ in touched:
        if record.pk is None:
            new[id(record)] = record
        elif must_write:
            changed[id(record)] = record
    create_with_history(list(new.values()))
    if batch is None:
        update_with_history(list(changed.values()))
    else:
        batch.changed.update(changed)


def update_with_history(records: list) -> None:
    """Save changed records of one model as `save()` would (every field, `updated_at` now), and give each
    the history row `save()` gives it, with its links as they stand (`curation.history.links_snapshots`),
    read for all of them at once: a handful of queries for any number of records."""
    if not records:
        return
    model = type(records[0])
    now = timezone.now()
    for record in fit_rows(records):
        record.updated_at = now
    update_rows(model, records)
    snapshots = links_snapshots(model, [r.pk for r in records])
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
    """What a batch of articles writes once, at its end (`flush`, inside its transaction): the records
    its articles changed, each written once with one history row however many articles changed it,
    then the aliases and roles they gave. The articles read none of it back from the database: the
    name pools (`candidates`) hold the records and their forms, `pending_roles` the roles."""

    def __init__(self, articles: list | None = None, source_paths: list | None = None):
        self.articles = articles or []  # the batch's ExtractedArticle, for what it reads once (`agreements`)
        self.source_paths = source_paths or []  # where each was read
        self._stored_articles = None
        self.new_articles: set[int] = set()  # ids of the articles the batch inserted
        self._role_rows = None
        self.changed: dict[int, models.Model] = {}  # id(record) -> a record already in the archive, changed
        self.aliases: dict[type[models.Model], dict] = {}  # alias model -> {(record pk, normalized): row}
        self.roles: list = []
        self.links: list = []  # participants, parties, sector links: rows that only point at saved records
        self.evidence: list = []
        self.after: dict[type[models.Model], list] = {}  # model -> rows that point at evidence
        self.pools = None  # the batch's `candidates.NamePools`, set by the first article
        self._agreements = self._meetings = self._role_rows = None

    def same_articles(self, content_hash: str, source_path: str, position: int) -> list:
        """The stored articles with this text or at this place: those of the whole batch read in one query the
        first time asked, those the batch has saved since included (`saved_article`)."""
        if self._stored_articles is None:
            hashes = [extracted.content_hash for extracted in self.articles]
            found = Article.objects.filter(Q(content_hash__in=hashes) | Q(source_path__in=self.source_paths))
            self._stored_articles = list(found)
        return [a for a in self._stored_articles
                if a.content_hash == content_hash or (a.source_path, a.position) == (source_path, position)]

    def saved_article(self, article: Article, *, new: bool) -> None:
        if self._stored_articles is not None and all(a is not article for a in self._stored_articles):
            self._stored_articles.append(article)
        if new:
            self.new_articles.add(article.pk)

    def stored_role_rows(self, article: Article) -> list | None:
        """(person, country, count, latest date) of the stored roles of every person the batch's names could be,
        read once; None for an article the batch did not insert (its own stored roles are left out, by query)."""
        if article.pk not in self.new_articles:
            return None
        if self._role_rows is None:
            ids = {person.resolved().pk for person in self.pools.people.found} if self.pools else set()
            self._role_rows = list(Role.objects.filter(person__in=ids).values("person_id", "country_id")
                                   .annotate(n=Count("id"), latest=Max("date")).order_by()) if ids else []
        return self._role_rows

    def meetings(self):
        """The meetings the batch could name (`batch_events.BatchMeetings`), read the first time asked."""
        if self._meetings is None:
            from .batch_events import BatchMeetings

            people = {person.resolved().pk for person in self.pools.people.found} if self.pools else set()
            self._meetings = BatchMeetings(self.articles, people)
        return self._meetings

    def agreements(self):
        """The agreements the batch could name (`batch_events.BatchAgreements`), read the first time asked."""
        if self._agreements is None:
            from .batch_events import BatchAgreements

            self._agreements = BatchAgreements(self.articles)
        return self._agreements

    def forget_reads(self) -> None:
        """After `flush`, when an article updated its text: what was read is read again when next asked."""
        self._agreements = self._meetings = self._role_rows = None

    def add_alias(self, alias_model, key: tuple, make) -> None:
        rows = self.aliases.setdefault(alias_model, {})
        if key not in rows:
            rows[key] = make()

    def pending_roles(self, person_ids: set) -> list:
        return [role for role in self.roles if role.person.pk in person_ids]

    def flush(self) -> None:
        """Changed records first (their versions' links snapshots show the links from before the batch,
        as `save()` before the batch's links would), then the rows; the batch can go on after it."""
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
            self.evidence.setdefault((kind, record.pk, e.start, e.end), Evidence(
                article=self.article, sentence=e.sentence, sentence_start=e.sentence_start,
                sentence_end=e.sentence_end, start=e.start, end=e.end, confidence=e.confidence, **target))

    def first_evidence(self, evidence, **target) -> Evidence | None:
        """The row of a record's first piece of evidence in this article (an id once flushed)."""
        if not evidence:
            return None
        (kind, record), = target.items()
        return self.evidence.get((kind, record.pk, evidence[0].start, evidence[0].end))

    def add_after(self, row: models.Model) -> None:
        """Queue a row to insert once the evidence it points at is written (duplicates are skipped)."""
        self.after.setdefault(type(row), []).append(row)

    def flush(self) -> None:
        self.batch.evidence += self.evidence.values()
        for model, rows in self.after.items():
            self.batch.after.setdefault(model, []).extend(rows)
        self.evidence.clear()
        self.after.clear()
