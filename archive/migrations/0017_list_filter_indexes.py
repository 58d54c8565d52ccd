"""Indexes for the agreement lists filtered by kind, by value and by sector, and the people and organization lists
in name order.

Measured with EXPLAIN (ANALYZE, BUFFERS) at a million articles (load 3-5 on two cores), the list's first 10,001 rows,
alternately without and with the indexes, median of 5:
- `agreement_live_by_kind`: live agreements of a kind, newest first (`?kind=mou`, with a party country):
  read from the index instead of 75,000 kind entries and 2,300 table pages (8,045 -> 1,443 buffers,
  141-173 -> 77-90 ms).
- `agreement_live_by_value` and `sector_agreements`: `?value_min=...&value_max=...&sector=energy` reads the
  value range and the sector's agreements from the indexes alone instead of 6,700 agreement and 2,400
  link-table pages (9,148 -> 269 buffers, 42-75 -> 17 ms). The sector index serves SQLite too.
- `person_live_by_name`, `organization_live_by_name`: the lists' own order (live records by name), with the
  columns their facets count: the first 10,001 rows of "people: all" from the index alone instead of a sort of
  every live person (10,851 -> 117 buffers, 61 -> 3 ms), organizations 10,311 -> 147 buffers (28 -> 8-12 ms). Name
  searches keep their trigram plans (same buffers with and without).
- `person_live_by_country_name`: "people of a country" in name order (4,016 -> 77 buffers, 56 -> 3 ms).

Tried and left out: `(id) INCLUDE (date, location, ...)` on meetings, for the searched lists' look-ups
by id, saved 7-18 % of their buffers and no time beyond the noise; `(id) INCLUDE (review_status, name)` on
people, for the admin's searched list, none.
"""

from django.db import migrations

LIVE = "merged_into_id IS NULL AND review_status <> 'rejected'"  # `objects.live()`
# (index name, table, key columns, columns carried along (INCLUDE), rows indexed, vendors)
INDEXES = [
    ("agreement_live_by_kind", "archive_agreement", "kind, date DESC NULLS LAST, id DESC", "status", LIVE,
     {"postgresql"}),
    ("agreement_live_by_value", "archive_agreement", "value_usd, id", "date, status, kind", LIVE, {"postgresql"}),
    ("person_live_by_name", "archive_person", "name, id", "country_id", LIVE, {"postgresql"}),
    ("person_live_by_country_name", "archive_person", "country_id, name, id", "", LIVE, {"postgresql"}),
    ("organization_live_by_name", "archive_organization", "name, id", "country_id, org_type", LIVE, {"postgresql"}),
    ("sector_agreements", "archive_agreement_sectors", "sector_id, agreement_id", "", "", {"postgresql", "sqlite"}),
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
