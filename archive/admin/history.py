"""A record's history page: each version with who, when, why and what changed in words; revert restores links too.

The rules (snapshots of links, what a revert restores, when it is refused) are in
`archive.curation.history`; this reads the request and renders.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404

from archive.curation.history import (
    links_in_words, links_refresh_latest, record_revert, revert_refusal, version_changes,
)


class HistoryMixin:
    """For ReviewableAdmin: the history list and a version's page, with links in every version."""

    object_history_template = "admin/archive/object_history.html"
    object_history_list_template = "admin/archive/object_history_list.html"
    object_history_form_template = "admin/archive/object_history_form.html"
    history_list_display = ["review_status_shown", "is_curated_shown"]

    def review_status_shown(self, version):
        return version.get_review_status_display()

    review_status_shown.short_description = "review status"

    def is_curated_shown(self, version):
        return "yes" if version.is_curated else "no"

    is_curated_shown.short_description = "edited by a person"

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Each version on the page gets `changes_in_words`, against the version before it (one query for the
        version before the oldest shown)."""
        versions = list(historical_records)
        if not versions:
            return
        oldest = versions[-1]
        before = (self.model.history.filter(id=oldest.id, history_date__lte=oldest.history_date)
                  .exclude(history_id=oldest.history_id).order_by("-history_date", "-history_id")
                  ._select_related_history_tracked_objs().first())
        for version, previous in zip(versions, [*versions[1:], before]):
            version.changes_in_words = version_changes(version, previous, self.model)

    def history_view(self, request, object_id, extra_context=None):
        labels = [getattr(getattr(self, name), "short_description", name) for name in self.history_list_display]
        return super().history_view(request, object_id, {"history_columns": labels, **(extra_context or {})})

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """An earlier version is open to read; reverting to it is a change, refused after a merge into the record."""
        if request.method not in ("GET", "HEAD") and not self.has_change_permission(request):
            raise PermissionDenied
        record = get_object_or_404(self.model, pk=object_id)
        version = get_object_or_404(record.history.model, id=record.pk, history_id=version_id)
        refusal = revert_refusal(record, version)
        if request.method == "POST" and refusal:
            messages.error(request, refusal)
            return HttpResponseRedirect(request.get_full_path())
        extra = {"version_links": links_in_words(version, self.model), "revert_refusal": refusal,
                 **(extra_context or {})}
        request._reverting_to = version
        with transaction.atomic():
            return super().history_form_view(request, object_id, version_id, extra)

    def is_revert(self, request) -> bool:
        return getattr(request, "_reverting_to", None) is not None and request.method == "POST"

    # --- saving: one version per edit, after its links are saved, so it shows them -----------------

    def save_model(self, request, obj, form, change):
        if change and self.is_revert(request):
            record_revert(record=obj, version=request._reverting_to, editable=form.fields, user=request.user)
            return super().save_model(request, obj, form, change)
        if change:
            links_refresh_latest(obj)  # the version before this edit shows the links as the curator found them
            obj.skip_history_when_saving = True  # the version is written in save_related, with the new links
        if not change or form.changed_data:
            obj.is_curated = True
        return super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        if change:
            del obj.skip_history_when_saving
        rows_changed = any(formset.has_changed() for formset in formsets)
        if change or rows_changed:  # a record added with rows gets a second version that shows them
            obj.is_curated = obj.is_curated or rows_changed
            obj._history_user = request.user
            obj._change_reason = "edited" if change else "added with its rows"
            obj.save(update_fields=["is_curated", "updated_at"])
