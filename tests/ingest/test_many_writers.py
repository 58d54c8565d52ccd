"""Three ingest processes on one PostgreSQL at once write exactly what one run after another writes.

The folders overlap (every story is in two or three of them, in a different order in
each) and the stories name the same people, organizations, meetings and agreements,
so the three writers race to create the same records. The real `manage.py ingest`
runs in three subprocesses on the test database; the test compares what they wrote
with what the same three folders give ingested one after the other.

PostgreSQL only: the SQLite test database lives in this process's memory. (On a
SQLite file, each article's transaction begins IMMEDIATE and writers queue.)
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from tests.conftest import restore_reference_data
from tests.ingest.contents import archive_contents
from tests.ingest.test_bad_input import run

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database other processes see")

PEOPLE = [
    ("Kazakh", "Foreign Minister", "Aidar Bekmurzin", "Kazakhstan"),
    ("Pakistani", "Minister for Commerce", "Farhan Qureshiyar", "Pakistan"),
    ("Uzbek", "Energy Minister", "Timur Rakhmanberdiev", "Uzbekistan"),
    ("Turkmen", "Deputy Prime Minister", "Serdar Annaberdyev", "Turkmenistan"),
]
STORIES = 12


def story(i: int) -> str:
    """Story i reports the meeting and the agreement of pair i % 4, as stories i + 4 and i + 8 do."""
    a, b = PEOPLE[i % 4], PEOPLE[(i + 1) % 4]
    day = 3 + i % 4
    return f"""{a[3]} and {b[3]} agree on rail freight (report {i})

ASTANA, March {day + 1}: {a[0]} {a[1]} {a[2]} met {b[0]} {b[1]} {b[2]} in Astana on March {day}, 2025, \
the Ministry of Foreign Affairs of {a[3]} said.

The two ministers signed a memorandum of understanding on rail freight between {a[3]} and {b[3]}, \
officials said. The Eurasian Development Bank will finance the first stage.

{a[2].split()[-1]} said trade with {b[3]} had grown. Observers from the Shanghai Cooperation Organisation attended.
"""


@pytest.fixture
def folders(tmp_path):
    """Three folders of nine stories each, every story in two or three of them, each in its own order."""
    picks = {"a": range(0, 9), "b": range(3, 12), "c": [*range(0, 3), *range(6, 12)]}
    out = []
    for name, numbers in picks.items():
        folder = tmp_path / name
        folder.mkdir()
        for rank, i in enumerate(sorted(numbers, key=lambda n: (n * (ord(name) - 94)) % STORIES)):
            (folder / f"{rank:02d}-story-{i}.txt").write_text(story(i), encoding="utf-8")
        out.append(folder)
    return out


def database_url_of_tests() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def ingest_at_once(folders) -> list[subprocess.CompletedProcess]:
    env = {**os.environ, "DATABASE_URL": database_url_of_tests(), "DJANGO_SETTINGS_MODULE": "config.test_settings"}
    manage = Path(settings.BASE_DIR) / "manage.py"
    running = [subprocess.Popen([sys.executable, str(manage), "ingest", str(folder)], env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE) for folder in folders]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=600), *p.communicate()) for p in running]


@pytest.mark.django_db(transaction=True)
def test_three_ingests_at_once_write_the_records_one_run_after_another_writes(folders):
    results = ingest_at_once(folders)
    for result in results:
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert "Errors: 0" in result.stdout, result.stdout
    at_once = archive_contents()

    call_command("flush", "--noinput", verbosity=0)
    restore_reference_data()
    for folder in folders:
        code, out, err = run(folder)
        assert code == 0, err
    one_after_another = archive_contents()

    assert len(at_once["articles"]) == STORIES
    assert len(at_once["people"]) == len(PEOPLE) and len(at_once["meetings"]) == 4
    assert len(at_once["agreements"]) == 4
    assert at_once == one_after_another
