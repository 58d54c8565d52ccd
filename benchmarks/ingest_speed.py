"""Ingest speed and memory on a generated corpus.

    python benchmarks/ingest_speed.py --articles 2000                       # embedded SQLite
    python benchmarks/ingest_speed.py --articles 2000 --database-url postgres://...

Migrates a fresh database, writes the corpus to a temporary folder, ingests it
in four equal batches and prints articles per second and the process's
resident memory after each batch: flat memory means the ingest streams.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    os.environ["DEBUG"] = "false"  # DEBUG keeps every query in memory
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("flush", "--noinput", verbosity=0) if "postgres" in database_url else None
    call_command("migrate", "--noinput", verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--database-url", help="PostgreSQL URL (its tables are emptied); default: temporary SQLite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        database_url = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
        setup_django(database_url)
        from benchmarks.corpus import write_corpus
        from archive.ingest import ingest_paths
        from archive.models import Article, Meeting, Person

        files = write_corpus(Path(tmp) / "corpus", args.articles)
        engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
        print(f"{engine}: ingesting {len(files)} generated articles in 4 batches")
        batch = max(1, len(files) // 4)
        start = time.perf_counter()
        for i in range(0, len(files), batch):
            report = ingest_paths(files[i:i + batch])
            elapsed = time.perf_counter() - start
            done = min(i + batch, len(files))
            print(f"  {done:>6} articles  {done / elapsed:7.1f} articles/s  RSS {rss_mb():6.1f} MB"
                  f"  errors {len(report.errors)}")
        elapsed = time.perf_counter() - start
        print(f"{engine}: {len(files) / elapsed:.1f} articles/s overall ({elapsed:.1f} s); "
              f"{Article.objects.count()} articles, {Person.objects.count()} people, "
              f"{Meeting.objects.count()} meetings in the archive")


if __name__ == "__main__":
    main()
