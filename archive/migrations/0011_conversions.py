"""Conversions ("this is a place / an organization / a person") with undo; "a place" as a reject reason.

Curators and viewers may view the conversions (made from a record's page, as merges are) and the review
decisions (the audit list; 0007 added the table without granting it).
"""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def grant_view(apps, schema_editor):
    archive = apps.get_app_config("archive")
    archive.models_module = True  # create_permissions skips app configs without a models module
    create_permissions(archive, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(content_type__app_label="archive", codename__in=["view_conversionrecord", "view_reviewdecision"])
    for group in apps.get_model("auth", "Group").objects.filter(name__in=["Curator", "Viewer"]):
        group.permissions.add(*view)


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0010_confidence_features'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='reviewdecision',
            name='reason',
            field=models.CharField(blank=True, choices=[('not_person', 'not a person'), ('not_organization', 'not an organization'), ('wrong_country', 'wrong country'), ('not_meeting', 'not a meeting'), ('duplicate', 'duplicate'), ('other', 'other'), ('place', 'a place')], help_text='Why a record was rejected, from the short list.', max_length=20),
        ),
        migrations.CreateModel(
            name='ConversionRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('record_id', models.BigIntegerField(help_text='The converted record.')),
                ('record_label', models.CharField(help_text='The converted record as it read then.', max_length=500)),
                ('into', models.CharField(choices=[('organization', 'an organization'), ('person', 'a person'), ('place', 'a place')], max_length=12)),
                ('target_id', models.BigIntegerField(blank=True, help_text='The record of the right kind.', null=True)),
                ('target_label', models.CharField(blank=True, max_length=500)),
                ('changes', models.JSONField(default=dict, help_text='Everything the conversion changed, for undo.')),
                ('converted_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                ('undone_at', models.DateTimeField(blank=True, help_text='Set when the conversion was undone.', null=True)),
                ('content_type', models.ForeignKey(help_text="The converted record's type.", on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype')),
                ('converted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('target_type', models.ForeignKey(blank=True, help_text="The new record's type (none for a place).", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype')),
                ('undone_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-converted_at', '-id'],
                'indexes': [models.Index(fields=['content_type', 'record_id'], name='conversion_record')],
            },
        ),
        migrations.RunPython(grant_view, migrations.RunPython.noop),
    ]
