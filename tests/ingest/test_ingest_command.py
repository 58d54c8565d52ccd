"""The ingest command end to end on files: idempotency, updates, bad input, transactions, dry runs."""

import os
import signal

import pytest
from django.core.management import CommandError, call_command

from archive import ingest
from archive.extraction.layout.decode import MAX_BYTES
from archive.models import Article, Evidence, Person

pytestmark = pytest.mark.django_db

STORY = """Uzbekistan and Turkmenistan sign gas transit deal

TASHKENT: Uzbek Foreign Minister Farrukh Alimov met Turkmen Foreign Minister Dovlet Orazov in Tashkent on Monday.

The two ministers discussed energy transit and rail links, the Uzbek foreign ministry said in a statement.
"""


def run(*paths, **options):
    out, err = [], []

    class Sink:
        def __init__(self, lines):
            self.lines = lines

        def write(self, text):
            self.lines.append(text)

        def flush(self):
            pass

    try:
        call_command("ingest", *map(str, paths), stdout=Sink(out), stderr=Sink(err), **options)
        code = 0
    except CommandError as exc:
        err.append(str(exc))
        code = 1
    return code, "".join(out), "".join(err)


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_it_reads_a_file_into_an_article_with_people(story):
    code, out, _ = run(story)
    assert code == 0
    article = Article.objects.get()
    assert article.title == "Uzbekistan and Turkmenistan sign gas transit deal"
    assert article.source_name == "story.txt"
    assert Person.objects.filter(name="Farrukh Alimov").exists()
    assert "Articles: 1 new" in out


def test_running_it_again_changes_nothing_and_says_so(story):
    run(story)
    counts = (Article.objects.count(), Person.objects.count(), Evidence.objects.count())
    code, out, _ = run(story)
    assert code == 0
    assert (Article.objects.count(), Person.objects.count(), Evidence.objects.count()) == counts
    assert "1 unchanged" in out
    assert "Nothing changed" in out


def test_a_changed_file_updates_its_article_in_place(story):
    run(story)
    story.write_text(STORY.replace("on Monday", "on Tuesday"), encoding="utf-8")
    code, out, _ = run(story)
    assert code == 0
    assert "1 updated" in out
    article = Article.objects.get()
    assert "on Tuesday" in article.body
    assert Person.objects.filter(name="Farrukh Alimov").count() == 1
    evidence = list(Evidence.objects.select_related("person", "organization"))
    assert evidence, "the updated article keeps its evidence"
    for e in evidence:  # every span points into the new text, after the word that grew
        assert article.body[e.sentence_start:e.sentence_end] == e.sentence
        assert article.body[e.start:e.end] in e.sentence
    mentions = {(e.target._meta.model_name, article.body[e.start:e.end]) for e in evidence if not e.meeting_id}
    assert mentions == {("person", "Farrukh Alimov"), ("person", "Dovlet Orazov"),
                        ("organization", "Uzbek foreign ministry")}


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (b"\xff\xfe" + "Talks held".encode("utf-16-le") + b"\x00\xd8", "undecodable"),
    ],
)
def test_bad_files_get_a_clear_error_and_the_rest_go_in(tmp_path, story, content, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, _, err = run(bad, story)
    assert code == 1
    assert f"{bad}:" in err and reason in err
    assert Article.objects.count() == 1


def test_a_file_too_large_to_be_an_article_is_refused(tmp_path, story):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (MAX_BYTES // 5 + 10))
    code, _, err = run(big, story)
    assert code == 1
    assert "too large" in err
    assert Article.objects.count() == 1


def test_a_missing_path_is_named_in_the_error(tmp_path, story):
    code, _, err = run(tmp_path / "nowhere.txt", story)
    assert code == 1
    assert "nowhere.txt: no such file" in err
    assert Article.objects.count() == 1


def test_windows_1252_text_is_read_correctly(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(STORY.replace("said in a statement", "said \u201cwe agree\u201d").encode("cp1252"))
    code, _, _ = run(path)
    assert code == 0
    assert "\u201cwe agree\u201d" in Article.objects.get().body


def test_a_crash_inside_an_article_leaves_nothing_of_it(story, monkeypatch):
    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest.articles, "write_people", crash)
    code, _, err = run(story)
    assert code == 1 and "Interrupted" in err
    assert Article.objects.count() == 0
    assert Evidence.objects.count() == 0
    monkeypatch.undo()
    code, out, _ = run(story)
    assert code == 0 and "1 new" in out


def three_stories(folder) -> None:
    for n, topic in enumerate(("gas transit", "rail", "grain")):
        (folder / f"{n}.txt").write_text(STORY.replace("gas transit", topic), encoding="utf-8")


def stopping_after(count: int, stop):
    """`files.extracted_files` that calls `stop()` once it has given `count` files."""
    reading = ingest.files.extracted_files

    def extracted_files(paths, **kwargs):
        for number, read in enumerate(reading(paths, **kwargs)):
            if number == count:
                stop()
            yield read

    return extracted_files


def ctrl_c():
    raise KeyboardInterrupt


def test_an_interrupt_while_reading_writes_the_articles_read_before_it(tmp_path, monkeypatch):
    """Articles wait for their batch; Ctrl-C between files must not throw the read ones away."""
    three_stories(tmp_path)
    monkeypatch.setattr(ingest.files, "extracted_files", stopping_after(2, ctrl_c))
    code, _, err = run(tmp_path, batch_size=50)
    assert code == 1 and "Interrupted" in err
    assert sorted(Article.objects.values_list("title", flat=True)) == [
        "Uzbekistan and Turkmenistan sign gas transit deal", "Uzbekistan and Turkmenistan sign rail deal"]


def test_sigterm_stops_the_run_as_ctrl_c_does(tmp_path, monkeypatch):
    three_stories(tmp_path)
    monkeypatch.setattr(ingest.files, "extracted_files",
                        stopping_after(1, lambda: os.kill(os.getpid(), signal.SIGTERM)))
    before = signal.getsignal(signal.SIGTERM)
    code, _, err = run(tmp_path, batch_size=50)
    assert code == 1 and "Interrupted" in err
    assert Article.objects.count() == 1
    assert signal.getsignal(signal.SIGTERM) is before


def test_sigterm_while_a_batch_is_written_lets_the_batch_finish(tmp_path, monkeypatch):
    """A stop during the write (a `timeout` expiring) must not roll back articles already read."""
    three_stories(tmp_path)
    saving = ingest.files.save_article
    saved = []

    def save_then_terminate(*args, **kwargs):
        saved.append(saving(*args, **kwargs))
        if len(saved) == 1:
            os.kill(os.getpid(), signal.SIGTERM)
        return saved[-1]

    monkeypatch.setattr(ingest.files, "save_article", save_then_terminate)
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    code, _, err = run(tmp_path, batch_size=50)
    assert code == 1 and "Interrupted" in err
    assert Article.objects.count() == 3
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before


def test_a_dry_run_reports_without_writing(story):
    code, out, _ = run(story, dry_run=True)
    assert code == 0
    assert "Articles: 1 new" in out and "dry run" in out
    assert Article.objects.count() == 0
    assert Person.objects.count() == 0


def test_folders_are_read_recursively_skipping_hidden_files(tmp_path, story):
    nested = tmp_path / "more" / "deeper"
    nested.mkdir(parents=True)
    (nested / "second.txt").write_text(STORY.replace("gas transit", "rail"), encoding="utf-8")
    (tmp_path / ".hidden").write_text("not an article", encoding="utf-8")
    code, out, _ = run(tmp_path)
    assert code == 0
    assert Article.objects.count() == 2
    assert "Files read: 2" in out


def test_a_file_named_two_ways_is_one_source(story, monkeypatch):
    run(story)
    monkeypatch.chdir(story.parent)
    story.write_text(STORY.replace("on Monday", "on Friday"), encoding="utf-8")
    code, out, _ = run("story.txt")
    assert code == 0 and "1 updated" in out
    assert Article.objects.get().source_path == str(story.resolve())
