"""Load every ISO 3166 country from pycountry, so people, parties and meetings can link to them."""

from django.db import migrations


def country_rows():
    import pycountry

    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        yield country.alpha_2, name, getattr(country, "official_name", "") or ""


def load_countries(apps, schema_editor):
    Country = apps.get_model("archive", "Country")
    existing = set(Country.objects.values_list("code", flat=True))
    Country.objects.bulk_create(
        Country(code=code, name=name, official_name=official)
        for code, name, official in country_rows()
        if code not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial")]
    operations = [migrations.RunPython(load_countries, migrations.RunPython.noop)]
