"""The matching keys of an alias, one rule for every writer: ingest finds what curators typed, and the reverse."""

from __future__ import annotations

from archive.extraction.entities import names
from archive.models import OrganizationAlias, PersonAlias


def alias_keys(name: str, model: type[PersonAlias] | type[OrganizationAlias]) -> dict[str, str]:
    """An alias's folded form (`normalized`) and, for a person, the folded last word (`surname_key`)."""
    keys = {"normalized": names.normalize(name)[:200]}
    if model is PersonAlias:
        words = names.name_words(name)
        keys["surname_key"] = words[-1][:100] if words else ""
    return keys


def alias_fill_keys(*, alias: PersonAlias | OrganizationAlias) -> None:
    """Set an alias's matching keys from its name."""
    for field, value in alias_keys(alias.name, type(alias)).items():
        setattr(alias, field, value)
