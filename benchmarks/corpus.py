"""A generated corpus of real-size news files, for measuring ingest speed and memory.

Each story is built from paragraph templates and Faker names, so it exercises the
whole pipeline (dateline, meetings, agreements, money, quotes, organizations)
without copying any real article. Its shape follows real news about diplomacy and
trade (see BENCHMARKS.md for the comparison with the development set): 400 to 500
words in 12 to 15 paragraphs, about seven people of whom two or three meet, a
second meeting in one story of two, three or so agreements, four or five
organizations, names repeated by surname. The people recur across stories as
officials do: each country has a cabinet of a few dozen, and a few of them are
in most of its news.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from pathlib import Path

from faker import Faker

COUNTRIES = [
    ("Kazakhstan", "Kazakh", "Astana"), ("Uzbekistan", "Uzbek", "Tashkent"), ("Pakistan", "Pakistani", "Islamabad"),
    ("Turkmenistan", "Turkmen", "Ashgabat"), ("Kyrgyzstan", "Kyrgyz", "Bishkek"), ("Tajikistan", "Tajik", "Dushanbe"),
    ("Azerbaijan", "Azerbaijani", "Baku"), ("China", "Chinese", "Beijing"), ("Turkey", "Turkish", "Ankara"),
]
TITLES = ["Foreign Minister", "Minister of Energy", "Deputy Prime Minister", "Ambassador", "Minister for Trade",
          "Minister of Transport", "Minister of Agriculture", "Minister of Finance", "Deputy Foreign Minister",
          "Minister of Industry"]
SECTORS = ["energy", "agriculture", "logistics", "mining", "information technology", "textiles", "tourism",
           "transport", "education", "health care", "water management", "banking"]
KINDS = ["memorandum of understanding", "agreement", "action plan", "joint declaration", "protocol"]
ORG_TEMPLATES = ["Ministry of Foreign Affairs of {country}", "Chamber of Commerce of {country}",
                 "{demonym} Investment Agency", "National Bank of {country}", "{demonym} Railways"]
REGIONAL_ORGS = ["Shanghai Cooperation Organisation", "Asian Development Bank", "Eurasian Development Bank",
                 "Economic Cooperation Organization", "World Bank"]
OUTLETS = ["The Daily Ledger", "Steppe Herald", "Silk Road Wire", "Caspian Courier"]
CABINET = 40  # officials per country


@dataclass(frozen=True)
class Official:
    name: str
    title: str
    country: int  # index into COUNTRIES

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


LEAD = ("{CITY}, {month} {day}: {dem_a} {a.title} {a.name} met {dem_b} {b.title} {b.name} in {city} on "
        "{weekday} to discuss trade, transit and investment between the two countries.")
STATEMENT = ("According to a statement issued by the {org_a}, the two sides reviewed the state of bilateral "
             "relations and explored new avenues of cooperation in {s1}, {s2} and {s3}. They expressed "
             "satisfaction with the pace of the joint projects launched over the past two years.")
QUOTE = ("\"Our countries share a long history and a common vision for the region,\" {a.surname} said, adding "
         "that trade between {country_a} and {country_b} had reached ${trade} million last year and could "
         "double within three years if the remaining barriers were removed.")
SIGNING = ("At the end of the talks, the two ministers signed a {kind1} on cooperation in {s1} worth "
           "${value} million, under which joint ventures will be set up and specialists trained in both countries.")
BACKGROUND = [
    ("The region has drawn growing interest from investors in recent years as governments opened new "
     "transport corridors, simplified customs procedures and offered tax incentives to companies ready "
     "to build factories and warehouses along the main trade routes."),
    ("Officials on both sides have said that the lack of direct flights and the cost of moving goods "
     "across several borders remain the main obstacles to trade, and that a joint working group would "
     "study ways to reduce waiting times at the checkpoints."),
    ("Analysts note that the two economies complement each other: one exports grain, metals and "
     "fertilizers, while the other supplies machinery, textiles and processed food, so closer ties "
     "could benefit farmers and manufacturers alike."),
    ("The talks took place in a friendly and constructive atmosphere, the statement said, and both "
     "delegations agreed to keep in close contact through their embassies to prepare the next round "
     "of consultations later this year."),
    ("Business leaders who accompanied the delegation held separate meetings on the sidelines of the "
     "visit and discussed projects in construction, pharmaceuticals and food processing, several of "
     "which are expected to be presented at an investment forum."),
]
SECOND_MEETING = ("Later in the day, {b.name} also held talks with {dem_a} {c.title} {c.name} on {s2} and on "
                  "the progress of the joint projects, the {org_b} said.")
OFFICIAL = ("{dem_d} {d.title} {d.name} told reporters that the government was ready to support companies "
            "from {country_b} that wished to invest in {s3}, and that a list of priority projects had been "
            "drawn up.")
ORGS = ("The {org_c} and the {regional} will help finance the first stage of the programme, which "
        "includes new roads, a logistics hub and the modernisation of border crossings.")
PLANNED = ("The ministers also agreed to sign an {kind2} on {s2} by the end of the year, and instructed "
           "their experts to finish the draft within three months.")
SECOND_SIGNING = ("In addition, the {org_b} and the {org_c} signed a memorandum of understanding on "
                  "cooperation in {s3}.")
DELEGATION = ("The {dem_a} delegation included {f.title} {f.name}, and {dem_b} Ambassador {h.name} was also "
              "present. {f.surname} said the two governments had agreed on a calendar of visits for the coming "
              "months, and {h.surname} called the visit a turning point for the economies of both countries.")
CLOSING = ("{a.surname} invited {b.surname} to visit {country_a} at a convenient time, and the invitation was "
           "accepted. {e.name}, {dem_e} {e.title}, is expected to attend the next meeting of the "
           "intergovernmental commission.")
SIGNATURE = "Published in {outlet}, {month} {day}, {year}"


class CorpusWriter:
    """Stories with a recurring cast: each country's cabinet is drawn once, then picked with Zipf-like weights."""

    def __init__(self, seed: int = 7):
        self.fake = Faker("en_US")
        self.fake.seed_instance(seed)
        self.rng = random.Random(seed)
        self.cabinets = [[Official(self.fake.name(), self.rng.choice(TITLES), c) for _ in range(CABINET)]
                         for c in range(len(COUNTRIES))]
        self.weights = [1 / (rank + 1) for rank in range(CABINET)]

    def official(self, country: int, *exclude: Official) -> Official:
        while True:
            pick = self.rng.choices(self.cabinets[country], self.weights)[0]
            if pick not in exclude:
                return pick

    def story(self, n: int) -> str:
        rng = self.rng
        ia, ib, ie = rng.sample(range(len(COUNTRIES)), 3)
        (country_a, dem_a, city), (country_b, dem_b, _), (_, dem_e, _) = COUNTRIES[ia], COUNTRIES[ib], COUNTRIES[ie]
        a, b = self.official(ia), self.official(ib)
        c = self.official(ia, a)
        d, e = self.official(rng.choice([ia, ib]), a, b, c), self.official(ie)
        f = self.official(ia, a, c, d)
        h = self.official(ib, b, d)
        published = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(700))
        s1, s2, s3 = rng.sample(SECTORS, 3)
        org_a, org_b, org_c = (template.format(country=country, demonym=demonym)
                               for template, (country, demonym, _) in zip(
                                   rng.sample(ORG_TEMPLATES, 3), (COUNTRIES[ia], COUNTRIES[ib], COUNTRIES[ia])))
        values = dict(
            CITY=city.upper(), city=city, month=published.strftime("%B"), day=published.day, year=published.year,
            weekday=published.strftime("%A"), a=a, b=b, c=c, d=d, e=e, f=f, h=h, dem_a=dem_a, dem_b=dem_b, dem_e=dem_e,
            dem_d=COUNTRIES[d.country][1], country_a=country_a, country_b=country_b, s1=s1, s2=s2, s3=s3,
            org_a=org_a, org_b=org_b, org_c=org_c, regional=rng.choice(REGIONAL_ORGS),
            trade=rng.randrange(100, 900), value=rng.randrange(5, 500), outlet=rng.choice(OUTLETS),
            kind1=rng.choice(KINDS), kind2=rng.choice(["agreement", "action plan", "protocol"]),
        )
        background = rng.sample(BACKGROUND, 3)
        body = [LEAD, STATEMENT, background[0], QUOTE, SIGNING, DELEGATION, background[1], OFFICIAL, ORGS,
                PLANNED, background[2]]
        if rng.random() < 0.5:
            body.insert(5, SECOND_MEETING)
        if rng.random() < 0.8:
            body.insert(-1, SECOND_SIGNING)
        body.append(CLOSING)
        headline = f"{country_a} and {country_b} agree to deepen {s1} ties ({n})"
        paragraphs = [headline, *(p.format(**values) for p in body), SIGNATURE.format(**values)]
        return "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    writer = CorpusWriter(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"story_{n:06d}.txt"
        path.write_text(writer.story(n), encoding="utf-8")
        paths.append(path)
    return paths
