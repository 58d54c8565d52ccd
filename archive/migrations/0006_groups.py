"""The groups the archive needs: Curator (review, correct, merge) and Viewer (read only).

Curator: view, add and change every archive model; verify, reject and merge
(`review_records`, `merge_records`); delete only the rows around a record
(aliases, roles, participants, parties, status steps, sources), never an
article or a record (they are rejected or merged instead); nothing of users or
groups, nor countries (reference data). Viewer: view every archive model and nothing else.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROW_MODELS = {"personalias", "organizationalias", "role", "meetingparticipant", "agreementparty",
              "agreementstatuschange", "evidence", "fieldconflict"}
CURATION_PERMISSIONS = {"review_records", "merge_records"}


def curator_codenames(models):
    for model in models:
        yield f"view_{model}"
        if model in ("mergerecord", "country"):
            continue  # merges are made by the merge page; countries are reference data
        yield f"add_{model}"
        yield f"change_{model}"
        if model in ROW_MODELS:
            yield f"delete_{model}"
    yield from CURATION_PERMISSIONS


def create_groups(apps, schema_editor):
    archive = apps.get_app_config("archive")
    archive.models_module = True  # create_permissions skips app configs without a models module
    create_permissions(archive, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    names = [m._meta.model_name for m in archive.get_models() if not m._meta.model_name.startswith("historical")]
    archive_permissions = Permission.objects.filter(content_type__app_label="archive")
    groups = {
        "Curator": archive_permissions.filter(codename__in=set(curator_codenames(names))),
        "Viewer": archive_permissions.filter(codename__in={f"view_{m}" for m in names}),
    }
    for name, permissions in groups.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Curator", "Viewer"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0005_curation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
