"""The rows around records (aliases, roles, participants, parties, evidence...), each with bounded lists.

A row added, changed or deleted on its own page changes the record it belongs to, as
the record's inlines do: that record is marked edited, so ingest leaves it alone.
"""

from django.contrib import admin

from archive import models
from archive.curation.history import links_refresh_latest, record_links_edited

from .base import BoundedAdminMixin
from .highlight import quoted_sentence
from .records import AliasAdminForm


@admin.register(models.Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code", "official_name"]


@admin.register(models.Sector)
class SectorAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class RowAdmin(BoundedAdminMixin, admin.ModelAdmin):
    owner_fields: tuple[str, ...] = ()  # the foreign keys naming the record(s) this row belongs to

    def owners(self, row) -> list:
        return [getattr(row, name) for name in self.owner_fields if getattr(row, f"{name}_id") is not None]

    def mark_owners_edited(self, request, records, action: str) -> None:
        reason = f"{action} {self.opts.verbose_name}"
        for record in {(type(r), r.pk): r for r in records}.values():
            record_links_edited(record=record, user=request.user, reason=reason)

    def owners_before(self, rows) -> list:
        """The records the rows belong to, their latest version brought up to date before the rows change."""
        owners = [owner for row in rows for owner in self.owners(row)]
        for owner in owners:
            links_refresh_latest(owner)
        return owners

    def save_model(self, request, obj, form, change):
        before = self.owners_before([type(obj).objects.get(pk=obj.pk)]) if change else []  # a row may move
        super().save_model(request, obj, form, change)
        if not change or form.has_changed():
            self.mark_owners_edited(request, [*before, *self.owners(obj)], "changed" if change else "added")

    def delete_model(self, request, obj):
        owners = self.owners_before([obj])
        super().delete_model(request, obj)
        self.mark_owners_edited(request, owners, "deleted")

    def delete_queryset(self, request, queryset):
        owners = self.owners_before(queryset)
        super().delete_queryset(request, queryset)
        self.mark_owners_edited(request, owners, "deleted")


@admin.register(models.PersonAlias)
class PersonAliasAdmin(RowAdmin):
    form = AliasAdminForm
    owner_fields = ("person",)
    list_display = ["name", "person"]
    list_select_related = ["person"]
    search_fields = ["name"]
    raw_id_fields = ["person"]
    readonly_fields = ["normalized", "surname_key"]


@admin.register(models.OrganizationAlias)
class OrganizationAliasAdmin(RowAdmin):
    form = AliasAdminForm
    owner_fields = ("organization",)
    list_display = ["name", "organization"]
    list_select_related = ["organization"]
    search_fields = ["name"]
    raw_id_fields = ["organization"]
    readonly_fields = ["normalized"]


@admin.register(models.Role)
class RoleAdmin(RowAdmin):
    owner_fields = ("person",)
    list_display = ["person", "title", "organization", "country", "date"]
    list_select_related = ["person", "organization", "country"]
    search_fields = ["title"]
    raw_id_fields = ["person", "organization", "article"]


@admin.register(models.MeetingParticipant)
class MeetingParticipantAdmin(RowAdmin):
    owner_fields = ("meeting",)
    list_display = ["name", "meeting_id", "person", "organization", "country"]
    list_select_related = ["person", "organization", "country"]
    search_fields = ["name"]
    raw_id_fields = ["meeting", "person", "organization"]


@admin.register(models.AgreementParty)
class AgreementPartyAdmin(RowAdmin):
    owner_fields = ("agreement",)
    list_display = ["name", "role", "agreement", "country", "organization"]
    list_select_related = ["agreement", "country", "organization"]
    search_fields = ["name"]
    raw_id_fields = ["agreement", "organization", "person"]


@admin.register(models.AgreementStatusChange)
class AgreementStatusChangeAdmin(RowAdmin):
    owner_fields = ("agreement",)
    list_display = ["agreement", "status", "date", "article"]
    list_select_related = ["agreement", "article"]
    raw_id_fields = ["agreement", "article", "evidence"]


@admin.register(models.Evidence)
class EvidenceAdmin(RowAdmin):
    owner_fields = ("person", "organization", "meeting", "agreement")
    list_display = ["quote", "article", "confidence"]
    list_select_related = ["article"]
    raw_id_fields = ["article", "person", "organization", "meeting", "agreement"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__body")

    @admin.display(description="quoted sentence")
    def quote(self, obj):
        return quoted_sentence(obj)


@admin.register(models.FieldConflict)
class FieldConflictAdmin(RowAdmin):
    owner_fields = ("meeting", "agreement")
    list_display = ["field", "kept_value", "other_value", "meeting_id", "agreement_id", "resolved"]
    list_filter = ["resolved", "field"]
    raw_id_fields = ["meeting", "agreement", "article", "evidence"]
