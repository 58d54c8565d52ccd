"""People, organizations, meetings and agreements: what curators check, correct and merge."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import F, Prefetch
from django.urls import reverse
from django.utils.html import format_html

from archive import models
from archive.curation.aliases import alias_fill_keys

from .base import CountryFilter, LabelledInline, ReviewableAdmin
from .conversions import ConvertibleAdmin
from .highlight import quoted_sentence, record_url
from .widgets import LabelledInlineFormSet

# A person's change page lists their latest roles, read-only, each linked to its own page, and links to
# the role list filtered to them, where every role is edited (and a new one added). An editable row
# cost about 40 ms to render on a loaded machine (three autocompletes and a select), so a person
# named in hundreds of articles took seconds to open.
ROLES_SHOWN = 10


class AliasAdminForm(forms.ModelForm):
    """An alias typed in by a curator gets the matching keys ingest uses, before validation.

    The keys are in `cleaned_data` so the (record, normalized form) constraint is checked
    on this row and across the rows of an inline: a second spelling of a form the record
    already has is a form error, not a database error.
    """

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name"):
            self.instance.name = cleaned["name"]
            alias_fill_keys(alias=self.instance)
            if not self.instance.normalized:
                self.add_error("name", "A name needs letters or digits to be matched.")
            cleaned["normalized"] = self.instance.normalized
        return cleaned

    def _get_validation_exclusions(self):
        exclusions = super()._get_validation_exclusions()
        return exclusions - {"normalized"} if self.instance.normalized else exclusions


class PersonAliasInline(admin.TabularInline):
    model = models.PersonAlias
    form = AliasAdminForm
    fields = ["name", "normalized"]
    readonly_fields = ["normalized"]
    extra = 0


class OrganizationAliasInline(PersonAliasInline):
    model = models.OrganizationAlias


class LatestRolesFormSet(LabelledInlineFormSet):
    """The person's ROLES_SHOWN latest roles (by date, then newest row)."""

    def get_queryset(self):
        if not hasattr(self, "_latest"):
            rows = super().get_queryset().order_by(F("date").desc(nulls_last=True), "-id")
            self._latest = rows[:ROLES_SHOWN]
        return self._latest


class RoleInline(admin.TabularInline):
    model = models.Role
    fk_name = "person"
    formset = LatestRolesFormSet
    fields = ["role", "organization", "country", "article", "date", "date_precision"]
    readonly_fields = fields
    extra = 0
    max_num = 0  # a checkbox deletes a wrong one here; everything else is done on the role's page
    verbose_name_plural = "latest roles"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization", "country", "article")

    def has_add_permission(self, request, obj=None):
        return False  # roles are added in the role list (the "all roles" link above)

    @admin.display(description="title")
    def role(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("admin:archive_role_change", args=[obj.pk]), obj.title)


class ParticipantInline(LabelledInline, admin.TabularInline):
    model = models.MeetingParticipant
    fields = ["name", "person", "organization", "country"]
    autocomplete_fields = ["person", "organization", "country"]
    extra = 0


class SourceInline(admin.TabularInline):
    """The articles a meeting was read from, with the quoted sentence; a wrong source can be deleted."""

    model = models.Evidence
    fk_name = "meeting"
    verbose_name = "source"
    verbose_name_plural = "article sources"
    fields = ["article_link", "quote", "confidence"]
    readonly_fields = fields
    extra = 0
    max_num = 0  # sources come from articles; a curator removes a wrong one, never types one in

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article").defer("article__body")

    @admin.display(description="article")
    def article_link(self, obj):
        if obj.pk is None:
            return ""
        return format_html('<a href="{}">{}</a>', record_url(obj.article), obj.article)

    @admin.display(description="quoted sentence")
    def quote(self, obj):
        return quoted_sentence(obj) if obj.pk else ""


class AgreementSourceInline(SourceInline):
    fk_name = "agreement"


class ConflictInline(admin.TabularInline):
    model = models.FieldConflict
    fk_name = "meeting"
    fields = ["field", "kept_value", "other_value", "article", "resolved"]
    readonly_fields = ["field", "kept_value", "other_value", "article"]
    extra = 0
    max_num = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article").defer("article__body")


class AgreementConflictInline(ConflictInline):
    fk_name = "agreement"


class PartyInline(LabelledInline, admin.TabularInline):
    model = models.AgreementParty
    fields = ["name", "role", "country", "organization", "person", "date", "date_precision"]
    autocomplete_fields = ["country", "organization", "person"]
    extra = 0


class StatusChangeInline(LabelledInline, admin.TabularInline):
    model = models.AgreementStatusChange
    verbose_name_plural = "status history"
    fields = ["status", "date", "date_precision", "date_text", "article"]
    autocomplete_fields = ["article"]
    extra = 0


@admin.register(models.Person)
class PersonAdmin(ConvertibleAdmin, ReviewableAdmin):
    main_fields = ["name", "title", "country"]
    list_display = ["name", "title", "country", "review_state", "confidence_shown", "updated_at"]
    list_select_related = ["country"]
    list_filter = [CountryFilter, *ReviewableAdmin.list_filter]
    search_fields = ["name", "aliases__name"]
    autocomplete_fields = ["country"]
    inlines = [PersonAliasInline, RoleInline]
    readonly_fields = [*ReviewableAdmin.readonly_fields, "all_roles"]

    def get_fieldsets(self, request, obj=None):
        sets = super().get_fieldsets(request, obj)
        if obj is not None:
            sets[0] = (None, {"fields": [*self.main_fields, "all_roles"]})
        return sets

    @admin.display(description="all roles")
    def all_roles(self, obj):
        count = obj.roles.count()
        url = f"{reverse('admin:archive_role_changelist')}?person__id__exact={obj.pk}"
        shown = f"the latest {ROLES_SHOWN} are below" if count > ROLES_SHOWN else "all are below"
        return format_html('{} ({}) · <a href="{}">edit or add them in the role list</a>', count, shown, url)


@admin.register(models.Organization)
class OrganizationAdmin(ConvertibleAdmin, ReviewableAdmin):
    main_fields = ["name", "acronym", "org_type", "country"]
    list_display = ["name", "acronym", "org_type", "country", "review_state", "confidence_shown", "updated_at"]
    list_select_related = ["country"]
    list_filter = [CountryFilter, "org_type", *ReviewableAdmin.list_filter]
    search_fields = ["name", "=acronym", "aliases__name"]
    autocomplete_fields = ["country"]
    inlines = [OrganizationAliasInline]


class ParticipantCountryFilter(CountryFilter):
    path = "participants__country"


class PartyCountryFilter(CountryFilter):
    path = "parties__country"


@admin.register(models.Meeting)
class MeetingAdmin(ReviewableAdmin):
    main_fields = ["date", "date_precision", "date_text", "location", "topic"]
    list_display = ["__str__", "date", "location", "topic", "review_state", "confidence_shown"]
    # A date filter without queries: date_hierarchy would scan the filtered list twice more.
    list_filter = [ParticipantCountryFilter, ("date", admin.DateFieldListFilter), *ReviewableAdmin.list_filter]
    search_fields = ["topic", "location", "participants__name"]
    inlines = [ParticipantInline, SourceInline, ConflictInline]

    def get_queryset(self, request):
        # __str__ names the first participants: one query for the whole page.
        return super().get_queryset(request).prefetch_related(
            Prefetch("participants", queryset=models.MeetingParticipant.objects.only("id", "meeting_id", "name")))


@admin.register(models.Agreement)
class AgreementAdmin(ReviewableAdmin):
    main_fields = ["title", "kind", "status", "date", "date_precision", "date_text", "value_usd", "amount",
                   "currency", "count", "sectors"]
    list_display = ["title", "kind", "status", "date", "value_usd", "review_state", "confidence_shown"]
    list_filter = [PartyCountryFilter, "kind", "status", ("date", admin.DateFieldListFilter),
                   *ReviewableAdmin.list_filter]
    search_fields = ["title", "parties__name"]
    autocomplete_fields = ["sectors"]
    inlines = [PartyInline, StatusChangeInline, AgreementSourceInline, AgreementConflictInline]
