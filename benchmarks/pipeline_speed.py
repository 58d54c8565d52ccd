"""Speed of the extraction pipeline alone (no database), on one core, on real-size articles.

    python benchmarks/pipeline_speed.py                      # the samples (seeds/) and the development files
    python benchmarks/pipeline_speed.py path/to/folder ...   # any folders or files instead
    python benchmarks/pipeline_speed.py --generated 300      # 300 generated real-size stories (benchmarks/corpus.py)
    python benchmarks/pipeline_speed.py --scaling            # reading stages on 10 kB .. 1 MB of text

Reads every file once into memory, extracts each once to warm up (spaCy, dateparser),
then times `extract_file` over all of them for several rounds and reports the best
round: articles per second and milliseconds per file, with the time spent in each
reading stage (decode, repair, reflow, clean, split, metadata) shown apart. Times are
the process's CPU time (one core), so that other jobs on a shared machine do not count.
A benchmark, not a test: its figures go to BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.extraction.layout import clean, decode, metadata, reflow, repair, split  # noqa: E402
from archive.extraction.pipeline import extract_file  # noqa: E402

DEFAULT_SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "eval" / "dev"]  # the samples, the development set
LAYOUT_STAGES = ("decode", "repair", "reflow", "clean", "split", "metadata")


def read_files(sources: list[Path]) -> list[tuple[str, bytes]]:
    files = []
    for source in sources:
        paths = sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else [source]
        files.extend((p.name, p.read_bytes()) for p in paths)
    return files


def time_pipeline(files: list[tuple[str, bytes]], rounds: int) -> tuple[float, int]:
    """Best round's seconds, and the number of articles in a round."""
    articles = sum(len(extract_file(data, name)) for name, data in files)  # warm-up
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for name, data in files:
            extract_file(data, name)
        best = min(best, time.process_time() - started)
    return best, articles


def time_layout_stages(files: list[tuple[str, bytes]], rounds: int) -> dict[str, float]:
    """Best round's seconds per reading stage over all files."""
    best = dict.fromkeys(LAYOUT_STAGES, float("inf"))
    for _ in range(rounds):
        spent = dict.fromkeys(LAYOUT_STAGES, 0.0)
        for _name, data in files:
            value = data
            for stage, step in (
                ("decode", decode.decode_bytes), ("repair", repair.repair_text), ("reflow", reflow.reflow),
                ("clean", clean.clean_text), ("split", lambda t: split.split_page(t).stories),
                ("metadata", lambda stories: [metadata.read_metadata(s) for s in stories]),
            ):
                started = time.process_time()
                value = step(value)
                spent[stage] += time.process_time() - started
        best = {stage: min(best[stage], spent[stage]) for stage in LAYOUT_STAGES}
    return best


def report(label: str, files: list[tuple[str, bytes]], rounds: int) -> None:
    seconds, articles = time_pipeline(files, rounds)
    stages = time_layout_stages(files, rounds)
    size_kb = sum(len(data) for _, data in files) / len(files) / 1024
    words = sum(len(data.split()) for _, data in files)
    print(f"{label}: {len(files)} files ({size_kb:.1f} kB, {words / len(files):.0f} words on average), "
          f"{articles} articles")
    print(f"  pipeline: {articles / seconds:.0f} articles/s, {words / seconds:,.0f} words/s, "
          f"{seconds / len(files) * 1000:.1f} ms a file")
    layout = sum(stages.values())
    detail = ", ".join(f"{stage} {stages[stage] / len(files) * 1000:.2f}" for stage in LAYOUT_STAGES)
    print(f"  reading stages: {layout / len(files) * 1000:.1f} ms a file ({detail} ms)")


SCALING_SIZES = (10_000, 100_000, 400_000, 1_000_000)
SENTENCE = "The ministers met in the capital on Monday and agreed to build a new railway line."


def scaling() -> None:
    """Reading stages (decode to metadata, no sentences or entities) against the text's size:
    hard-wrapped lines, one paragraph a line, and one long line; the time must grow linearly."""
    layouts = {"wrapped lines": "\n", "paragraphs": "\n\n", "one line": " "}
    for name, joint in layouts.items():
        figures = []
        for size in SCALING_SIZES:
            text = "Headline of the story\n\n" + joint.join([SENTENCE] * (size // (len(SENTENCE) + 1)))
            started = time.process_time()
            stories = split.split_page(clean.clean_text(reflow.reflow(repair.repair_text(
                decode.decode_bytes(text.encode()))))).stories
            for story in stories:
                metadata.read_metadata(story)
            figures.append(f"{size // 1000} kB {time.process_time() - started:.2f} s")
        print(f"{name}: " + ", ".join(figures))


def report_generated(count: int, rounds: int) -> None:
    from benchmarks.corpus import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, count)
        report(f"generated corpus ({count} stories)", read_files([folder]), rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*", type=Path, help="folders or files (default: seeds/ and the dev set)")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--generated", type=int, metavar="N",
                        help="time N generated real-size stories (benchmarks/corpus.py) instead")
    parser.add_argument("--scaling", action="store_true", help="time the reading stages against text size")
    args = parser.parse_args()
    if args.scaling:
        scaling()
        return
    if args.generated:
        report_generated(args.generated, args.rounds)
        return
    sources = args.sources or [p for p in DEFAULT_SOURCES if p.exists()]
    for source in sources:
        files = read_files([source])
        if files:
            report(str(source), files, args.rounds)


if __name__ == "__main__":
    main()
