"""The records a batch of articles' names could stand for, read in one round of queries per kind.

Resolving a name used to be a query per name (and one more per merged record
followed, whose aliases were not prefetched). A batch's people and
organizations are now looked up together, once its locks are held (see `locks`):
every record any of its name keys finds, with its aliases, country and the
records it was merged into. Resolution then runs in memory, name by name in the
order of the texts, against those records and the ones created earlier in the
same batch, exactly as it did against the database.

Why per batch rather than once per run: another writer (a second ingest, or a
curator verifying, merging or editing in the admin) may change any of these
records between two batches, and ingest must see their latest state before it
writes, or it could overwrite a curator's decision. One fresh read per batch of
articles (`NamePools`), taken after its locks, is what makes that safe; it costs
a handful of queries, not one per name. The roles the people rules read are
read once per batch too, for every stored person of the pool, and the roles the
batch's earlier articles gave are added in memory (`rows.BatchRows.pending_roles`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Max, Prefetch

from archive.extraction.entities import names
from archive.extraction.records import ExtractedArticle
from archive.models import Article, Organization, OrganizationAlias, Person, PersonAlias, Role

from .rows import record_key


def person_keys(forms: Iterable[str]) -> set[str]:
    """The surname keys a name could be found by: any of its words may be the surname of an alias
    (`names.surname_key`, the key `curation.aliases.alias_keys` stores)."""
    return {names.skeleton(word) for form in forms for word in names.name_words(form)}


def org_forms(forms: Iterable[str | None]) -> set[str]:
    return {names.normalize(form) for form in forms if form} - {""}


def distinct(records: Iterable) -> list:
    """Each record once, in order, by identity (a record created by this article has no id to hash yet)."""
    return list({id(r): r for r in records}.values())


def with_merges(model, records: list) -> dict[int, object]:
    """{pk: record} for `records` and every record they were merged into (followed in one query per
    hop, with the same aliases and country loaded), so `resolved()` needs no query."""
    by_pk = {r.pk: r for r in records}
    missing = {r.merged_into_id for r in records if r.merged_into_id} - set(by_pk)
    while missing:
        found = list(loaded(model).filter(pk__in=missing))
        by_pk.update((r.pk, r) for r in found)
        missing = {r.merged_into_id for r in found if r.merged_into_id} - set(by_pk)
    for record in by_pk.values():
        if record.merged_into_id:
            record.merged_into = by_pk[record.merged_into_id]
    return by_pk


def loaded(model):
    alias_model = PersonAlias if model is Person else OrganizationAlias
    return model.objects.select_related("country").prefetch_related(
        Prefetch("aliases", queryset=alias_model.objects.order_by("id")))


@dataclass
class RoleStats:
    """Of a person's roles in other articles: the latest date, and how many give each country."""

    latest: object = None
    country_votes: dict = field(default_factory=dict)


@dataclass
class PeoplePool:
    """The people an article's names could be, and the ones it creates, with their name forms."""

    found: list = field(default_factory=list)  # in id order, as read (possibly merged away)
    keys: dict = field(default_factory=dict)  # id(record) -> its surname keys
    forms: dict = field(default_factory=dict)  # id(record) -> its name forms
    roles: dict = field(default_factory=lambda: defaultdict(RoleStats))  # `rows.record_key` -> RoleStats
    created: list = field(default_factory=list)
    stored: set = field(default_factory=set)  # (pk, normalized form) of the aliases in the archive
    by_key: dict | None = None  # surname key -> places in `found` of the records it finds (`found_by_key`)
    places: dict = field(default_factory=dict)  # id(record) -> places in `found` of it and of those merged into it

    @classmethod
    def load(cls, articles: Iterable[ExtractedArticle]) -> PeoplePool:
        """The people any of `articles`' names could be (a batch's: see `NamePools`)."""
        keys = person_keys(form for extracted in articles for p in extracted.people for form in (p.name, *p.aliases))
        pool = cls()
        if not keys:
            return pool
        pool.found = list(loaded(Person).filter(aliases__surname_key__in=keys).distinct().order_by("id"))
        for person in with_merges(Person, pool.found).values():
            aliases = list(person.aliases.all())
            pool.keys[id(person)] = {a.surname_key for a in aliases}
            pool.forms[id(person)] = [person.name, *(a.name for a in aliases)]
            pool.stored |= {(person.pk, a.normalized) for a in aliases}
        return pool

    def load_roles(self, extracted: ExtractedArticle, article: Article, batch=None) -> None:
        """What the "newest source" and "most cited country" rules need of the roles, in other articles,
        of the people `extracted` could name (created by an earlier article of the batch included):
        those in the archive, and those the batch's earlier articles gave (`rows.BatchRows`, not written yet)."""
        self.roles.clear()
        keys = person_keys(form for p in extracted.people for form in (p.name, *p.aliases))
        person_ids = {self.found[place].resolved().pk for place in self.places_by_keys(keys)
                      if self.keys[id(self.found[place])] & keys}
        created = {record_key(p) for p in self.created if self.keys[id(p)] & keys}
        person_ids |= {pk for kind, pk in created if kind == "pk"}
        if not person_ids and not created:
            return
        stored = batch.stored_role_rows(article) if batch else None
        if stored is not None:  # the batch's read: the article has no stored roles to leave out
            rows = [row for row in stored if row["person_id"] in person_ids]
        elif person_ids:
            rows = (Role.objects.filter(person__in=person_ids).exclude(article=article)
                    .values("person_id", "country_id").annotate(n=Count("id"), latest=Max("date")).order_by())
        else:
            rows = []
        rows = [{**row, "person": ("pk", row["person_id"])} for row in rows]
        wanted = {("pk", pk) for pk in person_ids} | created
        rows += [{"person": record_key(r.person), "country_id": r.country_id, "n": 1, "latest": r.date}
                 for r in (batch.pending_roles(wanted) if batch else ()) if r.article is not article]
        for row in rows:
            stats = self.roles[row["person"]]
            if row["latest"] and (stats.latest is None or row["latest"] > stats.latest):
                stats.latest = row["latest"]
            if row["country_id"]:
                stats.country_votes[row["country_id"]] = stats.country_votes.get(row["country_id"], 0) + row["n"]

    def candidates(self, forms: list[str]) -> list:
        """The records `forms` could name, merges followed, oldest first; then those created here."""
        keys = person_keys(forms)
        found = [self.found[place].resolved() for place in sorted(self.places_by_keys(keys))]
        return distinct([*found, *(p for p in self.created if self.keys[id(p)] & keys)])

    def places_by_keys(self, keys: set[str]) -> set[int]:
        return {place for key in keys for place in self.found_by_key().get(key, ())}

    def found_by_key(self) -> dict:
        """{surname key: places in `found` of the records whose keys, or those of the record they were merged
        into, hold it}: a batch looks up each of its names, and scanning every record read for each grew
        with the pool. Built when first asked; `add_forms` keeps it current."""
        if self.by_key is None:
            self.by_key, self.places = defaultdict(set), defaultdict(list)
            for place, person in enumerate(self.found):
                for record in {id(person): person, id(person.resolved()): person.resolved()}.values():
                    self.places[id(record)].append(place)
                    for key in self.keys.get(id(record), ()):
                        self.by_key[key].add(place)
        return self.by_key

    def could_meet(self, extracted: ExtractedArticle, meeting) -> set[int]:
        """Ids of the stored people the participants of one of the article's meetings could resolve to."""
        forms = [form for p in extracted.people if p.name in meeting.participants for form in (p.name, *p.aliases)]
        return {person.pk for person in self.candidates(forms) if person.pk is not None} if forms else set()

    def person_forms(self, person) -> list[str]:
        return self.forms[id(person)]

    def add_forms(self, person, forms: Iterable[str]) -> None:
        """Forms given to `person` by this article (its aliases, once written)."""
        known = self.forms.setdefault(id(person), [person.name])
        self.keys.setdefault(id(person), set())
        for form in filter(None, forms):
            if form not in known:
                known.append(form)
            if key := names.surname_key(form):
                self.keys[id(person)].add(key)
                if self.by_key is not None:
                    self.by_key[key].update(self.places.get(id(person), ()))

    def create(self, person, forms: list[str]) -> None:
        self.created.append(person)
        self.add_forms(person, forms)

    def forget(self, person_ids: set[int]) -> None:
        """Records deleted (orphaned by an updated article): later articles must not find them."""
        self.found = [p for p in self.found if p.pk not in person_ids]
        self.by_key = None  # places changed
        self.created = [p for p in self.created if p.pk not in person_ids]


@dataclass
class OrganizationPool:
    """The organizations an article's names and acronyms could be, and the ones it creates."""

    by_form: dict = field(default_factory=lambda: defaultdict(list))  # normalized form -> records
    by_acronym: dict = field(default_factory=lambda: defaultdict(list))  # acronym -> records
    stored: set = field(default_factory=set)  # (pk, normalized form) of aliases known to be in the archive

    @classmethod
    def load(cls, articles: Iterable[ExtractedArticle]) -> OrganizationPool:
        """The organizations any of `articles`' names and acronyms could be (a batch's: see `NamePools`)."""
        pool = cls()
        named = [o for extracted in articles for o in extracted.organizations]
        forms = org_forms(form for o in named for form in (o.name, *o.aliases))
        acronyms = {o.acronym for o in named if o.acronym}
        aliases = list(OrganizationAlias.objects.filter(normalized__in=forms)
                       .select_related("organization__country")) \
            if forms else []
        by_acronym = list(Organization.objects.filter(acronym__in=acronyms).select_related("country")) if acronyms else []
        records = with_merges(Organization, [a.organization for a in aliases] + by_acronym)
        for alias in aliases:
            pool.by_form[alias.normalized].append(records[alias.organization_id])
            pool.stored.add((alias.organization_id, alias.normalized))
        for org in by_acronym:
            pool.by_acronym[org.acronym].append(records[org.pk])
        return pool

    def with_forms(self, forms: set[str]) -> list:
        return [org for form in forms for org in self.by_form.get(form, ())]

    def with_acronym(self, acronym: str) -> list:
        return [org for org in self.by_acronym.get(acronym, ()) if org.acronym == acronym]  # it may have changed

    def add(self, org, forms: Iterable[str | None]) -> None:
        """Forms and acronym the article gives `org` (found by the next organization of the article too)."""
        for form in org_forms(forms):
            if org not in self.by_form[form]:
                self.by_form[form].append(org)
        if org.acronym and org not in self.by_acronym[org.acronym]:
            self.by_acronym[org.acronym].append(org)

    def forget(self, org_ids: set[int]) -> None:
        """Records deleted (orphaned by an updated article): later articles must not find them."""
        for table in (self.by_form, self.by_acronym):
            for key, orgs in table.items():
                table[key] = [org for org in orgs if org.pk not in org_ids]


@dataclass
class NamePools:
    """The people and organizations a batch of articles could name: read once for the whole batch, once
    its locks are held, and kept current as its articles create records and give them names, so an
    article sees what the ones before it in the batch wrote, as if each had read the database."""

    people: PeoplePool
    organizations: OrganizationPool

    @classmethod
    def load(cls, articles: list[ExtractedArticle]) -> NamePools:
        return cls(PeoplePool.load(articles), OrganizationPool.load(articles))

    def forget(self, deleted: dict) -> None:
        """{model: ids} deleted by `articles.remove_orphans`."""
        self.people.forget(deleted.get(Person, set()))
        self.organizations.forget(deleted.get(Organization, set()))
