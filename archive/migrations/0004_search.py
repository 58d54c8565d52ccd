"""Search indexes for the reading pages, on PostgreSQL only; SQLite searches with plain LIKE.

- Articles get a stored, generated `search_vector` column (title weighted A, body B)
  with a GIN index. Django's model does not declare the column: PostgreSQL computes it
  on every insert and update, and `archive.browse.search` reads it. Ranking reads the
  stored vector instead of re-parsing every matching body.
- The lists' default order (newest first, undated last) gets a matching index.
- Record names get trigram GIN indexes on exactly the expression Django's `icontains`
  compiles to on PostgreSQL (`UPPER(col::text) LIKE UPPER(...)`), so name searches
  use them.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

SEARCH_VECTOR_SQL = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'B')"
)

# (index name, table, column) for names searched with icontains.
TRIGRAM_INDEXES = [
    ("person_name_trgm", "archive_person", "name"),
    ("personalias_name_trgm", "archive_personalias", "name"),
    ("organization_name_trgm", "archive_organization", "name"),
    ("organization_acronym_trgm", "archive_organization", "acronym"),
    ("organizationalias_name_trgm", "archive_organizationalias", "name"),
    ("agreement_title_trgm", "archive_agreement", "title"),
    ("agreementparty_name_trgm", "archive_agreementparty", "name"),
    ("meeting_topic_trgm", "archive_meeting", "topic"),
    ("meeting_location_trgm", "archive_meeting", "location"),
    ("participant_name_trgm", "archive_meetingparticipant", "name"),
    ("role_title_trgm", "archive_role", "title"),
]


# The lists' default order, newest first with undated last (`F(...).desc(nulls_last=True), -id`):
# a plain index on the date serves NULLS FIRST only, so each list would sort the whole table.
ORDER_INDEXES = [
    ("article_newest_first", "archive_article", "published"),
    ("meeting_newest_first", "archive_meeting", "date"),
    ("agreement_newest_first", "archive_agreement", "date"),
]


def add_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE archive_article ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({SEARCH_VECTOR_SQL}) STORED"
    )
    schema_editor.execute("CREATE INDEX article_search_vector_gin ON archive_article USING gin (search_vector)")
    for name, table, column in TRIGRAM_INDEXES:
        schema_editor.execute(f"CREATE INDEX {name} ON {table} USING gin ((UPPER({column}::text)) gin_trgm_ops)")
    for name, table, column in ORDER_INDEXES:
        schema_editor.execute(f"CREATE INDEX {name} ON {table} ({column} DESC NULLS LAST, id DESC)")


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in TRIGRAM_INDEXES + ORDER_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute("DROP INDEX IF EXISTS article_search_vector_gin")
    schema_editor.execute("ALTER TABLE archive_article DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("archive", "0003_natural_keys")]
    operations = [
        TrigramExtension(),  # a no-op on databases other than PostgreSQL
        migrations.RunPython(add_search_indexes, drop_search_indexes),
    ]
