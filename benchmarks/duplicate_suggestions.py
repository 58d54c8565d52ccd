"""How long "Look for duplicates now" takes as the archive grows, and how many pairs blocking compares.

    python benchmarks/duplicate_suggestions.py --articles 2000 20000     # temporary SQLite archives
    python benchmarks/duplicate_suggestions.py --articles 20000 --database-url postgres://...  # an empty database

Each size is a fresh archive filled by `generate_demo`; then each record type's suggestion pass runs once
(`duplicates_suggest`), timed. For people the number of pairs compared is printed beside the number of all
pairs: blocking by spelling-independent keys keeps the first a small share of the second.
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


def setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    os.environ["DEBUG"] = "false"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)


def measure(articles: int) -> None:
    from django.core.management import call_command

    from archive.curation.duplicates import FINDERS, duplicates_suggest
    from archive.curation.duplicates.people import person_blocks
    from archive.models import Person, PersonAlias

    call_command("generate_demo", "--articles", str(articles), verbosity=0)
    forms: dict[int, list[str]] = {pk: [name] for pk, name in Person.objects.values_list("pk", "name")}
    for person_id, name in PersonAlias.objects.values_list("person_id", "name"):
        forms.setdefault(person_id, []).append(name)
    compared = len(person_blocks(forms))
    everything = len(forms) * (len(forms) - 1) // 2
    print(f"{articles} articles, {len(forms)} people: {compared} pairs compared of {everything} "
          f"({compared / max(everything, 1):.2%})")
    for model in FINDERS:
        started = time.perf_counter()
        found = duplicates_suggest(model=model)
        print(f"  {model._meta.model_name:<13} {model.objects.count():>7} records "
              f"{time.perf_counter() - started:7.2f} s  {found} suggestion(s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--database-url", help="An empty database (default: a temporary SQLite file per size).")
    args = parser.parse_args()
    if args.database_url:
        setup(args.database_url)
        measure(args.articles[0])
        return
    for articles in args.articles:  # a process per size: Django is set up once per process
        with tempfile.TemporaryDirectory() as tmp:
            pid = os.fork()
            if pid == 0:
                setup(f"sqlite:///{tmp}/bench.sqlite3")
                measure(articles)
                os._exit(0)
            os.waitpid(pid, 0)


if __name__ == "__main__":
    main()
