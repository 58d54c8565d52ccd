"""A generated corpus of news files, for measuring ingest speed and memory.

The stories are made from templates and Faker names, so they exercise the
whole pipeline (datelines, titles, meetings, agreements, money) without
copying any real article.
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

from faker import Faker

COUNTRIES = [
    ("Kazakhstan", "Kazakh", "Astana"), ("Uzbekistan", "Uzbek", "Tashkent"), ("Pakistan", "Pakistani", "Islamabad"),
    ("Turkmenistan", "Turkmen", "Ashgabat"), ("Kyrgyzstan", "Kyrgyz", "Bishkek"), ("Tajikistan", "Tajik", "Dushanbe"),
    ("Azerbaijan", "Azerbaijani", "Baku"), ("China", "Chinese", "Beijing"), ("Turkey", "Turkish", "Ankara"),
]
TITLES = ["Foreign Minister", "Minister of Energy", "Deputy Prime Minister", "Ambassador", "Minister for Trade"]
SECTORS = ["energy", "agriculture", "logistics", "mining", "information technology", "textiles", "tourism"]
KINDS = ["memorandum of understanding", "agreement", "action plan", "joint declaration"]

TEMPLATE = """{headline}

{CITY}: {demonym_a} {title_a} {name_a} met {demonym_b} {title_b} {name_b} in {city} on {weekday}, \
the {demonym_a} foreign ministry said in a statement.

The two sides discussed cooperation in {sector_a} and {sector_b}, and agreed to expand direct flights.

{surname_a} said trade between the two countries reached ${trade} million last year.

The ministers signed a {kind} on {sector_a} worth ${value} million, officials said.

Published in {outlet}, {month} {day}, {year}
"""


def make_story(fake: Faker, rng: random.Random, n: int) -> str:
    (country_a, demonym_a, city), (country_b, demonym_b, _) = rng.sample(COUNTRIES, 2)
    name_a, name_b = fake.name_male(), fake.name_female()
    published = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(700))
    sector_a, sector_b = rng.sample(SECTORS, 2)
    return TEMPLATE.format(
        headline=f"{country_a} and {country_b} agree to deepen {sector_a} ties ({n})",
        CITY=city.upper(), city=city, demonym_a=demonym_a, demonym_b=demonym_b,
        title_a=rng.choice(TITLES), title_b=rng.choice(TITLES), name_a=name_a, name_b=name_b,
        surname_a=name_a.split()[-1], weekday=published.strftime("%A"), sector_a=sector_a, sector_b=sector_b,
        trade=rng.randrange(100, 900), kind=rng.choice(KINDS), value=rng.randrange(5, 500),
        outlet=rng.choice(["The Daily Ledger", "Steppe Herald", "Silk Road Wire"]),
        month=published.strftime("%B"), day=published.day, year=published.year,
    )


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    fake = Faker("en_US")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"story_{n:06d}.txt"
        path.write_text(make_story(fake, rng, n), encoding="utf-8")
        paths.append(path)
    return paths
