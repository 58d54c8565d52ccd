"""Generate a large demo archive: `generate_demo(articles=100_000, seed=1)`.

Every record is built with the test factories' `.build()` (the factories live in
tests/factories.py, the one place the team keeps them) and written with
`bulk_create`, one transaction per batch of articles, so memory stays bounded
and a run of 100,000 articles takes minutes, not hours. Nothing is queried per
row: countries, sectors and the demo curators are read once.

What it makes, per batch of B articles: B/5 new people (Faker names in the
style of their country, with aliases), B/20 new organizations; each article
tells one story about people from a pool of recent ones: a meeting (with
participants, linked to their country), an agreement (parties, sectors, status
history) or a later report on one of those (a further status, or a conflicting
location or value flagged for curators), or a plain statement. Every mention is
evidence whose offsets point into the body: `body[start:end]` is the mention.
Review states are mixed: mostly unreviewed, some verified or rejected by a
demo curator, a few people merged into another.

Runs add to each other: article paths continue from the demo articles already
there (demo/0000000.txt...), and the same seed on the same database makes the
same records, uids included. Bulk inserts write no simple-history rows.
"""

from __future__ import annotations

import datetime
import hashlib
import random
import time
import uuid
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field

import factory.random
from django.contrib.auth import get_user_model
from django.db import transaction
from faker import Faker

from archive import models
from tests import factories

from .text import (
    CITIES, COUNTRY_WEIGHTS, FILLERS, KIND_WORDS, OUTLETS, PORTFOLIOS, SECTORS, STATUS_VERBS, TITLES, Body,
    Mention, date_words,
)

DEMO_PREFIX = "demo/"
CURATORS = ("demo-curator-1", "demo-curator-2", "demo-curator-3")
FIRST_DAY, DAYS = datetime.date(2022, 1, 1), 4 * 365
STATUS_ORDER = ["proposed", "negotiating", "signed", "in_force"]
NAME_LOCALES = {"PK": "en_PK", "AF": "en_PK", "IR": "en_PK", "UZ": "uz_UZ", "KZ": "uz_UZ", "KG": "uz_UZ",
                "TJ": "uz_UZ", "TM": "uz_UZ", "TR": "tr_TR", "AZ": "az_AZ", "IN": "en_IN"}
PEOPLE_POOL, ORG_POOL = 4000, 800  # recent records new articles draw on; bounds memory


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
            report.counts.update(Batch(world, start, size).build().save())
        if progress:
            progress(start + size - first, articles, time.monotonic() - began)
    report.seconds = time.monotonic() - began
    return report


class World:
    """What every batch shares: reference rows read once, the random source, the pools of recent records."""

    def __init__(self, seed: str):
        self.rng = random.Random(seed)
        factory.random.reseed_random(seed)  # Faker inside the factories, too
        found = models.Country.objects.in_bulk(list(COUNTRY_WEIGHTS), field_name="code")
        if not found:
            raise RuntimeError("No countries in the database: run `manage.py migrate` first.")
        self.countries = found
        self.codes = [c for c in COUNTRY_WEIGHTS if c in found]
        self.weights = [COUNTRY_WEIGHTS[c] for c in self.codes]
        self.sectors = [models.Sector.objects.get_or_create(name=name)[0] for name in SECTORS]
        self.curators = [self.curator(name) for name in CURATORS]
        self.fakers = {locale: Faker(locale) for locale in {*NAME_LOCALES.values(), "en_US"}}
        self.people, self.orgs = deque(maxlen=PEOPLE_POOL), deque(maxlen=ORG_POOL)

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
        decided = {"reviewed_by": self.rng.choice(self.curators), "reviewed_at": moment,
                   "confidence": round(self.rng.uniform(0.5, 1.0), 2)}
        if roll < 0.94:
            return {**decided, "review_status": models.ReviewStatus.VERIFIED, "is_curated": self.rng.random() < 0.3}
        return {**decided, "review_status": models.ReviewStatus.REJECTED, "review_note": "Not supported by the text."}


class Batch:
    """The records of `size` consecutive demo articles, built in memory, then written table by table."""

    def __init__(self, world: World, first: int, size: int):
        self.w, self.rng, self.first, self.size = world, world.rng, first, size
        self.rows = defaultdict(list)  # model -> unsaved instances, in insertion order
        self.open_meetings, self.open_agreements = [], []
        self.sectors_of = []  # (agreement, sector)
        # What the article being built adds besides its evidence; its article is set once it exists.
        self.roles, self.steps, self.conflicts = {}, [], []

    # -- building -------------------------------------------------------------------------------

    def build(self) -> "Batch":
        merge_into = [p for p in self.w.people if p.pk and p.merged_into_id is None]
        for _ in range(max(4, self.size // 5)):
            self.new_person(merge_into)
        for _ in range(max(2, self.size // 20)):
            self.new_organization()
        self.people = list(self.w.people)
        for index in range(self.first, self.first + self.size):
            self.new_article(index)
        return self

    def new_person(self, merge_into: list) -> None:
        code = self.w.code()
        fake = self.w.fakers[NAME_LOCALES.get(code, "en_US")]
        merged = self.rng.choice(merge_into) if merge_into and self.rng.random() < 0.01 else None
        person = factories.PersonFactory.build(
            uid=self.w.uid(), name=f"{fake.first_name()} {fake.last_name()}", country=self.w.countries[code],
            title=self.rng.choice(TITLES), merged_into=merged, **self.w.review())
        first, *_, surname = person.name.split()
        for alias in dict.fromkeys([person.name, surname, f"{first[0]}. {surname}"]):
            self.add(factories.PersonAliasFactory.build(
                person=person, name=alias, normalized=alias.casefold(), surname_key=surname.casefold()))
        self.add(person)
        if merged is None:
            self.w.people.append(person)

    def new_organization(self) -> None:
        code = self.w.code()
        country = self.w.countries[code]
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
        org = factories.OrganizationFactory.build(
            uid=self.w.uid(), name=name, acronym=acronym, org_type=org_type, country=country, **self.w.review())
        self.add(org)
        short = acronym or name.split(",")[0]
        self.add(factories.OrganizationAliasFactory.build(organization=org, name=short, normalized=short.casefold()))
        self.w.orgs.append(org)

    def new_article(self, index: int) -> None:
        published = self.w.day()
        body, story = Body(), self.rng.random()
        self.roles, self.steps, self.conflicts = {}, [], []
        people = self.rng.sample(self.people, 3)
        if story < 0.45:
            title, city = self.meeting_story(body, people, published)
        elif story < 0.70:
            title, city = self.agreement_story(body, people[:2], published)
        elif story < 0.85 and (self.open_meetings or self.open_agreements):
            title, city = self.follow_up(body, published)
        else:
            title, city = self.statement(body, people[0])
        self.fill(body, people, city)
        text = body.text
        path = f"{DEMO_PREFIX}{index:07d}.txt"
        article = factories.ArticleFactory.build(
            title=title, body=text, published=published, dateline=city.upper(), outlet=self.rng.choice(OUTLETS),
            source_name=path.removeprefix(DEMO_PREFIX), source_path=path,
            # The path is in the hash: two generated stories may happen to read the same.
            content_hash=hashlib.sha256(f"{path}\x1f{title}\x1f{text}".encode()).hexdigest())
        self.add(article)
        for cited in body.cited:
            self.add(factories.EvidenceFactory.build(
                article=article, **{"person": None, cited.target: cited.record}, sentence=cited.sentence,
                sentence_start=cited.sentence_start, sentence_end=cited.sentence_end, start=cited.start,
                end=cited.end, confidence=round(self.rng.uniform(0.5, 1.0), 2)))
            cited.evidence = self.rows[models.Evidence][-1]
        for row in (*self.steps, *self.conflicts):
            row.article = article
        for person, role_title in self.roles.values():
            self.add(factories.RoleFactory.build(
                person=person, title=role_title, country=person.country, article=article, date=published,
                date_precision="day"))

    def titled(self, body: Body, person) -> Mention:
        """A person as the text names them, with their title; the title becomes a role of the article."""
        self.roles[id(person)] = (person, person.title)  # unsaved records cannot be dict keys
        return Mention(person.name, "person", person)

    def meeting_story(self, body: Body, people: list, published: datetime.date) -> tuple[str, str]:
        host, guest = people[0], people[1]
        city = self.rng.choice(CITIES[host.country.code])
        when = published - datetime.timedelta(days=self.rng.randrange(3))
        precision = "day" if self.rng.random() < 0.85 else "month"
        sector = self.rng.choice(SECTORS)
        meeting = factories.MeetingFactory.build(
            uid=self.w.uid(), date=when, date_precision=precision, date_text=date_words(when, precision),
            location=city, topic=f"{sector.capitalize()} cooperation between {host.country.name} and "
                                 f"{guest.country.name}", **self.w.review())
        self.add(meeting)
        body.say(f"{host.title} ", self.titled(body, host), f" of {host.country.name} ",
                 Mention("held talks", "meeting", meeting), f" with {guest.title} ", self.titled(body, guest),
                 f" of {guest.country.name} in {city} {'on' if precision == 'day' else 'in'} "
                 f"{date_words(when, precision)}.")
        attending = [host, guest]
        if self.rng.random() < 0.4:
            third = people[2]
            body.say(f"{third.title} ", self.titled(body, third), " also attended the meeting.")
            attending.append(third)
        for person in attending:
            self.add(factories.MeetingParticipantFactory.build(
                meeting=meeting, person=person, name=person.name, country=person.country))
        if self.rng.random() < 0.3:
            org = self.rng.choice(self.w.orgs)
            body.say("Officials from the ", Mention(org.name, "organization", org), " joined the talks.")
            self.add(factories.MeetingParticipantFactory.build(
                meeting=meeting, person=None, organization=org, name=org.name, country=org.country))
        if self.rng.random() < 0.15:
            other = self.w.countries[self.w.code()]
            body.say(f"A delegation from {other.name} was also present.")
            self.add(factories.MeetingParticipantFactory.build(
                meeting=meeting, person=None, name=f"delegation of {other.name}", country=other))
        self.open_meetings.append(meeting)
        return f"{host.country.name} and {guest.country.name} discuss {sector} cooperation", city

    def agreement_story(self, body: Body, people: list, published: datetime.date) -> tuple[str, str]:
        one, other = people
        other_country = other.country
        while other_country.code == one.country.code:
            other_country = self.w.countries[self.w.code()]
        kind = self.rng.choices(list(KIND_WORDS), [30, 25, 10, 10, 5, 20])[0]
        status = self.rng.choices(STATUS_ORDER, [25, 25, 40, 10])[0]
        sector = self.rng.choice(SECTORS)
        title = f"{KIND_WORDS[kind].capitalize()} on {sector} between {one.country.name} and {other_country.name}"
        value = self.rng.choice([None, None, self.rng.randrange(1, 2000) * 1_000_000])
        agreement = factories.AgreementFactory.build(
            uid=self.w.uid(), title=title, kind=kind, status=status, date=published, date_precision="day",
            date_text=date_words(published, "day"), value_usd=value, **self.w.review())
        self.add(agreement)
        city = self.rng.choice(CITIES[one.country.code])
        [cited] = [c for c in body.say(self.titled(body, one), " and ", self.titled(body, other),
                                       f" {STATUS_VERBS[status]} the ", Mention(title, "agreement", agreement),
                                       f" in {city}.") if c.target == "agreement"]
        if value:
            body.say(f"The agreement is worth ${value // 1_000_000} million.")
        for name, country in ((one.country.name, one.country), (other_country.name, other_country)):
            self.add(factories.AgreementPartyFactory.build(agreement=agreement, name=name, country=country))
        if status in ("signed", "in_force"):
            for person in {one.name: one, other.name: other}.values():
                self.add(factories.AgreementPartyFactory.build(
                    agreement=agreement, name=person.name, role="signatory", country=person.country, person=person))
        for sector_row in self.rng.sample(self.w.sectors, self.rng.randint(1, 2)):
            self.sectors_of.append((agreement, sector_row))
        self.status_step(agreement, status, published, cited)
        self.open_agreements.append(agreement)
        return f"{one.country.name} and {other_country.name} {STATUS_VERBS[status]} {KIND_WORDS[kind]}", city

    def status_step(self, agreement, status: str, when: datetime.date, cited) -> None:
        step = factories.AgreementStatusChangeFactory.build(
            agreement=agreement, status=status, date=when, date_precision="day", date_text=date_words(when, "day"),
            article=None)
        step.cited = cited
        self.add(step)
        self.steps.append(step)

    def follow_up(self, body: Body, published: datetime.date) -> tuple[str, str]:
        """A later report on a meeting or agreement of this batch: a new status, or a differing detail."""
        if self.open_agreements and (not self.open_meetings or self.rng.random() < 0.5):
            agreement = self.rng.choice(self.open_agreements)
            place = STATUS_ORDER.index(agreement.status)
            city = self.rng.choice(CITIES[self.w.code()])
            if place + 1 < len(STATUS_ORDER):
                agreement.status = STATUS_ORDER[place + 1]
                [cited] = body.say("Officials said the ", Mention(agreement.title, "agreement", agreement),
                                   f" was {STATUS_VERBS[agreement.status].removeprefix('are ')}.")
                self.status_step(agreement, agreement.status, published, cited)
            else:
                [cited] = body.say("The ", Mention(agreement.title, "agreement", agreement), " remains in force.")
                self.open_agreements.remove(agreement)
            if agreement.value_usd and self.rng.random() < 0.3:
                other = agreement.value_usd + self.rng.randrange(1, 50) * 1_000_000
                body.say(f"Officials put its value at ${other // 1_000_000} million.")
                self.conflict(cited, agreement=agreement, field="value_usd",
                              kept_value=str(agreement.value_usd), other_value=str(other))
            return f"Update on the {agreement.title}", city
        meeting = self.rng.choice(self.open_meetings)
        self.open_meetings.remove(meeting)  # one follow-up each: a conflict per meeting, field and article
        city = meeting.location
        if self.rng.random() < 0.3:
            city = self.rng.choice([c for cities in CITIES.values() for c in cities if c != meeting.location])
        [cited] = body.say("The ", Mention(f"talks in {city}", "meeting", meeting), " were described as productive.")
        if city != meeting.location:
            self.conflict(cited, meeting=meeting, field="location", kept_value=meeting.location,
                          other_value=city)
        return f"Talks in {city} described as productive", city

    def conflict(self, cited, **values) -> None:
        values.setdefault("meeting", None)
        conflict = factories.FieldConflictFactory.build(article=None, **values)
        conflict.cited = cited
        self.add(conflict)
        self.conflicts.append(conflict)

    def statement(self, body: Body, person) -> tuple[str, str]:
        city = self.rng.choice(CITIES[person.country.code])
        body.say(f"{person.title} ", self.titled(body, person),
                 f" said {person.country.name} wants closer ties with its neighbours.")
        return f"{person.name} calls for closer regional ties", city

    def fill(self, body: Body, people: list, city: str) -> None:
        c1, c2 = people[0].country.name, people[1].country.name
        for template in self.rng.sample(FILLERS, self.rng.randint(2, 5)):
            body.say(template.format(sector=self.rng.choice(SECTORS), c1=c1, c2=c2, city=city,
                                     n=self.rng.randrange(50, 5000)))

    def add(self, instance) -> None:
        self.rows[type(instance)].append(instance)

    # -- writing --------------------------------------------------------------------------------

    def save(self) -> Counter:
        """Parents before children: bulk_create sets the ids the children's links then take."""
        order = [models.Person, models.PersonAlias, models.Organization, models.OrganizationAlias,
                 models.Article, models.Meeting, models.MeetingParticipant, models.Agreement,
                 models.AgreementParty, models.Evidence, models.AgreementStatusChange, models.FieldConflict,
                 models.Role]
        made = Counter()
        for model in order:
            rows = self.rows.get(model, [])
            if model in (models.AgreementStatusChange, models.FieldConflict):
                for row in rows:
                    row.evidence = row.cited.evidence
            model.objects.bulk_create(rows, batch_size=2000)
            made[model._meta.verbose_name_plural] += len(rows)
        through = models.Agreement.sectors.through
        through.objects.bulk_create(
            [through(agreement_id=a.pk, sector_id=s.pk) for a, s in self.sectors_of], batch_size=5000)
        made["agreement sectors"] += len(self.sectors_of)
        return made
