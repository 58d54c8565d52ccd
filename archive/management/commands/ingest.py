"""python manage.py ingest PATH [PATH ...]: read news files into the archive."""

import signal
import sys
import threading
from argparse import ArgumentTypeError
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.ingest import BATCH_SIZE, default_workers, ingest_paths, iter_files, workers_for


class Command(BaseCommand):
    help = "Read plain-text news files (or every file under folders) into the archive."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders of plain-text news articles.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")
        parser.add_argument("--workers", type=positive, default=default_workers(), metavar="N",
                            help="Processes that extract while this one writes (default: one per core; 1: extract "
                                 "in this process, as a run of fewer than 8 files per worker does).")
        parser.add_argument("--batch-size", type=positive, default=BATCH_SIZE, metavar="N",
                            help=f"Articles written per transaction (default {BATCH_SIZE}); a batch that fails is "
                                 "written again one article per transaction.")

    def handle(self, *args, paths, dry_run, workers, batch_size, **options):
        total = sum(1 for _ in iter_files(paths))
        show_progress = self.stderr.isatty() and total > 1
        with tqdm(total=total, unit="file", disable=not show_progress, file=sys.stderr) as bar, stop_as_ctrl_c():
            try:
                report = ingest_paths(paths, dry_run=dry_run, workers=workers_for(workers, total),
                                      batch_size=batch_size, on_file=lambda path: bar.update())
            except KeyboardInterrupt:
                raise CommandError("Interrupted: articles written so far are complete; run again to finish.")
        for path, text in report.notes:
            self.stderr.write(f"note: {path}: {text}")
        for path, reason in report.errors:
            self.stderr.write(f"error: {path}: {reason}")
        for line in report.summary_lines():
            self.stdout.write(line)
        if report.errors:
            raise CommandError(f"{len(report.errors)} file(s) could not be ingested (see the errors above).")


def positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


@contextmanager
def stop_as_ctrl_c():
    """A polite stop (SIGTERM: `kill`, `timeout`, a service manager) ends the run as Ctrl-C does:
    the articles already read are written, and the command says it was interrupted. Signals reach
    the main thread only: called from another thread (a test running two ingests), nothing to set."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
