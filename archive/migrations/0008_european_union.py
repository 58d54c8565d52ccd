"""The European Union beside the countries, for archives migrated before 0002 listed it."""

import importlib

from django.db import migrations

load_countries = importlib.import_module("archive.migrations.0002_countries").load_countries


class Migration(migrations.Migration):
    dependencies = [("archive", "0007_review_decisions_and_link_history")]
    operations = [migrations.RunPython(load_countries, migrations.RunPython.noop)]
