"""Countries, demonyms, cities and regions (general knowledge, no article-specific entries).

Keys are lower case. Country values are the canonical names the archive stores
("Iran", not "Iran, Islamic Republic of").
"""

from __future__ import annotations

import pycountry

# pycountry's formal names that news never uses as the canonical form.
_CANONICAL_OVERRIDES = {
    "IR": "Iran", "RU": "Russia", "SY": "Syria", "KR": "South Korea", "KP": "North Korea",
    "VN": "Vietnam", "LA": "Laos", "MD": "Moldova", "BO": "Bolivia", "VE": "Venezuela",
    "TZ": "Tanzania", "TW": "Taiwan", "TR": "Turkey", "CZ": "Czech Republic",
    "US": "United States", "GB": "United Kingdom", "PS": "Palestine", "BN": "Brunei",
    "CD": "DR Congo", "CG": "Congo", "FM": "Micronesia", "VA": "Vatican",
}

_EXTRA_COUNTRY_NAMES = {
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
    "america": "United States", "united states of america": "United States",
    "uk": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
    "uae": "United Arab Emirates", "emirates": "United Arab Emirates",
    "russian federation": "Russia", "turkiye": "Turkey", "türkiye": "Turkey",
    "kyrgyz republic": "Kyrgyzstan", "kirghizia": "Kyrgyzstan", "prc": "China",
    # the states' own spellings in Latin script
    "uzbekiston": "Uzbekistan", "o'zbekiston": "Uzbekistan", "qazaqstan": "Kazakhstan",
    "tojikiston": "Tajikistan", "kyrgyzstan respublikasy": "Kyrgyzstan", "azarbaycan": "Azerbaijan",
    "azərbaycan": "Azerbaijan", "türkmenistan": "Turkmenistan",
    "people's republic of china": "China", "dprk": "North Korea", "korea": "South Korea",
    "holland": "Netherlands", "soviet union": "Soviet Union", "ussr": "Soviet Union", "burma": "Myanmar", "ivory coast": "Côte d'Ivoire",
}

DEMONYMS = {
    "pakistani": "Pakistan", "kazakh": "Kazakhstan", "kazakhstani": "Kazakhstan",
    "uzbek": "Uzbekistan", "uzbekistani": "Uzbekistan", "turkmen": "Turkmenistan",
    "turkmenistani": "Turkmenistan", "tajik": "Tajikistan", "tajikistani": "Tajikistan",
    "kyrgyz": "Kyrgyzstan", "kirghiz": "Kyrgyzstan", "afghan": "Afghanistan",
    "iranian": "Iran", "persian": "Iran", "azeri": "Azerbaijan", "azerbaijani": "Azerbaijan",
    "chinese": "China", "russian": "Russia", "indian": "India", "american": "United States",
    "british": "United Kingdom", "turkish": "Turkey", "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates", "qatari": "Qatar", "kuwaiti": "Kuwait", "omani": "Oman",
    "bahraini": "Bahrain", "iraqi": "Iraq", "syrian": "Syria", "georgian": "Georgia",
    "armenian": "Armenia", "belarusian": "Belarus", "ukrainian": "Ukraine", "mongolian": "Mongolia",
    "bangladeshi": "Bangladesh", "sri lankan": "Sri Lanka", "nepali": "Nepal", "nepalese": "Nepal",
    "bhutanese": "Bhutan", "maldivian": "Maldives", "japanese": "Japan", "korean": "South Korea",
    "south korean": "South Korea", "north korean": "North Korea", "german": "Germany",
    "french": "France", "italian": "Italy", "spanish": "Spain", "dutch": "Netherlands",
    "polish": "Poland", "egyptian": "Egypt", "israeli": "Israel", "palestinian": "Palestine",
    "jordanian": "Jordan", "lebanese": "Lebanon", "yemeni": "Yemen", "malaysian": "Malaysia",
    "indonesian": "Indonesia", "thai": "Thailand", "vietnamese": "Vietnam",
    "singaporean": "Singapore", "filipino": "Philippines", "canadian": "Canada",
    "australian": "Australia", "brazilian": "Brazil", "hungarian": "Hungary", "swiss": "Switzerland",
    "austrian": "Austria", "belgian": "Belgium", "swedish": "Sweden", "norwegian": "Norway",
    "finnish": "Finland", "danish": "Denmark", "greek": "Greece", "czech": "Czech Republic",
    "romanian": "Romania", "bulgarian": "Bulgaria", "serbian": "Serbia", "kenyan": "Kenya",
    "nigerian": "Nigeria", "south african": "South Africa", "ethiopian": "Ethiopia",
    "moroccan": "Morocco", "algerian": "Algeria", "tunisian": "Tunisia", "libyan": "Libya",
    "sudanese": "Sudan", "mexican": "Mexico", "argentine": "Argentina", "chilean": "Chile",
    "burmese": "Myanmar", "cambodian": "Cambodia", "irish": "Ireland", "portuguese": "Portugal",
    "slovak": "Slovakia", "lithuanian": "Lithuania", "latvian": "Latvia", "estonian": "Estonia",
    "moldovan": "Moldova", "cypriot": "Cyprus", "us": "United States", "u.s.": "United States",
    "uk": "United Kingdom",
}

CITIES = {
    # Pakistan
    "islamabad": "Pakistan", "karachi": "Pakistan", "lahore": "Pakistan", "peshawar": "Pakistan",
    "quetta": "Pakistan", "gwadar": "Pakistan", "rawalpindi": "Pakistan", "multan": "Pakistan",
    "faisalabad": "Pakistan", "sialkot": "Pakistan", "hyderabad": "Pakistan", "chaman": "Pakistan",
    "torkham": "Pakistan", "gilgit": "Pakistan", "sukkur": "Pakistan",
    # Central Asia
    "astana": "Kazakhstan", "nur-sultan": "Kazakhstan", "almaty": "Kazakhstan",
    "shymkent": "Kazakhstan", "aktau": "Kazakhstan", "atyrau": "Kazakhstan", "karaganda": "Kazakhstan",
    "khorgos": "Kazakhstan", "turkistan": "Kazakhstan", "tashkent": "Uzbekistan",
    "samarkand": "Uzbekistan", "bukhara": "Uzbekistan", "termez": "Uzbekistan", "khiva": "Uzbekistan",
    "andijan": "Uzbekistan", "ashgabat": "Turkmenistan", "turkmenbashi": "Turkmenistan",
    "dushanbe": "Tajikistan", "khujand": "Tajikistan", "bishkek": "Kyrgyzstan", "osh": "Kyrgyzstan",
    # neighbours
    "kabul": "Afghanistan", "kandahar": "Afghanistan", "herat": "Afghanistan",
    "mazar-i-sharif": "Afghanistan", "jalalabad": "Afghanistan", "tehran": "Iran",
    "mashhad": "Iran", "chabahar": "Iran", "bandar abbas": "Iran", "isfahan": "Iran",
    "baku": "Azerbaijan", "tbilisi": "Georgia", "yerevan": "Armenia", "moscow": "Russia",
    "st petersburg": "Russia", "saint petersburg": "Russia", "kazan": "Russia",
    "beijing": "China", "shanghai": "China", "kashgar": "China", "urumqi": "China",
    "guangzhou": "China", "shenzhen": "China", "xian": "China", "new delhi": "India",
    "delhi": "India", "mumbai": "India", "dhaka": "Bangladesh", "colombo": "Sri Lanka",
    "kathmandu": "Nepal", "ankara": "Turkey", "istanbul": "Turkey", "riyadh": "Saudi Arabia",
    "jeddah": "Saudi Arabia", "dubai": "United Arab Emirates", "abu dhabi": "United Arab Emirates",
    "doha": "Qatar", "muscat": "Oman", "kuwait city": "Kuwait", "baghdad": "Iraq",
    "manama": "Bahrain", "minsk": "Belarus", "kyiv": "Ukraine", "kiev": "Ukraine",
    "ulaanbaatar": "Mongolia", "washington": "United States", "new york": "United States",
    "london": "United Kingdom", "paris": "France", "berlin": "Germany", "brussels": "Belgium",
    "geneva": "Switzerland", "vienna": "Austria", "rome": "Italy", "madrid": "Spain",
    "tokyo": "Japan", "seoul": "South Korea", "cairo": "Egypt", "kuala lumpur": "Malaysia",
    "jakarta": "Indonesia", "singapore": "Singapore", "bangkok": "Thailand", "hanoi": "Vietnam",
}

REGIONS = {
    "central asia", "central asian", "south asia", "south asian", "southeast asia",
    "south-east asia", "east asia", "west asia", "middle east", "middle eastern", "eurasia",
    "eurasian", "europe", "european", "asia", "asian", "africa", "african", "caucasus",
    "south caucasus", "gulf", "persian gulf", "caspian", "balkans", "latin america", "asia-pacific",
    "indo-pacific", "arab", "western", "eastern", "northern", "southern", "west", "east", "north",
    "south", "global south", "punjab", "sindh", "balochistan", "khyber pakhtunkhwa",
    "gilgit-baltistan", "kashmir", "xinjiang", "transoxiana", "fergana", "ferghana", "tibet", "sichuan",
    "yunnan", "guangdong", "mangystau", "karakalpakstan", "sughd", "khatlon", "gorno-badakhshan",
    "issyk-kul", "chui", "chuy", "lebap", "nakhchivan", "sistan-baluchestan", "khorasan", "tatarstan",
    "scandinavia", "siberia", "arctic", "atlantic", "pacific", "indian ocean", "arabian sea",
    "black sea", "caspian sea", "aral sea", "oceania", "americas", "north america",
}


# Provinces and regions inside one country: "Sindh Chief Minister X" acts for Pakistan.
# Regions that straddle borders (Punjab, Kashmir, Fergana) are left out on purpose.
PROVINCES = {
    "sindh": "Pakistan", "balochistan": "Pakistan", "baluchistan": "Pakistan",
    "khyber pakhtunkhwa": "Pakistan", "gilgit-baltistan": "Pakistan",
    "xinjiang": "China", "tibet": "China", "sichuan": "China", "yunnan": "China", "guangdong": "China",
    "mangystau": "Kazakhstan", "karakalpakstan": "Uzbekistan", "sughd": "Tajikistan",
    "khatlon": "Tajikistan", "gorno-badakhshan": "Tajikistan", "issyk-kul": "Kyrgyzstan",
    "chui": "Kyrgyzstan", "chuy": "Kyrgyzstan", "lebap": "Turkmenistan", "nakhchivan": "Azerbaijan",
    "sistan-baluchestan": "Iran", "khorasan": "Iran", "tatarstan": "Russia", "siberia": "Russia",
}


def _build_countries() -> dict[str, str]:
    names: dict[str, str] = {}
    for c in pycountry.countries:
        canonical = _CANONICAL_OVERRIDES.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        for form in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None), canonical}:
            if form:
                names[form.lower()] = canonical
    names.update(_EXTRA_COUNTRY_NAMES)
    return names


COUNTRIES: dict[str, str] = _build_countries()
COUNTRY_NAMES: frozenset[str] = frozenset(COUNTRIES.values())
