"""Articles: the cleaned text with every extracted mention marked and linked to its record."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from archive import models
from archive.browse.selectors import outlets

from .base import BoundedAdminMixin
from .highlight import highlighted_body, record_url

TARGETS = ("person", "organization", "meeting", "agreement")


class OutletFilter(admin.SimpleListFilter):
    """`?outlet=<name>`: the outlets listed from the outlet index, a look-up per outlet (`selectors.outlets`),
    where the admin's own filter read the distinct values of every article (150 ms at a million)."""

    title = "outlet"
    parameter_name = "outlet"

    def lookups(self, request, model_admin):
        return [(outlet, outlet) for outlet in outlets()]

    def queryset(self, request, queryset):
        return queryset.filter(outlet=self.value()) if self.value() else queryset


@admin.register(models.Article)
class ArticleAdmin(BoundedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "outlet", "published", "source_name"]
    # A date filter without queries: date_hierarchy lists the years with a scan of every article.
    list_filter = [("published", admin.DateFieldListFilter), OutletFilter]
    search_fields = ["title", "source_name"]
    fields = ["title", "outlet", "published", "dateline", "byline", "text_with_mentions", "records",
              "source_name", "source_path", "position", "content_hash", "created_at", "updated_at"]
    readonly_fields = ["text_with_mentions", "records", "content_hash", "source_name", "source_path", "position",
                       "created_at", "updated_at"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name == "archive_article_changelist":
            queryset = queryset.defer("body")  # the list never shows the text
        return queryset

    def mentions(self, obj):
        if not hasattr(obj, "_mentions"):
            obj._mentions = list(
                obj.evidence.select_related(*TARGETS).prefetch_related("meeting__participants")
                .order_by("start", "end"))
        return obj._mentions

    @admin.display(description="text, with what was read from it")
    def text_with_mentions(self, obj):
        return highlighted_body(obj.body, self.mentions(obj))

    @admin.display(description="records read from it")
    def records(self, obj):
        seen = {}
        for evidence in self.mentions(obj):
            record = evidence.target
            seen.setdefault((record._meta.model_name, record.pk), record)
        if not seen:
            return "None."
        items = format_html_join(
            "\n", '<li>{}: <a href="{}">{}</a> ({}, confidence {})</li>',
            ((kind, record_url(r), r, r.review_status, f"{r.confidence:.2f}") for (kind, _), r in seen.items()))
        queue = f"{reverse('admin:review_queue')}?article={obj.pk}&status=all"
        return format_html('<ul>{}</ul><p><a href="{}">Review these in the queue</a></p>', items, queue)
