"""Right/wrong labels for an archive's records, from gold annotations and the scorer's own matching.

`score` is the evaluation's `score.py`, imported by the caller from wherever it lives;
`export` is what `export_archive` writes. Records are matched to gold exactly as the
scorer matches them (file by file, one to one, with its tolerance of spelling), and a
record is right when a curator would verify it unchanged: it matches a gold record in
every file it is linked to that has it, and the key fields the scorer checks are right
there too (a person's country and role, an organization's type, a meeting's date and
place, an agreement's status, kind, date and value).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

TYPES = ("person", "organization", "meeting", "agreement")
PLURALS = dict(zip(TYPES, ("persons", "organizations", "meetings", "agreements")))


def file_export(export: dict, source: str) -> dict:
    """The part of an export one text file gave: its articles and the records linked to them."""
    articles = [a for a in export.get("articles", []) if Path(a.get("source") or "").name == source]
    ids = {a["id"] for a in articles}
    part = {"format": export.get("format"), "articles": articles, "all_persons": export.get("persons", [])}
    for plural in PLURALS.values():
        part[plural] = [r for r in export.get(plural, []) if ids & set(r.get("articles") or [])]
    return part


def judged(export: dict, gold: dict, score) -> dict[str, dict[int, tuple[bool, bool]]]:
    """For each type, {exported id: (matched as `score.score` matches, its key fields right)}."""
    s = score
    g_arts = gold["articles"]
    persons = {p["id"]: p for p in export.get("all_persons", export["persons"])}  # participants by id
    g_people = s.dedup_by([p for a in g_arts for p in a["persons"]], lambda p: s.norm(p["name"]))
    g_orgs = s.dedup_by([o for a in g_arts for o in a["organizations"]], lambda o: s.norm(o["name"]))
    g_alias = {s.norm(p["name"]): s.name_forms(p["name"], p.get("aliases") or []) for p in g_people}

    def pforms(name_or_id):
        p = persons.get(name_or_id)
        if p is not None:
            return s.name_forms(p["name"], p.get("aliases") or [])
        return s.name_forms(str(name_or_id))

    def meeting_score(g, e):  # as in score.score
        if g.get("date") and e.get("date") and g["date"] != e["date"]:
            return None
        gp = [g_alias.get(s.norm(n), s.name_forms(n)) for n in g.get("participants", [])]
        ep = [pforms(x) for x in e.get("participants", [])]
        if not gp and not ep:
            return None
        hit = sum(1 for a in gp if any(s.names_match(a, b) for b in ep))
        union = len(gp) + len(ep) - hit
        j = hit / union if union else 0.0
        return j if j >= 0.5 else None

    def agreement_score(g, e):
        r = s.token_set_ratio(s.norm(g["title"]), s.norm(e.get("title")))
        return r if r >= 0.75 else None

    def close(value, gold_value):
        return value is not None and abs(float(value) - float(gold_value)) < 1

    checks = {
        "person": (g_people, export["persons"], lambda g, e: 1.0 if s.person_match(g, e) else None,
                   lambda g, e: (not g.get("country") or s.same_text(g["country"], e.get("country")))
                   and (not g.get("role") or s.token_set_ratio(s.norm(g["role"]), s.norm(e.get("role"))) >= 0.8)),
        "organization": (g_orgs, export["organizations"], lambda g, e: 1.0 if s.org_match(g, e) else None,
                         lambda g, e: not g.get("type") or g["type"] == e.get("type")),
        "meeting": ([x for a in g_arts for x in a["meetings"]], export["meetings"], meeting_score,
                    lambda g, e: (not g.get("date") or g["date"] == e.get("date"))
                    and (not g.get("location") or s.same_text(g["location"], e.get("location")))),
        "agreement": ([x for a in g_arts for x in a["agreements"]], export["agreements"], agreement_score,
                      lambda g, e: g.get("status") == e.get("status") and g.get("kind") == e.get("kind")
                      and (not g.get("date") or g["date"] == e.get("date"))
                      and (g.get("value_usd") is None or close(e.get("value_usd"), g["value_usd"]))),
    }
    verdicts = {}
    for kind, (gold_rows, found, match, fields_right) in checks.items():
        outcome = {e["id"]: (False, False) for e in found}
        for g, e in s.greedy(gold_rows, found, match):
            outcome[e["id"]] = (True, bool(fields_right(g, e)))
        verdicts[kind] = outcome
    return verdicts


def record_labels(export: dict, gold_dir: Path, score) -> dict[str, dict[int, tuple[int, int, str]]]:
    """For each type, {exported id: (right, matched, the first file it came from)}: right is 1 when a
    curator would verify it unchanged, matched 1 when the scorer counts it found (fields aside)."""
    seen: dict[str, dict[int, list[tuple[bool, bool]]]] = {kind: {} for kind in TYPES}
    first_file: dict[str, dict[int, str]] = {kind: {} for kind in TYPES}
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        source = Path(gold["file"]).name
        part = file_export(export, source)
        verdicts = judged(part, gold, score)
        _check_against_scorer(export, gold_file, score, verdicts)
        for kind, outcomes in verdicts.items():
            for record_id, outcome in outcomes.items():
                seen[kind].setdefault(record_id, []).append(outcome)
                first_file[kind].setdefault(record_id, source)
    return {kind: {record_id: (int(right(outcomes)), int(any(m for m, _ in outcomes)), first_file[kind][record_id])
                   for record_id, outcomes in by_id.items()} for kind, by_id in seen.items()}


def right(outcomes: list[tuple[bool, bool]]) -> bool:
    """Matched in some file, and its fields right wherever it matched."""
    return any(matched for matched, _ in outcomes) and all(ok for matched, ok in outcomes if matched)


def _check_against_scorer(export: dict, gold_file: Path, score, verdicts: dict) -> None:
    """The matching here must be the scorer's: its own verdicts on this file's export agree."""
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, gold_file.name).write_bytes(gold_file.read_bytes())
        theirs: dict = {}
        score.score(export, folder, verdicts=theirs)
    for kind, plural in PLURALS.items():
        expected = {i for i, matched in theirs.get(plural, {}).items() if matched}
        if expected != {i for i, (matched, _) in verdicts[kind].items() if matched}:
            raise AssertionError(f"{gold_file.name}: {kind} matched differently from score.py")
