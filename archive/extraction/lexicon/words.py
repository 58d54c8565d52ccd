"""Capitalized words that are not names: function words, sentence openers, calendar, web chrome."""

MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})

WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})

# Lower-case particles allowed inside a personal name: "Osama bin Laden", "Zia ul Haq".
NAME_PARTICLES = frozenset({
    "al", "el", "ul", "ud", "ur", "bin", "ibn", "bint", "de", "da", "van", "von", "der", "la",
    "le", "du", "dos", "di", "e",
})

# Lower-case patronymic words that close a Turkic name: "Nurlan Asanbek uulu", "Aida Sadyr kyzy".
PATRONYMIC_SUFFIXES = frozenset({"uulu", "kyzy", "ogly", "oglu", "ogli", "ugli", "qizi", "kizi", "gyzy"})

# Lower-case words allowed inside an organization name.
ORG_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "&", "de", "in"})

# Capitalized words that never start or make up a name.
NON_NAME_WORDS = frozenset("""
a an the this that these those both all each every either neither some any many most more
less few several such other another same own no not none nor and but or so yet for of on at in
into onto to from by with without within about above below under over after before during
since until till while when whenever where wherever why how what which who whom whose whoever
as if unless although though because than then there here now today yesterday tomorrow
tonight meanwhile however moreover furthermore also additionally besides likewise similarly
separately earlier later finally firstly secondly lastly thus therefore hence still instead
otherwise indeed nevertheless nonetheless notably already again once twice even just only
i he she it we they you me him her us them my his its our their your mine yours theirs ours
hers is are was were be been being do does did has have had will would shall should can
could may might must let lets
according asked speaking following highlighting drawing addressing talking referring
regarding citing noting adding saying stressing responding commenting welcoming
yes no not mr mrs ms dr
updated follow short url join published read share click subscribe advertisement copyright
accept manage preferences cookie cookies privacy consent decline menu login
photo file image video watch listen related more comments comment print email home news
whatsapp facebook twitter instagram linkedin youtube telegram tiktok x reddit
eid ramadan nowruz christmas easter diwali islamic muslim muslims christian hindu
sikh buddhist jewish sunni shia shiite pashtuns uyghur uyghurs tajiks
uzbeks kazakhs afghans pakistanis iranians
breaking exclusive analysis opinion editorial update live
north south east west northern southern eastern western central
new old great greater upper lower high low middle grand
dear sincerely regards
""".split())

# Bylines that name a desk or wire rather than a person.
BYLINE_NON_NAMES = frozenset({
    "agencies", "agency", "staff", "desk", "team", "wire", "wires", "report", "reporter",
    "correspondent", "editor", "editorial", "our", "monitoring", "web", "news", "bureau",
    "special", "online", "by", "the", "from", "with", "inputs",
})

# Words near a person's name that mean they travelled to a place ("X's visit to Islamabad").
VISIT_WORDS = frozenset({"visit", "visits", "visited", "trip", "arrived", "travelled", "traveled", "tour"})

# Lower-case nouns a capitalized name can modify: "the X investment package", "X workshops".
# A span right before one of them names a programme, a brand or a place, not a person.
MODIFIED_NOUNS = frozenset({
    "package", "packages", "programme", "programmes", "program", "programs", "project", "projects",
    "initiative", "initiatives", "workshop", "workshops", "week", "corridor", "summit", "format",
    "platform", "investment", "investments", "fund", "strategy", "route", "pipeline", "scheme",
    "plan", "forum", "festival", "exhibition", "complex", "centre", "centres", "center", "centers",
    "park", "zone", "highway", "railway", "line", "region", "province", "brand", "products",
    "plant", "field", "deposit", "port", "airport", "station", "dam", "framework", "investors", "conference",
    "meeting", "session", "partners", "countries", "states", "funding", "financing",
})

# Words for buildings and residences: "PM House", "the Presidential Palace". Not names of people.
BUILDING_WORDS = frozenset({
    "house", "palace", "residence", "mansion", "airport", "stadium", "mosque", "cathedral", "museum",
    "square", "hotel", "tower", "towers", "plaza",
})
