"""Two ingests at the same time: both finish with a summary, each article is written once.

Two threads, each with its own database connection, run the real command on the same
folder; a barrier makes them start their first batch's transaction at the same moment,
so both look for the same articles together: one waits for the other's locks, then
finds its articles written.

PostgreSQL only: the SQLite test database is an in-memory shared cache, where a thread
meets a locked table at once instead of waiting. On a SQLite file (what the archive
runs on) every article's transaction begins IMMEDIATE, so writers queue and never collide.
"""

import threading

import pytest
from django.db import connection

from archive.ingest import files
from archive.models import Article
from tests.ingest.test_bad_input import GOOD, run

STORIES = [GOOD, GOOD.replace("gas transit", "rail"), GOOD.replace("on Monday", "on Friday")]


@pytest.fixture
def folder(tmp_path):
    for i, text in enumerate(STORIES):
        (tmp_path / f"story-{i}.txt").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture
def first_saves_in_step(monkeypatch):
    """Hold each thread before its first batch takes its locks until the other one is there too."""
    barrier, seen = threading.Barrier(2), threading.local()
    lock = files.lock_articles

    def in_step(*args, **kwargs):
        if not getattr(seen, "waited", False):
            seen.waited = True
            barrier.wait(timeout=60)
        return lock(*args, **kwargs)

    monkeypatch.setattr(files, "lock_articles", in_step)


def run_in_thread(folder, results, name):
    try:
        results[name] = run(folder)
    except BaseException as exc:  # what the test must see: an exception escaping the command
        results[name] = exc
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database that threads share (see above)")
def test_two_ingests_at_the_same_time_both_finish_and_write_each_article_once(folder, first_saves_in_step):
    results = {}
    threads = [threading.Thread(target=run_in_thread, args=(folder, results, name)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    for name in ("a", "b"):
        assert isinstance(results[name], tuple), f"ingest {name} ended in {results[name]!r}"
        code, out, err = results[name]
        assert code == 0, err
        assert "Files read: 3" in out and "Errors: 0" in out
    assert Article.objects.count() == len(STORIES)
    outs = [results[name][1] for name in ("a", "b")]
    assert sum(int(out.split("Articles: ")[1].split(" new")[0]) for out in outs) == len(STORIES)
