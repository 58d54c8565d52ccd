"""One person across articles whatever the transliteration; their country is what most articles say."""

import datetime

import pytest

from archive.ingest.articles import save_article
from archive.ingest.report import IngestReport
from archive.models import Person
from tests.ingest.builders import article, person

pytestmark = pytest.mark.django_db


def ingest(source: str, body: str, name: str, *, country: str, title: str = "Minister", day: int = 1):
    extracted = article(body, title=f"Story {source}", source=source, published=datetime.date(2025, 3, day),
                        people=[person(body, name, title=title, country=country)])
    save_article(extracted, source_path=source, report=IngestReport())


def test_two_transliterations_of_one_name_are_one_person():
    ingest("a.txt", "Minister Nurlan Zhumabekov spoke in Almaty.", "Nurlan Zhumabekov", country="Kazakhstan")
    ingest("b.txt", "Minister Nurlan Jumabekov spoke in Astana.", "Nurlan Jumabekov", country="Kazakhstan", day=2)
    ingest("c.txt", "Minister Nurlan Zhoumabekov spoke again.", "Nurlan Zhoumabekov", country="Kazakhstan", day=3)
    assert Person.objects.count() == 1


def test_two_people_who_share_a_surname_stay_two():
    ingest("a.txt", "Minister Nurlan Zhumabekov spoke in Almaty.", "Nurlan Zhumabekov", country="Kazakhstan")
    ingest("b.txt", "Minister Daniyar Zhumabekov spoke in Astana.", "Daniyar Zhumabekov", country="Kazakhstan", day=2)
    assert Person.objects.count() == 2


def test_one_article_that_misreads_the_country_is_outvoted_by_the_others():
    ingest("a.txt", "Minister Rustam Qodirov met the Pakistani side.", "Rustam Qodirov", country="Pakistan")
    ingest("b.txt", "Uzbek Minister Rustam Qodirov spoke.", "Rustam Qodirov", country="Uzbekistan", day=2)
    ingest("c.txt", "Uzbekistan's minister Rustam Kodirov spoke.", "Rustam Kodirov", country="Uzbekistan", day=3)
    assert Person.objects.get().country.name == "Uzbekistan"
