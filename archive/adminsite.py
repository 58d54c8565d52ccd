"""The archive's admin site: the stock admin plus the review queue and the merge page.

`ArchiveAdminConfig.default_site` makes it `admin.site`, so every registration
lands here. Every view goes through `admin_view`: nothing is reachable without
logging in as staff.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import path, reverse


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

    def get_urls(self):
        from archive.admin import review_queue, views

        return [
            path("review/", self.admin_view(review_queue.review_queue_view), name="review_queue"),
            path("review/undo/", self.admin_view(review_queue.review_undo_view), name="review_undo"),
            path("merge/<str:model_name>/", self.admin_view(views.merge_view), name="archive_merge"),
            *super().get_urls(),
        ]

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        for app in apps:
            if app["app_label"] == "archive" and any(m["perms"].get("view") for m in app["models"]):
                app["models"].insert(0, {
                    "name": "Review queue", "object_name": "ReviewQueue", "perms": {"view": True},
                    "admin_url": reverse("admin:review_queue", current_app=self.name), "add_url": None,
                    "view_only": True, "model": None,
                })
        return apps


class ArchiveAdminConfig(AdminConfig):
    default_site = "archive.adminsite.ArchiveAdminSite"
