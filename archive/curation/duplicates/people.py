"""People who may be one: names compared as ingest compares them, across transliterations."""

from __future__ import annotations

from collections import defaultdict

from archive.extraction.entities import names
from archive.models import MeetingParticipant, Person, PersonAlias, Role

from .blocking import (
    MAX_BLOCK, SHARED_WEIGHT, anchored, articles_of, contradicts, linked_sets, live, pair_of, pairs_in_blocks,
    records_among, scored,
)

PERSON_SIMILARITY = names.DEFAULT_THRESHOLD  # the threshold ingest links at
VOWELS = "aeiouy"


def person_pairs(among: list[int] | None = None, anchor: int | None = None) -> dict:
    """Pairs of people whose names match, scored by what else they share."""
    people = {pk: (name, country) for pk, name, country in
              records_among(Person, among).values_list("pk", "name", "country_id")}
    forms = defaultdict(list)
    for person_id, name in PersonAlias.objects.filter(person__in=list(people) if among else live(Person)) \
            .values_list("person_id", "name"):
        forms[person_id].append(name)
    for pk, (name, _) in people.items():
        forms[pk].append(name)
    alike = {}
    for low, high in person_blocks(forms) if anchor is None else anchored(anchor, people):
        similarity = (names.person_similarity(forms[low], forms[high])
                      or names.variant_similarity(forms[low], forms[high]))
        if contradicts(people[low][1], people[high][1]) and not same_full_name(people[low][0], people[high][0],
                                                                              similarity):
            continue  # ingest keeps these apart too
        if similarity >= PERSON_SIMILARITY:
            alike[(low, high)] = similarity
    return score_people(alike, people)


def same_full_name(a: str, b: str, similarity: float) -> bool:
    """Ingest's exception to contradicting countries: the same full name in any transliteration (a misread
    country is likelier than a namesake). Here both full names have as many words: "Ali Hassan" is no full name
    of "Ali Hassan Zaidi" across two countries."""
    words_a, words_b = len(names.name_words(a)), len(names.name_words(b))
    return similarity >= names.FUZZY_FLOOR and words_a == words_b > 1


def person_blocks(forms: dict[int, list[str]]) -> set[tuple[int, int]]:
    """Full names that share a key (`names.person_keys`), and one-word forms with the full names whose
    surname or first given name has their key."""
    full, single, partial = defaultdict(set), defaultdict(set), defaultdict(set)
    for pk, person_forms in forms.items():
        for form in person_forms:
            full_keys, single_keys = names.person_keys(form)
            for key in full_keys:
                full[key].add(pk)
            for key in single_keys:
                single[key].add(pk)
            for key in names.partial_keys(form):
                partial[key].add(pk)
    pairs = pairs_in_blocks(full)
    for key, ids in single.items():
        group = ids | partial.get(key, set())
        if len(group) <= MAX_BLOCK:
            pairs.update(pair_of(a, b) for a in ids for b in group if a != b)
    return pairs


def score_people(alike: dict, people: dict) -> dict:
    ids = {pk for pair in alike for pk in pair}
    articles = articles_of("person", ids)
    counterparts = person_counterparts(ids)
    posts = linked_sets(Role.objects.filter(person__in=ids), "person_id", "organization_id")
    titles = defaultdict(set)
    for person_id, title in Role.objects.filter(person__in=ids).values_list("person_id", "title"):
        titles[person_id].add(names.fold(title))
    for pk, title in Person.objects.filter(pk__in=ids).exclude(title="").values_list("pk", "title"):
        titles[pk].add(names.fold(title))
    found = {}
    for (low, high), similarity in alike.items():
        shared = {
            "same country": people[low][1] and people[low][1] == people[high][1],
            "shared articles": len(articles[low] & articles[high]),
            "shared counterparts": len((counterparts[low] - {f"p:{high}"}) & (counterparts[high] - {f"p:{low}"})),
            "same organization": bool(posts[low] & posts[high]),
            "same title": bool(titles[low] & titles[high]),
        }
        score, reasons = scored(similarity, f"names alike ({similarity:.2f})", shared)
        if contradicts(people[low][1], people[high][1]):
            score, reasons = max(score - SHARED_WEIGHT, 0.0), [*reasons, "countries differ"]
        found[(low, high)] = score, reasons
    return found


def person_counterparts(ids: set) -> dict[int, set]:
    """Whom each person met: the other participants of their meetings ("p:<id>", "o:<id>")."""
    meetings = defaultdict(set)
    for person_id, meeting_id in MeetingParticipant.objects.filter(person__in=ids).values_list(
            "person_id", "meeting_id"):
        meetings[meeting_id].add(person_id)
    found = defaultdict(set)
    participants = MeetingParticipant.objects.filter(meeting__in=list(meetings)).values_list(
        "meeting_id", "person_id", "organization_id")
    for meeting_id, person_id, org_id in participants:
        key = f"p:{person_id}" if person_id else f"o:{org_id}" if org_id else None
        for attendee in meetings[meeting_id]:
            if key and person_id != attendee:
                found[attendee].add(key)
    return found


def person_candidates(person: Person) -> list[int]:
    """People a look-up by the spelling-independent surname key finds for any of `person`'s forms."""
    forms = [person.name, *person.aliases.values_list("name", flat=True)]
    words = {word for form in forms for word in names.name_words(form)}
    keys = words | {names.skeleton(word) for word in words}  # raw last words: keys written before folding
    keys |= {vowel + key[1:] for key in keys if key[:1] in VOWELS for vowel in VOWELS}  # Usmonov / Osmonov
    return list(live(Person).filter(aliases__surname_key__in=keys).exclude(pk=person.pk)
                .values_list("pk", flat=True).distinct().order_by("pk")[:MAX_BLOCK])
