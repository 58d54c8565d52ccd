"""How fast curators' admin pages answer on a large archive.

    python benchmarks/admin_pages.py --database-url postgres://postgres@127.0.0.1:5544/archive_x
    python benchmarks/admin_pages.py --articles 20000            # temporary SQLite
    python benchmarks/admin_pages.py --database-url postgres://…/archive_big --in-place --articles 1000000

On PostgreSQL a separate database `<name>_admin_bench` is created on that server
(dropped at the end unless --keep), so the named database is never touched;
with --in-place the named database itself is measured (and filled up to
--articles demo articles if it has fewer, as benchmarks/browse_pages.py does).
It is filled by the demo generator (`archive.demo`: COPY on PostgreSQL). Every
changelist, filtered and searched, the review queue and the change page of each
kind of record are fetched through the test Client logged in as a superuser,
once to warm up and then --runs times; the median is printed with the time spent
in SQL and the page's query count (the rest is Python rendering the page, which
depends on the machine's load, not on the archive's size).
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    os.environ["DEBUG"] = "false"
    os.environ["SECURE_SSL_REDIRECT"] = "false"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.test_settings"  # plain static files: no collectstatic step
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)


def bench_database(url: str) -> str:
    """A fresh database beside the named one, on the same PostgreSQL server."""
    import psycopg2

    base, name = url.rsplit("/", 1)
    bench = f"{name}_admin_bench"
    connection = psycopg2.connect(f"{base}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{bench}"')
        cursor.execute(f'CREATE DATABASE "{bench}"')
    connection.close()
    return f"{base}/{bench}"


def drop_database(url: str) -> None:
    import psycopg2
    from django.db import connections

    connections.close_all()
    base, name = url.rsplit("/", 1)
    connection = psycopg2.connect(f"{base}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    connection.close()


def pages(k) -> list[str]:
    from archive import models

    evidence = models.Evidence.objects.filter(article_id=k.article).order_by("pk").values_list("pk", flat=True).first()
    role = models.Role.objects.filter(article_id=k.article).order_by("pk").values_list("pk", flat=True).first()
    alias = models.PersonAlias.objects.filter(person_id=k.middle_person).order_by("pk").values_list("pk", flat=True).first()
    return [
        "/admin/archive/person/",
        f"/admin/archive/person/?country=PK&q={k.surname}",
        "/admin/archive/person/?review_status__exact=unreviewed&q=Ali",
        "/admin/archive/person/?p=20",
        "/admin/archive/organization/",
        "/admin/archive/organization/?country=KZ&q=energy",
        "/admin/archive/meeting/",
        "/admin/archive/meeting/?country=UZ&q=Tashkent",
        "/admin/archive/agreement/",
        "/admin/archive/agreement/?kind=mou&q=transit",
        "/admin/archive/article/",
        f"/admin/archive/article/?outlet={k.outlet}&q=railway",
        "/admin/archive/article/?p=20",
        "/admin/archive/evidence/",
        "/admin/archive/personalias/",
        f"/admin/archive/personalias/?q={k.surname}",
        "/admin/archive/organizationalias/",
        "/admin/archive/role/",
        "/admin/archive/meetingparticipant/",
        "/admin/archive/agreementparty/",
        "/admin/archive/agreementstatuschange/",
        "/admin/archive/fieldconflict/",
        "/admin/archive/mergerecord/",
        "/admin/archive/duplicatedecision/",
        "/admin/review/",
        "/admin/review/?type=person&country=PK",
        f"/admin/archive/person/{k.middle_person}/change/",
        f"/admin/archive/person/{k.person}/change/",  # the busiest of a sample: every role of theirs is a row
        f"/admin/archive/organization/{k.organization}/change/",
        f"/admin/archive/meeting/{k.meeting}/change/",
        f"/admin/archive/agreement/{k.agreement}/change/",
        f"/admin/archive/article/{k.article}/change/",
        f"/admin/archive/evidence/{evidence}/change/",
        f"/admin/archive/role/{role}/change/",
        f"/admin/archive/personalias/{alias}/change/",
    ]


def time_pages(pages: list[str], runs: int, explain: bool = False):
    from django.contrib.auth import get_user_model
    from django.test import Client

    from demo_archive import explained_ms, time_page

    user, _ = get_user_model().objects.get_or_create(username="bench", defaults={"is_staff": True,
                                                                                "is_superuser": True})
    client = Client()
    client.force_login(user)
    for url in pages:
        yield url, time_page(client, url, runs), explained_ms(client, url) if explain else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, help="default: 100000 on PostgreSQL, 20000 on SQLite")
    parser.add_argument("--database-url", help="a PostgreSQL server's URL; default: temporary SQLite")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument("--reuse", action="store_true", help="time pages on a database kept by --keep")
    parser.add_argument("--in-place", action="store_true", help="measure the named database itself")
    parser.add_argument("--explain", action="store_true",
                        help="also print each page's EXPLAIN ANALYZE execution time, summed over its queries")
    parser.add_argument("--only", default="", metavar="SUBSTRING",
                        help="time only the pages whose address contains SUBSTRING (e.g. '&q=')")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        postgres = bool(args.database_url and args.database_url.startswith("postgres"))
        if postgres and (args.reuse or args.in_place):
            url = args.database_url if args.in_place else args.database_url + "_admin_bench"
        else:
            url = bench_database(args.database_url) if postgres else f"sqlite:///{tmp}/bench.sqlite3"
        setup_django(url)
        from demo_archive import keys, prepare

        started = time.perf_counter()
        if not args.reuse:
            prepare(args.articles or (100_000 if postgres else 20_000))
        k = keys()
        print(f"{'PostgreSQL' if postgres else 'SQLite'}: {k.articles:,} articles"
              + ("" if args.reuse else f", ready in {time.perf_counter() - started:.0f} s"))
        explain_heading = " EXPLAIN ms" if args.explain else ""
        print(f"{'page':64} {'median ms':>10} {'of it SQL':>10} {'queries':>8}{explain_heading}")
        chosen = [page for page in pages(k) if args.only in page]
        for page, t, explained in time_pages(chosen, args.runs, args.explain and postgres):
            extra = f" {explained:10.1f}" if explained is not None else ""
            print(f"{page:64} {t.median_ms:10.1f} {t.sql_ms:10.1f} {t.queries:8d}{extra}", flush=True)
        if postgres and not (args.keep or args.reuse or args.in_place):
            drop_database(url)


if __name__ == "__main__":
    main()
