""""This is an organization / a person / a place" on a record's page, and the list of conversions with undo.

Thin: the rules are in `archive.curation.convert`; every request, read or write,
is checked against `may_convert` on the server.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from archive import models
from archive.curation import CurationError
from archive.curation.convert import (
    conversion_kinds, conversion_plan, conversion_undo, may_convert, record_convert,
)

from .base import BoundedAdminMixin, writes
from .curation import RecordTypeFilter, labelled_records, record_link
from .highlight import record_url


class ConvertibleAdmin:
    """For the person and organization admins: the convert page at `<id>/convert/<kind>/`."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path("<path:object_id>/convert/<str:into>/", self.admin_site.admin_view(self.convert_view),
                 name="%s_%s_convert" % info),
            *super().get_urls(),
        ]

    def convert_view(self, request, object_id, into):
        """GET: what the conversion would move, to confirm. POST: convert. Both need the permission."""
        record = get_object_or_404(self.model, pk=object_id)
        if into not in models.ConversionKind.values:
            raise Http404
        if not may_convert(request.user, self.model, into):
            raise PermissionDenied
        try:
            if writes(request):
                conversion = record_convert(record=record, into=into, user=request.user)
                return self.converted(request, conversion)
            plan = conversion_plan(record=record, into=into)
        except CurationError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return HttpResponseRedirect(record_url(record))
        context = {**self.admin_site.each_context(request), "title": f"{record} is {plan_label(into)}",
                   "plan": plan, "opts": self.opts, "into_label": plan_label(into), "record_url": record_url(record)}
        return TemplateResponse(request, "admin/archive/convert_confirmation.html", context)

    def converted(self, request, conversion):
        undo = reverse("admin:archive_conversionrecord_change", args=[conversion.pk])
        self.message_user(request, format_html('{}. <a href="{}">Undo</a>', conversion, undo), messages.SUCCESS)
        return HttpResponseRedirect(record_url(conversion.target or conversion.record))

    def conversion_links(self, request, obj) -> list[tuple[str, str]]:
        """The "this is …" links the record's page shows to a curator who may convert."""
        if obj is None or obj.merged_into_id:
            return []
        return [(plan_label(kind), reverse(f"admin:archive_{self.opts.model_name}_convert", args=[obj.pk, kind]))
                for kind in conversion_kinds(obj) if may_convert(request.user, self.model, kind)]

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["conversions"] = self.conversion_links(request, obj)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


def plan_label(into: str) -> str:
    return models.ConversionKind(into).label


@admin.register(models.ConversionRecord)
class ConversionRecordAdmin(BoundedAdminMixin, admin.ModelAdmin):
    list_display = ["record_shown", "into", "target_shown", "converted_by", "converted_at", "undone_at"]
    list_filter = [RecordTypeFilter, "into", ("undone_at", admin.EmptyFieldListFilter)]
    list_select_related = ["content_type", "target_type", "converted_by"]
    fields = ["record_shown", "into", "target_shown", "converted_by", "converted_at", "undone_by", "undone_at",
              "what_changed"]
    readonly_fields = fields
    change_form_template = "admin/archive/conversionrecord_change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(
            GenericPrefetch("record", labelled_records()), GenericPrefetch("target", labelled_records()))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the record of a conversion is what makes it undoable

    def may_act_on_list(self, request) -> bool:
        return False  # undo is on each conversion's page

    def may_undo(self, request, conversion) -> bool:
        return may_convert(request.user, conversion.content_type.model_class(), conversion.into)

    @admin.display(description="record")
    def record_shown(self, obj):
        return record_link(obj.record, obj.record_id, obj.record_label)

    @admin.display(description="now")
    def target_shown(self, obj):
        if obj.target_id is None:
            return "a place (rejected)"
        return record_link(obj.target, obj.target_id, obj.target_label)

    @admin.display(description="what changed")
    def what_changed(self, obj):
        changes = obj.changes
        located = sum(1 for m in changes.get("located", []) if m["location"] is not None)
        return format_html("Links moved: {}. Rows kept aside (restored on undo): {}. Names added: {}. "
                           "Meetings given it as location: {}.", len(changes.get("updated", [])),
                           len(changes.get("deleted", [])), sum(len(c["pks"]) for c in changes.get("created", [])),
                           located)

    def get_urls(self):
        return [path("<int:pk>/undo/", self.admin_site.admin_view(self.undo_view),
                     name="archive_conversionrecord_undo"), *super().get_urls()]

    def undo_view(self, request, pk):
        """POST: undo. GET goes back to the conversion's page."""
        conversion = get_object_or_404(models.ConversionRecord, pk=pk)
        back = HttpResponseRedirect(reverse("admin:archive_conversionrecord_change", args=[pk]))
        if not writes(request):
            return back
        if not self.may_undo(request, conversion):
            raise PermissionDenied
        try:
            conversion_undo(conversion=conversion, user=request.user)
            self.message_user(request, f"Undone: {conversion}.", messages.SUCCESS)
        except CurationError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        return back

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["can_undo"] = obj is not None and obj.undone_at is None and self.may_undo(request, obj)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)
