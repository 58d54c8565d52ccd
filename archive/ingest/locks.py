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

A transaction writes a batch of articles (`files.Batch`): it takes the first
round for all of them at once, in sorted order (`lock_articles`), before it
resolves anything.

Meetings are found by the people who took part: `lock_meeting_people` takes a
second round of locks on their ids (a separate key space, after the first). A
batch takes it once for every stored person its names could be, before it reads
the meetings it could find (`batch_events.BatchMeetings`), then article by
article for the people it resolved (those it created no other writer knows). It waits
for a key only when the key sorts after every second-round key the transaction
already holds; otherwise it only tries to take the keys, and when another writer
holds one, `LocksBusy` ends the batch, whose articles are then written one per
transaction (each of which waits in sorted order). Every wait is thus for a key
above all the waiter holds, so advisory locks alone can never deadlock; a deadlock
on rows the database still detects is retried by `files.save_one` like any collision.

SQLite needs none of this: each article's transaction begins IMMEDIATE, so
writers queue for the whole file (see `files.wait_for_other_writers`).
"""

from __future__ import annotations

import threading
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


class LocksBusy(Exception):
    """Another writer holds a second-round key this transaction may not wait for (see above)."""


_transaction = threading.local()  # per thread, as Django's connections are: `meeting_keys` held (see `lock_articles`)


def lock_articles(articles: Iterable[tuple[ExtractedArticle, str]]) -> None:
    """Wait for any other writer holding a key of the (article, source path) pairs; call first inside
    the transaction that writes them."""
    _transaction.meeting_keys = set()
    take_locks(RECORD_KEYS, hashes(set().union(*(article_keys(extracted, path) for extracted, path in articles))))


def lock_meeting_people(person_ids: Iterable[int]) -> None:
    """Serialize finding-or-creating meetings among writers that share a participant: wait for keys that
    sort after those held, else only try (raising `LocksBusy`)."""
    if connection.vendor != "postgresql":
        return
    held = vars(_transaction).setdefault("meeting_keys", set())
    new = hashes({str(pk) for pk in person_ids}) - held
    if not new:
        return
    if not held or min(new) > max(held):
        take_locks(MEETING_PEOPLE, new)
    elif not try_locks(MEETING_PEOPLE, new):
        raise LocksBusy
    held.update(new)


def hashes(keys: set[str]) -> set[int]:
    """The advisory lock key of each text key (its CRC-32, as a signed integer)."""
    return {signed32(zlib.crc32(key.encode("utf-8"))) for key in keys}


def take_locks(space: int, keys: set[int]) -> None:
    """One query taking every lock of `keys` (`hashes`), in increasing order; held until the transaction ends."""
    if connection.vendor != "postgresql" or not keys:
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(pg_advisory_xact_lock(%s, k)) FROM unnest(%s::integer[]) AS k",
                       [space, sorted(keys)])


def try_locks(space: int, keys: set[int]) -> bool:
    """Take every lock of `keys` that is free, waiting for none; whether all of them were."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT bool_and(pg_try_advisory_xact_lock(%s, k)) FROM unnest(%s::integer[]) AS k",
                       [space, sorted(keys)])
        return bool(cursor.fetchone()[0])


def signed32(value: int) -> int:
    return value - (1 << 32) if value >= 1 << 31 else value
