"""Plain records the extraction pipeline produces.

These dataclasses are the whole contract between the pure-Python pipeline and
the Django side (`archive.ingest`): the pipeline never imports Django, and the
ingest never looks at raw text. Every extracted thing carries the evidence that
justifies it, as offsets into the cleaned article body.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from enum import Enum


class InputError(Exception):
    """A file that cannot be read as a news article; the message says why."""


class Precision(str, Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class FuzzyDate:
    """A date as precise as the text made it: "in November 2025" is a month, not the 1st."""

    value: datetime.date
    precision: Precision = Precision.DAY
    text: str = ""


@dataclass(frozen=True)
class Evidence:
    """Why a record exists: a sentence of the cleaned body and where the mention sits in it.

    `start`/`end` are character offsets of the mention in `Article.body`;
    `sentence_start`/`sentence_end` bound the whole quoted sentence.
    """

    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int
    confidence: float = 0.5


class Supported:
    """A record backed by evidence, with the features the confidence model reads (`scoring`).

    Its confidence is the model's probability that the record is right, once scored;
    before that, as sure as its surest piece of evidence.
    """

    evidence: list[Evidence]
    features: dict[str, float]
    scored: float | None

    @property
    def confidence(self) -> float:
        if self.scored is not None:
            return self.scored
        return max((e.confidence for e in self.evidence), default=0.5)


@dataclass
class ExtractedPerson(Supported):
    name: str  # fullest form in the article, noise removed, no title
    aliases: list[str] = field(default_factory=list)  # other forms the text uses
    title: str | None = None  # "Deputy Prime Minister and Finance Minister"
    organization: str | None = None  # organization the title belongs to, if stated
    country: str | None = None  # country name they act for, as in `lexicon` (e.g. "Kazakhstan")
    evidence: list[Evidence] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)  # see archive.extraction.scoring.features
    scored: float | None = None  # the confidence model's probability that the record is right


ORGANIZATION_TYPES = (
    "government", "agency", "company", "think_tank", "international",
    "association", "media", "other",
)


@dataclass
class ExtractedOrganization(Supported):
    name: str
    acronym: str | None = None
    type: str = "other"  # one of ORGANIZATION_TYPES
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)  # see archive.extraction.scoring.features
    scored: float | None = None  # the confidence model's probability that the record is right


@dataclass
class ExtractedMeeting(Supported):
    participants: list[str]  # names of ExtractedPerson entries of the same article
    organizations: list[str] = field(default_factory=list)  # names of ExtractedOrganization entries
    date: FuzzyDate | None = None
    location: str | None = None  # city
    topic: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)  # see archive.extraction.scoring.features
    scored: float | None = None  # the confidence model's probability that the record is right


AGREEMENT_KINDS = ("mou", "agreement", "action_plan", "declaration", "treaty", "other")
AGREEMENT_STATUSES = ("proposed", "negotiating", "signed", "in_force")


@dataclass
class ExtractedAgreement(Supported):
    title: str
    kind: str = "other"  # one of AGREEMENT_KINDS
    status: str = "proposed"  # one of AGREEMENT_STATUSES, as the article states it at its date
    parties: list[str] = field(default_factory=list)  # country names or organization names
    date: FuzzyDate | None = None  # signed, or expected
    value_usd: float | None = None
    amount: float | None = None  # stated amount when not in USD or not convertible
    currency: str | None = None  # ISO 4217 of `amount`
    count: int | None = None  # "37 MoUs" -> 37
    sectors: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)  # see archive.extraction.scoring.features
    scored: float | None = None  # the confidence model's probability that the record is right


@dataclass
class ExtractedArticle:
    """One story of a file, cleaned, with everything read from it."""

    source_name: str  # base name of the file
    position: int  # 0 for the first story of the file, 1 for the next...
    title: str
    body: str  # cleaned text; every Evidence offset points into it
    outlet: str | None = None
    published: datetime.date | None = None
    dateline: str | None = None  # "ISLAMABAD"
    byline: str | None = None
    credits: list[tuple[str, str]] = field(default_factory=list)  # (name, role): "Editing by C", "Editor: C"
    people: list[ExtractedPerson] = field(default_factory=list)
    organizations: list[ExtractedOrganization] = field(default_factory=list)
    meetings: list[ExtractedMeeting] = field(default_factory=list)
    agreements: list[ExtractedAgreement] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        text = "\x1f".join([self.title, self.body, self.outlet or "", str(self.published or "")])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
