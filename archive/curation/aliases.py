"""Aliases typed in by curators get the same matching keys ingest writes, so ingest finds them."""

from __future__ import annotations

from archive.extraction.entities import names
from archive.models import OrganizationAlias, PersonAlias


def alias_fill_keys(*, alias: PersonAlias | OrganizationAlias) -> None:
    """Set an alias's folded form (and a person alias's surname key) from its name."""
    alias.normalized = names.normalize(alias.name)[:200]
    if isinstance(alias, PersonAlias):
        words = names.name_words(alias.name)
        alias.surname_key = words[-1][:100] if words else ""
