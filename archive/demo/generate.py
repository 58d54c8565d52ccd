"""Generate a large demo archive: `generate_demo(articles=1_000_000, seed=1)`.

Rows are plain dicts of column values with their ids set up front (`tables.Ids`),
written table by table per batch of articles in one transaction: COPY from a
buffer on PostgreSQL, bulk_create on SQLite (`tables.Writer`). Nothing is
queried per row and nothing outlives its batch but bounded pools of recent
people and organizations, so memory stays flat whatever the size.

What it makes, per batch of B articles: B/5 new people (Faker names in the
style of their country, with aliases), B/20 new organizations; each article
(about 450 words in paragraphs, like the development set) tells one story about
three to five people from the pool of recent ones: a meeting (with
participants), an agreement (parties, sectors, status history) or a later report
on one of those (a further status, or a conflicting location or value flagged
for curators), or a plain statement, then background prose in which the people
are quoted again by surname. Every mention is evidence whose offsets point into
the body: `body[start:end]` is the mention. Review states are mixed: about 80%
unreviewed, 14% verified, 6% rejected, 1% of people merged into another. On
PostgreSQL the article's search vector is the table's generated column.

Runs add to each other: article paths continue from the demo articles already
there (demo/0000000.txt...), and the same seed on the same database makes the
same records, uids included. Bulk inserts write no simple-history rows.
"""

from __future__ import annotations

import datetime
import hashlib
import random
import string
import time
import uuid
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from faker import Faker

from archive import models
from archive.curation.aliases import alias_keys

from .tables import Ids, Writer
from .text import (
    CITIES, COUNTRY_WEIGHTS, FILLERS, GOODS, KIND_WORDS, OUTLETS, PORTFOLIOS, QUOTES, SECTORS, STATUS_VERBS, THINGS,
    TITLES, Body, Mention, date_words,
)

DEMO_PREFIX = "demo/"
CURATORS = ("demo-curator-1", "demo-curator-2", "demo-curator-3")
FIRST_DAY, DAYS = datetime.date(2022, 1, 1), 4 * 365
STATUS_ORDER = ["proposed", "negotiating", "signed", "in_force"]
NAME_LOCALES = {"PK": "en_PK", "AF": "en_PK", "IR": "en_PK", "UZ": "uz_UZ", "KZ": "uz_UZ", "KG": "uz_UZ",
                "TJ": "uz_UZ", "TM": "uz_UZ", "TR": "tr_TR", "AZ": "az_AZ", "IN": "en_IN"}
PEOPLE_POOL, ORG_POOL = 4000, 800  # recent records new articles draw on; bounds memory
FILLERS_PER_ARTICLE = (18, 26)
# Parents before children, so each table's rows only point at rows already written.
MONTHS = [datetime.date(2000, month, 1).strftime("%B") for month in range(1, 13)]
SLOTS_OF = {template: {name for _, name, _, _ in string.Formatter().parse(template) if name} - {"c1", "c2", "city", "year", "month"}
            for template in FILLERS}
SLOT_VALUES = {
    "sector": lambda rng: SECTORS[int(rng.random() * len(SECTORS))],
    "thing": lambda rng: THINGS[int(rng.random() * len(THINGS))],
    "other": lambda rng: GOODS[int(rng.random() * len(GOODS))],
    "n": lambda rng: 50 + int(rng.random() * 4950),
    "pct": lambda rng: 3 + int(rng.random() * 57),
    "months": lambda rng: 3 + int(rng.random() * 15),
}
WRITE_ORDER = [models.Person, models.PersonAlias, models.Organization, models.OrganizationAlias, models.Article,
               models.Meeting, models.MeetingParticipant, models.Agreement, models.AgreementParty,
               models.Agreement.sectors.through, models.Evidence, models.AgreementStatusChange,
               models.FieldConflict, models.Role]
TARGETS = {"person": models.Person, "organization": models.Organization, "meeting": models.Meeting,
           "agreement": models.Agreement}


@dataclass
class DemoReport:
    counts: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        made = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        return [f"Created {made}", f"in {self.seconds:.1f} s"]


def generate_demo(*, articles: int, seed: int = 0, batch: int = 5000, progress=None) -> DemoReport:
    """Add `articles` demo articles and their records; `progress(done, total, seconds)` after each batch."""
    began, report = time.monotonic(), DemoReport()
    first = models.Article.objects.filter(source_path__startswith=DEMO_PREFIX).count()
    world = World(f"{seed}:{first}")
    for start in range(first, first + articles, batch):
        size = min(batch, first + articles - start)
        with transaction.atomic():
            report.counts.update(Batch(world, start, size).build().save(world.writer))
        if progress:
            progress(start + size - first, articles, time.monotonic() - began)
    report.seconds = time.monotonic() - began
    return report


class World:
    """What every batch shares: reference rows read once, the random source, the pools of recent records."""

    def __init__(self, seed: str):
        self.rng = random.Random(seed)
        found = models.Country.objects.in_bulk(list(COUNTRY_WEIGHTS), field_name="code")
        if not found:
            raise RuntimeError("No countries in the database: run `manage.py migrate` first.")
        self.countries = found
        self.countries_by_id = {country.pk: country for country in found.values()}
        self.codes = [c for c in COUNTRY_WEIGHTS if c in found]
        self.weights = [COUNTRY_WEIGHTS[c] for c in self.codes]
        self.sector_ids = [models.Sector.objects.get_or_create(name=name)[0].pk for name in SECTORS]
        self.curator_ids = [self.curator(name).pk for name in CURATORS]
        self.fakers = {locale: Faker(locale) for locale in {*NAME_LOCALES.values(), "en_US"}}
        for number, faker in enumerate(self.fakers.values()):
            faker.seed_instance(f"{seed}:{number}")
        self.people, self.orgs = deque(maxlen=PEOPLE_POOL), deque(maxlen=ORG_POOL)
        self.ids, self.writer = Ids(), Writer()

    @staticmethod
    def curator(username: str):
        user, created = get_user_model().objects.get_or_create(username=username)
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user

    def code(self) -> str:
        return self.rng.choices(self.codes, self.weights)[0]

    def uid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def day(self) -> datetime.date:
        return FIRST_DAY + datetime.timedelta(days=self.rng.randrange(DAYS))

    def review(self) -> dict:
        """A review state: about 80% unreviewed, 14% verified, 6% rejected."""
        roll = self.rng.random()
        if roll < 0.80:
            return {"confidence": round(self.rng.uniform(0.3, 0.95), 2)}
        moment = datetime.datetime.combine(self.day(), datetime.time(9 + self.rng.randrange(9)), datetime.UTC)
        decided = {"reviewed_by_id": self.rng.choice(self.curator_ids), "reviewed_at": moment,
                   "confidence": round(self.rng.uniform(0.5, 1.0), 2)}
        if roll < 0.94:
            return {**decided, "review_status": "verified", "is_curated": self.rng.random() < 0.3}
        return {**decided, "review_status": "rejected", "review_note": "Not supported by the text."}


class Batch:
    """The rows of `size` consecutive demo articles, built in memory, then written table by table."""

    def __init__(self, world: World, first: int, size: int):
        self.w, self.rng, self.first, self.size = world, world.rng, first, size
        self.rows = defaultdict(list)  # model -> rows (dicts of column values), in insertion order
        self.open_meetings, self.open_agreements = [], []
        # What the article being built adds besides its evidence, set once the article's id is known.
        self.roles, self.steps, self.conflicts = {}, [], []

    def add(self, model, **values) -> dict:
        row = {"id": self.w.ids.next(model), **values}
        self.rows[model].append(row)
        return row

    # -- records ---------------------------------------------------------------------------------

    def build(self) -> "Batch":
        merge_into = list(self.w.people)
        for _ in range(max(6, self.size // 5)):
            self.new_person(merge_into)
        for _ in range(max(2, self.size // 20)):
            self.new_organization()
        self.people, self.orgs = list(self.w.people), list(self.w.orgs)
        for index in range(self.first, self.first + self.size):
            self.new_article(index)
        return self

    def new_person(self, merge_into: list) -> None:
        code = self.w.code()
        fake = self.w.fakers[NAME_LOCALES.get(code, "en_US")]
        merged = self.rng.choice(merge_into) if merge_into and self.rng.random() < 0.01 else None
        name = f"{fake.first_name()} {fake.last_name()}"
        person = self.add(models.Person, uid=self.w.uid(), name=name, country_id=self.w.countries[code].pk,
                          title=self.rng.choice(TITLES), merged_into_id=merged and merged["id"], **self.w.review())
        first, *_, surname = name.split()
        person["surname"] = surname  # not a column: how later sentences name them
        for alias in dict.fromkeys([name, surname, f"{first[0]}. {surname}"]):
            self.add(models.PersonAlias, person_id=person["id"], name=alias, **alias_keys(alias, models.PersonAlias))
        if merged is None:
            self.w.people.append(person)

    def new_organization(self) -> None:
        country = self.w.countries[self.w.code()]
        kind = self.rng.choice(["ministry", "ministry", "agency", "company", "chamber"])
        if kind == "ministry":
            name, org_type = f"Ministry of {self.rng.choice(PORTFOLIOS)} of {country.name}", "government"
        elif kind == "agency":
            name, org_type = f"{country.name} {self.rng.choice(['Investment', 'Export', 'Railways'])} Agency", "agency"
        elif kind == "chamber":
            name, org_type = f"{country.name} Chamber of Commerce", "association"
        else:
            name, org_type = self.w.fakers["en_US"].company(), "company"
        acronym = "".join(w[0] for w in name.split() if w[0].isupper())[:30] if kind != "company" else ""
        org = self.add(models.Organization, uid=self.w.uid(), name=name, acronym=acronym, org_type=org_type,
                       country_id=country.pk, **self.w.review())
        short = acronym or name.split(",")[0]
        self.add(models.OrganizationAlias, organization_id=org["id"], name=short,
                 **alias_keys(short, models.OrganizationAlias))
        self.w.orgs.append(org)

    def country_of(self, record: dict):
        return self.w.countries_by_id[record["country_id"]]

    # -- one article -------------------------------------------------------------------------------

    def new_article(self, index: int) -> None:
        published = self.w.day()
        body, story = Body(), self.rng.random()
        self.roles, self.steps, self.conflicts = {}, [], []
        people = self.rng.sample(self.people, min(len(self.people), self.rng.randint(3, 5)))
        if story < 0.45:
            title, city = self.meeting_story(body, people, published)
        elif story < 0.70:
            title, city = self.agreement_story(body, people[:2], published)
        elif story < 0.85 and (self.open_meetings or self.open_agreements):
            title, city = self.follow_up(body, published)
        else:
            title, city = self.statement(body, people[0])
        self.background(body, people, city, published)
        text, path = body.text, f"{DEMO_PREFIX}{index:07d}.txt"
        article = self.add(
            models.Article, title=title, body=text, published=published, dateline=city.upper(),
            outlet=self.rng.choice(OUTLETS), source_name=path.removeprefix(DEMO_PREFIX), source_path=path,
            # The path is in the hash: two generated stories may happen to read the same.
            content_hash=hashlib.sha256(f"{path}\x1f{title}\x1f{text}".encode()).hexdigest())
        for cited in body.cited:
            cited.evidence = self.add(
                models.Evidence, article_id=article["id"], **{f"{cited.target}_id": cited.record["id"]},
                sentence=cited.sentence, sentence_start=cited.sentence_start, sentence_end=cited.sentence_end,
                start=cited.start, end=cited.end, confidence=round(self.rng.uniform(0.5, 1.0), 2))
        for row in (*self.steps, *self.conflicts):
            row["article_id"] = article["id"]
            row["evidence_id"] = row.pop("cited").evidence["id"]
        for person, role_title in self.roles.values():
            self.add(models.Role, person_id=person["id"], title=role_title, country_id=person["country_id"],
                     article_id=article["id"], date=published, date_precision="day")

    def titled(self, person: dict) -> Mention:
        """A person as the text first names them, with their title; the title becomes a role of the article."""
        self.roles[person["id"]] = (person, person["title"])
        return Mention(person["name"], "person", person)

    def meeting_story(self, body: Body, people: list, published: datetime.date) -> tuple[str, str]:
        host, guest = people[0], people[1]
        host_country, guest_country = self.country_of(host), self.country_of(guest)
        city = self.rng.choice(CITIES[host_country.code])
        when = published - datetime.timedelta(days=self.rng.randrange(3))
        precision = "day" if self.rng.random() < 0.85 else "month"
        sector = self.rng.choice(SECTORS)
        meeting = self.add(
            models.Meeting, uid=self.w.uid(), date=when, date_precision=precision,
            date_text=date_words(when, precision), location=city,
            topic=f"{sector.capitalize()} cooperation between {host_country.name} and {guest_country.name}",
            **self.w.review())
        body.say(f"{host['title']} ", self.titled(host), f" of {host_country.name} ",
                 Mention("held talks", "meeting", meeting), f" with {guest['title']} ", self.titled(guest),
                 f" of {guest_country.name} in {city} {'on' if precision == 'day' else 'in'} "
                 f"{date_words(when, precision)}.")
        attending = [host, guest]
        if self.rng.random() < 0.4:
            third = people[2]
            body.say(f"{third['title']} ", self.titled(third), " also attended the meeting.")
            attending.append(third)
        for person in attending:
            self.add(models.MeetingParticipant, meeting_id=meeting["id"], person_id=person["id"],
                     name=person["name"], country_id=person["country_id"])
        if self.rng.random() < 0.3:
            org = self.rng.choice(self.orgs)
            body.say("Officials from the ", Mention(org["name"], "organization", org), " joined the talks.")
            self.add(models.MeetingParticipant, meeting_id=meeting["id"], organization_id=org["id"],
                     name=org["name"], country_id=org["country_id"])
        if self.rng.random() < 0.15:
            other = self.w.countries[self.w.code()]
            body.say(f"A delegation from {other.name} was also present.")
            self.add(models.MeetingParticipant, meeting_id=meeting["id"], name=f"delegation of {other.name}",
                     country_id=other.pk)
        self.open_meetings.append(meeting)
        return f"{host_country.name} and {guest_country.name} discuss {sector} cooperation", city

    def agreement_story(self, body: Body, people: list, published: datetime.date) -> tuple[str, str]:
        one, other = people
        one_country, other_country = self.country_of(one), self.country_of(other)
        while other_country.code == one_country.code:
            other_country = self.w.countries[self.w.code()]
        kind = self.rng.choices(list(KIND_WORDS), [30, 25, 10, 10, 5, 20])[0]
        status = self.rng.choices(STATUS_ORDER, [25, 25, 40, 10])[0]
        sector = self.rng.choice(SECTORS)
        title = f"{KIND_WORDS[kind].capitalize()} on {sector} between {one_country.name} and {other_country.name}"
        value = self.rng.choice([None, None, self.rng.randrange(1, 2000) * 1_000_000])
        agreement = self.add(
            models.Agreement, uid=self.w.uid(), title=title, kind=kind, status=status, date=published,
            date_precision="day", date_text=date_words(published, "day"), value_usd=value, **self.w.review())
        city = self.rng.choice(CITIES[one_country.code])
        [cited] = [c for c in body.say(self.titled(one), " and ", self.titled(other), f" {STATUS_VERBS[status]} the ",
                                       Mention(title, "agreement", agreement), f" in {city}.")
                   if c.target == "agreement"]
        if value:
            body.say(f"The agreement is worth ${value // 1_000_000} million.")
        for country in (one_country, other_country):
            self.add(models.AgreementParty, agreement_id=agreement["id"], name=country.name, country_id=country.pk)
        if status in ("signed", "in_force"):
            for person in {one["name"]: one, other["name"]: other}.values():
                self.add(models.AgreementParty, agreement_id=agreement["id"], name=person["name"], role="signatory",
                         country_id=person["country_id"], person_id=person["id"])
        for sector_id in self.rng.sample(self.w.sector_ids, self.rng.randint(1, 2)):
            self.add(models.Agreement.sectors.through, agreement_id=agreement["id"], sector_id=sector_id)
        self.status_step(agreement, status, published, cited)
        self.open_agreements.append(agreement)
        return f"{one_country.name} and {other_country.name} {STATUS_VERBS[status]} {KIND_WORDS[kind]}", city

    def status_step(self, agreement: dict, status: str, when: datetime.date, cited) -> None:
        self.steps.append(self.add(
            models.AgreementStatusChange, agreement_id=agreement["id"], status=status, date=when,
            date_precision="day", date_text=date_words(when, "day"), cited=cited))

    def follow_up(self, body: Body, published: datetime.date) -> tuple[str, str]:
        """A later report on a meeting or agreement of this batch: a new status, or a differing detail."""
        if self.open_agreements and (not self.open_meetings or self.rng.random() < 0.5):
            agreement = self.rng.choice(self.open_agreements)
            place = STATUS_ORDER.index(agreement["status"])
            city = self.rng.choice(CITIES[self.w.code()])
            if place + 1 < len(STATUS_ORDER):
                agreement["status"] = STATUS_ORDER[place + 1]
                [cited] = body.say("Officials said the ", Mention(agreement["title"], "agreement", agreement),
                                   f" was {STATUS_VERBS[agreement['status']].removeprefix('are ')}.")
                self.status_step(agreement, agreement["status"], published, cited)
            else:
                [cited] = body.say("The ", Mention(agreement["title"], "agreement", agreement), " remains in force.")
                self.open_agreements.remove(agreement)
            if agreement["value_usd"] and self.rng.random() < 0.3:
                other = agreement["value_usd"] + self.rng.randrange(1, 50) * 1_000_000
                body.say(f"Officials put its value at ${other // 1_000_000} million.")
                self.conflict(cited, agreement_id=agreement["id"], field="value_usd",
                              kept_value=str(agreement["value_usd"]), other_value=str(other))
            return f"Update on the {agreement['title']}", city
        meeting = self.rng.choice(self.open_meetings)
        self.open_meetings.remove(meeting)  # one follow-up each: a conflict per meeting, field and article
        city = meeting["location"]
        if self.rng.random() < 0.3:
            city = self.rng.choice([c for cities in CITIES.values() for c in cities if c != meeting["location"]])
        [cited] = body.say("The ", Mention(f"talks in {city}", "meeting", meeting), " were described as productive.")
        if city != meeting["location"]:
            self.conflict(cited, meeting_id=meeting["id"], field="location", kept_value=meeting["location"],
                          other_value=city)
        return f"Talks in {city} described as productive", city

    def conflict(self, cited, **values) -> None:
        self.conflicts.append(self.add(models.FieldConflict, cited=cited, **values))

    def statement(self, body: Body, person: dict) -> tuple[str, str]:
        country = self.country_of(person)
        city = self.rng.choice(CITIES[country.code])
        body.say(f"{person['title']} ", self.titled(person),
                 f" said {country.name} wants closer ties with its neighbours.")
        return f"{person['name']} calls for closer regional ties", city

    def background(self, body: Body, people: list, city: str, published: datetime.date) -> None:
        """Paragraphs of prose around the story; each person is quoted again by surname, some first named here."""
        c1, c2 = self.country_of(people[0]).name, self.country_of(people[1]).name
        fillers = self.rng.sample(FILLERS, self.rng.randint(*FILLERS_PER_ARTICLE))
        speakers = list(people)
        self.rng.shuffle(speakers)
        while fillers:
            body.paragraph()
            size = self.rng.randint(2, 4)
            for template in fillers[:size]:
                body.say(self.filled(template, c1, c2, city, published))
            del fillers[:size]
            if speakers:
                self.quote(body, speakers.pop())
        if self.rng.random() < 0.5:
            org = self.rng.choice(self.orgs)
            body.paragraph()
            body.say("A spokesperson for the ", Mention(org["name"], "organization", org),
                     f" said it would take part in the {self.rng.choice(THINGS)} project.")

    def quote(self, body: Body, person: dict) -> None:
        words = self.rng.choice(QUOTES).format(sector=self.rng.choice(SECTORS))
        if person["id"] in self.roles:
            body.say(f"\u201c{words},\u201d ", Mention(person["surname"], "person", person), " said.")
        else:
            body.say(f"\u201c{words},\u201d said {person['title']} ", self.titled(person), ".")

    def filled(self, template: str, c1: str, c2: str, city: str, published: datetime.date) -> str:
        """A background sentence; only the slots the template has are drawn."""
        rng = self.rng
        slots = {slot: SLOT_VALUES[slot](rng) for slot in SLOTS_OF[template]}
        return template.format(c1=c1, c2=c2, city=city, year=published.year,
                               month=MONTHS[(published.month + int(rng.random() * 9)) % 12], **slots)

    # -- writing ---------------------------------------------------------------------------------

    def save(self, writer: Writer) -> Counter:
        made = Counter()
        for model in WRITE_ORDER:
            rows = self.rows.get(model, [])
            writer.write(model, rows)
            name = "agreement sectors" if model is models.Agreement.sectors.through else model._meta.verbose_name_plural
            made[str(name)] += len(rows)
        return made
