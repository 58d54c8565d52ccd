"""The only writer of extracted data: maps the pipeline's records to the archive's models.

    report = ingest_paths(["seeds/"], workers=2)  # extract in two processes, write in this one

Articles are written in batches, one transaction each (`files.Batch`); a batch that
fails is written again one article per transaction. The same text again is a no-op;
a changed file updates its articles in place; a curator's work is never undone
(see `fields` and `people` for the rules).
"""

from .files import BATCH_SIZE, ingest_paths
from .reading import iter_files
from .report import IngestReport
from .workers import default_workers, workers_for

__all__ = ["BATCH_SIZE", "IngestReport", "default_workers", "ingest_paths", "iter_files", "workers_for"]
