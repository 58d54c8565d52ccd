"""Load every ISO 3166 country from pycountry, so people, parties and meetings can link to them."""

from django.db import migrations


def country_rows():
    """Codes with the names news uses ("Iran", "Russia"), as the extractor's lexicon writes them."""
    import pycountry

    from archive.extraction.lexicon import country_of
    from archive.models.geo import UNIONS

    for country in pycountry.countries:
        name = country_of(country.name) or getattr(country, "common_name", None) or country.name
        yield country.alpha_2, name, getattr(country, "official_name", "") or country.name
    yield from UNIONS


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
