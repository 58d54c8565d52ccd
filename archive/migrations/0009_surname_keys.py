"""Every person alias's surname key recomputed by the one alias-key rule (`curation.aliases.alias_keys`).

Aliases stored before the key became a transliteration skeleton held the folded last
word, so ingest looked names up by both; with every key recomputed it looks up by one.
"""

from django.db import migrations, models

BATCH = 2000


def recompute_surname_keys(apps, schema_editor):
    from archive.curation.aliases import alias_keys
    from archive.models import PersonAlias as CurrentPersonAlias

    PersonAlias = apps.get_model("archive", "PersonAlias")
    stale = []
    for alias in PersonAlias.objects.only("id", "name", "surname_key").order_by("id").iterator(chunk_size=BATCH):
        key = alias_keys(alias.name, CurrentPersonAlias)["surname_key"]
        if key != alias.surname_key:
            alias.surname_key = key
            stale.append(alias)
        if len(stale) >= BATCH:
            PersonAlias.objects.bulk_update(stale, ["surname_key"])
            stale = []
    PersonAlias.objects.bulk_update(stale, ["surname_key"])


class Migration(migrations.Migration):
    dependencies = [("archive", "0008_european_union")]
    operations = [
        migrations.AlterField(
            model_name="personalias", name="surname_key",
            field=models.CharField(
                db_index=True, max_length=100,
                help_text="Transliteration skeleton of the surname, to find candidates (names.surname_key)."),
        ),
        migrations.RunPython(recompute_surname_keys, migrations.RunPython.noop, elidable=True),
    ]
