"""Amounts of money and counts as news writes them."""

import pytest

from archive.extraction.events.money import find_money, parse_count


@pytest.mark.parametrize("text, amount, currency", [
    ("$1bn", 1e9, "USD"),
    ("$239 million", 239e6, "USD"),
    ("over $200 million", 200e6, "USD"),
    ("US$ 1.5bn", 1.5e9, "USD"),
    ("USD 300 million", 300e6, "USD"),
    ("500 million dollars", 500e6, "USD"),
    ("Rs 5 billion", 5e9, "PKR"),
    ("Rs5bn", 5e9, "PKR"),
    ("2 billion yuan", 2e9, "CNY"),
    ("\u20ac10m", 10e6, "EUR"),
    ("$3,500,000", 3.5e6, "USD"),
])
def test_an_amount_is_read_with_its_scale_and_currency(text, amount, currency):
    (money,) = find_money(f"deals worth {text} were signed")
    assert (money.amount, money.currency) == (amount, currency)


def test_only_dollars_have_a_usd_value():
    assert find_money("$5m")[0].usd == 5e6
    assert find_money("Rs 5m")[0].usd is None


def test_plain_numbers_and_words_ending_in_rs_are_not_money():
    assert find_money("in 5 years 5 million people and 37 MoUs") == []


@pytest.mark.parametrize("word, count", [("37", 37), ("five", 5), ("a dozen", 12), ("several", None)])
def test_counts_are_read_from_digits_and_words(word, count):
    assert parse_count(word) == count
