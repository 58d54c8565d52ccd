"""Many writers, one database: the creation of a record is serialized per normalized key.

Two ingests that read the same person at the same moment would both find no
record and both create one. On PostgreSQL each article's transaction therefore
takes, before it resolves anything, a transaction-level advisory lock for every
key its records could be found by (`article_keys`): a person's name words and
their transliteration skeletons (what `candidates.person_keys` looks candidates
up by, and what the surname key of an alias it creates is made of), an
organization's folded names and acronym, an agreement's kind with each party,
a sector, the article's own text and place. A second writer that shares a key
waits until the first commits, then resolves in a fresh statement (READ
COMMITTED) and finds the first writer's record.

Meetings are found by the people who took part, whose ids are known only once
the people are resolved: `lock_meeting_people` takes a second round of locks on
those ids. Every transaction takes the first round in sorted order, then the
second round in sorted order (a separate key space), so advisory locks alone can
never deadlock; a deadlock on rows the database still detects is retried by
`files.save_one` like any collision.

SQLite needs none of this: each article's transaction begins IMMEDIATE, so
writers queue for the whole file (see `files.wait_for_other_writers`).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from django.db import connection

from archive.extraction.entities import names
from archive.extraction.records import ExtractedArticle

from .countries import code_for

RECORD_KEYS = 1  # advisory key space of the first round (taken before anything is resolved)
MEETING_PEOPLE = 2  # second round: people of the article's meetings, by id


def article_keys(extracted: ExtractedArticle, source_path: str) -> set[str]:
    """Every normalized key the article's records could be found or created by."""
    keys = {f"article:{extracted.content_hash}", f"place:{source_path}:{extracted.position}"}
    for person in extracted.people:
        for form in (person.name, *person.aliases):
            words = names.name_words(form)
            keys |= {f"person:{word}" for word in words} | {f"person:{names.skeleton(word)}" for word in words}
    for org in extracted.organizations:
        keys |= {f"org:{names.normalize(form)}" for form in (org.name, *org.aliases, org.acronym) if form}
        if org.acronym:  # found by acronym too: `people.resolve_organization`
            keys.add(f"org-acronym:{org.acronym}")
    for agreement in extracted.agreements:
        keys |= {f"agreement:{agreement.kind}:{party_key(party)}" for party in agreement.parties if party}
        keys |= {f"sector:{sector.lower()}" for sector in agreement.sectors}
    return keys


def party_key(party: str) -> str:
    """A country by its code ("Pakistan" and "Islamic Republic of Pakistan" are one party), else its folded name."""
    return code_for(party) or names.normalize(party)


def lock_article(extracted: ExtractedArticle, source_path: str) -> None:
    """Wait for any other writer holding one of the article's keys; call first inside its transaction."""
    take_locks(RECORD_KEYS, article_keys(extracted, source_path))


def lock_meeting_people(person_ids: Iterable[int]) -> None:
    """Serialize finding-or-creating meetings among writers that share a participant."""
    take_locks(MEETING_PEOPLE, {str(pk) for pk in person_ids})


def take_locks(space: int, keys: set[str]) -> None:
    """One query taking every lock of `keys`, in increasing order; held until the transaction ends."""
    if connection.vendor != "postgresql" or not keys:
        return
    hashes = sorted({signed32(zlib.crc32(key.encode("utf-8"))) for key in keys})
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(pg_advisory_xact_lock(%s, k)) FROM unnest(%s::integer[]) AS k",
                       [space, hashes])


def signed32(value: int) -> int:
    return value - (1 << 32) if value >= 1 << 31 else value
