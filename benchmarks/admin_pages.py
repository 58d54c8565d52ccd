"""How fast curators' admin pages answer on a large archive.

    python benchmarks/admin_pages.py --database-url postgres://postgres@127.0.0.1:55433/wt_admin
    python benchmarks/admin_pages.py --articles 20000            # temporary SQLite

On PostgreSQL a separate database `<name>_admin_bench` is created on that server
(dropped at the end unless --keep), so the named database is never touched.
It is filled with bulk_create: per article one evidence row for each of a person,
an organization, a meeting and an agreement (people: 1 per 2 articles,
organizations 1 per 5, meetings 1 per 2, agreements 1 per 5; aliases,
participants, parties). Each page is fetched through the test Client logged in
as a superuser, once to warm up and then --runs times; the median is printed
with the time spent in SQL and the page's query count (the rest is Python
rendering the page, which depends on the machine's load, not on the archive's size).
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GIVEN = ["Aibek", "Nurlan", "Ali", "Bilawal", "Shavkat", "Kassym", "Murat", "Erlan", "Imran", "Sardor", "Bakhtiyor",
         "Dilshod", "Asel", "Madina", "Ahmed", "Omar", "Yerzhan", "Timur", "Rustam", "Farrukh"]
SURNAMES = ["Dzhaksybekov", "Abenov", "Khan", "Zardari", "Mirziyoyev", "Tokayev", "Sharif", "Baig", "Alimov",
            "Abdullaev", "Temirbekov", "Karimov", "Iskakov", "Rahimov", "Qureshi", "Malik", "Bhutto", "Aliyev",
            "Yusupov", "Tursunov", "Bekov", "Sultanov", "Ospanov", "Baig", "Chaudhry"]
WORDS = ["trade", "transit", "corridor", "energy", "railway", "investment", "customs", "cooperation", "visa",
         "agriculture", "logistics", "summit", "pipeline", "tariff", "security", "water", "cotton", "textile"]
COUNTRIES = ["PK", "KZ", "UZ", "AF", "TJ", "KG", "TM", "CN", "IR", "RU"]
CITIES = ["Islamabad", "Astana", "Tashkent", "Kabul", "Dushanbe", "Bishkek", "Ashgabat", "Almaty", "Lahore"]


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


def fill(n_articles: int, seed: int = 7) -> dict:
    """Bulk-create an archive of n articles and their records."""
    import datetime
    import hashlib

    from archive import models

    rng = random.Random(seed)
    countries = {c.code: c for c in models.Country.objects.filter(code__in=COUNTRIES)}
    batch = 5000

    def sentence(*words):
        return " ".join(words) + "."

    articles = [
        models.Article(
            title=f"{rng.choice(CITIES)} talks on {rng.choice(WORDS)} and {rng.choice(WORDS)} #{i}",
            outlet=rng.choice(["Indusline", "Arab News", "The Astana Times", "Kabar", ""]),
            published=datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3650)),
            source_name=f"article_{i:07d}.txt", source_path=f"corpus/article_{i:07d}.txt",
            body=" ".join(rng.choice(WORDS) for _ in range(150)),
            content_hash=hashlib.sha256(f"article {i}".encode()).hexdigest())
        for i in range(n_articles)]
    models.Article.objects.bulk_create(articles, batch_size=batch)
    articles = list(models.Article.objects.only("id").order_by("id"))

    def reviewable(**values):
        return {"confidence": round(rng.random(), 3),
                "review_status": rng.choices(["unreviewed", "verified", "rejected"], [6, 3, 1])[0], **values}

    people = [models.Person(**reviewable(name=f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)} {i}",
                                         country=countries[rng.choice(COUNTRIES)], title="Minister"))
              for i in range(max(1, n_articles // 2))]
    models.Person.objects.bulk_create(people, batch_size=batch)
    orgs = [models.Organization(**reviewable(name=f"Ministry of {rng.choice(WORDS).title()} {i}",
                                             acronym=f"M{i % 997}", country=countries[rng.choice(COUNTRIES)]))
            for i in range(max(1, n_articles // 5))]
    models.Organization.objects.bulk_create(orgs, batch_size=batch)
    meetings = [models.Meeting(**reviewable(date=datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3650)),
                                            date_precision="day", location=rng.choice(CITIES),
                                            topic=f"{rng.choice(WORDS)} and {rng.choice(WORDS)}"))
                for _ in range(max(1, n_articles // 2))]
    models.Meeting.objects.bulk_create(meetings, batch_size=batch)
    agreements = [models.Agreement(**reviewable(title=f"Agreement on {rng.choice(WORDS)} {rng.choice(WORDS)} {i}",
                                                kind=rng.choice(["mou", "agreement", "action_plan"]),
                                                status=rng.choice(["proposed", "signed"])))
                  for i in range(max(1, n_articles // 5))]
    models.Agreement.objects.bulk_create(agreements, batch_size=batch)
    people, orgs = list(models.Person.objects.only("id", "name", "country_id")), list(models.Organization.objects.only("id"))
    meetings, agreements = list(models.Meeting.objects.only("id")), list(models.Agreement.objects.only("id"))

    models.PersonAlias.objects.bulk_create(
        (models.PersonAlias(person=p, name=p.name, normalized=p.name.lower(), surname_key=p.name.split()[1].lower())
         for p in people), batch_size=batch)
    participants = []
    for m in meetings:
        a, b = rng.sample(people, 2)
        participants += [models.MeetingParticipant(meeting=m, person=a, name=a.name, country_id=a.country_id),
                         models.MeetingParticipant(meeting=m, person=b, name=b.name, country_id=b.country_id)]
    models.MeetingParticipant.objects.bulk_create(participants, batch_size=batch)
    models.AgreementParty.objects.bulk_create(
        (models.AgreementParty(agreement=ag, name=code, country=countries[code])
         for ag in agreements for code in rng.sample(COUNTRIES, 2)), batch_size=batch)
    evidence = []
    for article in articles:
        for target, pool in (("person", people), ("organization", orgs), ("meeting", meetings),
                             ("agreement", agreements)):
            evidence.append(models.Evidence(article=article, sentence=sentence(*rng.sample(WORDS, 8)),
                                            sentence_start=0, sentence_end=60, start=5, end=15,
                                            confidence=round(rng.random(), 2), **{target: rng.choice(pool)}))
        if len(evidence) >= batch:
            models.Evidence.objects.bulk_create(evidence, ignore_conflicts=True)
            evidence = []
    models.Evidence.objects.bulk_create(evidence, ignore_conflicts=True)
    return existing_keys()


def existing_keys() -> dict:
    from archive import models

    people = models.Person.objects.order_by("pk")
    return {"articles": models.Article.objects.count(),
            "article": models.Article.objects.order_by("pk")[models.Article.objects.count() // 2].pk,
            "person": people[people.count() // 2].pk, "meeting": models.Meeting.objects.order_by("pk").first().pk,
            "surname": people[people.count() // 3].name.split()[1]}


def time_pages(pages: list[str], runs: int) -> list[tuple[str, float, float, int]]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(username="bench", defaults={"is_staff": True,
                                                                                "is_superuser": True})
    client = Client()
    client.force_login(user)
    results = []
    for url in pages:
        queries = []
        with connection.execute_wrapper(lambda execute, sql, *a: queries.append(sql) or execute(sql, *a)):
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        timings, sql_timings = [], []
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
                client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            sql_timings.append(sum(spent) * 1000)
        results.append((url, statistics.median(timings), statistics.median(sql_timings), len(queries)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, help="default: 100000 on PostgreSQL, 20000 on SQLite")
    parser.add_argument("--database-url", help="a PostgreSQL server's URL; default: temporary SQLite")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument("--reuse", action="store_true", help="time pages on a database kept by --keep")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        postgres = bool(args.database_url and args.database_url.startswith("postgres"))
        if postgres and args.reuse:
            url = args.database_url.rsplit("/", 1)[0] + "/" + args.database_url.rsplit("/", 1)[1] + "_admin_bench"
        else:
            url = bench_database(args.database_url) if postgres else f"sqlite:///{tmp}/bench.sqlite3"
        n = args.articles or (100_000 if postgres else 20_000)
        setup_django(url)
        from django.db import connection

        started = time.perf_counter()
        keys = existing_keys() if args.reuse else fill(n)
        n = keys["articles"]
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"{'PostgreSQL' if postgres else 'SQLite'}: {n:,} articles"
              + ("" if args.reuse else f", filled in {time.perf_counter() - started:.0f} s"))
        surname = keys["surname"]
        pages = [
            "/admin/archive/person/",
            f"/admin/archive/person/?country=PK&q={surname}",
            "/admin/archive/person/?review_status__exact=unreviewed&q=Aibek",
            "/admin/archive/organization/?country=KZ&q=energy",
            "/admin/archive/meeting/?country=UZ&q=Tashkent",
            "/admin/archive/agreement/?kind=mou&q=transit",
            "/admin/archive/article/?outlet=Indusline&q=railway",
            "/admin/archive/article/",
            "/admin/archive/evidence/",
            "/admin/review/",
            "/admin/review/?type=person&country=PK",
            f"/admin/archive/person/{keys['person']}/change/",
            f"/admin/archive/meeting/{keys['meeting']}/change/",
            f"/admin/archive/article/{keys['article']}/change/",
        ]
        print(f"{'page':64} {'median ms':>10} {'of it SQL':>10} {'queries':>8}")
        for page, ms, sql_ms, queries in time_pages(pages, args.runs):
            print(f"{page:64} {ms:10.1f} {sql_ms:10.1f} {queries:8d}")
        if postgres and not (args.keep or args.reuse):
            drop_database(url)


if __name__ == "__main__":
    main()
