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
# Background prose: about 22 of these a story, in paragraphs of two to four, bring a body to the
# 400-500 words of real news. Slots: {sector} {c1} {c2} {city} {n} {year} {thing} {other}.
FILLERS = [
    "The two sides discussed ways to expand cooperation in {sector} and agreed to meet again before the end of {year}.",
    "Bilateral trade between {c1} and {c2} reached ${n} million last year, according to official figures.",
    "The officials agreed to hold the next round of consultations in {city}, the statement said.",
    "Both sides stressed the importance of regional connectivity, transit routes and access to sea ports.",
    "The ministry said the visit would strengthen ties between the two countries and open new markets.",
    "Officials also reviewed progress on earlier agreements in {sector} and on the {thing} project.",
    "The talks covered transit trade, energy supplies and investment in {sector}, officials said.",
    "A joint working group on {sector} will meet before the end of the year to prepare a road map.",
    "Business leaders from {c2} are expected in {city} next month for a forum on {thing}.",
    "The statement said both governments would simplify visa rules for traders and truck drivers.",
    "Freight volumes on the route have doubled since the border crossing reopened in {year}.",
    "Neither side gave details of the financing or of the timetable for the {thing} project.",
    "Analysts said the plan depended on stable prices for {other} and on new rail links across the region.",
    "Exports of {other} from {c1} rose by {pct} percent in the first half of the year, customs data showed.",
    "The delegation visited an industrial park outside {city} where several joint ventures are being built.",
    "Officials said a feasibility study for the {thing} would be completed within {months} months.",
    "The meeting also touched on security along the border and the fight against drug trafficking.",
    "Both countries have pledged to raise the volume of mutual trade to ${n} million within five years.",
    "The {thing} is expected to cut delivery times for {other} by several days once it is finished.",
    "Local media reported that the talks lasted more than three hours and ended with a joint press conference.",
    "The government has been seeking foreign investment to modernise its {sector} sector since {year}.",
    "Representatives of banks and insurers discussed payment systems for cross-border trade in local currencies.",
    "A memorandum on customs cooperation is due to be prepared by the relevant agencies of both sides.",
    "Experts from {c2} will help train engineers and technicians for the {thing} project.",
    "The sides noted the growing number of flights between {city} and other cities of the region.",
    "Small and medium businesses stand to gain most from the simpler rules, officials said.",
    "Water management and the shared use of rivers remained a sensitive topic in the region.",
    "The programme includes scholarships for students and exchanges between universities of the two countries.",
    "Officials said tourism had recovered and that the number of visitors from {c2} grew by {pct} percent.",
    "Prices of {other} have risen sharply this year, adding pressure on importers across the region.",
    "The sides agreed to set up an electronic exchange of customs data to speed up border checks.",
    "A trade house of {c1} is to open in {city} to promote goods and services from both countries.",
    "The president's office said the agreements signed during the visit were worth about ${n} million.",
    "Work on the {thing} has been delayed by funding gaps and by disputes over land, local officials said.",
    "The talks were held in a friendly and constructive atmosphere, according to the foreign ministry.",
    "Both governments expressed support for the multilateral initiatives on {sector} in the region.",
    "Officials said the first shipments of {other} under the new arrangement could leave in {month}.",
    "Observers noted that the visit was the first at this level in several years.",
    "The parties also discussed cooperation within international organizations and at the United Nations.",
    "Engineers will survey the route of the {thing} this summer, the transport ministry said.",
    "The share of {c2} in the foreign trade of {c1} has grown steadily over the past decade.",
    "Digital services, e-commerce and the exchange of data between customs posts were also on the agenda.",
]
THINGS = [
    "trans-regional railway", "gas pipeline", "power transmission line", "logistics hub", "dry port",
    "hydropower plant", "fibre-optic cable", "highway corridor", "free economic zone", "grain terminal",
    "cargo airport", "solar park", "wind farm", "cement plant", "textile cluster", "fertilizer plant",
    "copper smelter", "oil refinery", "wholesale market", "border market", "cold storage network",
    "irrigation canal", "water treatment plant", "container terminal", "railway bridge",
]
GOODS = [
    "wheat", "cotton", "flour", "rice", "fruit", "vegetables", "meat", "dairy products", "textiles",
    "cement", "fertilizer", "copper", "uranium", "coal", "oil products", "liquefied gas", "electricity",
    "medicines", "machinery", "steel", "aluminium", "sugar", "vegetable oil", "leather", "footwear",
]
QUOTES = [
    "We are ready to expand our cooperation in {sector}",
    "This visit opens a new chapter in our relations",
    "Our countries share a long history and common interests",
    "We expect concrete results before the end of the year",
    "The agreements signed today will benefit ordinary people on both sides",
    "Transit through our territory is the shortest route to the markets of the south",
    "We see great potential in {sector} and in joint ventures",
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
    separator: str = " "

    def paragraph(self) -> None:
        """The next sentence begins a new paragraph."""
        self.separator = "\n\n"

    def say(self, *pieces) -> list[Cited]:
        """Add one sentence made of plain strings and Mentions; returns the evidence it gives."""
        if self.parts:
            self.parts.append(self.separator)
            self.length += len(self.separator)
        self.separator = " "
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
