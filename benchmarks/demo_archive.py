"""What the page benchmarks share: the archive they measure (made by `archive.demo`) and the timing.

`prepare(n)` leaves exactly n demo articles in the database Django is set up on:
it reuses what is there, adds the missing ones (demo runs add to each other, so
100,000 then 300,000 then 1,000,000 costs one million in all), or starts again
with `refill`. A database holding articles the demo did not write is refused.
`time_page` fetches a page through the test client, once to warm up and then
`runs` times, and gives the median of the whole request, of its SQL, and its
query count.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass


def prepare(n_articles: int, refill: bool = False, seed: int = 7) -> None:
    from django.core.management import call_command
    from django.db import connection

    from archive import models
    from archive.demo import generate_demo
    from archive.demo.generate import DEMO_PREFIX

    call_command("migrate", "--noinput", verbosity=0)
    total = models.Article.objects.count()
    ours = models.Article.objects.filter(source_path__startswith=DEMO_PREFIX).count()
    # The benchmarks' own former generator wrote under bench/ (browse_pages) and corpus/ (admin_pages).
    former = models.Article.objects.filter(source_path__regex=r"^(bench|corpus)/").count()
    if total != ours + former:
        sys.exit(f"Refusing: the database holds {total - ours - former} articles the demo generator did not write.")
    if refill or ours > n_articles or former:
        clear()
        ours = 0
    if ours == n_articles:
        print(f"Reusing {ours:,} demo articles (--refill to generate them again).", flush=True)
        return
    print(f"Generating {n_articles - ours:,} demo articles beside {ours:,}...", flush=True)

    def progress(done, total, seconds):
        print(f"  {done:,}/{total:,} articles, {seconds:.0f} s", flush=True)

    report = generate_demo(articles=n_articles - ours, seed=seed, progress=progress)
    print("\n".join(f"  {line}" for line in report.lines()), flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # as autovacuum would have by then: visibility map and statistics


def clear() -> None:
    """Delete every record the generator writes (and their history), table by table without cascades."""
    from django.db import transaction

    from archive import models as m

    with transaction.atomic():
        for model in (m.Evidence, m.Role, m.AgreementStatusChange, m.AgreementParty, m.MeetingParticipant,
                      m.FieldConflict, m.Agreement.sectors.through, m.ReviewDecision, m.DuplicateDecision,
                      m.MergeRecord, m.Agreement, m.Meeting, m.PersonAlias, m.OrganizationAlias):
            model.objects.all()._raw_delete(model.objects.db)
        for model in (m.Person, m.Organization):  # tombstones point at the records they were merged into
            model.objects.filter(merged_into__isnull=False)._raw_delete(model.objects.db)
            model.objects.all()._raw_delete(model.objects.db)
        m.Article.objects.all()._raw_delete(m.Article.objects.db)
        for model in (m.Person, m.Organization, m.Meeting, m.Agreement):
            model.history.model.objects.all()._raw_delete(model.objects.db)


@dataclass
class Keys:
    """Records of the generated archive that pages are measured on: the busiest, and ones in the middle."""

    person: int  # the busiest in a sample: the most meetings
    middle_person: int
    organization: int
    meeting: int
    agreement: int
    article: int
    surname: str
    outlet: str
    articles: int


def keys() -> Keys:
    from django.db.models import Count

    from archive import models as m

    def middle(queryset):
        count = queryset.count()
        return queryset.order_by("pk").values_list("pk", flat=True)[count // 2]

    # The busiest person of a sample: the most participations among a thousand people in the middle.
    middle_person = middle(m.Person.objects.live())
    sample = m.Person.objects.live().filter(pk__gte=middle_person).order_by("pk").values("pk")[:1000]
    busiest = (m.MeetingParticipant.objects.filter(person__in=sample).values("person_id").order_by()
               .annotate(n=Count("id")).order_by("-n").first()["person_id"])
    name = m.Person.objects.get(pk=busiest).name
    outlet = m.Article.objects.exclude(outlet="").order_by("pk").values_list("outlet", flat=True).first()
    return Keys(person=busiest, middle_person=middle_person, organization=middle(m.Organization.objects.live()), meeting=middle(m.Meeting.objects.live()),
                agreement=middle(m.Agreement.objects.live()), article=middle(m.Article.objects.all()),
                surname=name.split()[-1], outlet=outlet, articles=m.Article.objects.count())


@dataclass
class Timing:
    median_ms: float
    sql_ms: float
    queries: int
    size: int


def time_page(client, url: str, runs: int) -> Timing:
    """Median of `runs` warm requests; a page that does not answer 200 stops the benchmark."""
    from django.db import connection

    def fetch():
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200, (url, response.status_code)
        return body

    fetch()  # warm caches and the connection
    timings, sql_timings, queries, size = [], [], 0, 0
    for _ in range(runs):
        spent = []

        def timed(execute, sql, params, many, context):
            begin = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                spent.append(time.perf_counter() - begin)

        start = time.perf_counter()
        with connection.execute_wrapper(timed):
            size = len(fetch())
        timings.append((time.perf_counter() - start) * 1000)
        sql_timings.append(sum(spent) * 1000)
        queries = len(spent)
    return Timing(statistics.median(timings), statistics.median(sql_timings), queries, size)


def explained_ms(client, url: str) -> float:
    """The database's own time for one request of `url`: the sum of EXPLAIN ANALYZE's execution times
    of its SELECTs, re-run after the request. Unlike the SQL time above it leaves out the round trips
    and this process's waits for a core, so it moves less with the machine's load."""
    import json

    from django.db import connection

    statements = []

    def record(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("SELECT", "WITH")) and not many:
            statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    total = 0.0
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            total += plan[0]["Execution Time"]
    return total
