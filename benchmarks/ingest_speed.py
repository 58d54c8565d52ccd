"""Ingest speed, queries and memory on a generated corpus of real-size articles.

    python benchmarks/ingest_speed.py --articles 2000                       # embedded SQLite
    python benchmarks/ingest_speed.py --articles 2000 --database-url postgres://...
    python benchmarks/ingest_speed.py --articles 2000 --workers 1 2 4        # the runs to compare
    python benchmarks/ingest_speed.py --articles 2000 --batch-size 1         # one article per transaction

Writes the corpus (`benchmarks/corpus.py`) to a temporary folder, times the
extraction pipeline alone over it (one core, no database), then for each number
of workers empties the archive and ingests the corpus in equal parts (`--batches`,
one `ingest_paths` each; within it ingest writes `--batch-size` articles per
transaction), printing per part: articles and words per second, database queries per article (the
writer's, counted with an execute wrapper), and the peak resident memory of the
writer during the batch (and of the largest worker so far). Flat figures from
batch to batch mean the ingest streams and does not slow down as the archive grows.
Then a share of the files (`--changed`) gets one word changed in every paragraph's
first sentence and is ingested again: each of those articles is updated in place
(old evidence dropped, new written, records left unsupported removed), which is
timed the same way.
"""

from __future__ import annotations

import argparse
import os
import resource
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def reset_peak_rss() -> None:
    """Start measuring this process's peak memory afresh (Linux: writing 5 to clear_refs resets VmHWM)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def worker_peak_mb() -> float:
    """The largest peak of any worker process that has ended (0 when none has run)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    os.environ["DEBUG"] = "false"  # DEBUG keeps every query in memory
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)


def empty_archive() -> None:
    """Every table emptied, then the reference rows (countries, groups) loaded as their migrations do."""
    import importlib

    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection

    call_command("flush", "--noinput", verbosity=0)
    for name, loader in (("0002_countries", "load_countries"), ("0006_groups", "create_groups")):
        module = importlib.import_module(f"archive.migrations.{name}")
        with connection.schema_editor(atomic=True) as editor:
            getattr(module, loader)(apps, editor)


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def pipeline_only(files: list[Path]) -> float:
    """Articles per second of reading and extraction alone, in this process."""
    from archive.ingest.reading import read_and_extract

    start, articles = time.perf_counter(), 0
    for path in files:
        articles += len(read_and_extract(path).articles)
    return articles / (time.perf_counter() - start)


def ingest_run(files: list[Path], words: int, *, workers: int, batches: int, batch_size: int, engine: str) -> None:
    from archive.models import Agreement, Article, Meeting, Person

    empty_archive()
    size = max(1, len(files) // batches)
    print(f"{engine}, {workers} worker(s), {batch_size} articles per transaction: {len(files)} articles, "
          f"timed in parts of {size}")
    total_time = total_queries = 0.0
    for first in range(0, len(files), size):
        batch = files[first:first + size]
        report, elapsed, queries = timed_ingest(batch, workers=workers, batch_size=batch_size)
        total_time += elapsed
        total_queries += queries
        batch_words = words * len(batch) / len(files)
        print(f"  {first + len(batch):>6} articles  {len(batch) / elapsed:6.1f} articles/s  "
              f"{batch_words / elapsed:8.0f} words/s  {queries / len(batch):5.1f} queries/article  "
              f"peak writer {peak_rss_mb():5.0f} MB, worker {worker_peak_mb():5.0f} MB  errors {len(report.errors)}")
    print(f"{engine}, {workers} worker(s): {len(files) / total_time:.1f} articles/s, {words / total_time:.0f} words/s, "
          f"{total_queries / len(files):.1f} queries/article overall ({total_time:.1f} s); "
          f"{Article.objects.count()} articles, {Person.objects.count()} people, {Meeting.objects.count()} meetings, "
          f"{Agreement.objects.count()} agreements")


def timed_ingest(files: list[Path], *, workers: int, batch_size: int):
    """Ingest `files`, counting queries and the writer's peak memory: (report, seconds, queries)."""
    from django.db import connection

    from archive.ingest import ingest_paths

    counter = QueryCounter()
    reset_peak_rss()
    start = time.perf_counter()
    with connection.execute_wrapper(counter):
        report = ingest_paths(files, workers=workers, batch_size=batch_size)
    return report, time.perf_counter() - start, counter.count


def update_run(files: list[Path], *, workers: int, batch_size: int, engine: str) -> None:
    """Change the files (one word each) and ingest them again: every article is updated in place."""
    for path in files:
        path.write_text(path.read_text(encoding="utf-8").replace(" the ", " this ", 1), encoding="utf-8")
    report, elapsed, queries = timed_ingest(files, workers=workers, batch_size=batch_size)
    print(f"{engine}, {workers} worker(s), {len(files)} changed files: {len(files) / elapsed:.1f} articles/s, "
          f"{queries / len(files):.1f} queries/article, {report.counts['articles updated']} updated, "
          f"peak writer {peak_rss_mb():.0f} MB, errors {len(report.errors)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--batches", type=int, default=4)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="numbers of workers to run with")
    parser.add_argument("--batch-size", type=int, default=None, help="articles per transaction (default: ingest's)")
    parser.add_argument("--changed", type=float, default=0.1, help="share of the files changed and ingested again")
    parser.add_argument("--database-url", help="PostgreSQL URL (its tables are emptied); default: temporary SQLite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        database_url = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
        setup_django(database_url)
        from benchmarks.corpus import write_corpus

        files = write_corpus(Path(tmp) / "corpus", args.articles)
        words = sum(len(path.read_text(encoding="utf-8").split()) for path in files)
        from archive.ingest import BATCH_SIZE

        batch_size = args.batch_size or BATCH_SIZE
        engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
        print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; "
              f"corpus: {len(files)} files, {words / len(files):.0f} words each")
        print(f"pipeline alone, one core: {pipeline_only(files):.1f} articles/s")
        originals = {path: path.read_bytes() for path in files[:int(len(files) * args.changed)]}
        for workers in args.workers:
            for path, data in originals.items():
                path.write_bytes(data)
            ingest_run(files, words, workers=workers, batches=args.batches, batch_size=batch_size, engine=engine)
            if originals:
                update_run(list(originals), workers=workers, batch_size=batch_size, engine=engine)
        print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
