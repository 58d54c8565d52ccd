"""Words for demo articles, and a body builder that knows where each mention is.

No database here: the generator asks for sentences and gets back, for every
mention, the offsets that evidence stores, so `body[start:end]` is the mention.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

# Central Asia and its neighbours come up most; the rest of the world now and then.
COUNTRY_WEIGHTS = {
    "KZ": 14, "PK": 14, "UZ": 11, "KG": 7, "TJ": 7, "TM": 6, "AF": 6, "CN": 7, "RU": 7, "IR": 5,
    "IN": 4, "AZ": 4, "TR": 4, "AE": 3, "SA": 3, "US": 3, "GB": 2, "DE": 2, "JP": 2, "KR": 2,
    "QA": 1, "FR": 1, "IT": 1, "MY": 1,
}
CITIES = {
    "KZ": ["Astana", "Almaty"], "PK": ["Islamabad", "Karachi", "Lahore"], "UZ": ["Tashkent", "Samarkand"],
    "KG": ["Bishkek"], "TJ": ["Dushanbe"], "TM": ["Ashgabat"], "AF": ["Kabul"], "CN": ["Beijing", "Urumqi"],
    "RU": ["Moscow", "Kazan"], "IR": ["Tehran"], "IN": ["New Delhi"], "AZ": ["Baku"], "TR": ["Ankara", "Istanbul"],
    "AE": ["Abu Dhabi", "Dubai"], "SA": ["Riyadh"], "US": ["Washington"], "GB": ["London"], "DE": ["Berlin"],
    "JP": ["Tokyo"], "KR": ["Seoul"], "QA": ["Doha"], "FR": ["Paris"], "IT": ["Rome"], "MY": ["Kuala Lumpur"],
}
TITLES = [
    "Foreign Minister", "Prime Minister", "President", "Deputy Prime Minister", "Ambassador",
    "Minister of Trade", "Minister of Energy", "Minister of Economy", "Deputy Foreign Minister",
    "Special Envoy", "Minister of Transport", "Minister of Finance",
]
PORTFOLIOS = ["Foreign Affairs", "Trade", "Energy", "Economy", "Transport", "Finance", "Agriculture", "Investment"]
SECTORS = [
    "trade", "energy", "logistics", "agriculture", "transport", "mining", "finance", "digital",
    "water", "education", "health", "tourism",
]
OUTLETS = ["Dawn", "The Express Tribune", "Arab News", "The Astana Times", "Kazinform", "UzDaily", "24.kg",
           "Trend News Agency", "APP", ""]
KIND_WORDS = {
    "mou": "memorandum of understanding", "agreement": "agreement", "action_plan": "action plan",
    "declaration": "joint declaration", "treaty": "treaty", "other": "framework document",
}
STATUS_VERBS = {"proposed": "proposed", "negotiating": "are negotiating", "signed": "signed",
                "in_force": "brought into force"}
FILLERS = [
    "The two sides discussed ways to expand cooperation in {sector}.",
    "Bilateral trade between {c1} and {c2} reached ${n} million last year.",
    "The officials agreed to hold the next round of consultations in {city}.",
    "Both sides stressed the importance of regional connectivity and transit routes.",
    "The ministry said the visit would strengthen ties between the two countries.",
    "Officials also reviewed progress on earlier agreements in {sector}.",
    "The talks covered transit trade, energy supplies and investment in {sector}.",
    "A joint working group on {sector} will meet before the end of the year.",
    "Business leaders from {c2} are expected in {city} next month.",
    "The statement said both governments would simplify visa rules for traders.",
    "Freight volumes on the route have doubled since the border crossing reopened.",
    "Neither side gave details of the financing.",
]


def date_words(date: datetime.date, precision: str) -> str:
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return date.strftime("%B %Y")
    return f"{date.day} {date.strftime('%B %Y')}"


@dataclass(frozen=True)
class Mention:
    """Words in a sentence that stand for a record: the evidence's target."""

    text: str
    target: str  # "person", "organization", "meeting" or "agreement"
    record: object


@dataclass
class Cited:
    """One piece of evidence in a body: the mention's and its sentence's offsets."""

    target: str
    record: object
    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int


@dataclass
class Body:
    """An article body written a sentence at a time, keeping the offsets of every mention."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    cited: list[Cited] = field(default_factory=list)

    def say(self, *pieces) -> list[Cited]:
        """Add one sentence made of plain strings and Mentions; returns the evidence it gives."""
        if self.parts:
            self.parts.append(" ")
            self.length += 1
        sentence_start, spans = self.length, []
        for piece in pieces:
            text = piece.text if isinstance(piece, Mention) else piece
            if isinstance(piece, Mention):
                spans.append((piece, self.length))
            self.parts.append(text)
            self.length += len(text)
        sentence = "".join(self.parts[len(self.parts) - len(pieces):])
        new = [Cited(m.target, m.record, sentence, sentence_start, self.length, start, start + len(m.text))
               for m, start in spans]
        self.cited.extend(new)
        return new

    @property
    def text(self) -> str:
        return "".join(self.parts)
