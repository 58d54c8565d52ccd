"""Admin registration of every model. The curator workflow builds on these classes."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


@admin.register(models.Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code", "official_name"]


@admin.register(models.Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published", "source_name"]
    list_filter = ["outlet"]
    search_fields = ["title", "source_name"]
    date_hierarchy = "published"
    readonly_fields = ["content_hash", "source_name", "source_path", "position", "created_at", "updated_at"]


class ReviewableAdmin(SimpleHistoryAdmin):
    list_filter = ["review_status", "is_curated"]
    readonly_fields = ["uid", "extracted", "confidence", "reviewed_by", "reviewed_at", "merged_into"]


@admin.register(models.Person)
class PersonAdmin(ReviewableAdmin):
    list_display = ["name", "title", "country", "review_status"]
    list_select_related = ["country"]
    search_fields = ["name", "aliases__name"]
    autocomplete_fields = ["country"]


@admin.register(models.Organization)
class OrganizationAdmin(ReviewableAdmin):
    list_display = ["name", "acronym", "org_type", "country", "review_status"]
    list_select_related = ["country"]
    search_fields = ["name", "acronym", "aliases__name"]
    autocomplete_fields = ["country"]


@admin.register(models.Meeting)
class MeetingAdmin(ReviewableAdmin):
    list_display = ["__str__", "date", "location", "review_status"]
    search_fields = ["topic", "location", "participants__name"]


@admin.register(models.Agreement)
class AgreementAdmin(ReviewableAdmin):
    list_display = ["title", "kind", "status", "date", "review_status"]
    search_fields = ["title"]


for model in (
    models.PersonAlias, models.OrganizationAlias, models.Role, models.MeetingParticipant,
    models.AgreementParty, models.AgreementStatusChange, models.Sector, models.Evidence, models.FieldConflict,
):
    admin.site.register(model)
