"""Indexes a million-article archive needs, on PostgreSQL (SQLite sorts and counts its small archives as it is).

Each list sorts by `?sort=` with the id last (`archive/filters.py`, SortFilter:
`F(field).asc(nulls_last=True), id` or `.desc(nulls_last=True), -id`). Without
an index in exactly that order PostgreSQL sorts the whole table for every page:
"articles by title, page 50" took 260 ms on 100,000 articles and grows with them.
A backward scan of an ascending index gives NULLS FIRST, so a descending sort
gets its own index. Columns searched by trigram (names, titles, places) get no sort
index here: on a small table the planner would read such an index with a LIKE filter
instead of the trigram index (tests/browse/test_search.py checks the plan); the name
sorts of people and organizations (their default order) still sort the table.
"""

from django.db import migrations

# (index name, table, column, descending)
SORT_INDEXES = [
    ("article_by_title", "archive_article", "title", False),
    ("article_by_outlet", "archive_article", "outlet", False),
    ("article_oldest_first", "archive_article", "published", False),
    ("agreement_by_status", "archive_agreement", "status", False),
    ("agreement_by_value", "archive_agreement", "value_usd", False),
    ("agreement_by_value_desc", "archive_agreement", "value_usd", True),
    ("organization_by_type", "archive_organization", "org_type", False),
]

# A filter with the list's default order after it: the filtered rows come out of one index range.
FILTER_ORDER_INDEXES = [
    ("article_outlet_newest_first", "archive_article", "outlet, published DESC NULLS LAST, id DESC"),
]

# The review queue's progress ("reviewed of total", per type) counts every record that is not a
# tombstone by review state: an index of just that is read without visiting the table.
STATE_INDEXES = [
    ("person_review_state", "archive_person"),
    ("organization_review_state", "archive_organization"),
    ("meeting_review_state", "archive_meeting"),
    ("agreement_review_state", "archive_agreement"),
]


def add_scale_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, column, descending in SORT_INDEXES:
        order = "DESC NULLS LAST, id DESC" if descending else "ASC NULLS LAST, id ASC"
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({column} {order})")
    for name, table, columns in FILTER_ORDER_INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")
    for name, table in STATE_INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} (review_status) "
                              f"WHERE merged_into_id IS NULL")


def drop_scale_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, *_ in SORT_INDEXES + FILTER_ORDER_INDEXES + STATE_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0011_conversions")]
    operations = [migrations.RunPython(add_scale_indexes, drop_scale_indexes)]
