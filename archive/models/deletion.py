"""What happens to a row whose optional link is deleted, when its natural key depends on that link."""

from __future__ import annotations

from django.db import models


def SET_NULL_OR_DELETE_DUPLICATE(collector, field, sub_objs, using):  # noqa: N802 - named like models.SET_NULL
    """SET_NULL, except for a row that would then repeat another row without the link: that row is deleted.

    A role read from an article keeps its title when the article is deleted, as a
    role without an article; but if the person already holds that title without
    an article, the two would be one fact twice (and one natural key twice, which
    the model's "…without…" unique constraints forbid), so the orphan goes. The
    same holds for a status change without its article and a meeting participant
    whose person or organization is deleted (it stays under its written name).
    """
    model = field.model
    rows = list(sub_objs)
    duplicates = set()
    for constraint, unlinked, attnames in unlinked_constraints(model, field):
        def key(row):
            return tuple(getattr(row, a) for a in attnames)

        # The rows that will hold the constraint's condition once this link is gone.
        affected = [r for r in rows if r.pk not in duplicates
                    and all(getattr(r, a) is None for a in unlinked if a != field.attname)]
        if not affected:
            continue
        taken = set(
            model._base_manager.using(using).filter(constraint.condition)
            .filter(**{f"{attnames[0]}__in": {key(r)[0] for r in affected}})
            .values_list(*attnames)
        )
        for row in affected:
            if key(row) in taken:
                duplicates.add(row.pk)
            else:
                taken.add(key(row))
    doomed = [r for r in rows if r.pk in duplicates]
    if doomed:
        collector.collect(doomed, source=field.remote_field.model, source_attr=field.name,
                          nullable=field.null, fail_on_restricted=False)
    kept = [r for r in rows if r.pk not in duplicates]
    if kept:
        collector.add_field_update(field, None, kept)


def unlinked_constraints(model, field):
    """(constraint, attnames that must be null, attnames of its fields) for each unique constraint of
    `model` whose condition is "these links are null" and names `field` among them."""
    for constraint in model._meta.constraints:
        if not isinstance(constraint, models.UniqueConstraint) or constraint.condition is None:
            continue
        children = constraint.condition.children
        if constraint.condition.connector != "AND" or constraint.condition.negated or not all(
            isinstance(c, tuple) and c[0].endswith("__isnull") and c[1] is True for c in children
        ):
            continue
        unlinked = [model._meta.get_field(name.removesuffix("__isnull")).attname for name, _ in children]
        if field.attname in unlinked:
            yield constraint, unlinked, [model._meta.get_field(f).attname for f in constraint.fields]
