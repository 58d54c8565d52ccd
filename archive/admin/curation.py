"""Merges (with undo) and duplicate suggestions (with a curator's verdict)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from archive import models
from archive.curation import CurationError
from archive.curation.duplicates import decision_judge, duplicates_suggest
from archive.curation.merge import merge_undo
from archive.curation.queue import QUEUE_MODELS

from .base import BoundedAdminMixin, can_merge, writes
from .highlight import quoted_sentence, record_url

QUOTES_SHOWN = 2  # per record on the suggestions page
ALIASES_SHOWN = 5


def labelled_records():
    """The four record types for a GenericPrefetch: meetings with the participants their labels name, people and
    organizations with their country."""
    return [model.objects.prefetch_related("participants") if model is models.Meeting
            else model.objects.select_related("country") if model in (models.Person, models.Organization)
            else model.objects.all() for model in QUEUE_MODELS.values()]


def compared_records(model=None):
    """The record types as a curator compares two of them: country, count of articles, a few aliases,
    participants or parties, and the best quotes (sliced prefetches: a fixed number of queries per page)."""
    quotes = Prefetch("evidence", to_attr="quotes", queryset=models.Evidence.objects.select_related("article")
                      .order_by("-confidence", "pk")[:QUOTES_SHOWN])
    querysets = []
    for kind, record_model in QUEUE_MODELS.items():
        queryset = record_model.objects.annotate(article_count=Count("evidence__article", distinct=True))
        queryset = queryset.prefetch_related(quotes)
        if kind in ("person", "organization"):
            alias_model = models.PersonAlias if kind == "person" else models.OrganizationAlias
            queryset = queryset.select_related("country").prefetch_related(Prefetch(
                "aliases", to_attr="some_aliases", queryset=alias_model.objects.order_by("name")[:ALIASES_SHOWN]))
        else:
            queryset = queryset.prefetch_related("participants" if kind == "meeting" else "parties")
        querysets.append(queryset)
    if model is not None:
        return querysets[list(QUEUE_MODELS.values()).index(model)]
    return querysets


def record_facts(record) -> list[str]:
    """What tells two records apart at a glance, in the order a curator reads it."""
    kind = record._meta.model_name
    facts = []
    if kind == "person":
        facts = [record.title, "" if record.country else "no country"]
    elif kind == "organization":
        facts = [record.acronym, "" if record.country else "no country"]
    elif kind == "meeting":
        facts = [f"{record.date or 'undated'}" + (f" ({record.date_precision})" if record.date else ""),
                 record.location or "no place", ", ".join(p.name for p in record.participants.all())]
    elif kind == "agreement":
        facts = [record.get_kind_display(), f"{record.date or 'undated'}",
                 ", ".join(p.name for p in record.parties.all())]
    facts.append(f"{getattr(record, 'article_count', 0)} article(s)")
    if aliases := [a.name for a in getattr(record, "some_aliases", []) if a.name != record.name]:
        facts.append("also: " + ", ".join(aliases))
    return [fact for fact in facts if fact]


def record_card(record, fallback_id):
    """A record as the suggestions page shows it beside its maybe-twin: link, facts and best quotes."""
    if record is None:
        return record_link(None, fallback_id)
    quotes = format_html_join("", '<li><q>{}</q> <a href="{}">{}</a></li>', (
        (quoted_sentence(e), record_url(e.article), e.article.title[:60]) for e in getattr(record, "quotes", [])))
    return format_html('<div class="dup-card">{}<div class="dup-facts">{}</div><ul class="dup-quotes">{}</ul></div>',
                       record_link(record, fallback_id), " · ".join(record_facts(record)),
                       quotes or format_html("<li>{}</li>", "no evidence"))


def record_label(record, fallback_id, fallback_label="") -> str:
    """"#12 Ali Khan · Pakistan": the id tells apart records with one name, the country too."""
    if record is None:
        return f"#{fallback_id} {fallback_label} (deleted)".replace("  ", " ")
    country = getattr(record, "country", None)
    return f"#{record.pk} {record}" + (f" · {country}" if country else "")


def record_link(record, fallback_id, fallback_label=""):
    if record is None:
        return record_label(None, fallback_id, fallback_label)
    state = " [merged away]" if record.merged_into_id else ""
    return format_html('<a href="{}">{}</a>{}', record_url(record), record_label(record, fallback_id), state)


class RecordTypeFilter(admin.SimpleListFilter):
    """The four record types only, not every table of the site."""

    title = "type"
    parameter_name = "type"

    def lookups(self, request, model_admin):
        return [(name, model._meta.verbose_name) for name, model in QUEUE_MODELS.items()]

    def queryset(self, request, queryset):
        if self.value() in QUEUE_MODELS:
            return queryset.filter(content_type__app_label="archive", content_type__model=self.value())
        return queryset


@admin.register(models.MergeRecord)
class MergeRecordAdmin(BoundedAdminMixin, admin.ModelAdmin):
    list_display = ["merged_link", "kept_link", "kind", "merged_by", "merged_at", "undone_at"]
    list_filter = [RecordTypeFilter, ("undone_at", admin.EmptyFieldListFilter)]
    list_select_related = ["content_type", "merged_by"]
    date_hierarchy = "merged_at"  # auditing "what was merged last week"; the table stays small
    actions = ["undo_selected"]
    fields = ["kind", "kept_link", "merged_link", "merged_by", "merged_at", "undone_by", "undone_at", "what_moved"]
    readonly_fields = fields
    change_form_template = "admin/archive/mergerecord_change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(
            GenericPrefetch("kept", labelled_records()), GenericPrefetch("merged", labelled_records()))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the record of a merge is what makes it undoable

    def has_merge_permission(self, request):
        return request.user.has_perm("archive.merge_records")

    def may_act_on_list(self, request) -> bool:
        return self.has_merge_permission(request)  # the list's one action is undo

    def may_undo(self, request, merge) -> bool:
        return can_merge(request.user, merge.content_type.model_class())

    @admin.display(description="type")
    def kind(self, obj):
        return obj.content_type.model

    @admin.display(description="kept")
    def kept_link(self, obj):
        return record_link(obj.kept, obj.kept_id, obj.kept_label)

    @admin.display(description="merged away")
    def merged_link(self, obj):
        return record_link(obj.merged, obj.merged_id, obj.merged_label)

    @admin.display(description="what moved")
    def what_moved(self, obj):
        changes = obj.changes
        moved = ", ".join(f"{len(m['pks'])} {m['model'].split('.')[-1]}" for m in changes.get("moved", [])) or "nothing"
        return format_html("Moved: {}. Kept aside as duplicates (restored on undo): {}. Created: {}.", moved,
                           len(changes.get("deleted", [])), sum(len(c["pks"]) for c in changes.get("created", [])))

    @admin.action(description="Undo selected merges", permissions=["merge"])
    def undo_selected(self, request, queryset):
        for merge in queryset.order_by("-merged_at", "-id"):  # newest first: later merges come undone first
            if not self.may_undo(request, merge):
                self.message_user(request, f"{merge}: you may not change these records.", messages.ERROR)
                continue
            try:
                merge_undo(merge=merge, user=request.user)
                self.message_user(request, f"Undone: {merge}.", messages.SUCCESS)
            except CurationError as exc:
                self.message_user(request, f"{merge}: {exc}", messages.ERROR)

    def get_urls(self):
        return [path("<int:pk>/undo/", self.admin_site.admin_view(self.undo_view), name="archive_mergerecord_undo"),
                *super().get_urls()]

    def undo_view(self, request, pk):
        merge = get_object_or_404(models.MergeRecord, pk=pk)
        if writes(request):
            if not self.may_undo(request, merge):
                raise PermissionDenied
            try:
                merge_undo(merge=merge, user=request.user)
                self.message_user(request, f"Undone: {merge}.", messages.SUCCESS)
            except CurationError as exc:
                self.message_user(request, str(exc), messages.ERROR)
        return HttpResponseRedirect(reverse("admin:archive_mergerecord_change", args=[pk]))

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["can_undo"] = obj is not None and obj.undone_at is None and self.may_undo(request, obj)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


class PendingFirst(admin.SimpleListFilter):
    title = "verdict"
    parameter_name = "verdict"

    def lookups(self, request, model_admin):
        return [("all", "all"), *models.Verdict.choices]

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            selected = (self.value() or models.Verdict.PENDING) == value
            yield {"selected": selected, "query_string": changelist.get_query_string({self.parameter_name: value}),
                   "display": label}

    def queryset(self, request, queryset):
        value = self.value() or models.Verdict.PENDING
        return queryset if value == "all" else queryset.filter(verdict=value)


@admin.register(models.DuplicateDecision)
class DuplicateDecisionAdmin(BoundedAdminMixin, admin.ModelAdmin):
    list_display = ["first", "second", "why", "judged"]
    list_filter = [PendingFirst, RecordTypeFilter]
    list_select_related = ["content_type", "decided_by"]
    actions = ["judge_not_same", "judge_unsure", "judge_same"]
    fields = ["kind", "first", "second", "score", "reasons", "verdict", "note", "decided_by", "decided_at"]
    readonly_fields = ["kind", "first", "second", "score", "reasons", "decided_by", "decided_at"]
    change_list_template = "admin/archive/duplicates_change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(
            GenericPrefetch("low", compared_records()), GenericPrefetch("high", compared_records()))

    def has_add_permission(self, request):
        return False

    def has_merge_permission(self, request):
        """A verdict steers merges and ingest: it needs the merge permission besides changing the pair."""
        return self.has_change_permission(request) and request.user.has_perm("archive.merge_records")

    def save_model(self, request, obj, form, change):
        if obj.verdict == models.Verdict.PENDING:
            super().save_model(request, obj, form, change)  # only the note changed
        else:
            decision_judge(decision=obj, verdict=obj.verdict, user=request.user, note=obj.note)

    @admin.display(description="type")
    def kind(self, obj):
        return obj.content_type.model

    @admin.display(description="record")
    def first(self, obj):
        return record_card(obj.low, obj.low_id)

    @admin.display(description="maybe the same as")
    def second(self, obj):
        return record_card(obj.high, obj.high_id)

    @admin.display(description="why", ordering="-score")
    def why(self, obj):
        return format_html("<strong>{}</strong> {}<br>{}", f"{obj.score:.2f}", obj.content_type.model, obj.reasons)

    @admin.display(description="verdict", ordering="verdict")
    def judged(self, obj):
        url = reverse("admin:archive_merge", args=[obj.content_type.model])
        by = format_html("<br>by {}", obj.decided_by) if obj.decided_by else ""
        return format_html('{}{}<br><a href="{}?ids={},{}">compare / merge</a>', obj.get_verdict_display(), by,
                           url, obj.low_id, obj.high_id)

    def judge(self, request, queryset, verdict):
        for decision in queryset:
            decision_judge(decision=decision, verdict=verdict, user=request.user)
        self.message_user(request, f"{queryset.count()} pair(s) judged {models.Verdict(verdict).label}.",
                          messages.SUCCESS)

    @admin.action(description="Not the same (never suggest or merge again)", permissions=["merge"])
    def judge_not_same(self, request, queryset):
        self.judge(request, queryset, models.Verdict.NOT_SAME)

    @admin.action(description="Unsure", permissions=["merge"])
    def judge_unsure(self, request, queryset):
        self.judge(request, queryset, models.Verdict.UNSURE)

    @admin.action(description="The same: merge…", permissions=["merge"])
    def judge_same(self, request, queryset):
        decision = queryset.first()
        url = reverse("admin:archive_merge", args=[decision.content_type.model])
        return HttpResponseRedirect(f"{url}?ids={decision.low_id},{decision.high_id}")

    def get_urls(self):
        from .views import duplicates_of_view

        return [path("suggest/", self.admin_site.admin_view(self.suggest_view), name="archive_duplicates_suggest"),
                path("of/<str:model_name>/<int:pk>/", self.admin_site.admin_view(duplicates_of_view),
                     name="archive_duplicates_of"),
                *super().get_urls()]

    def suggest_view(self, request):
        if writes(request):
            if not self.has_merge_permission(request):
                raise PermissionDenied
            found = {name: duplicates_suggest(model=model) for name, model in QUEUE_MODELS.items()}
            self.message_user(request, "New suggestions: " + ", ".join(f"{n} {k}" for k, n in found.items()),
                              messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:archive_duplicatedecision_changelist"))
