"""One factory per model: every test that needs data makes it here."""

import hashlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from factory.django import DjangoModelFactory

from archive import models
from archive.curation.aliases import alias_keys


def country(code: str) -> models.Country:
    """Countries are reference data loaded by a migration; tests look them up."""
    return models.Country.objects.get(code=code)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = models.Article

    title = factory.Faker("sentence", nb_words=8)
    outlet = factory.Faker("random_element", elements=["Indusline", "Arab News", "The Astana Times", ""])
    published = factory.Faker("date_between", start_date="-3y", end_date="today")
    dateline = factory.Faker("random_element", elements=["ISLAMABAD", "ASTANA", "TASHKENT", ""])
    source_name = factory.Sequence(lambda n: f"article_{n:06d}.txt")
    source_path = factory.LazyAttribute(lambda a: f"seeds/{a.source_name}")
    body = factory.Faker("paragraph", nb_sentences=8)
    content_hash = factory.LazyAttribute(lambda a: hashlib.sha256(f"{a.title}\x1f{a.body}".encode()).hexdigest())


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = models.Person

    name = factory.Faker("name")
    title = factory.Faker("random_element", elements=["Foreign Minister", "Ambassador", "Prime Minister"])
    country = factory.LazyFunction(lambda: country("PK"))
    confidence = factory.Faker("pyfloat", min_value=0, max_value=1)


class PersonAliasFactory(DjangoModelFactory):
    class Meta:
        model = models.PersonAlias

    person = factory.SubFactory(PersonFactory)
    name = factory.LazyAttribute(lambda a: a.person.name.split()[-1])
    normalized = factory.LazyAttribute(lambda a: alias_keys(a.name, models.PersonAlias)["normalized"])
    surname_key = factory.LazyAttribute(lambda a: alias_keys(a.name, models.PersonAlias)["surname_key"])


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = models.Organization

    name = factory.Faker("company")
    org_type = models.OrganizationType.COMPANY
    country = factory.LazyFunction(lambda: country("KZ"))


class OrganizationAliasFactory(DjangoModelFactory):
    class Meta:
        model = models.OrganizationAlias

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Faker("company")
    normalized = factory.LazyAttribute(lambda a: alias_keys(a.name, models.OrganizationAlias)["normalized"])


class RoleFactory(DjangoModelFactory):
    class Meta:
        model = models.Role

    person = factory.SubFactory(PersonFactory)
    title = factory.Faker("random_element", elements=["Minister of Trade", "Deputy Prime Minister"])
    country = factory.LazyFunction(lambda: country("KZ"))
    article = factory.SubFactory(ArticleFactory)
    date = factory.LazyAttribute(lambda r: r.article.published)
    date_precision = "day"


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = models.Meeting

    date = factory.Faker("date_between", start_date="-3y", end_date="today")
    date_precision = "day"
    location = factory.Faker("random_element", elements=["Islamabad", "Astana", "Tashkent"])
    topic = factory.Faker("sentence", nb_words=6)


class MeetingParticipantFactory(DjangoModelFactory):
    class Meta:
        model = models.MeetingParticipant

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    name = factory.LazyAttribute(lambda p: p.person.name if p.person else "")
    country = factory.LazyAttribute(lambda p: p.person.country if p.person else None)


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = models.Sector
        django_get_or_create = ["name"]

    name = factory.Faker("random_element", elements=["trade", "energy", "logistics", "agriculture"])


class AgreementFactory(DjangoModelFactory):
    class Meta:
        model = models.Agreement

    title = factory.Faker("sentence", nb_words=5)
    kind = models.AgreementKind.MOU
    status = models.AgreementStatus.SIGNED
    date = factory.Faker("date_between", start_date="-3y", end_date="today")
    date_precision = "day"


class AgreementPartyFactory(DjangoModelFactory):
    class Meta:
        model = models.AgreementParty

    agreement = factory.SubFactory(AgreementFactory)
    country = factory.LazyFunction(lambda: country("KZ"))
    name = factory.LazyAttribute(lambda p: p.country.name if p.country else "")


class AgreementStatusChangeFactory(DjangoModelFactory):
    class Meta:
        model = models.AgreementStatusChange

    agreement = factory.SubFactory(AgreementFactory)
    status = models.AgreementStatus.PROPOSED
    article = factory.SubFactory(ArticleFactory)


class EvidenceFactory(DjangoModelFactory):
    """Evidence for a person unless another target is given."""

    class Meta:
        model = models.Evidence

    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory)
    sentence = factory.LazyAttribute(lambda e: e.article.body[:120])
    sentence_start = 0
    sentence_end = factory.LazyAttribute(lambda e: len(e.sentence))
    start = 0
    end = 10
    confidence = 0.8


class FieldConflictFactory(DjangoModelFactory):
    class Meta:
        model = models.FieldConflict

    meeting = factory.SubFactory(MeetingFactory)
    field = "date"
    kept_value = "2025-09-09"
    other_value = "2025-09-10"
    article = factory.SubFactory(ArticleFactory)


def curator(username: str = "curator", group: str = "Curator"):
    """A staff account in one of the groups the 0006_groups migration creates."""
    from django.contrib.auth.models import Group

    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


class MergeRecordFactory(DjangoModelFactory):
    """A merge as the merge service records it; use archive.curation.merge for a real one."""

    class Meta:
        model = models.MergeRecord

    content_type = factory.LazyFunction(lambda: ContentType.objects.get_for_model(models.Person))
    kept_id = factory.LazyFunction(lambda: PersonFactory().pk)
    merged_id = factory.LazyFunction(lambda: PersonFactory().pk)
    kept_label = "kept"
    merged_label = "merged"
    changes = factory.LazyFunction(lambda: {"moved": [], "deleted": [], "repointed": [], "created": [],
                                            "sectors_added": []})


class DuplicateDecisionFactory(DjangoModelFactory):
    """A suggested pair of people (pending) unless a verdict is given."""

    class Meta:
        model = models.DuplicateDecision

    class Params:
        first = factory.SubFactory(PersonFactory)
        second = factory.SubFactory(PersonFactory)

    content_type = factory.LazyAttribute(lambda d: ContentType.objects.get_for_model(d.first))
    low_id = factory.LazyAttribute(lambda d: min(d.first.pk, d.second.pk))
    high_id = factory.LazyAttribute(lambda d: max(d.first.pk, d.second.pk))
    score = 0.8
    reasons = "names alike"
