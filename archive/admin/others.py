"""The rows around records (aliases, roles, participants, parties, evidence...), each with bounded lists."""

from django.contrib import admin

from archive import models

from .base import BoundedAdminMixin
from .highlight import quoted_sentence


@admin.register(models.Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code", "official_name"]


@admin.register(models.Sector)
class SectorAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class RowAdmin(BoundedAdminMixin, admin.ModelAdmin):
    pass


@admin.register(models.PersonAlias)
class PersonAliasAdmin(RowAdmin):
    list_display = ["name", "person"]
    list_select_related = ["person"]
    search_fields = ["name"]
    raw_id_fields = ["person"]
    readonly_fields = ["normalized", "surname_key"]


@admin.register(models.OrganizationAlias)
class OrganizationAliasAdmin(RowAdmin):
    list_display = ["name", "organization"]
    list_select_related = ["organization"]
    search_fields = ["name"]
    raw_id_fields = ["organization"]
    readonly_fields = ["normalized"]


@admin.register(models.Role)
class RoleAdmin(RowAdmin):
    list_display = ["person", "title", "organization", "country", "date"]
    list_select_related = ["person", "organization", "country"]
    search_fields = ["title"]
    raw_id_fields = ["person", "organization", "article"]


@admin.register(models.MeetingParticipant)
class MeetingParticipantAdmin(RowAdmin):
    list_display = ["name", "meeting_id", "person", "organization", "country"]
    list_select_related = ["person", "organization", "country"]
    search_fields = ["name"]
    raw_id_fields = ["meeting", "person", "organization"]


@admin.register(models.AgreementParty)
class AgreementPartyAdmin(RowAdmin):
    list_display = ["name", "role", "agreement", "country", "organization"]
    list_select_related = ["agreement", "country", "organization"]
    search_fields = ["name"]
    raw_id_fields = ["agreement", "organization", "person"]


@admin.register(models.AgreementStatusChange)
class AgreementStatusChangeAdmin(RowAdmin):
    list_display = ["agreement", "status", "date", "article"]
    list_select_related = ["agreement", "article"]
    raw_id_fields = ["agreement", "article", "evidence"]


@admin.register(models.Evidence)
class EvidenceAdmin(RowAdmin):
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
    list_display = ["field", "kept_value", "other_value", "meeting_id", "agreement_id", "resolved"]
    list_filter = ["resolved", "field"]
    raw_id_fields = ["meeting", "agreement", "article", "evidence"]
