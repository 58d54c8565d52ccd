from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "archive"
    verbose_name = "Archive"

    def ready(self):
        from simple_history.signals import pre_create_historical_record

        from archive.curation.history import snapshot_new_version

        pre_create_historical_record.connect(snapshot_new_version, dispatch_uid="archive_link_snapshot")
