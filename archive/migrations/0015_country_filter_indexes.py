"""Indexes for "meetings with a participant from X" and "agreements with a party from X", on PostgreSQL
(SQLite: nothing).

The country filter (`filters.RelatedExistsMixin`) is an EXISTS over the visible participants or parties
of that country; PostgreSQL answers it by hashing every participant of the country (150,000 of
Kazakhstan's at a million articles) and joining the filtered meetings to them. With the country first
and the meeting (agreement) and the columns of `visible_participants` (`visible_parties`) carried in
the index, that hash is built from the index alone instead of from 4,700 table pages (the first 10,001
rows of "meetings: country + 2025": 284 -> 181 ms; the participant side 116 -> 65 ms, at load 6).
A probe per meeting in the list's order through a (meeting, country) index was slower (35,000 probes,
about 500 ms), so the hash join stays.
"""

from django.db import migrations

# (index name, table, key columns, columns carried along (INCLUDE))
INDEXES = [
    ("participant_by_country", "archive_meetingparticipant", "country_id, meeting_id", "person_id, organization_id"),
    ("party_by_country", "archive_agreementparty", "country_id, agreement_id", "person_id, organization_id"),
]


def add_country_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, columns, include in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns}) INCLUDE ({include})")


def drop_country_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, *_ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0014_review_counts")]
    operations = [migrations.RunPython(add_country_indexes, drop_country_indexes)]
