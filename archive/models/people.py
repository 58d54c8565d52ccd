"""People and organizations, with the names the texts use for them and people's roles over time."""

from django.db import models

from .base import Reviewable, TimeStamped, fuzzy_date_fields
from .deletion import SET_NULL_OR_DELETE_DUPLICATE
from .keys import flat, key_of, optional_link


class Person(Reviewable):
    name = models.CharField(max_length=200, db_index=True, help_text="Canonical (fullest) name.")
    country = models.ForeignKey(
        "Country", null=True, blank=True, related_name="people",
        # Countries are reference data; deleting one that people act for is a mistake.
        on_delete=models.PROTECT, help_text="The country this person acts for.",
    )
    title = models.CharField(max_length=300, blank=True, help_text="Most recent title, e.g. Foreign Minister.")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        # The review queue: unreviewed first, least confident first.
        indexes = [models.Index(fields=["review_status", "confidence", "id"], name="person_review_queue")]

    def __str__(self):
        return self.name


class PersonAliasManager(models.Manager):
    def get_by_natural_key(self, person_uid, normalized):
        return self.get(person__uid=flat(person_uid), normalized=normalized)


class PersonAlias(models.Model):
    """Another form of a person's name seen in text: a spelling, `Mr Seitkali`, a bare surname.

    Natural key: (person uid, normalized form), unique by `person_alias_unique`.
    """

    person = models.ForeignKey(Person, related_name="aliases", on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
    normalized = models.CharField(
        max_length=200, db_index=True, help_text="Case-, accent- and hyphen-folded form used for matching.",
    )
    surname_key = models.CharField(max_length=100, db_index=True, help_text="Transliteration skeleton of the surname, to find candidates (names.surname_key).")

    objects = PersonAliasManager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "person aliases"
        constraints = [
            models.UniqueConstraint(fields=["person", "normalized"], name="person_alias_unique"),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (key_of(self.person), self.normalized)

    natural_key.dependencies = ["archive.person"]


class OrganizationType(models.TextChoices):
    GOVERNMENT = "government", "government"
    AGENCY = "agency", "agency"
    COMPANY = "company", "company"
    THINK_TANK = "think_tank", "think tank"
    INTERNATIONAL = "international", "international"
    ASSOCIATION = "association", "association"
    MEDIA = "media", "media"
    OTHER = "other", "other"


class Organization(Reviewable):
    name = models.CharField(max_length=300, db_index=True)
    acronym = models.CharField(max_length=30, blank=True, db_index=True)
    org_type = models.CharField(
        "type", max_length=15, choices=OrganizationType.choices, default=OrganizationType.OTHER, db_index=True,
    )
    country = models.ForeignKey(
        "Country", null=True, blank=True, related_name="organizations", on_delete=models.PROTECT,
    )

    class Meta:
        ordering = ["name"]
        # The review queue: unreviewed first, least confident first.
        indexes = [models.Index(fields=["review_status", "confidence", "id"], name="organization_review_queue")]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class OrganizationAliasManager(models.Manager):
    def get_by_natural_key(self, organization_uid, normalized):
        return self.get(organization__uid=flat(organization_uid), normalized=normalized)


class OrganizationAlias(models.Model):
    """Another form of an organization's name. Natural key: (organization uid, normalized form)."""

    organization = models.ForeignKey(Organization, related_name="aliases", on_delete=models.CASCADE)
    name = models.CharField(max_length=300)
    normalized = models.CharField(max_length=300, db_index=True)

    objects = OrganizationAliasManager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "organization aliases"
        constraints = [
            models.UniqueConstraint(fields=["organization", "normalized"], name="organization_alias_unique"),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (key_of(self.organization), self.normalized)

    natural_key.dependencies = ["archive.organization"]


class RoleManager(models.Manager):
    def get_by_natural_key(self, person_uid, title, article_hash):
        return self.get(person__uid=flat(person_uid), title=title,
                        **optional_link("article", "content_hash", article_hash))


class Role(TimeStamped):
    """A title a person held according to one article: titles change, so each is kept with its source.

    Natural key: (person uid, title, article content hash or None for a role a curator typed in).
    """

    person = models.ForeignKey(Person, related_name="roles", on_delete=models.CASCADE)
    title = models.CharField(max_length=300)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, related_name="roles", on_delete=models.SET_NULL,
    )
    country = models.ForeignKey("Country", null=True, blank=True, related_name="roles", on_delete=models.PROTECT)
    article = models.ForeignKey(
        "Article", null=True, blank=True, related_name="roles",
        # A role typed in by a curator has no article; one read from text keeps it, without the
        # article, unless the person already holds that title without one.
        on_delete=SET_NULL_OR_DELETE_DUPLICATE,
    )
    date, date_precision, date_text = fuzzy_date_fields("When the article says the title was held")

    objects = RoleManager()

    class Meta:
        ordering = ["person", "-date"]
        constraints = [
            models.UniqueConstraint(fields=["person", "title", "article"], name="role_unique_per_article"),
            # NULLs are distinct in a unique index (SQLite and PostgreSQL alike): without this, two
            # article-less roles with one title would share a natural key.
            models.UniqueConstraint(
                fields=["person", "title"], condition=models.Q(article__isnull=True),
                name="role_unique_without_article",
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.title}"

    def natural_key(self):
        return (key_of(self.person), self.title, key_of(self.article))

    natural_key.dependencies = ["archive.person", "archive.article"]
