"""Extraction time against line length: one story written on a single line, 10 KB to 1 MB.

    python benchmarks/line_length.py                  # 10 KB ... 1 MB, prose and text with no full stop
    python benchmarks/line_length.py --sizes 10 100   # chosen sizes, in KB

Each text is one headline and one body line of generated prose (people, ministries,
meetings and agreements under invented names, so every stage has work), or the same
words with no full stop at all (a page flattened into one sentence). It goes through
`archive.extraction.pipeline.extract_file`, the whole extraction, and the time per KB
is printed: flat means linear. A body past the sentences stage's limit
(`MAX_BODY_CHARS`) is refused with an InputError; the time to refuse it is printed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.extraction.layout.sentences import MAX_BODY_CHARS  # noqa: E402
from archive.extraction.pipeline import extract_file  # noqa: E402
from archive.extraction.records import InputError  # noqa: E402

GIVEN = "Arman Dilnaz Tursun Malika Bolat Zarina Ilyas Samira Nurlan Laila Rauf Amina".split()
FAMILY = "Temirkhanov Sadykova Akhmetov Zhunusova Baigarin Mirzaeva Ospanov Rakhimova".split()
SENTENCES = [
    "Foreign Minister {a} met Deputy Prime Minister {b} in Astana on Monday to discuss transit and trade.",
    "The two sides signed a memorandum of understanding on energy cooperation worth $120 million.",
    "Officials of the Ministry of Energy said the agreement would expand rail links, {a} told reporters.",
    "The talks covered customs, logistics and investment in the region, according to a joint statement.",
    "{b} said the working group would meet again in Tashkent next month to review the roadmap.",
]
SIZES_KB = [10, 20, 50, 100, 190, 500, 1000]


def name(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def one_line_story(size_kb: int, *, full_stops: bool = True) -> bytes:
    rng = random.Random(size_kb)
    parts, length = [], 0
    while length < size_kb * 1000:
        sentence = rng.choice(SENTENCES).format(a=name(rng), b=name(rng))
        parts.append(sentence if full_stops else sentence.replace(".", ","))
        length += len(sentence) + 1
    return ("Ministers discuss transit and trade\n\nASTANA: " + " ".join(parts) + "\n").encode()


def measure(data: bytes) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        articles = extract_file(data, "line.txt")
        outcome = f"{sum(len(a.people) for a in articles)} people, {sum(len(a.meetings) for a in articles)} meetings"
    except InputError as exc:
        outcome = f"refused: {exc}"
    return time.perf_counter() - started, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES_KB, help="line lengths in KB")
    args = parser.parse_args()
    extract_file(one_line_story(1), "warm-up.txt")  # load spaCy and the lexicons once
    print(f"body limit: {MAX_BODY_CHARS:,} characters")
    print(f"{'text':<15} {'line KB':>8} {'seconds':>8} {'ms per KB':>10}  outcome")
    for label, full_stops in (("prose", True), ("no full stop", False)):
        for size in args.sizes:
            data = one_line_story(size, full_stops=full_stops)
            seconds, outcome = measure(data)
            kb = len(data) / 1000
            print(f"{label:<15} {kb:>8.0f} {seconds:>8.2f} {seconds * 1000 / kb:>10.1f}  {outcome}", flush=True)


if __name__ == "__main__":
    main()
