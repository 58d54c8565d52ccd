"""Articles: the stories read from news files, the source of every record."""

from django.db import models

from .base import TimeStamped


class ArticleManager(models.Manager):
    def get_by_natural_key(self, content_hash):
        return self.get(content_hash=content_hash)


class Article(TimeStamped):
    title = models.CharField(max_length=500)
    outlet = models.CharField(max_length=200, blank=True, db_index=True, help_text="Only when the text names it.")
    published = models.DateField(null=True, blank=True, db_index=True, help_text="Only from a stated full date.")
    dateline = models.CharField(max_length=100, blank=True, help_text="City of the dateline, e.g. ISLAMABAD.")
    byline = models.CharField(max_length=200, blank=True)
    source_name = models.CharField(max_length=255, db_index=True, help_text="Base name of the file read.")
    source_path = models.CharField(max_length=1000, help_text="Path of the file as ingested.")
    position = models.PositiveIntegerField(default=0, help_text="0 for the file's first story, 1 for the next...")
    body = models.TextField(help_text="Cleaned text; evidence offsets point into it.")
    content_hash = models.CharField(
        max_length=64, unique=True,
        help_text="SHA-256 of the cleaned story: re-ingesting the same text is a no-op.",
    )

    objects = ArticleManager()

    class Meta:
        ordering = ["-published", "title"]
        constraints = [
            # A file's n-th story is one article; a changed file updates it in place.
            models.UniqueConstraint(fields=["source_path", "position"], name="article_unique_source_position"),
        ]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.content_hash,)
