"""The shared admin for reviewable records: review state, evidence, curated marking, history, bounded queries."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ALL_VAR, SEARCH_VAR, ChangeList
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.utils.text import smart_split, unescape_string_literal
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from simple_history.admin import SimpleHistoryAdmin

from archive.curation import CurationError
from archive.curation.confidence import confidence_explained
from archive.curation.review import SHORT_LIST, records_decide_posted, records_reject, records_verify
from archive.models import Country, Evidence, RejectReason
from archive.models.base import MAX_ID

from .history import HistoryMixin
from .highlight import EVIDENCE_SHOWN, evidence_panel, record_url
from archive.paging import CappedPaginator, among_subquery, first_ids

from .widgets import KnownLabelAutocomplete, LabelledInlineFormSet

REVIEW_FIELDS = ["review_status", "reviewed_by", "reviewed_at", "review_note", "is_curated", "confidence",
                 "confidence_lowered_by", "merged_into_link", "uid"]


def writes(request) -> bool:
    """Whether a request may write: anything but a read (GET, HEAD) is checked as a change."""
    return request.method not in ("GET", "HEAD")


def next_url(request, fallback: str) -> str:
    """Where a form asked to go back to (`next`), if it is on this site; else `fallback`."""
    url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return fallback


def can_merge(user, model) -> bool:
    """Merging (or undoing a merge of) records of `model` changes them: both permissions are needed."""
    return user.has_perm("archive.merge_records") and user.has_perm(f"archive.change_{model._meta.model_name}")


class BoundedAdminMixin:
    """Changelists that never count a large table in full, and search on indexes without DISTINCT."""

    show_full_result_count = False
    paginator = CappedPaginator
    list_per_page = 50

    def changelist_view(self, request, extra_context=None):
        """A POST to a list runs an action on its rows: refused outright to a user who may change none of them."""
        if writes(request) and not self.may_act_on_list(request):
            raise PermissionDenied
        return super().changelist_view(request, extra_context)

    def may_act_on_list(self, request) -> bool:
        return self.has_change_permission(request) or self.has_delete_permission(request)

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        """A searched list reads the ids of its first COUNT_CAP + 1 rows in order once: they are its
        count, and its page is fetched by id (`CappedPaginator(known_ids=...)`). Counting and then
        paging worked the search out twice (its trigram look-ups, the filters, the sort of every
        match); a list without a search term counts from its indexes and reads one page."""
        if not request.GET.get(SEARCH_VAR) or request.GET.get(ALL_VAR) is not None:
            return super().get_paginator(request, queryset, per_page, orphans, allow_empty_first_page)
        ids = first_ids(queryset, self.paginator.cap)
        return self.paginator(queryset, per_page, orphans, allow_empty_first_page, known_ids=ids,
                              rows=self.page_rows(request))

    def get_changelist(self, request, **kwargs):
        return OneReadChangeList

    def page_rows(self, request):
        """The list's rows before filters, with the related rows the changelist selects with them."""
        rows = self.get_queryset(request)
        related = self.get_list_select_related(request)
        if related is True:
            return rows.select_related()
        return rows.select_related(*related) if related else rows

    def get_search_results(self, request, queryset, search_term):
        fields = self.get_search_fields(request)
        if not search_term or not any("__" in f for f in fields):
            # Columns of the table only: PostgreSQL ORs their trigram indexes in one bitmap scan.
            return super().get_search_results(request, queryset, search_term)
        for bit in smart_split(search_term):
            if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
                bit = unescape_string_literal(bit)
            holders = [matching_ids(queryset.model, field, bit) for field in fields]
            queryset = queryset.filter(among_subquery("pk", holders[0].union(*holders[1:])))
        return queryset, False


class OneReadChangeList(ChangeList):
    """A list of one page shows the rows its paginator read (Django would run its queryset again)."""

    def get_results(self, request):
        super().get_results(request)
        if not self.multi_page and getattr(self.paginator, "known_ids", None) is not None:
            self.result_list = self.paginator.page(1).object_list


def matching_ids(model, field: str, term: str):
    """The ids of `model`'s rows whose `field` (perhaps through a relation) matches the term: one
    subquery per field, when some field is through a relation. The list matches
    `id IN (field 1 UNION field 2 ...)`.

    Each subquery runs once on its own (trigram) index, and PostgreSQL estimates how many
    the union holds (a few thousand, not half the table) and plans the list for that: a LIKE
    ORed with a related match would read every row, a join through a relation
    (`aliases__name`) would duplicate rows and need DISTINCT, and `IN (...) OR IN (...)` was
    taken to match half the table, whose every row was then probed.
    """
    lookups = {"=": "iexact", "^": "istartswith"}
    lookup = lookups.get(field[0], "icontains")
    field = field.lstrip("=^@")
    if "__" not in field:
        return model.objects.filter(**{f"{field}__{lookup}": term}).order_by().values("pk")
    relation, rest = field.split("__", 1)
    rel = model._meta.get_field(relation)
    return rel.related_model.objects.filter(**{f"{rest}__{lookup}": term}).order_by().values(rel.field.attname)


class ArticleFilter(admin.SimpleListFilter):
    """?article=<id>: records with evidence in one article (linked from the article's page)."""

    title = "article"
    parameter_name = "article"

    def lookups(self, request, model_admin):
        return []  # reached by links, not listed: there are too many articles to list

    def has_output(self):
        return False

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isascii() and value.isdigit() and int(value) <= MAX_ID:
            target = queryset.model._meta.model_name
            return queryset.filter(Exists(Evidence.objects.filter(article_id=value, **{target: OuterRef("pk")})))
        return queryset


class CountryFilter(admin.SimpleListFilter):
    """The countries this record type actually has, from the record's own country or its participants/parties."""

    title = "country"
    parameter_name = "country"
    path = "country"  # a subclass sets e.g. "participants__country"

    def lookups(self, request, model_admin):
        model = model_admin.model
        if "__" in self.path:  # ask the related rows directly: no join through the records
            relation, field = self.path.split("__", 1)
            model = model._meta.get_field(relation).related_model
            used = model.objects.filter(**{field: OuterRef("pk")})
        else:
            used = model.objects.filter(**{self.path: OuterRef("pk")})
        countries = list(Country.objects.filter(Exists(used)).only("code", "name"))
        self.ids = {c.code: c.pk for c in countries}
        return [(c.code, c.name) for c in countries]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        # By the country's id, not a join on its code: PostgreSQL then knows from its statistics how
        # many rows name that country, and plans the list for it.
        country_id = self.ids.get(self.value())
        if country_id is None:
            return queryset.none()  # no record of this type names that country
        if "__" not in self.path:
            return queryset.filter(**{f"{self.path}_id": country_id})
        relation, field = self.path.split("__", 1)
        rel = queryset.model._meta.get_field(relation)
        rows = rel.related_model.objects.filter(**{rel.field.name: OuterRef("pk"), f"{field}_id": country_id})
        return queryset.filter(Exists(rows))


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("live", "live records"), ("merged", "merged away (tombstones)")]

    def queryset(self, request, queryset):
        if self.value() == "live":
            return queryset.filter(merged_into__isnull=True)
        if self.value() == "merged":
            return queryset.filter(merged_into__isnull=False)
        return queryset


class ConfidenceFilter(admin.SimpleListFilter):
    title = "confidence"
    parameter_name = "confidence"

    def lookups(self, request, model_admin):
        return [("low", "below 0.5"), ("mid", "0.5 to 0.8"), ("high", "0.8 and above")]

    def queryset(self, request, queryset):
        bands = {"low": {"confidence__lt": 0.5}, "mid": {"confidence__gte": 0.5, "confidence__lt": 0.8},
                 "high": {"confidence__gte": 0.8}}
        return queryset.filter(**bands[self.value()]) if self.value() in bands else queryset


class RejectForm(forms.Form):
    code = forms.ChoiceField(label="reason", choices=SHORT_LIST, initial=RejectReason.OTHER, required=False)
    reason = forms.CharField(label="in words", required=False, widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
                             help_text="Optional: why these records are wrong.")


class LabelledInline:
    """Inline whose autocomplete rows render from select_related instances: one query for all rows."""

    formset = LabelledInlineFormSet

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KnownLabelAutocomplete(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.get_autocomplete_fields(request))


class ReviewableAdmin(HistoryMixin, BoundedAdminMixin, SimpleHistoryAdmin):
    """Review, evidence and history for Person, Organization, Meeting and Agreement.

    Saving a change a person made (fields, inlines or a revert from history) marks
    the record curated: ingest leaves its fields alone from then on.
    """

    change_form_template = "admin/archive/reviewable_change_form.html"
    change_list_template = "admin/archive/reviewable_change_list.html"
    actions = ["verify_selected", "reject_selected", "merge_selected"]
    list_filter = ["review_status", "is_curated", ConfidenceFilter, StateFilter, ArticleFilter]
    readonly_fields = [*REVIEW_FIELDS, "evidence", "extracted"]

    main_fields: list = []

    def get_fieldsets(self, request, obj=None):
        sets = [(None, {"fields": self.main_fields})]
        if obj is not None:
            sets += [
                ("Evidence", {"fields": ["evidence"]}),
                ("Review", {"fields": REVIEW_FIELDS}),
                ("What the extractor last wrote", {"fields": ["extracted"], "classes": ["collapse"]}),
            ]
        return sets

    # --- display ---------------------------------------------------------------------------------

    @admin.display(description="merged into")
    def merged_into_link(self, obj):
        if obj.merged_into_id is None:
            return "—"
        return format_html('<a href="{}">{}</a>', record_url(obj.merged_into), obj.merged_into)

    @admin.display(description="evidence")
    def evidence(self, obj):
        rows = (obj.evidence.select_related("article").defer("article__body")
                .order_by("-article__published", "article_id", "start"))
        return evidence_panel(list(rows[:EVIDENCE_SHOWN]), obj.evidence.count())

    @admin.display(description="review", ordering="review_status")
    def review_state(self, obj):
        marks = {"verified": "✔", "rejected": "✘", "unreviewed": "•", "unsure": "?"}
        state = f"{marks[obj.review_status]} {obj.review_status}"
        if obj.merged_into_id:
            state = "merged away"
        elif obj.is_curated:
            state += " · edited"
        return state

    @admin.display(description="lowered by")
    def confidence_lowered_by(self, obj):
        return confidence_explained(obj) or "—"

    @admin.display(description="confidence", ordering="confidence")
    def confidence_shown(self, obj):
        return f"{obj.confidence:.2f}"

    # --- permissions -----------------------------------------------------------------------------

    # Every write below needs the change permission as well as the curation one, checked for the
    # method that writes: a button hidden from a viewer is not a refusal.

    def has_review_permission(self, request):
        return self.has_change_permission(request) and request.user.has_perm("archive.review_records")

    def has_merge_permission(self, request):
        return can_merge(request.user, self.model)

    def has_change_permission(self, request, obj=None):
        """A tombstone (merged into another record) is read-only: the kept record is the one to edit."""
        if obj is not None and getattr(obj, "merged_into_id", None):
            return False
        return super().has_change_permission(request, obj)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is not None and obj.merged_into_id:
            for inline in inlines:  # the rows of a tombstone moved to the kept record; nothing to edit here
                inline.has_add_permission = inline.has_change_permission = inline.has_delete_permission = \
                    lambda *args, **kwargs: False
        return inlines

    # --- review actions ---------------------------------------------------------------------------

    @admin.action(description="Verify selected records", permissions=["review"])
    def verify_selected(self, request, queryset):
        try:
            done = records_verify(records=queryset, user=request.user)
        except CurationError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return None
        self.message_user(request, f"Verified {done} record(s).", messages.SUCCESS)
        return None

    @admin.action(description="Reject selected records…", permissions=["review"])
    def reject_selected(self, request, queryset):
        form = RejectForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            try:
                done = records_reject(records=queryset, user=request.user, reason=form.cleaned_data["reason"],
                                      code=form.cleaned_data["code"])
            except CurationError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return None
            self.message_user(request, f"Rejected {done} record(s).", messages.SUCCESS)
            return None
        context = {**self.admin_site.each_context(request), "title": "Reject records", "form": form,
                   "records": queryset, "opts": self.opts, "action": "reject_selected",
                   "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME}
        return TemplateResponse(request, "admin/archive/reject_confirmation.html", context)

    @admin.action(description="Merge selected duplicates…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.values_list("pk", flat=True)[:20])
        return HttpResponseRedirect(f"{reverse('admin:archive_merge', args=[self.opts.model_name])}?ids={ids}")

    # --- review from the change page ------------------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path("<path:object_id>/review/", self.admin_site.admin_view(self.review_view),
                 name="%s_%s_review" % info),
            *super().get_urls(),
        ]

    def review_view(self, request, object_id):
        obj = get_object_or_404(self.model, pk=object_id)
        if not writes(request):
            return HttpResponseRedirect(record_url(obj))
        if not self.has_review_permission(request):
            raise PermissionDenied
        try:
            records_decide_posted(records=[obj], user=request.user, data=request.POST)
            self.message_user(request, f"{obj} is now {obj.get_review_status_display()}.", messages.SUCCESS)
        except CurationError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        return HttpResponseRedirect(next_url(request, record_url(obj)))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_review"] = obj is not None and self.has_review_permission(request)
        context["reject_reasons"] = SHORT_LIST
        context["can_merge"] = obj is not None and self.has_merge_permission(request)
        if obj is not None and obj.merged_into_id:
            context["kept"] = obj.merged_into
            context["kept_url"] = record_url(obj.merged_into)
        return super().render_change_form(request, context, add, change, form_url, obj)

