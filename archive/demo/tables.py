"""Writing generated rows in bulk: COPY on PostgreSQL, bulk_create elsewhere.

The generator gives each row as a dict of column values (attnames: `person_id`,
not `person`) with its id already set, so children can point at parents before
anything is written. Ids come from the table's own sequence on PostgreSQL
(`nextval`, taken in blocks), and follow the largest id on other databases.
Columns a row leaves out take the model field's default, worked out once per
table, so a row costs a dict and one line of text, not a model instance.
"""

from __future__ import annotations

import datetime
import decimal
import io
import json
import uuid

from django.db import connection, models
from django.utils import timezone

ID_BLOCK = 16_384
COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


class Ids:
    """Fresh primary keys per model, in blocks: one query per block of ID_BLOCK rows."""

    def __init__(self):
        self.free: dict[type, list[int]] = {}
        self.handed_out: dict[type, int] = {}  # the largest id given so far, written or not (SQLite)

    def next(self, model) -> int:
        free = self.free.setdefault(model, [])
        if not free:
            free.extend(reversed(self.block(model)))
        return free.pop()

    def block(self, model) -> list[int]:
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                               [table, ID_BLOCK])
                return [row[0] for row in cursor.fetchall()]
            # One writer at a time (SQLite): the ids after the largest one written or handed out so far.
            cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')
            top = max(cursor.fetchone()[0], self.handed_out.get(model, 0))
        self.handed_out[model] = top + ID_BLOCK
        return list(range(top + 1, top + 1 + ID_BLOCK))


class Table:
    """One model's columns in order, with the value a column takes when a row leaves it out."""

    def __init__(self, model):
        now = timezone.now()
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if not f.generated]
        self.columns = [f.attname for f in self.fields]
        self.defaults = {f.attname: self.default(f, now) for f in self.fields}

    @staticmethod
    def default(field, now):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        if field.has_default():
            return field.get_default()
        return None if field.null or field.primary_key else ""

    def values(self, row: dict) -> list:
        defaults = self.defaults
        return [row[c] if c in row else defaults[c] for c in self.columns]


def copy_text(value) -> str:
    """A value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.translate(COPY_ESCAPES)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (int, float, decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value).translate(COPY_ESCAPES)
    raise TypeError(f"no COPY form for {type(value).__name__}")


class Writer:
    """Inserts rows (dicts of column values, ids set) table by table, in bulk."""

    def __init__(self):
        self.tables: dict[type[models.Model], Table] = {}

    def write(self, model, rows: list[dict]) -> None:
        if not rows:
            return
        table = self.tables.get(model) or self.tables.setdefault(model, Table(model))
        if connection.vendor == "postgresql":
            copy_rows(table, rows)
        else:
            model.objects.bulk_create((model(**dict(zip(table.columns, table.values(r)))) for r in rows),
                                      batch_size=500)


def copy_rows(table: Table, rows: list[dict]) -> None:
    """COPY from a buffer filled a slice of rows at a time (bounded memory, one statement per slice)."""
    columns = ", ".join(f'"{c}"' for c in table.columns)
    statement = f'COPY "{table.model._meta.db_table}" ({columns}) FROM STDIN'
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 20_000):
            buffer = io.StringIO()
            for row in rows[start:start + 20_000]:
                buffer.write("\t".join([copy_text(v) for v in table.values(row)]))
                buffer.write("\n")
            buffer.seek(0)
            cursor.cursor.copy_expert(statement, buffer)

