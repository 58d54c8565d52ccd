"""The archive's admin site: the stock admin plus the review queue and the merge page.

`ArchiveAdminConfig.default_site` makes it `admin.site`, so every registration
lands here. Every view goes through `admin_view`: nothing is reachable without
logging in as staff.
"""

from functools import wraps

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpResponseBadRequest
from django.urls import path, reverse


def refuse_unreadable_queries(view):
    """A 400 with one line for query values no database can compare, in every admin view.

    A NUL character cannot be sent to PostgreSQL, and a whole number beyond 64 bits
    cannot be bound on SQLite; the stock changelists pass filter values straight to
    the database (`?content_type=`, `?review_status__exact=`), so the check sits here,
    around every admin view, rather than in each filter.
    """

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if any("\x00" in value for values in request.GET.lists() for value in values[1]):
            return HttpResponseBadRequest("A query parameter holds a NUL character.")
        try:
            return view(request, *args, **kwargs)
        except OverflowError:
            return HttpResponseBadRequest("A number in the query is larger than any id.")

    return guarded


class ArchiveAdminSite(admin.AdminSite):
    site_header = "The archive: curation"
    site_title = "Archive curation"
    index_title = "Check, correct, merge and audit the records"
    index_template = "admin/archive/index.html"

    def index(self, request, extra_context=None):
        """The index says how much is reviewed, per type and per curator today, to anyone who may see the queue."""
        from archive.admin.review_queue import visible_types
        from archive.curation.queue import review_progress

        kinds = visible_types(request)
        extra = {"progress": review_progress(tuple(kinds))} if kinds else {}
        return super().index(request, {**extra, **(extra_context or {})})

    def admin_view(self, view, cacheable=False):
        return super().admin_view(refuse_unreadable_queries(view), cacheable)

    def get_urls(self):
        from archive.admin import review_queue, views

        return [
            path("review/", self.admin_view(review_queue.review_queue_view), name="review_queue"),
            path("review/undo/", self.admin_view(review_queue.review_undo_view), name="review_undo"),
            path("merge/<str:model_name>/", self.admin_view(views.merge_view), name="archive_merge"),
            *super().get_urls(),
        ]

    def get_app_list(self, request, app_label=None):
        """The index in the order of a curator's work; the rows edited on each record's page only for superusers."""
        apps = super().get_app_list(request, app_label)
        if app_label is not None:
            return apps
        archive = next((app for app in apps if app["app_label"] == "archive"), None)
        if archive is None:
            return apps
        models = {m["object_name"]: m for m in archive["models"]}
        if any(m["perms"].get("view") for m in archive["models"]):
            models["ReviewQueue"] = {
                "name": "Review queue", "object_name": "ReviewQueue", "perms": {"view": True},
                "admin_url": reverse("admin:review_queue", current_app=self.name), "add_url": None,
                "view_only": True, "model": None,
            }
        groups = []
        for name, members in INDEX_GROUPS:
            if members is ROWS and not request.user.is_superuser:
                continue
            listed = [models[m] for m in members if m in models]
            if listed:
                groups.append({**archive, "name": name, "models": listed})
        return [*groups, *(app for app in apps if app is not archive)]


ROWS = ("PersonAlias", "OrganizationAlias", "Role", "MeetingParticipant", "AgreementParty", "AgreementStatusChange",
        "Evidence", "FieldConflict")
INDEX_GROUPS = [
    ("Review and correct", ("ReviewQueue", "Person", "Organization", "Meeting", "Agreement", "Article")),
    ("Duplicates and merges", ("DuplicateDecision", "MergeRecord", "ConversionRecord")),
    ("Curators' decisions", ("ReviewDecision",)),
    ("Reference data", ("Country", "Sector")),
    ("Rows of records (each record's page edits them)", ROWS),
]


class ArchiveAdminConfig(AdminConfig):
    default_site = "archive.adminsite.ArchiveAdminSite"
