"""Indexes the reading pages and the admin need at a million articles, on PostgreSQL (SQLite: nothing).

- `*_rejected`: the ids of rejected people and organizations. Readers never see a participant or
  party linked to one (`selectors.visible_participants`); the filter hashes these few ids once
  instead of joining every participant to its person and organization (a scan of both tables, for
  every facet and every "meetings with a participant from ..." filter).
- `*_live_newest_first`: the meetings and agreements lists' own rows (live records, newest first)
  with the columns their facets and timeline count (`selectors.FACET_FIELDS`): a page reads its
  first 10,001 rows from the index alone (7 ms at a million articles instead of 30, visiting
  10,000 table pages).
"""

from django.db import migrations

LIVE = "merged_into_id IS NULL AND review_status <> 'rejected'"  # `objects.live()`
NEWEST_FIRST = "date DESC NULLS LAST, id DESC"
# (index name, table, key columns, columns carried along (INCLUDE), rows indexed)
PARTIAL_INDEXES = [
    ("person_rejected", "archive_person", "id", "", "review_status = 'rejected'"),
    ("organization_rejected", "archive_organization", "id", "", "review_status = 'rejected'"),
    ("meeting_live_newest_first", "archive_meeting", NEWEST_FIRST, "date_precision", LIVE),
    ("agreement_live_newest_first", "archive_agreement", NEWEST_FIRST, "status, kind", LIVE),
]


def add_page_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, columns, include, condition in PARTIAL_INDEXES:
        carried = f" INCLUDE ({include})" if include else ""
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns}){carried} WHERE {condition}")


def drop_page_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, *_ in PARTIAL_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0012_scale_indexes")]
    operations = [migrations.RunPython(add_page_indexes, drop_page_indexes)]
