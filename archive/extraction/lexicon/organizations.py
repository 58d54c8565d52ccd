"""Organization vocabulary: head words with their type, and well-known bodies.

Only general knowledge: international organisations, wire services, and a few
national bodies known worldwide by a short name (State Department, Kremlin).
"""

from __future__ import annotations

from dataclasses import dataclass

# A capitalized head word makes the sequence an organization of this type.
HEAD_TYPES = {
    "ministry": "government", "ministries": "government", "department": "government",
    "office": "government", "embassy": "government", "consulate": "government",
    "secretariat": "government", "directorate": "government", "division": "government",
    "parliament": "government", "senate": "government",
    "assembly": "government", "court": "government", "tribunal": "government",
    "presidency": "government", "majlis": "government", "cabinet": "government",
    "authority": "agency", "agency": "agency", "cell": "agency", "trust": "agency",
    "commission": "agency", "committee": "agency", "board": "agency", "bureau": "agency",
    "service": "agency", "administration": "agency", "inspectorate": "agency", "police": "agency",
    "regulator": "agency", "customs": "agency",
    "corporation": "company", "company": "company", "co": "company", "ltd": "company",
    "limited": "company", "inc": "company", "llc": "company", "plc": "company", "jsc": "company",
    "ojsc": "company", "cjsc": "company", "pjsc": "company", "llp": "company", "gmbh": "company",
    "consortium": "company",
    "group": "company", "holding": "company", "holdings": "company", "bank": "company",
    "airlines": "company", "airways": "company", "motors": "company", "telecom": "company",
    "enterprises": "company", "partners": "company", "exchange": "company", "railways": "company",
    "institute": "think_tank", "institution": "think_tank", "centre": "think_tank",
    "center": "think_tank", "studies": "think_tank",
    "association": "association", "chamber": "association", "federation": "association",
    "union": "association", "society": "association", "league": "association",
    "confederation": "association", "council": "association", "foundation": "association",
    "organization": "other", "organisation": "other", "forum": "other", "park": "other",
    "university": "other", "college": "other", "academy": "other", "hospital": "other",
    "party": "other", "movement": "other", "program": "other", "programme": "other",
    "fund": "other", "network": "other",
    "news": "media", "radio": "media", "television": "media", "tv": "media", "times": "media",
    "post": "media", "tribune": "media", "herald": "media", "express": "media",
    "journal": "media", "gazette": "media", "telegraph": "media", "chronicle": "media",
    "observer": "media", "broadcasting": "media", "media": "media", "daily": "media",
}

# Venues: a kind of event before a building head ("Congress Center", "Expo Centre") is a place.
VENUE_KINDS = frozenset({"congress", "exhibition", "expo", "convention", "conference", "concert", "sports", "trade"})
VENUE_HEADS = frozenset({"center", "centre", "hall", "complex", "palace"})
# Heads that, after a city's name, name a recurring event: "the Tashkent Investment Forum".
EVENT_HEADS = frozenset({"forum", "expo", "exhibition", "fair", "week"})

# Legal-form words after a company's name: "X OJSC" is X.
LEGAL_FORMS = frozenset({
    "jsc", "ojsc", "cjsc", "pjsc", "llc", "llp", "ltd", "plc", "inc", "gmbh", "co", "ag", "sa", "nv", "bv",
})

# Heads that may open the name: "Radio X", "Ministry of X", "Bank of X".
LEADING_HEADS = frozenset({
    "ministry", "department", "office", "embassy", "bank", "university", "institute", "council",
    "commission", "radio", "agency", "organization", "organisation", "union", "federation",
    "association", "chamber", "board", "court", "centre", "center", "fund", "secretariat",
    "directorate", "consulate", "academy", "college", "committee", "bureau", "cabinet",
})

# Lower-case government nouns that a demonym turns into a named body: "Kazakh foreign ministry".
GOVERNMENT_NOUNS = ("foreign ministry", "foreign office", "defence ministry", "defense ministry",
                    "interior ministry", "finance ministry", "trade ministry", "energy ministry",
                    "economy ministry", "transport ministry", "embassy", "consulate",
                    "parliament", "senate", "presidency", "central bank",
                    "ministry of foreign affairs")

# Synonyms: bodies a text may name two ways (same country implied).
SYNONYMS = {
    "foreign office": "ministry of foreign affairs",
    "foreign ministry": "ministry of foreign affairs",
    "mofa": "ministry of foreign affairs",
    "fo": "ministry of foreign affairs",
    "mfa": "ministry of foreign affairs",
}

# Generic nouns before an unknown initialism that make it an organization: "courier company QDX".
GENERIC_ORG_NOUNS = {
    "company": "company", "firm": "company", "group": "company", "conglomerate": "company",
    "giant": "company", "carrier": "company", "operator": "company", "lender": "company",
    "manufacturer": "company", "producer": "company", "developer": "company", "insurer": "company",
    "startup": "company", "bank": "company", "exporter": "company", "supplier": "company",
    "agency": "agency", "regulator": "agency", "watchdog": "agency", "authority": "agency",
    "broadcaster": "media", "channel": "media", "newspaper": "media", "daily": "media",
    "outlet": "media", "tank": "think_tank", "think-tank": "think_tank", "institute": "think_tank",
    "association": "association", "union": "association", "body": "other", "organisation": "other",
    "organization": "other", "party": "other", "university": "other",
    "utility": "company", "enterprise": "company", "corporation": "company", "consortium": "company",
    "venture": "company", "holding": "company", "operator": "company", "monopoly": "company",
    "chamber": "association", "federation": "association", "lobby": "association",
}

# Heads that are places, events, documents or programmes, not organizations.
NON_ORG_HEADS = frozenset({
    "highway", "road", "route", "corridor", "port", "sea", "gulf", "river", "lake", "mountains",
    "valley", "province", "region", "district", "airport", "station", "square", "street",
    "avenue", "palace", "hall", "summit", "conference", "expo", "games", "week", "day",
    "festival", "agreement", "treaty", "plan", "declaration", "accord", "memorandum",
    "initiative", "project", "pipeline", "railway", "line", "field", "zone", "terminal",
    "bridge", "dam", "plant", "cup", "award", "prize", "act", "law", "code", "strategy",
    "vision", "report", "index", "pass", "border", "crossing", "island", "islands", "peninsula",
    "basin", "desert", "plateau", "tower", "building", "stadium", "mosque", "church", "temple",
    "complex", "city", "town", "village", "ocean", "bay", "strait", "canal", "protocol",
    "charter", "convention", "resolution", "framework", "roadmap", "dialogue", "talks",
    "meeting", "session", "visit", "tour", "exhibition", "fair", "show", "olympics",
    "championship", "war", "operation", "mission", "era", "republic", "republics", "states",
    "kingdom", "emirate", "federation-wide", "cooperation", "partnership", "economic",
})


@dataclass(frozen=True)
class KnownOrg:
    name: str
    acronym: str | None
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()


KNOWN_ORGS = (
    KnownOrg("United Nations", "UN", "international"),
    KnownOrg("UNHCR", "UNHCR", "international", aliases=("UN High Commissioner for Refugees", "UN refugee agency", "United Nations refugee agency")),
    KnownOrg("World Food Programme", "WFP", "international", aliases=("World Food Program",)),
    KnownOrg("UNICEF", "UNICEF", "international"),
    KnownOrg("United Nations Development Programme", "UNDP", "international"),
    KnownOrg("UNESCO", "UNESCO", "international"),
    KnownOrg("UN Security Council", "UNSC", "international", aliases=("Security Council", "United Nations Security Council")),
    KnownOrg("UN General Assembly", "UNGA", "international", aliases=("United Nations General Assembly",)),
    KnownOrg("World Health Organization", "WHO", "international"),
    KnownOrg("World Bank", None, "international"),
    KnownOrg("International Monetary Fund", "IMF", "international"),
    KnownOrg("Asian Development Bank", "ADB", "international"),
    KnownOrg("Asian Infrastructure Investment Bank", "AIIB", "international"),
    KnownOrg("European Bank for Reconstruction and Development", "EBRD", "international"),
    KnownOrg("Islamic Development Bank", "IsDB", "international"),
    KnownOrg("Eurasian Development Bank", "EDB", "international"),
    KnownOrg("World Trade Organization", "WTO", "international"),
    KnownOrg("International Atomic Energy Agency", "IAEA", "international"),
    KnownOrg("NATO", "NATO", "international", aliases=("North Atlantic Treaty Organization",)),
    KnownOrg("Shanghai Cooperation Organisation", "SCO", "international", aliases=("Shanghai Cooperation Organization",)),
    KnownOrg("European Union", "EU", "international", "European Union"),
    KnownOrg("European Commission", None, "international", "European Union"),
    KnownOrg("European Parliament", None, "international", "European Union"),
    KnownOrg("Council of the European Union", None, "international", "European Union", aliases=("Council of the EU", "EU Council")),
    KnownOrg("European Council", None, "international", "European Union"),
    KnownOrg("European Investment Bank", "EIB", "international"),
    KnownOrg("Eurasian Economic Commission", None, "international"),
    KnownOrg("International Finance Corporation", "IFC", "international"),
    KnownOrg("New Development Bank", "NDB", "international"),
    KnownOrg("OECD", "OECD", "international", aliases=("Organisation for Economic Co-operation and Development",
                                                      "Organization for Economic Cooperation and Development")),
    KnownOrg("International Energy Agency", "IEA", "international"),
    KnownOrg("International Renewable Energy Agency", "IRENA", "international"),
    KnownOrg("Food and Agriculture Organization", "FAO", "international"),
    KnownOrg("International Labour Organization", "ILO", "international", aliases=("International Labor Organization",)),
    KnownOrg("International Organization for Migration", "IOM", "international"),
    KnownOrg("UNCTAD", "UNCTAD", "international", aliases=("UN Conference on Trade and Development",)),
    KnownOrg("UNODC", "UNODC", "international", aliases=("UN Office on Drugs and Crime",)),
    KnownOrg("ESCAP", "ESCAP", "international", aliases=("UN ESCAP", "UNESCAP")),
    KnownOrg("UN Environment Programme", "UNEP", "international"),
    KnownOrg("World Economic Forum", "WEF", "international"),
    KnownOrg("International Court of Justice", "ICJ", "international"),
    KnownOrg("International Criminal Court", None, "international"),
    KnownOrg("G20", "G20", "international"),
    KnownOrg("Aga Khan Development Network", "AKDN", "international"),
    KnownOrg("ASEAN", "ASEAN", "international", aliases=("Association of Southeast Asian Nations",)),
    KnownOrg("Commonwealth of Independent States", "CIS", "international"),
    KnownOrg("Conference on Interaction and Confidence-Building Measures in Asia", "CICA", "international"),
    KnownOrg("Collective Security Treaty Organization", "CSTO", "international"),
    KnownOrg("Eurasian Economic Union", "EAEU", "international"),
    KnownOrg("Economic Cooperation Organization", "ECO", "international"),
    KnownOrg("Organisation of Islamic Cooperation", "OIC", "international", aliases=("Organization of Islamic Cooperation",)),
    KnownOrg("SAARC", "SAARC", "international", aliases=("South Asian Association for Regional Cooperation",)),
    KnownOrg("CAREC", "CAREC", "international", aliases=("Central Asia Regional Economic Cooperation",)),
    KnownOrg("OSCE", "OSCE", "international", aliases=("Organization for Security and Co-operation in Europe",)),
    KnownOrg("OPEC", "OPEC", "international"),
    KnownOrg("BRICS", "BRICS", "international"),
    KnownOrg("Organization of Turkic States", "OTS", "international"),
    KnownOrg("Gulf Cooperation Council", "GCC", "international"),
    KnownOrg("African Union", "AU", "international"),
    KnownOrg("Arab League", None, "international"),
    KnownOrg("International Committee of the Red Cross", "ICRC", "international", aliases=("Red Cross",)),
    KnownOrg("Amnesty International", None, "international"),
    KnownOrg("Human Rights Watch", "HRW", "international"),
    KnownOrg("Interpol", None, "international"),
    KnownOrg("FATF", "FATF", "international", aliases=("Financial Action Task Force",)),
    KnownOrg("Reuters", None, "media"),
    KnownOrg("AFP", "AFP", "media", aliases=("Agence France-Presse",)),
    KnownOrg("Associated Press", "AP", "media"),
    KnownOrg("Xinhua", None, "media", "China"),
    KnownOrg("TASS", "TASS", "media", "Russia"),
    KnownOrg("RIA Novosti", None, "media", "Russia"),
    KnownOrg("Interfax", None, "media", "Russia"),
    KnownOrg("Sputnik", None, "media", "Russia"),
    KnownOrg("Anadolu Agency", None, "media", "Turkey", aliases=("Anadolu",)),
    KnownOrg("Bloomberg", None, "media"),
    KnownOrg("BBC", "BBC", "media", "United Kingdom"),
    KnownOrg("CNN", "CNN", "media", "United States"),
    KnownOrg("Al Jazeera", None, "media", "Qatar"),
    KnownOrg("Kazinform", None, "media", "Kazakhstan"),
    KnownOrg("Associated Press of Pakistan", "APP", "media", "Pakistan"),
    KnownOrg("Press Trust of India", "PTI", "media", "India"),
    KnownOrg("IRNA", "IRNA", "media", "Iran"),
    KnownOrg("Kyodo", None, "media", "Japan"),
    KnownOrg("Yonhap", None, "media", "South Korea"),
    KnownOrg("AKIpress", None, "media", "Kyrgyzstan"),
    KnownOrg("Kabar", None, "media", "Kyrgyzstan"),
    KnownOrg("Khovar", None, "media", "Tajikistan"),
    KnownOrg("Asia-Plus", None, "media", "Tajikistan"),
    KnownOrg("UzA", None, "media", "Uzbekistan", aliases=("National News Agency of Uzbekistan",)),
    KnownOrg("AzerTac", None, "media", "Azerbaijan", aliases=("AZERTAC", "Azertag")),
    KnownOrg("Tengrinews", None, "media", "Kazakhstan"),
    KnownOrg("Turkmenistan Today", None, "media", "Turkmenistan"),
    KnownOrg("Radio Free Europe/Radio Liberty", "RFE/RL", "media", "United States"),
    KnownOrg("Voice of America", "VOA", "media", "United States"),
    KnownOrg("Deutsche Welle", "DW", "media", "Germany"),
    KnownOrg("Geo News", None, "media", "Pakistan"),
    KnownOrg("Pakistan Television", "PTV", "media", "Pakistan"),
    KnownOrg("Financial Times", "FT", "media", "United Kingdom"),
    KnownOrg("Nikkei", None, "media", "Japan"),
    KnownOrg("Global Times", None, "media", "China"),
    KnownOrg("China Daily", None, "media", "China"),
    KnownOrg("CGTN", "CGTN", "media", "China"),
    KnownOrg("Trend News Agency", None, "media", "Azerbaijan"),
    KnownOrg("State Department", None, "government", "United States", aliases=("US State Department", "U.S. State Department")),
    KnownOrg("Pentagon", None, "government", "United States"),
    KnownOrg("White House", None, "government", "United States"),
    KnownOrg("Kremlin", None, "government", "Russia"),
    KnownOrg("Taliban", None, "other"),
    KnownOrg("Tehreek-e-Taliban Pakistan", "TTP", "other", "Pakistan"),
    KnownOrg("Islamic State", None, "other", aliases=("ISIS", "ISIL", "Daesh")),
    KnownOrg("al-Qaeda", None, "other", aliases=("Al-Qaeda", "al Qaeda")),
    KnownOrg("Hamas", None, "other"),
    KnownOrg("Hezbollah", None, "other"),
)

# Parliaments, their chambers and the presidents' offices of the region's states, by the names
# they go by in English-language news (general knowledge, like the country names).
STATE_BODIES = (
    KnownOrg("Mazhilis", None, "government", "Kazakhstan", aliases=("Majilis", "Mazhilis of the Parliament")),
    KnownOrg("Akorda", None, "government", "Kazakhstan", aliases=("Ak Orda",)),
    KnownOrg("Jogorku Kenesh", None, "government", "Kyrgyzstan", aliases=("Zhogorku Kenesh",)),
    KnownOrg("Majlisi Oli", None, "government", "Tajikistan", aliases=("Majlisi Olii",)),
    KnownOrg("Majlisi Namoyandagon", None, "government", "Tajikistan"),
    KnownOrg("Majlisi Milli", None, "government", "Tajikistan"),
    KnownOrg("Oliy Majlis", None, "government", "Uzbekistan"),
    KnownOrg("Legislative Chamber of the Oliy Majlis", None, "government", "Uzbekistan"),
    KnownOrg("Senate of the Oliy Majlis", None, "government", "Uzbekistan"),
    KnownOrg("Mejlis", None, "government", "Turkmenistan", aliases=("Mejlis of Turkmenistan",)),
    KnownOrg("Halk Maslahaty", None, "government", "Turkmenistan", aliases=("Khalk Maslakhaty",)),
    KnownOrg("Milli Gengesh", None, "government", "Turkmenistan"),
    KnownOrg("Milli Majlis", None, "government", "Azerbaijan", aliases=("Milli Mejlis",)),
    KnownOrg("Wolesi Jirga", None, "government", "Afghanistan"),
    KnownOrg("Meshrano Jirga", None, "government", "Afghanistan"),
    KnownOrg("Islamic Emirate", None, "government", "Afghanistan", aliases=("Islamic Emirate of Afghanistan",)),
    KnownOrg("Aiwan-e-Sadr", None, "government", "Pakistan", aliases=("Aiwan-i-Sadr",)),
    KnownOrg("State Duma", None, "government", "Russia"),
    KnownOrg("Federation Council", None, "government", "Russia"),
    KnownOrg("National People's Congress", "NPC", "government", "China"),
    KnownOrg("State Council", None, "government", "China"),
    KnownOrg("State Great Khural", None, "government", "Mongolia"),
    KnownOrg("Lok Sabha", None, "government", "India"),
    KnownOrg("Rajya Sabha", None, "government", "India"),
    KnownOrg("Grand National Assembly", None, "government", "Turkey"),
)
KNOWN_ORGS = KNOWN_ORGS + STATE_BODIES

# Initialisms that are not organizations (countries, units, common abbreviations).
NON_ORG_INITIALISMS = frozenset({
    "US", "USA", "UK", "UAE", "PM", "FM", "CEO", "CFO", "IT", "ICT", "GDP", "MOU", "MOUS", "LNG",
    "LPG", "CNG", "FDI", "SME", "SMES", "COVID", "AI", "TV", "USD", "PKR", "KZT", "EUR", "GMT",
    "PST", "AM", "PM", "OK", "ID", "VIP", "DPRK", "PRC", "KM", "MW", "GW", "KW", "BCM", "MMCFD",
    "II", "III", "IV", "VI", "BN", "MLN", "HE", "NB", "NA", "URL", "PDF", "FAQ", "Q", "A",
})

# Pre-computed lookups.
KNOWN_BY_FORM: dict[str, KnownOrg] = {}
for _org in KNOWN_ORGS:
    for _form in (_org.name, _org.acronym, *_org.aliases):
        if _form:
            KNOWN_BY_FORM[_form.lower()] = _org
