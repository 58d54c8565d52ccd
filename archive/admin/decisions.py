"""Who decided what, when and why: every curator's review decisions, read-only, linked to the record."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.contenttypes.prefetch import GenericPrefetch

from archive import models
from archive.curation.review import DECISIONS

from .base import BoundedAdminMixin
from .curation import RecordTypeFilter, labelled_records, record_link


class DecisionFilter(admin.SimpleListFilter):
    """The three decisions, listed without asking the table which it holds."""

    title = "decision"
    parameter_name = "decision"

    def lookups(self, request, model_admin):
        return [(status, models.ReviewStatus(status).label) for status in DECISIONS]

    def queryset(self, request, queryset):
        return queryset.filter(decision=self.value()) if self.value() in DECISIONS else queryset


@admin.register(models.ReviewDecision)
class ReviewDecisionAdmin(BoundedAdminMixin, admin.ModelAdmin):
    list_display = ["decided_at", "decided_by", "decision", "reason", "note", "record_shown", "kind", "undone_at"]
    list_filter = [("decided_by", admin.RelatedOnlyFieldListFilter), DecisionFilter, RecordTypeFilter,
                   ("undone_at", admin.EmptyFieldListFilter)]
    list_select_related = ["content_type", "decided_by"]
    date_hierarchy = "decided_at"  # by day: year → month → day, on the indexed time
    fields = ["decided_at", "decided_by", "decision", "reason", "note", "record_shown", "kind", "batch",
              "undone_at"]
    readonly_fields = fields
    actions = None

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(GenericPrefetch("record", labelled_records()))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # a decision is taken on the record's page or in the queue, and undone there

    def has_delete_permission(self, request, obj=None):
        return False

    def may_act_on_list(self, request) -> bool:
        return False

    @admin.display(description="type")
    def kind(self, obj):
        return obj.content_type.model

    @admin.display(description="record")
    def record_shown(self, obj):
        return record_link(obj.record, obj.record_id)
