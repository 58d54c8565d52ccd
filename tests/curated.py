"""The curated seed archive (fixtures/seed_archive.json) read as plain data, per source file.

The fixture is the samples' regression snapshot: the extractor's output on them as a
curator corrected it after reading the texts. This module turns it into simple
expectations without a database.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "seed_archive.json"
SEEDS = ROOT / "seeds"


@dataclass
class Expected:
    """Records of one source file: names (with aliases), meeting participants, agreement titles."""

    people: list[set[str]] = field(default_factory=list)
    organizations: list[set[str]] = field(default_factory=list)
    meetings: list[set[str]] = field(default_factory=list)  # participant names
    agreements: list[str] = field(default_factory=list)


def expected_by_file() -> dict[str, Expected]:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    by_model = defaultdict(list)
    for row in rows:
        by_model[row["model"]].append(row["fields"])
    source = {a["content_hash"]: a["source_name"] for a in by_model["archive.article"]}
    names = defaultdict(set)
    for alias in by_model["archive.personalias"] + by_model["archive.organizationalias"]:
        names[(alias.get("person") or alias.get("organization"))[0]].add(alias["name"])
    files = defaultdict(lambda: defaultdict(set))  # target -> uid -> files
    for ev in by_model["archive.evidence"]:
        target = next(t for t in ("person", "organization", "meeting", "agreement") if ev[t])
        files[target][ev[target][0]].add(source[ev["article"][0]])
    out = defaultdict(Expected)
    for kind, model in (("people", "person"), ("organizations", "organization")):
        for record in by_model[f"archive.{model}"]:
            for name in files[model][record["uid"]]:
                getattr(out[name], kind).append({record["name"], *names[record["uid"]]})
    participants = defaultdict(set)
    for p in by_model["archive.meetingparticipant"]:
        if p["person"]:
            participants[p["meeting"][0]].add(p["name"])
    for meeting in by_model["archive.meeting"]:
        for name in files["meeting"][meeting["uid"]]:
            out[name].meetings.append(participants[meeting["uid"]])
    for agreement in by_model["archive.agreement"]:
        for name in files["agreement"][agreement["uid"]]:
            out[name].agreements.append(agreement["title"])
    return dict(out)
