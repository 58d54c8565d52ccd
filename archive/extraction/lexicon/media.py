"""News media as general knowledge: wire services, words that name an outlet, desks, sections.

Only well-known agencies belong in `AGENCIES`; an outlet the reader meets in a page is
found from the page's own furniture (masthead, `© X`, `Follow X on …`), never listed here.
"""

# Well-known news agencies, by the forms they sign with (lower case).
AGENCIES = frozenset({
    "reuters", "afp", "agence france-presse", "ap", "associated press", "the associated press",
    "xinhua", "xinhua news agency", "tass", "ria novosti", "interfax", "sputnik", "anadolu",
    "anadolu agency", "aa", "app", "associated press of pakistan", "pti", "press trust of india",
    "ani", "ians", "irna", "kazinform", "trend", "trend news agency", "akipress", "kabar", "uza",
    "dunya", "khovar", "azertac", "apa", "report", "armenpress", "bernama", "yonhap", "kyodo",
    "dpa", "efe", "ansa", "bloomberg", "wam", "spa", "qna", "kuna", "ptv", "bakhtar", "pajhwok",
    "tolonews", "belta", "ukrinform", "mena", "antara", "ina", "bss", "ips",
})

# Words that name an outlet: a masthead or a credit containing one is a publication, not a person.
OUTLET_WORDS = frozenset({
    "times", "news", "nation", "post", "herald", "tribune", "gazette", "express", "observer",
    "journal", "telegraph", "chronicle", "daily", "weekly", "review", "today", "agency", "press",
    "radio", "tv", "television", "broadcasting", "brief", "briefing", "bulletin", "digest",
    "newsletter", "monitor", "dispatch", "courier", "standard", "mirror", "guardian", "independent",
    "recorder", "reporter", "insider", "wire", "media", "network", "service", "magazine", "report",
})

# A byline naming a desk or the paper's own staff, never a person.
DESK_WORDS = frozenset({
    "staff", "desk", "report", "reporter", "reporters", "correspondent", "correspondents", "our",
    "web", "news", "monitoring", "bureau", "team", "editorial", "online", "agencies", "agency",
    "wire", "wires", "special", "from", "the", "service", "press", "newsroom", "digital", "sports",
    "business", "international", "national", "city", "reports",
})

# Section labels printed above a headline (`Politics`, `Central Asia | Diplomacy`).
SECTION_WORDS = frozenset({
    "politics", "world", "business", "economy", "diplomacy", "opinion", "analysis", "region",
    "regions", "sport", "sports", "society", "culture", "energy", "trade", "finance", "markets",
    "national", "international", "local", "news", "latest", "top", "stories", "home", "asia",
    "europe", "features", "feature", "interview", "editorial", "comment", "security", "defence",
    "defense", "technology", "science", "health", "environment", "climate", "tourism", "economics",
    "foreign", "policy", "affairs", "press", "release", "breaking", "exclusive", "central", "south",
    "middle", "east", "west", "north", "and", "&", "transport", "infrastructure", "investment",
})
