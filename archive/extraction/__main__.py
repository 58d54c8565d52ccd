"""Run the pipeline on files without a database and print what it read.

    python -m archive.extraction seeds/            # archive-export/1 JSON on stdout
    python -m archive.extraction seeds/ --summary  # one line per record, for reading

The JSON has the shape `export_archive` writes, but records are not resolved
across articles (each article's people are its own), so it is for measuring
and debugging the extractor, not a substitute for the archive's export.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .pipeline import extract_file
from .records import ExtractedArticle, InputError


def iter_files(paths):
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        else:
            yield path


def to_export(articles: list[ExtractedArticle]) -> dict:
    out = {"format": "archive-export/1", "articles": [], "persons": [], "organizations": [],
           "meetings": [], "agreements": []}
    next_id = iter(range(1, 10**9))
    for article in articles:
        aid = next(next_id)
        out["articles"].append({
            "id": aid, "title": article.title, "outlet": article.outlet,
            "published": article.published.isoformat() if article.published else None,
            "dateline": article.dateline, "byline": article.byline, "source": article.source_name,
        })
        person_ids = {}
        for person in article.people:
            person_ids[person.name] = pid = next(next_id)
            out["persons"].append({"id": pid, "name": person.name, "aliases": person.aliases,
                                   "role": person.title, "country": person.country, "articles": [aid]})
        org_ids = {}
        for org in article.organizations:
            org_ids[org.name] = oid = next(next_id)
            out["organizations"].append({"id": oid, "name": org.name, "acronym": org.acronym,
                                         "type": org.type, "country": org.country,
                                         "aliases": org.aliases, "articles": [aid]})
        for meeting in article.meetings:
            out["meetings"].append({
                "id": next(next_id),
                "date": meeting.date.value.isoformat() if meeting.date else None,
                "location": meeting.location,
                "participants": [person_ids[n] for n in meeting.participants if n in person_ids],
                "organizations": [org_ids[n] for n in meeting.organizations if n in org_ids],
                "topic": meeting.topic, "articles": [aid]})
        for agreement in article.agreements:
            out["agreements"].append({
                "id": next(next_id), "title": agreement.title, "kind": agreement.kind,
                "status": agreement.status, "parties": agreement.parties,
                "date": agreement.date.value.isoformat() if agreement.date else None,
                "value_usd": agreement.value_usd, "articles": [aid]})
    return out


def summary_lines(article: ExtractedArticle):
    yield f"== {article.source_name}#{article.position}: {article.title!r}"
    yield (f"   outlet={article.outlet!r} published={article.published} "
           f"dateline={article.dateline!r} byline={article.byline!r}")
    for p in article.people:
        yield f"   PERSON {p.name!r} aliases={p.aliases} title={p.title!r} country={p.country!r}"
    for o in article.organizations:
        yield f"   ORG {o.name!r} acronym={o.acronym!r} type={o.type} country={o.country!r}"
    for m in article.meetings:
        yield (f"   MEETING {m.participants} orgs={m.organizations} date={m.date and m.date.value} "
               f"location={m.location!r} topic={m.topic!r}")
    for a in article.agreements:
        yield (f"   AGREEMENT {a.title!r} kind={a.kind} status={a.status} parties={a.parties} "
               f"date={a.date and a.date.value} value_usd={a.value_usd}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m archive.extraction", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--summary", action="store_true", help="readable lines instead of JSON")
    args = parser.parse_args(argv)
    articles, failed = [], 0
    for path in iter_files(args.paths):
        try:
            articles.extend(extract_file(path.read_bytes(), path.name))
        except (InputError, OSError) as exc:
            failed += 1
            print(f"{path}: {exc}", file=sys.stderr)
    if args.summary:
        for article in articles:
            print("\n".join(summary_lines(article)))
    else:
        json.dump(to_export(articles), sys.stdout, indent=1, ensure_ascii=False)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
