"""Indexes for the agreement lists filtered by kind, by value and by sector, and for meetings looked up by id.

Measured with EXPLAIN (ANALYZE, BUFFERS) at a million articles (load 3-4 on two cores), first 10,001 rows:
- `agreement_live_by_kind`: live agreements of a kind, newest first (`?kind=mou`, with a party country):
  read from the index instead of 75,000 kind entries and 2,300 table pages (8,048 -> 1,444 buffers,
  155 -> 80 ms).
- `agreement_live_by_value` and `sector_agreements`: `?value_min=...&value_max=...&sector=energy` reads the
  value range and the sector's agreements from the indexes alone instead of 6,700 agreement and 2,400
  link-table pages (9,157 buffers -> a few hundred, 102 -> 50 ms). The sector index serves SQLite too.
- `meeting_by_id_covering`: a searched meeting list looks its matches up by id (`paging.among_subquery`)
  for their date, place and review state; from this index alone instead of the table: the admin's
  `?country=UZ&q=Tashkent` (20,834 look-ups) 186,000 -> 135,000 buffers, 380 -> 230 ms; the reading
  list `?location=astana&q=energy` (43,806 look-ups) 164,000 -> 148,000 buffers, 490 -> 350-420 ms.
"""

from django.db import migrations

LIVE = "merged_into_id IS NULL AND review_status <> 'rejected'"  # `objects.live()`
# (index name, table, key columns, columns carried along (INCLUDE), rows indexed, vendors)
INDEXES = [
    ("agreement_live_by_kind", "archive_agreement", "kind, date DESC NULLS LAST, id DESC", "status", LIVE,
     {"postgresql"}),
    ("agreement_live_by_value", "archive_agreement", "value_usd, id", "date, status, kind", LIVE, {"postgresql"}),
    ("sector_agreements", "archive_agreement_sectors", "sector_id, agreement_id", "", "", {"postgresql", "sqlite"}),
    ("meeting_by_id_covering", "archive_meeting", "id", "date, date_precision, location, review_status, merged_into_id",
     "", {"postgresql"}),
]


def add_list_filter_indexes(apps, schema_editor):
    for name, table, columns, include, condition, vendors in INDEXES:
        if schema_editor.connection.vendor not in vendors:
            continue
        carried = f" INCLUDE ({include})" if include else ""
        rows = f" WHERE {condition}" if condition else ""
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns}){carried}{rows}")


def drop_list_filter_indexes(apps, schema_editor):
    for name, *_, vendors in INDEXES:
        if schema_editor.connection.vendor in vendors:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0016_candidate_indexes")]
    operations = [migrations.RunPython(add_list_filter_indexes, drop_list_filter_indexes)]
