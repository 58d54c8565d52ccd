"""Amounts of money and counts in a sentence: "$1bn", "over $239 million", "Rs 5 billion", "37 MoUs".

Only US dollars become `value_usd`; other currencies keep their amount and ISO code, since
the text rarely gives the rate of the day and a guessed rate would be wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "crore": 1e7, "lakh": 1e5,
    "lac": 1e5,
}

# Symbols and words before the number, and words after it, with their ISO 4217 code.
_PREFIX_CURRENCIES = {
    "us$": "USD", "usd": "USD", "$": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "rs.": "PKR", "rs": "PKR", "pkr": "PKR", "inr": "INR", "₹": "INR", "¥": "CNY", "cny": "CNY",
    "rmb": "CNY", "kzt": "KZT", "₸": "KZT", "aed": "AED", "₽": "RUB", "uzs": "UZS", "jpy": "JPY",
}
_SUFFIX_CURRENCIES = {
    "dollars": "USD", "us dollars": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR",
    "pounds": "GBP", "rupees": "PKR", "pakistani rupees": "PKR", "indian rupees": "INR",
    "yuan": "CNY", "renminbi": "CNY", "tenge": "KZT", "dirhams": "AED", "riyals": "SAR",
    "roubles": "RUB", "rubles": "RUB", "soums": "UZS", "som": "UZS", "lira": "TRY", "yen": "JPY",
    "somoni": "TJS", "lari": "GEL", "afghanis": "AFN",
}

_QUALIFIER = r"(?:(?P<qual>over|more\s+than|nearly|almost|around|about|approximately|some|up\s+to|at\s+least|roughly|close\s+to)\s+)?"
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|crore|lakh|lac|mn|mln|bn|tn|k|m|b)\b)?"
_PREFIX = "|".join(re.escape(k) for k in sorted(_PREFIX_CURRENCIES, key=len, reverse=True))
_SUFFIX = "|".join(re.escape(k) for k in sorted(_SUFFIX_CURRENCIES, key=len, reverse=True))

_PREFIXED = re.compile(
    _QUALIFIER + r"(?<!\w)(?P<cur>" + _PREFIX + r")\s?" + _NUMBER + _SCALE + r"(?:\s+(?:us\s+)?dollars?)?",
    re.IGNORECASE)
_SUFFIXED = re.compile(
    _QUALIFIER + r"(?<![\w$€£¥₹₸₽])" + _NUMBER + _SCALE + r"\s+(?P<cur>" + _SUFFIX + r")\b", re.IGNORECASE)

_DIGIT = re.compile(r"\d")
# Some currency sign, code or word must be present for any amount to be found.
_CURRENCY_HINT = re.compile("|".join(re.escape(k) for k in sorted(set(_PREFIX_CURRENCIES) | set(_SUFFIX_CURRENCIES)
                                                               | {"dollar"}, key=len, reverse=True)), re.IGNORECASE)

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12, "a dozen": 12, "two dozen": 24,
}


@dataclass(frozen=True)
class Money:
    start: int  # offsets in the text searched, qualifier ("over") included
    end: int
    amount: float
    currency: str  # ISO 4217
    text: str

    @property
    def usd(self) -> float | None:
        return self.amount if self.currency == "USD" else None


def find_money(text: str) -> list[Money]:
    """Every amount of money in `text`, in order."""
    return list(_money(text))


@lru_cache(maxsize=512)
def _money(text: str) -> tuple[Money, ...]:
    found: list[Money] = []
    if not _DIGIT.search(text) or not _CURRENCY_HINT.search(text):
        return ()
    for pattern, table in ((_PREFIXED, _PREFIX_CURRENCIES), (_SUFFIXED, _SUFFIX_CURRENCIES)):
        for m in pattern.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            scale_word = (m.group("scale") or "").lower()
            amount = float(m.group("num").replace(",", "")) * _SCALES.get(scale_word, 1.0)
            currency = table[re.sub(r"\s+", " ", m.group("cur").lower())]
            found.append(Money(m.start(), m.end(), amount, currency, m.group().strip()))
    return tuple(sorted(found, key=lambda x: x.start))


def parse_count(word: str) -> int | None:
    """'37' -> 37, 'five' -> 5, 'a dozen' -> 12; None when it is not a count."""
    w = word.strip().lower()
    if w.isdigit():
        return int(w)
    return NUMBER_WORDS.get(w)
