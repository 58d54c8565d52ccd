"""A small archive for the reading pages: two meetings with Kazakhstan in 2025, one with
Uzbekistan in 2024, agreements in several states, and one rejected record of each kind."""

import csv
import io
import json
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from archive.models import AgreementKind, AgreementStatus, OrganizationType, ReviewStatus
from tests import factories as f


def listed(response) -> list:
    """The records a list page shows, in order."""
    assert response.status_code == 200
    return list(response.context["object_list"])


def ids(response) -> list[int]:
    return [r.pk for r in listed(response)]


def download(response):
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    if response["Content-Type"].startswith("text/csv"):
        return list(csv.DictReader(io.StringIO(body)))
    return json.loads(body)


@pytest.fixture
def archive(db):
    kz, uz, pk = f.country("KZ"), f.country("UZ"), f.country("PK")
    dawn = f.ArticleFactory(title="Pakistan and Kazakhstan agree on a railway corridor", outlet="Indusline",
                            published=date(2025, 3, 4),
                            body="ISLAMABAD: Minister Amina Rahman met Kazakh envoy Nurlan Bekov to discuss the "
                                 "Trans-Pamir railway corridor and wheat exports.")
    astana = f.ArticleFactory(title="Uzbek delegation visits Astana", outlet="The Astana Times",
                              published=date(2024, 6, 10),
                              body="ASTANA: An Uzbek delegation discussed cotton and energy supplies with officials.")
    amina = f.PersonFactory(name="Amina Rahman", title="Federal Minister for Communications", country=pk)
    nurlan = f.PersonFactory(name="Nurlan Bekov", title="Ambassador", country=kz)
    sardor = f.PersonFactory(name="Sardor Aliyev", title="Deputy Minister", country=uz)
    ghost = f.PersonFactory(name="Ghost Rejected", country=kz, review_status=ReviewStatus.REJECTED)
    f.PersonAliasFactory(person=nurlan, name="N. Bekov", normalized="n bekov", surname_key="bekov")
    ministry = f.OrganizationFactory(name="Ministry of Railways", acronym="MoR", org_type=OrganizationType.GOVERNMENT,
                                     country=pk)
    ktz = f.OrganizationFactory(name="Kazakhstan Temir Zholy", acronym="KTZ", org_type=OrganizationType.COMPANY,
                                country=kz)
    f.OrganizationFactory(name="Rejected Holdings", review_status=ReviewStatus.REJECTED, country=kz)
    f.RoleFactory(person=amina, title="Federal Minister for Communications", organization=ministry, country=pk,
                  article=dawn, date=date(2025, 3, 4))
    f.RoleFactory(person=amina, title="Senator", organization=None, country=pk, article=astana, date=date(2021, 1, 1),
                  date_precision="year")
    f.RoleFactory(person=nurlan, title="Ambassador of Kazakhstan", organization=ktz, country=kz, article=dawn)

    def meeting(when, place, people, topic="", orgs=(), **kw):
        m = f.MeetingFactory(date=when, location=place, topic=topic, **kw)
        for p in people:
            f.MeetingParticipantFactory(meeting=m, person=p, name=p.name, country=p.country)
        for o in orgs:
            f.MeetingParticipantFactory(meeting=m, person=None, organization=o, name=o.name, country=o.country)
        return m

    m_march = meeting(date(2025, 3, 4), "Islamabad", [amina, nurlan], "railway corridor", orgs=[ktz],
                      review_status=ReviewStatus.VERIFIED)
    m_nov = meeting(date(2025, 11, 20), "Astana", [amina, nurlan, ghost], "wheat exports")
    m_uz = meeting(date(2024, 6, 10), "Tashkent", [sardor, amina], "cotton and energy")
    m_rejected = meeting(date(2025, 5, 1), "Astana", [nurlan], "not a meeting", review_status=ReviewStatus.REJECTED)
    def mention(article, text, **target):
        """Evidence quoting the article after its dateline, pointing at `text`."""
        start = article.body.index(text)
        sentence_start = article.body.index(": ") + 2
        return f.EvidenceFactory(article=article, sentence=article.body[sentence_start:],
                                 sentence_start=sentence_start, sentence_end=len(article.body),
                                 start=start, end=start + len(text), **{"person": None, **target})

    mention(dawn, "met", meeting=m_march)
    mention(dawn, "Amina Rahman", person=amina)
    mention(dawn, "Nurlan Bekov", person=nurlan)
    mention(dawn, "envoy", person=ghost)

    def agreement(title, status, kind, when, value=None, countries=(), orgs=(), sectors=(), signer=None, **kw):
        a = f.AgreementFactory(title=title, status=status, kind=kind, date=when, value_usd=value, **kw)
        for c in countries:
            f.AgreementPartyFactory(agreement=a, country=c, name=c.name, person=signer)
        for o in orgs:
            f.AgreementPartyFactory(agreement=a, country=None, organization=o, name=o.name)
        for s in sectors:
            a.sectors.add(f.SectorFactory(name=s))
        return a

    railway = agreement("Trans-Pamir railway framework", AgreementStatus.PROPOSED, AgreementKind.AGREEMENT,
                        date(2025, 3, 4), Decimal("4800000000"), [pk, kz], [ktz], ["logistics"], signer=amina)
    wheat = agreement("Wheat supply memorandum", AgreementStatus.SIGNED, AgreementKind.MOU, date(2025, 11, 20),
                      Decimal("120000000"), [pk, kz], sectors=["agriculture"])
    cotton = agreement("Cotton trade action plan", AgreementStatus.NEGOTIATING, AgreementKind.ACTION_PLAN,
                       date(2024, 6, 10), None, [uz, kz], sectors=["trade"])
    f.AgreementFactory(title="Rejected accord", status=AgreementStatus.PROPOSED, review_status=ReviewStatus.REJECTED)
    proposed = f.AgreementStatusChangeFactory(agreement=wheat, status=AgreementStatus.PROPOSED, article=astana,
                                              date=date(2024, 6, 10))
    signed_ev = mention(dawn, "wheat exports", agreement=wheat)
    f.AgreementStatusChangeFactory(agreement=wheat, status=AgreementStatus.SIGNED, article=dawn,
                                   date=date(2025, 11, 20), evidence=signed_ev)
    return SimpleNamespace(**locals())
