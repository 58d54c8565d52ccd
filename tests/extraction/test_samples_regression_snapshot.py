"""A regression snapshot of the samples: the extractor's output on seeds/ must still match it.

The snapshot (fixtures/seed_archive.json) was built from the extractor's own output
on these five files, then corrected by hand (fixtures/build_seed_archive.py). Agreeing
with it says the extractor has not drifted on the samples; it is not a measure of
quality on articles it has not seen (BENCHMARKS.md gives those figures).

No database: the pipeline reads seeds/ and its records are matched one-to-one,
file by file, with the snapshot's, record type by record type.
"""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from archive.extraction.entities import names
from archive.extraction.pipeline import extract_file
from tests.curated import SEEDS, expected_by_file

THRESHOLDS = {"people": 0.9, "organizations": 0.9, "meetings": 0.85, "agreements": 0.85}


def same_org(a: set[str], b: set[str]) -> bool:
    folded_a, folded_b = {names.normalize(x) for x in a}, {names.normalize(x) for x in b}
    return bool(folded_a & folded_b) or any(
        fuzz.token_set_ratio(x, y) >= 90 for x in folded_a for y in folded_b)


def same_meeting(a: set[str], b: set[str]) -> bool:
    hits = sum(1 for x in a if any(names.is_same_person([x], [y]) for y in b))
    union = len(a) + len(b) - hits
    return bool(union) and hits / union >= 0.5


def same_title(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(names.fold(a), names.fold(b)) >= 75


MATCHERS = {
    "people": lambda a, b: names.is_same_person(a, b, threshold=0.9),
    "organizations": same_org,
    "meetings": same_meeting,
    "agreements": same_title,
}


def match_count(expected: list, found: list, same) -> int:
    """Greedy one-to-one matching, as a curator would pair records."""
    used, hits = set(), 0
    for item in expected:
        for j, other in enumerate(found):
            if j not in used and same(item, other):
                used.add(j)
                hits += 1
                break
    return hits


def found_by_file() -> dict[str, dict[str, list]]:
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        articles = extract_file(path.read_bytes(), path.name)
        people = {}
        for article in articles:  # one person named in two stories of a file is one record
            for p in article.people:
                key = next((k for k in people if names.is_same_person([p.name], list(people[k]), 0.9)), p.name)
                people.setdefault(key, set()).update([p.name, *p.aliases])
        out[path.name] = {
            "people": list(people.values()),
            "organizations": [{o.name, *o.aliases, *([o.acronym] if o.acronym else [])}
                              for a in articles for o in a.organizations],
            "meetings": [set(m.participants) for a in articles for m in a.meetings],
            "agreements": [ag.title for a in articles for ag in a.agreements],
        }
    return out


@pytest.fixture(scope="module")
def agreement_with_snapshot() -> dict[str, tuple[float, float]]:
    """(share of the extractor's records in the snapshot, share of the snapshot's records found) per type."""
    expected, found = expected_by_file(), found_by_file()
    totals = {kind: [0, 0, 0] for kind in MATCHERS}  # hits, expected, found
    for source, records in found.items():
        for kind, same in MATCHERS.items():
            wanted = getattr(expected.get(source), kind, []) if source in expected else []
            totals[kind][0] += match_count(wanted, records[kind], same)
            totals[kind][1] += len(wanted)
            totals[kind][2] += len(records[kind])
    result = {kind: (hits / max(found_n, 1), hits / max(wanted_n, 1))
              for kind, (hits, wanted_n, found_n) in totals.items()}
    print("\nextractor vs the samples' snapshot (precision, recall):",
          {k: (round(p, 3), round(r, 3)) for k, (p, r) in result.items()})
    return result


@pytest.mark.parametrize("kind", THRESHOLDS)
def test_the_extractor_still_gives_the_snapshot_of_the_samples(agreement_with_snapshot, kind):
    precision, recall = agreement_with_snapshot[kind]
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert f1 >= THRESHOLDS[kind], f"{kind}: precision {precision:.2f}, recall {recall:.2f}"


def test_the_snapshot_covers_every_sample_file():
    assert set(expected_by_file()) == {p.name for p in SEEDS.glob("*.txt")}
