"""What an ingest run did, counted as it goes and printed at the end."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class IngestReport:
    files: int = 0
    counts: Counter = field(default_factory=Counter)  # e.g. counts["articles new"] += 1
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (path, what the person running it should know)
    dry_run: bool = False

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] += n

    def merge(self, other: "IngestReport") -> None:
        """Add what `other` counted (one article's counts, kept apart until its transaction commits)."""
        self.counts.update(other.counts)
        self.errors.extend(other.errors)

    def note(self, path, text: str) -> None:
        self.notes.append((str(path), text))

    def error(self, path, reason: str) -> None:
        self.errors.append((str(path), reason))

    @property
    def changed_anything(self) -> bool:
        return any(n for key, n in self.counts.items() if not key.endswith(("unchanged", "linked")))

    def summary_lines(self) -> list[str]:
        c = self.counts
        lines = [
            f"Files read: {self.files}" + (" (dry run: nothing was written)" if self.dry_run else ""),
            f"Articles: {c['articles new']} new, {c['articles updated']} updated, {c['articles unchanged']} unchanged",
        ]
        for kind in ("people", "organizations", "meetings", "agreements"):
            lines.append(f"{kind.capitalize()}: {c[f'{kind} created']} created, {c[f'{kind} linked']} linked")
        if c["records skipped as rejected"]:
            lines.append(f"Skipped, rejected by a curator: {c['records skipped as rejected']}")
        if c["conflicts flagged"]:
            lines.append(f"Conflicts flagged for curators: {c['conflicts flagged']}")
        lines.append(f"Errors: {len(self.errors)}")
        if not self.errors and not self.changed_anything and self.files:
            lines.append("Nothing changed: every article was already in the archive.")
        return lines
