"""Honorifics, job titles and the portfolio words that qualify them (lower case)."""

HONORIFICS = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "madam", "mister",
    "prof", "prof.", "h.e.", "he", "dame", "lord", "lady", "hon",
    # clerical forms of address before Afghan and Pakistani names
    "mullah", "mulla", "mawlawi", "maulvi", "molvi", "maulana", "mawlana",
})

# Words that head a title: "Commerce Minister", "Ambassador to Pakistan".
TITLE_HEADS = frozenset({
    "minister", "ministers", "secretary", "secretary-general", "under-secretary", "undersecretary",
    "ambassador", "envoy", "president", "vice-president", "president-elect", "premier",
    "senator", "spokesperson", "spokesman", "spokeswoman", "chairman", "chairperson",
    "chairwoman", "ceo", "governor", "director", "director-general", "adviser", "advisor",
    "commissioner", "high commissioner", "consul", "consul-general", "counsellor", "counselor",
    "attache", "attaché", "king", "queen", "emir", "prince", "sultan", "speaker", "mayor",
    "judge", "diplomat", "lawmaker", "legislator", "mp", "mna", "mpa", "head", "leader",
    "founder", "colonel", "lieutenant", "captain", "admiral", "marshal", "commander",
    "analyst", "researcher", "economist", "professor", "editor", "correspondent", "reporter",
    "journalist", "executive", "manager", "representative", "delegate", "coordinator",
    "administrator", "pm", "fm", "cm", "cfo", "coo", "attorney", "prosecutor", "chancellor",
    "general", "chief", "officer", "official", "deputy", "aide", "negotiator", "envoys",
    "ambassadors", "presidents", "vice", "ombudsman", "rector",
    "chargé", "charge", "spokespersons", "mufti", "member", "fellow",
})

# Words that only modify a title: "Deputy Prime Minister", "former President".
TITLE_MODIFIERS = frozenset({
    "deputy", "vice", "federal", "acting", "former", "ex", "interim", "chief", "senior", "special",
    "first", "prime", "state", "provincial", "caretaker", "permanent", "additional", "joint",
    "assistant", "executive", "managing", "army", "foreign", "general", "new", "outgoing",
    "incoming", "then", "late", "top", "regional", "national", "union", "cabinet", "principal",
    "parliamentary", "defence", "defense", "trade", "ambassador-at-large", "honorary",
    "country", "resident", "founding",
})

# Portfolio words that can sit between a modifier and a title head or after "Minister for".
PORTFOLIO = frozenset({
    "commerce", "trade", "foreign", "affairs", "interior", "home", "defence", "defense", "finance",
    "economy", "economic", "economics", "industries", "industry", "production", "information",
    "broadcasting", "communications", "communication", "food", "security", "railways",
    "railway", "maritime", "energy", "power", "petroleum", "water", "resources", "planning",
    "development", "reform", "reforms", "special", "initiatives", "health", "education",
    "agriculture", "transport", "transportation", "integration", "investment", "investments",
    "privatisation", "privatization", "law", "justice", "religious", "overseas", "human",
    "rights", "climate", "change", "science", "technology", "telecommunication",
    "telecommunications", "it", "national", "housing", "works", "culture", "tourism", "sports",
    "youth", "labour", "labor", "social", "welfare", "emergency", "situations", "digital",
    "ecology", "environment", "environmental", "natural", "infrastructure", "construction",
    "aviation", "ports", "shipping", "mines", "minerals", "mining", "oil", "gas", "parliamentary",
    "narcotics", "control", "textile", "textiles", "states", "frontier", "regions", "revenue",
    "statistics", "irrigation", "local", "government", "urban", "rural", "public", "relations",
    "media", "international", "cooperation", "co-operation", "logistics",
    "innovation", "innovations", "aerospace", "industrialization", "strategic", "policy",
    "post", "posts", "commerce", "exports", "export", "imports", "customs", "tax", "taxation",
    "budget", "treasury", "labour", "employment", "migration", "refugees", "defence production",
    "kashmir", "hajj", "board", "republic", "affair",
    "protocol", "consular", "broadcasting", "information", "external",
})

# Words after which a capitalized sequence is spoken by or about a person.
SPEECH_VERBS = frozenset({
    "said", "says", "told", "added", "noted", "stressed", "emphasized", "emphasised", "urged",
    "announced", "stated", "remarked", "observed", "explained", "asserted", "claimed", "warned",
    "wrote", "tweeted", "posted", "called", "met", "visited", "arrived", "spoke", "expressed",
    "highlighted", "underscored", "reaffirmed", "welcomed", "discussed", "chaired", "co-chaired",
    "led", "thanked", "praised", "assured", "agreed", "confirmed", "insisted", "argued",
    "acknowledged", "pointed", "recalled", "hoped", "invited", "received", "briefed", "signed",
    "held", "addressed", "conveyed", "echoed", "identified", "proposed", "offered", "shared",
    "concluded", "mentioned", "ruled", "inaugurated", "hosted", "attended", "underlined",
    "was", "is", "has", "had", "will", "would", "also",
})

# Nouns for people that, before a name, make it a person but are not themselves titles
# the archive stores ("courier", "activist" ...). Kept separate so the title stays clean.
PERSON_NOUNS = frozenset({
    "activist", "businessman", "businesswoman", "entrepreneur", "scholar", "expert",
    "author", "writer", "colleague", "counterpart", "host", "guest", "premier",
})
