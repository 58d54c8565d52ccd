"""Hand-built extractor output, so ingest rules are tested apart from the extractor."""

import datetime

from archive.extraction.records import Evidence, ExtractedArticle, ExtractedOrganization, ExtractedPerson


def evidence_for(body: str, mention: str, confidence: float = 0.8) -> Evidence:
    start = body.index(mention)
    return Evidence(sentence=body, sentence_start=0, sentence_end=len(body), start=start,
                    end=start + len(mention), confidence=confidence)


def person(body: str, name: str, *, mention: str | None = None, title=None, country="Kazakhstan", aliases=()):
    return ExtractedPerson(name=name, aliases=list(aliases), title=title, country=country,
                           evidence=[evidence_for(body, mention or name)])


def organization(body: str, name: str, *, type="government", country="Pakistan", acronym=None):
    return ExtractedOrganization(name=name, acronym=acronym, type=type, country=country,
                                 evidence=[evidence_for(body, name)])


def article(body: str, *, title="A visit", source="story.txt", position=0, published=datetime.date(2025, 9, 9),
            people=(), organizations=()):
    return ExtractedArticle(source_name=source, position=position, title=title, body=body, published=published,
                            people=list(people), organizations=list(organizations))


def meeting(body: str, participants, *, mention: str, date=None, location=None, topic=None, organizations=()):
    from archive.extraction.records import ExtractedMeeting

    return ExtractedMeeting(participants=list(participants), organizations=list(organizations), date=date,
                            location=location, topic=topic, evidence=[evidence_for(body, mention)])


def agreement(body: str, title: str, *, mention: str, status="signed", kind="agreement",
              parties=("Uzbekistan", "Turkmenistan"), date=None, value_usd=None, sectors=()):
    from archive.extraction.records import ExtractedAgreement

    return ExtractedAgreement(title=title, kind=kind, status=status, parties=list(parties), date=date,
                              value_usd=value_usd, sectors=list(sectors), evidence=[evidence_for(body, mention)])


def day(value: datetime.date, text: str = ""):
    from archive.extraction.records import FuzzyDate, Precision

    return FuzzyDate(value=value, precision=Precision.DAY, text=text or value.isoformat())
