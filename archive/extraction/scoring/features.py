"""Features of each extracted record: what the extractor knew when it found it.

Every feature is a number (0/1 for a yes/no) computed from the record, its evidence and
the rest of its article, never from a particular name or phrase. `LABELS` says in words
what a low and a high value mean, for the record page ("no title beside the name").
"""

from __future__ import annotations

import functools
import math
import re

from .. import lexicon as lx
from ..entities.places import is_place
from ..layout.clean import zipf
from ..records import (
    ORGANIZATION_TYPES, ExtractedAgreement, ExtractedArticle, ExtractedMeeting, ExtractedOrganization, ExtractedPerson,
)

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_POSSESSIVE_BEFORE = re.compile(r"[A-Z][\w.-]*['\u2019]s\s+(?:\w+\s+){0,3}$")
_HONORIFIC_BEFORE = re.compile(r"\b(?:%s)\.?\s+$" % "|".join(sorted(map(re.escape, lx.HONORIFICS), key=len, reverse=True)),
                               re.IGNORECASE)
_STOP = frozenset({"the", "of", "and", "for", "on", "in", "de", "al", "el", "bin", "ibn"})
_WINDOW = 40  # characters looked at on either side of a mention
_is_place = functools.lru_cache(maxsize=16384)(is_place)  # names and their words recur across records


def words(text: str | None) -> set[str]:
    """Lower-cased content words of a name or title."""
    return {w.lower() for w in _WORD.findall(text or "") if w.lower() not in _STOP}


def counted(n: int) -> float:
    """A count on a log scale: the fifth mention says less than the second."""
    return round(math.log1p(n), 4)


def evidence_features(record) -> dict[str, float]:
    """How the record was found: its surest and weakest cue, its mentions and sentences."""
    values = [e.confidence for e in record.evidence] or [0.5]
    sentences = {e.sentence_start for e in record.evidence if e.sentence}
    return {
        "cue_best": max(values), "cue_worst": min(values),
        "mentions": counted(len(record.evidence)), "sentences": counted(len(sentences)),
        "one_sentence": float(len(sentences) <= 1),
    }


def shared_words(name_words: set[str], others: list[set[str]]) -> float:
    """How many other records of the article share a word with this one."""
    return counted(sum(1 for other in others if name_words & other))


def context_flags(body: str, record) -> dict[str, float]:
    """What stood just before the mentions: an honorific, a possessive ("Pakistan's ..")."""
    honorific = possessive = 0
    for e in record.evidence:
        before = body[max(0, e.start - _WINDOW):e.start]
        honorific |= bool(_HONORIFIC_BEFORE.search(before))
        possessive |= bool(_POSSESSIVE_BEFORE.search(before))
    return {"honorific_before": float(honorific), "possessive_before": float(possessive)}


def org_word_in(name: str) -> float:
    return float(any(w in lx.HEAD_TYPES for w in words(name)))


def place_in(name: str) -> float:
    """The name, or one of its words, is a country, region or city."""
    parts = [name, *name.split()]
    return float(any(len(p) > 2 and _is_place(p) for p in parts))


def person_features(person: ExtractedPerson, body: str, others: list[set[str]]) -> dict[str, float]:
    name_words = words(person.name)
    title_words = words(person.title)
    return {
        **evidence_features(person), **context_flags(body, person),
        "has_title": float(bool(person.title)),
        "title_words": counted(len(title_words)),
        "title_with_portfolio": float(bool(title_words & lx.PORTFOLIO)),
        "has_organization": float(bool(person.organization)),
        "has_country": float(bool(person.country)),
        "country_in_sentences": _country_said(person),
        "lower_case_title": float(bool(person.title) and person.title[:1].islower()),
        "aliases": counted(len(person.aliases)),
        "one_word_name": float(len(person.name.split()) <= 1),
        "common_words_in_name": common_share(person.name),
        "name_words": float(len(person.name.split())),
        "org_word_in_name": org_word_in(person.name),
        "place_in_name": place_in(person.name),
        "byline": float(any(not e.sentence for e in person.evidence)),
        "shares_words": shared_words(name_words, others),
        "first_seen": _first_seen(person, body),
    }


ORG_TYPE_FEATURES = ORGANIZATION_TYPES


def organization_features(org: ExtractedOrganization, body: str, others: list[set[str]],
                          article_title: str = "") -> dict[str, float]:
    name_words = words(org.name)
    features = {
        **evidence_features(org), **context_flags(body, org),
        "has_acronym": float(bool(org.acronym)),
        "acronym_only": float(bool(org.acronym) and org.name.strip() == org.acronym.strip()),
        "has_country": float(bool(org.country)),
        "aliases": counted(len(org.aliases)),
        "name_words": counted(len(org.name.split())),
        "org_word_in_name": org_word_in(org.name),
        "head_word_first": float(org.name.split()[0].lower() in lx.HEAD_TYPES if org.name.split() else 0),
        "common_words_in_name": common_share(org.name),
        "type_agrees_with_head": _type_agrees(org),
        "in_headline": _in_headline(org.name, article_title),
        "capitalized_share": _capitalized_share(org.name),
        "place_in_name": place_in(org.name),
        "all_capitals": float(org.name.isupper()),
        "shares_words": shared_words(name_words, others),
        "first_seen": _first_seen(org, body),
    }
    features.update({f"type_{kind}": float(org.type == kind) for kind in ORG_TYPE_FEATURES})
    return features


def meeting_features(meeting: ExtractedMeeting, article: ExtractedArticle) -> dict[str, float]:
    people = {p.name for p in article.people}
    named = [p for p in meeting.participants if p in people]
    return {
        **evidence_features(meeting),
        "participants": counted(len(meeting.participants)),
        "two_named_sides": float(len(named) >= 2),
        "unnamed_sides": counted(len(meeting.participants) - len(named)),
        "organizations": counted(len(meeting.organizations)),
        "has_date": float(meeting.date is not None),
        "day_date": float(meeting.date is not None and meeting.date.precision.value == "day"),
        "days_from_published": _days_from_published(meeting.date, article),
        "has_place": float(bool(meeting.location)),
        "place_is_dateline": float(bool(meeting.location and article.dateline
                                         and meeting.location.lower() == article.dateline.lower())),
        "has_topic": float(bool(meeting.topic)),
        "meetings_in_article": counted(len(article.meetings)),
    }


AGREEMENT_KIND_WORDS = {"mou": ("memorandum", "mou"), "agreement": ("agreement",), "action_plan": ("plan", "roadmap"),
                        "declaration": ("declaration", "statement"), "treaty": ("treaty", "convention")}


def agreement_features(agreement: ExtractedAgreement, article: ExtractedArticle) -> dict[str, float]:
    title_words = words(agreement.title)
    kind_words = AGREEMENT_KIND_WORDS.get(agreement.kind, ())
    return {
        **evidence_features(agreement),
        "kind_known": float(agreement.kind != "other"),
        "kind_word_in_title": float(any(w.startswith(k) for w in title_words for k in kind_words)),
        "title_words": counted(len(title_words)),
        "plural_or_counted_title": _plural_or_counted(agreement.title),
        "in_headline": _in_headline(agreement.title, article.title),
        "common_words_in_title": common_share(agreement.title),
        "capitalized_share": _capitalized_share(agreement.title),
        "parties": counted(len(agreement.parties)),
        "two_parties": float(len(agreement.parties) >= 2),
        "has_date": float(agreement.date is not None),
        "day_date": float(agreement.date is not None and agreement.date.precision.value == "day"),
        "days_from_published": _days_from_published(agreement.date, article),
        "signed": float(agreement.status in ("signed", "in_force")),
        "has_value": float(agreement.value_usd is not None or agreement.amount is not None),
        "counted": float(agreement.count is not None),
        "sectors": counted(len(agreement.sectors)),
        "agreements_in_article": counted(len(article.agreements)),
    }


def _country_said(record) -> float:
    """The record's country, or its people's adjective, is written in a sentence that names it."""
    country = getattr(record, "country", None)
    if not country:
        return 0.0
    forms = {country.lower(), *_demonyms().get(country, ())}
    text = " ".join(e.sentence for e in record.evidence).lower()
    return float(any(form in text for form in forms))


@functools.cache
def _demonyms() -> dict[str, tuple[str, ...]]:
    by_country: dict[str, list[str]] = {}
    for demonym, country in lx.DEMONYMS.items():
        by_country.setdefault(country, []).append(demonym.lower())
    return {country: tuple(forms) for country, forms in by_country.items()}


COMMON_ZIPF = 3.5  # an English word seen at least three times in a million


def common_share(text: str) -> float:
    """Share of the content words that are common English words, not places: "Cabinet of
    Ministers" is all common words, a proper name ("Halk Maslahaty", "Development Bank of X") is not."""
    found = [w for w in _WORD.findall(text or "") if w.lower() not in _STOP]
    common = [w for w in found if zipf(w.lower()) >= COMMON_ZIPF and not _is_place(w)]
    return round(len(common) / len(found), 4) if found else 0.0


def _type_agrees(org: ExtractedOrganization) -> float:
    """The type the name's last head word gives ("... Bank" a company) is the type the record has."""
    heads = [lx.HEAD_TYPES[w] for w in (w.lower() for w in _WORD.findall(org.name)) if w in lx.HEAD_TYPES]
    return float(bool(heads) and heads[-1] == org.type)


def _in_headline(name: str, headline: str) -> float:
    return float(bool(name) and name.lower() in (headline or "").lower())


def _capitalized_share(text: str) -> float:
    """Share of the words of a name that start with a capital (a proper name, not a description)."""
    found = [w for w in _WORD.findall(text or "") if w.lower() not in _STOP]
    return round(sum(w[0].isupper() for w in found) / len(found), 4) if found else 0.0


def _plural_or_counted(title: str) -> float:
    """ "12 cooperation documents", "Agreements on ...": several documents under one title."""
    first = (title or "").split()[:1]
    return float(bool(first) and (first[0][0].isdigit() or first[0].lower().endswith("s")))


def _first_seen(record, body: str) -> float:
    """Where in the story the record first appears, 0 (the top) to 1 (the end)."""
    starts = [e.start for e in record.evidence if e.sentence]
    return round(min(starts) / len(body), 4) if starts and body else 0.0


def _days_from_published(date, article: ExtractedArticle) -> float:
    if date is None or article.published is None:
        return 0.0
    return counted(abs((date.value - article.published).days))


def article_features(article: ExtractedArticle) -> dict[str, list[dict[str, float]]]:
    """The features of every record of the article, by type, in the order of its lists."""
    entity_words = [words(p.name) for p in article.people] + [words(o.name) for o in article.organizations]
    people_count = len(article.people)

    def others(index: int) -> list[set[str]]:
        return entity_words[:index] + entity_words[index + 1:]

    return {
        "person": [person_features(p, article.body, others(i)) for i, p in enumerate(article.people)],
        "organization": [organization_features(o, article.body, others(people_count + i), article.title)
                         for i, o in enumerate(article.organizations)],
        "meeting": [meeting_features(m, article) for m in article.meetings],
        "agreement": [agreement_features(a, article) for a in article.agreements],
    }


# What each type's model reads: every feature above is stored with the record, but a few
# hundred labelled records (a few dozen wrong) support only a few weights per type. Chosen
# for what makes each type wrong (a person's missing title or country, an organization's
# type, a meeting's date and place, an agreement's kind and date), then checked on the
# development set's cross-validation, so its figures there are somewhat optimistic.
MODEL_FEATURES = {
    "person": ("cue_best", "has_title", "lower_case_title", "country_in_sentences", "mentions"),
    "organization": ("cue_best", "type_agrees_with_head", "type_other", "head_word_first", "common_words_in_name",
                     "acronym_only", "type_media"),
    "meeting": ("has_date", "day_date", "place_is_dateline", "two_named_sides", "participants", "has_place"),
    "agreement": ("has_date", "kind_known", "kind_word_in_title", "plural_or_counted_title", "two_parties",
                  "cue_best"),
}


LABELS = {  # feature -> (in words when low, in words when high)
    "cue_best": ("found only by a weak cue", "found by a strong cue (a title, an honorific)"),
    "cue_worst": ("one mention found by a weak cue", "every mention found by a strong cue"),
    "mentions": ("mentioned few times", "mentioned many times"),
    "sentences": ("appears in few sentences", "appears in many sentences"),
    "one_sentence": ("appears in more than one sentence", "appears in one sentence"),
    "honorific_before": ("no honorific before the name", "an honorific before the name"),
    "possessive_before": ("no possessive before the name", "a possessive before the name"),
    "has_title": ("no title beside the name", "a title beside the name"),
    "title_words": ("a short title", "a long title"),
    "title_with_portfolio": ("no portfolio in the title", "a portfolio in the title"),
    "has_organization": ("no organization beside the name", "an organization beside the name"),
    "has_country": ("no country", "a country"),
    "country_in_sentences": ("its country is not written beside it", "its country written beside it"),
    "lower_case_title": ("a capitalized title", "a title in lower case"),
    "head_word_first": ("the name does not open with its kind (\"Ministry ...\")", "the name opens with its kind"),
    "capitalized_share": ("words in lower case in the name", "every word of the name capitalized"),
    "plural_or_counted_title": ("one document", "several documents under one title"),
    "aliases": ("named in one form only", "named in several forms"),
    "one_word_name": ("a name of several words", "a one-word name"),
    "name_words": ("a short name", "a long name"),
    "org_word_in_name": ("no organization word in the name", "an organization word in the name"),
    "place_in_name": ("no place name in the name", "a place name in the name"),
    "byline": ("not the byline", "read from the byline"),
    "shares_words": ("shares no word with other records", "shares words with other records of the article"),
    "first_seen": ("first named early in the story", "first named late in the story"),
    "has_acronym": ("no acronym", "an acronym"),
    "acronym_only": ("a full name", "known only by an acronym"),
    "all_capitals": ("not in capitals", "written in capitals"),
    "common_words_in_name": ("a proper name", "a name made of common English words"),
    "common_words_in_title": ("a title with proper names", "a title made of common English words"),
    "type_agrees_with_head": ("its kind word says another type", "its kind word agrees with its type"),
    "in_headline": ("not in the headline", "taken from the headline"),
    "type_other": ("a known type", "no known type"),
    "type_think_tank": ("not a think tank", "a think tank"),
    "type_association": ("not an association", "an association"),
    "type_government": ("not a government body", "a government body"),
    "type_agency": ("not an agency", "an agency"),
    "type_company": ("not a company", "a company"),
    "type_international": ("not an international body", "an international body"),
    "type_media": ("not a media outlet", "a media outlet"),
    "participants": ("few participants", "many participants"),
    "two_named_sides": ("fewer than two named sides", "two named sides"),
    "unnamed_sides": ("every side named", "sides that are not named people"),
    "organizations": ("no organization taking part", "organizations taking part"),
    "has_date": ("no date", "a date"),
    "day_date": ("no exact day", "an exact day"),
    "days_from_published": ("dated near the publication day", "dated far from the publication day"),
    "has_place": ("no place", "a place"),
    "place_is_dateline": ("the place is not the dateline", "the place is the dateline"),
    "has_topic": ("no topic", "a topic"),
    "meetings_in_article": ("few meetings in the story", "many meetings in the story"),
    "kind_known": ("no kind of agreement", "a kind of agreement"),
    "kind_word_in_title": ("no kind word in the title", "a kind word in the title"),
    "parties": ("few parties", "many parties"),
    "two_parties": ("fewer than two parties", "two parties or more"),
    "signed": ("not signed", "signed"),
    "has_value": ("no value", "a value"),
    "counted": ("not counted", "a count (\"37 MoUs\")"),
    "sectors": ("no sector", "sectors"),
    "agreements_in_article": ("few agreements in the story", "many agreements in the story"),
}
