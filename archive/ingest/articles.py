"""One article and everything read from it, written together."""

from __future__ import annotations

from operator import attrgetter

from django.db.models import Q

from archive.extraction.records import ExtractedArticle
from archive.models import Article, Evidence, ReviewStatus

from .events import write_agreements, write_meetings
from .fields import fit_rows
from .people import write_organizations, write_people
from .candidates import NamePools
from .previous import EVIDENCE_TARGETS, PreviousRecords, supported_records
from .report import IngestReport
from .rows import ArticleRows, BatchRows

ARTICLE_FIELDS = ("title", "outlet", "published", "dateline", "byline", "source_name", "body")


def save_article(extracted: ExtractedArticle, *, source_path: str, report: IngestReport,
                 pools: NamePools | None = None, batch: BatchRows | None = None) -> Article:
    """Insert, update or leave alone one article; call inside a transaction that holds its locks
    (`files.write_articles`). `pools`: the names of the batch it belongs to, read for all of its
    articles (by default, for this article alone); `batch`: the rows its batch writes at its end
    (by default, written at this article's end).

    The same text (content hash) anywhere in the archive is a no-op. A story
    whose text changed (same file, same position) is updated in place: its old
    evidence goes, the new is written to the records the old text had written
    (see `previous`), and records left with no evidence that no person has
    touched are removed.
    """
    content_hash = extracted.content_hash
    own_batch = batch is None
    batch = batch or BatchRows([extracted], [source_path])
    found = {a.content_hash == content_hash: a for a in batch.same_articles(content_hash, source_path, extracted.position)}
    if True in found:
        report.count("articles unchanged")
        return found[True]
    article = found.get(False)
    updating = article is not None
    previous = PreviousRecords()
    if updating:  # what it reads of its old records, and the orphan check, see the batch's rows so far
        batch.flush()
        batch.forget_reads([extracted])
        previous = forget_extraction(article, batch.previous_targets(article))
        report.count("articles updated")
    else:
        article = Article(source_path=source_path, position=extracted.position)
        report.count("articles new")
    for field in ARTICLE_FIELDS:
        setattr(article, field, getattr(extracted, field) or ("" if field != "published" else None))
    article.content_hash = content_hash
    batch.saved_article(fit_rows([article]).pop(), new=not updating)
    previous.expect(extracted)
    pools = pools or NamePools.load([extracted])
    write_records(extracted, article, report, previous, pools, batch)
    if updating:
        evidence = list(batch.evidence)  # the flush before leaves only this article's
        batch.flush()
        batch.forget_reads(batch.following(extracted))
        pools.forget(remove_orphans(previous, supported_by(evidence)))
    if own_batch:
        batch.flush()
    return article


def write_records(extracted: ExtractedArticle, article: Article, report: IngestReport,
                  previous: PreviousRecords, pools: NamePools, batch: BatchRows) -> None:
    batch.pools = pools
    rows = ArticleRows(article, batch)
    orgs = write_organizations(extracted, article, report, rows, pools.organizations)
    people = write_people(extracted, article, orgs, report, rows, pools.people, previous.people)
    write_meetings(extracted, article, people, orgs, report, previous, rows)
    write_agreements(extracted, article, orgs, report, previous, rows)
    rows.flush()


def forget_extraction(article: Article, targets=None) -> PreviousRecords:
    """Drop what the extractor read from an article's old text; returns the events it had written.

    Its records stay until orphaned. The roles of a person a curator verified or
    edited stay too: a corrected title must survive the file's next version.
    """
    previous = PreviousRecords.of(article, targets)
    Evidence.objects.filter(article=article).only("pk").delete()  # its rows are not needed, only their ids
    curated = Q(person__is_curated=True) | ~Q(person__review_status=ReviewStatus.UNREVIEWED)
    article.roles.exclude(curated).delete()
    return previous


def supported_by(evidence: list) -> dict:
    """{model: ids} of the records that written `evidence` supports."""
    return supported_records(map(attrgetter(*EVIDENCE_TARGETS), evidence))


def remove_orphans(previous: PreviousRecords, supported: dict) -> dict:
    """Delete the machine-made records the article's old text supported that no evidence supports
    any more. Only those are looked at (not whole tables), less those the new text's evidence
    (`supported`, written) supports, which are no orphans; a person's records always stay.
    Returns {model: ids deleted}."""
    untouched = Q(review_status=ReviewStatus.UNREVIEWED, is_curated=False, evidence__isnull=True,
                  merged_records__isnull=True)
    deleted = {}
    for model, ids in previous.supported.items():
        ids = ids - supported.get(model, set())
        if ids and (orphans := set(model.objects.filter(untouched, pk__in=ids).values_list("pk", flat=True))):
            model.objects.filter(pk__in=orphans).delete()
            deleted[model] = orphans
    return deleted
