"""The rows one article adds, gathered while its records are resolved and written in bulk at its end.

Evidence goes in one insert for every record of the article; the rows that point
at a piece of evidence (an agreement's status step, a meeting's conflicting
value) follow it in one insert each. New records are inserted together with
their history rows (`create_with_history`), one insert per kind of record.
All of it stays inside the article's transaction (see `files.save_one`).
"""

from __future__ import annotations

from django.db import connection, models
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

    def __init__(self):
        self.changed: dict[int, models.Model] = {}  # id(record) -> a record already in the archive, changed
        self.aliases: dict[type[models.Model], dict] = {}  # alias model -> {(record pk, normalized): row}
        self.roles: list = []

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
        Role.objects.bulk_create(fit_rows(self.roles))
        self.changed, self.aliases, self.roles = {}, {}, []


class ArticleRows:
    """The rows of one article: its evidence and the rows pointing at it, written at its end (`flush`);
    the rest goes to its batch's (`batch`)."""

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
        Evidence.objects.bulk_create(fit_rows(list(self.evidence.values())))
        for model, rows in self.after.items():  # their evidence now has its id
            model.objects.bulk_create(fit_rows(rows), ignore_conflicts=True)
        self.evidence.clear()
        self.after.clear()
