"""The matching keys of an alias, one rule for every writer: ingest finds what curators typed, and the reverse."""

from __future__ import annotations

from archive.extraction.entities import names
from archive.models import OrganizationAlias, PersonAlias


def alias_keys(name: str, model: type[PersonAlias] | type[OrganizationAlias]) -> dict[str, str]:
    """An alias's folded form (`normalized`) and, for a person, the spelling-independent surname
    key (`surname_key`, see `names.surname_key`) that finds the record whatever the transliteration."""
    keys = {"normalized": names.normalize(name)[:200]}
    if model is PersonAlias:
        keys["surname_key"] = names.surname_key(name)
    return keys


def alias_fill_keys(*, alias: PersonAlias | OrganizationAlias) -> None:
    """Set an alias's matching keys from its name."""
    for field, value in alias_keys(alias.name, type(alias)).items():
        setattr(alias, field, value)
