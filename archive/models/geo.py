"""Countries as first-class rows, so "every meeting with Kazakhstan" is one indexed join."""

from django.db import models

# Beyond ISO 3166-1's countries: the European Union acts as a state in diplomacy and trade (its
# officials speak for it, it is a party to agreements); EU is its exceptionally reserved code.
UNIONS = [("EU", "European Union", "European Union")]


class CountryManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Country(models.Model):
    """An ISO 3166 country (or a union in `UNIONS`). Rows come from pycountry in a data migration."""

    code = models.CharField(max_length=2, unique=True, help_text="ISO 3166-1 alpha-2 code.")
    name = models.CharField(max_length=100, unique=True, help_text="Common short name, e.g. Iran.")
    official_name = models.CharField(max_length=200, blank=True)

    objects = CountryManager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)
