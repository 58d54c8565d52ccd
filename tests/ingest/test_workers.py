"""`ingest --workers N`: extraction in worker processes, one writer, the same archive as one worker."""

import io
import os

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from archive.extraction.entities import places
from archive.ingest import ingest_paths, workers
from archive.ingest.reading import read_and_extract
from archive.models import Article
from tests.ingest.contents import archive_contents
from tests.ingest.test_many_writers import STORIES, story

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(tmp_path):
    """Twelve stories that share people, meetings and agreements, and two files that cannot be read."""
    for i in range(STORIES):
        (tmp_path / f"{i:02d}-story.txt").write_text(story(i), encoding="utf-8")
    (tmp_path / "04-empty.txt").write_bytes(b"")
    (tmp_path / "09-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    return tmp_path


def ingest_then_undo(folder, *, workers: int, dry_run: bool = False):
    """The report and what the run wrote (with the order articles were written in), then rolled back."""
    savepoint = transaction.savepoint()
    report = ingest_paths([folder], workers=workers, dry_run=dry_run)
    written = archive_contents(), list(Article.objects.order_by("id").values_list("source_path", "position"))
    transaction.savepoint_rollback(savepoint)
    return report, written


def test_two_workers_write_what_one_worker_writes_in_the_same_order_and_report_the_same(folder):
    one_report, one_written = ingest_then_undo(folder, workers=1)
    two_report, two_written = ingest_then_undo(folder, workers=2)
    assert one_report.counts["articles new"] == STORIES and len(one_report.errors) == 2
    assert two_report == one_report
    assert two_written == one_written


def test_a_dry_run_with_two_workers_reports_what_one_worker_reports_and_writes_nothing(folder):
    one_report, _ = ingest_then_undo(folder, workers=1, dry_run=True)
    two_report, (contents, articles) = ingest_then_undo(folder, workers=2, dry_run=True)
    assert two_report == one_report and two_report.counts["articles new"] == STORIES
    assert articles == [] and contents["people"] == []


def die_on_poison(path):
    """Extraction that kills its worker process on one file, as the kernel's out-of-memory killer would."""
    if "poison" in path.name:
        os._exit(9)
    return read_and_extract(path)


def test_a_worker_that_dies_costs_its_file_one_error_line_and_the_other_files_go_in(folder, monkeypatch):
    (folder / "06-poison.txt").write_text(story(0), encoding="utf-8")
    monkeypatch.setattr(workers, "read_and_extract", die_on_poison)
    report = ingest_paths([folder], workers=2)
    assert [(os.path.basename(path), reason) for path, reason in report.errors if "poison" in path] == [
        ("06-poison.txt", "extraction worker stopped unexpectedly while reading this file")]
    assert report.counts["articles new"] == STORIES and len(report.errors) == 3


def test_the_command_extracts_in_workers_and_prints_the_summary_of_one_worker(folder):
    outputs = []
    for count in (1, 2):
        out, err = io.StringIO(), io.StringIO()
        savepoint = transaction.savepoint()
        with pytest.raises(CommandError, match="2 file"):
            call_command("ingest", str(folder), workers=count, stdout=out, stderr=err)
        transaction.savepoint_rollback(savepoint)
        outputs.append((out.getvalue(), err.getvalue()))
    assert outputs[0] == outputs[1]
    assert "Articles: 12 new" in outputs[1][0] and "error:" in outputs[1][1] and "04-empty.txt" in outputs[1][1]


def test_a_number_of_workers_below_one_is_refused_in_one_line(folder):
    with pytest.raises(CommandError, match="expected a whole number of at least 1"):
        call_command("ingest", str(folder), "--workers", "0")


def test_a_handful_of_files_is_extracted_in_the_writer_however_many_workers_are_asked_for():
    assert workers.workers_for(8, 3) == 1
    assert workers.workers_for(2, 16) == 2
    assert workers.workers_for(2, 5000) == 2


def test_workers_are_forked_once_the_extraction_tables_are_built(folder):
    places._place_names.cache_clear()
    ingest_then_undo(folder, workers=2)
    assert places._place_names.cache_info().currsize == 1  # built in the writer, before the fork
