"""Lists filtered by several columns at once (the shapes migration 0017's indexes serve): the same rows, in the
list's order, as the rule says, with live records only; and the meetings' timeline counted per month."""

import importlib
import random
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection

from archive.browse.selectors import meetings_by_month
from archive.models import AgreementKind, DatePrecision, ReviewStatus
from tests import factories as f

from .conftest import ids

pytestmark = pytest.mark.django_db

KINDS = [AgreementKind.MOU, AgreementKind.TREATY, AgreementKind.AGREEMENT]


def newest_first(records) -> list[int]:
    """The lists' order: newest first, undated last, the higher id first among equals."""
    return [r.pk for r in sorted(records, key=lambda r: (r.date is None, -r.date.toordinal() if r.date else 0, -r.pk))]


@pytest.fixture
def agreements(db):
    """Sixty agreements of three kinds, with values, dates (some shared, some missing), sectors and
    parties of two countries; a rejected and a merged one that match every filter."""
    rng = random.Random(17)
    kz, uz = f.country("KZ"), f.country("UZ")
    energy, trade = f.SectorFactory(name="energy"), f.SectorFactory(name="trade")
    made = []
    for i in range(60):
        day = None if i % 9 == 0 else date(2021 + (i // 6) % 4, 1 + (i // 6) % 12, 15)  # six a day: ties by id
        value = Decimal(rng.choice([5, 50, 500, 5000]) * 10**6)
        agreement = f.AgreementFactory(kind=KINDS[i % 3], date=day, value_usd=value)
        agreement.sectors.add(energy if i % 2 else trade)
        f.AgreementPartyFactory(agreement=agreement, country=kz if i % 4 else uz)
        made.append(agreement)
    for status in ({"review_status": ReviewStatus.REJECTED}, {"merged_into": made[1]}):
        hidden = f.AgreementFactory(kind=AgreementKind.MOU, date=date(2023, 5, 5), value_usd=Decimal(50 * 10**6),
                                    **status)
        hidden.sectors.add(energy)
        f.AgreementPartyFactory(agreement=hidden, country=kz)
    return made


def test_agreements_of_a_kind_with_a_party_country_come_newest_first(client, agreements):
    expected = newest_first(a for a in agreements if a.kind == AgreementKind.MOU
                            and any(p.country.code == "KZ" for p in a.parties.all()))
    assert len(expected) > 5
    assert ids(client.get("/agreements/", {"country": "KZ", "kind": "mou", "per_page": 100})) == expected


def test_agreements_by_value_dates_and_sector_come_newest_first(client, agreements):
    low, high = Decimal(10 * 10**6), Decimal(1000 * 10**6)
    expected = newest_first(
        a for a in agreements
        if low <= a.value_usd <= high and a.date and date(2022, 1, 1) <= a.date <= date(2024, 12, 31)
        and a.sectors.filter(name="energy").exists())
    assert len(expected) > 3
    response = client.get("/agreements/", {"value_min": "10000000", "value_max": "1000000000", "sector": "energy",
                                           "date_from": "2022-01-01", "date_to": "2024-12-31", "per_page": 100})
    assert ids(response) == expected


def test_the_timeline_counts_each_month_and_leaves_out_undated_and_year_only_meetings():
    rows = [{"pk": 1, "date": date(2025, 3, 30), "date_precision": DatePrecision.DAY},
            {"pk": 2, "date": date(2025, 3, 1), "date_precision": DatePrecision.MONTH},
            {"pk": 3, "date": date(2024, 12, 31), "date_precision": DatePrecision.DAY},
            {"pk": 4, "date": date(2025, 1, 1), "date_precision": DatePrecision.YEAR},
            {"pk": 5, "date": None, "date_precision": DatePrecision.DAY}]
    assert meetings_by_month(rows) == [(date(2024, 12, 1), 1), (date(2025, 3, 1), 2)]


def test_the_list_filter_indexes_exist_where_the_database_has_them():
    migration = importlib.import_module("archive.migrations.0017_list_filter_indexes")
    expected = {name: table for name, table, *_, vendors in migration.INDEXES if connection.vendor in vendors}
    assert expected  # the sector index is made on SQLite too
    with connection.cursor() as cursor:
        for name, table in expected.items():
            assert name in connection.introspection.get_constraints(cursor, table), name
