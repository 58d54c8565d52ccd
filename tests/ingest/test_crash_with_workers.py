"""An ingest with workers killed (SIGKILL) mid-run, then run again: nothing lost, nothing doubled.

The real command runs in a subprocess on a SQLite file of its own, with two workers;
it is killed once it has written a few articles (in batches of four, one transaction
each), and run again to the end. The
archive then holds exactly what one uninterrupted run writes into another file.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.ingest.test_many_writers import story

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="runs on SQLite files of its own, once")

FILES = 32
TABLES = ["archive_article", "archive_person", "archive_organization", "archive_meeting", "archive_agreement",
          "archive_evidence", "archive_meetingparticipant", "archive_agreementparty", "archive_role",
          "archive_personalias"]


def manage(db: Path, *args) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "DJANGO_SETTINGS_MODULE": "config.test_settings"}
    return subprocess.Popen([sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *map(str, args)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=600)
    return process.returncode, out, err


def contents(db: Path) -> dict:
    with sqlite3.connect(db) as conn:
        counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
        people = sorted(conn.execute("SELECT name, title FROM archive_person").fetchall())
        articles = sorted(conn.execute("SELECT content_hash FROM archive_article").fetchall())
    return {"counts": counts, "people": people, "articles": articles}


def articles_written(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM archive_article").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(FILES):
        (folder / f"{i:02d}.txt").write_text(story(i), encoding="utf-8")
    return folder


def test_an_ingest_with_workers_killed_mid_run_and_run_again_loses_nothing_and_doubles_nothing(folder, tmp_path):
    crashed, clean = tmp_path / "crashed.sqlite3", tmp_path / "clean.sqlite3"
    for db in (crashed, clean):
        assert finish(manage(db, "migrate", "--noinput"))[0] == 0
    running = manage(crashed, "ingest", folder, "--workers", "2", "--batch-size", "4")
    deadline = time.monotonic() + 300
    while articles_written(crashed) < 3 and running.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    running.send_signal(signal.SIGKILL)
    running.communicate(timeout=60)
    assert running.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert articles_written(crashed) < FILES

    code, out, err = finish(manage(crashed, "ingest", folder, "--workers", "2", "--batch-size", "4"))
    assert code == 0 and "Errors: 0" in out, err
    assert finish(manage(clean, "ingest", folder, "--workers", "2"))[0] == 0
    assert contents(crashed) == contents(clean)
    assert contents(clean)["counts"]["archive_article"] == FILES
