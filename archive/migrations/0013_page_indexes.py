"""Indexes the reading pages and the admin need at a million articles, on PostgreSQL (SQLite: nothing).

- `*_rejected`: the ids of rejected people and organizations. Readers never see a participant or
  party linked to one (`selectors.visible_participants`); the filter hashes these few ids once
  instead of joining every participant to its person and organization (a scan of both tables, for
  every facet and every "meetings with a participant from ..." filter).
- `*_live_newest_first`: the meetings and agreements lists' own rows (live records, newest first)
  with the columns their facets and timeline count (`selectors.FACET_FIELDS`): a page reads its
  first 10,001 rows from the index alone (7 ms at a million articles instead of 30, visiting
  10,000 table pages).
- `*_review_state_ids`: the review queue's progress counts `COUNT(id)` per review state of every
  record that is not a tombstone; with the id in the index that is an index-only scan (0012's
  `*_review_state` lacks it, so PostgreSQL read the table: 170 ms for 450,000 meetings, 107 from
  the index). Still in proportion to the table: see BENCHMARKS.md.
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
    *[(f"{kind}_review_state_ids", f"archive_{kind}", "review_status", "id", "merged_into_id IS NULL")
      for kind in ("person", "organization", "meeting", "agreement")],
]
# (index name, table, key columns, columns carried along)
INDEXES = [
    # The alias changelists' order (the model's `name`, then the admin's `-pk`): 50 rows read from
    # the index instead of a sort of 600,000 aliases joined to their people (0.2 s at 600,000 articles).
    ("personalias_by_name", "archive_personalias", "name, id DESC", ""),
    ("organizationalias_by_name", "archive_organizationalias", "name, id DESC", ""),
    # The articles list's first 10,001 rows with the outlet its facet counts, from the index alone
    # (an article row is a few kilobytes: 10,000 of them were as many table pages, 35 ms).
    ("article_newest_first_outlet", "archive_article", "published DESC NULLS LAST, id DESC", "outlet"),
]


def add_page_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, columns, include, *condition in PARTIAL_INDEXES + INDEXES:
        carried = f" INCLUDE ({include})" if include else ""
        rows = f" WHERE {condition[0]}" if condition else ""
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns}){carried}{rows}")


def drop_page_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, *_ in PARTIAL_INDEXES + INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0012_scale_indexes")]
    operations = [migrations.RunPython(add_page_indexes, drop_page_indexes)]
