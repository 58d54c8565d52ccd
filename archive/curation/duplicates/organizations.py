"""Organizations that may be one: names transliterated, acronyms with care (two bodies may share one)."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db import models
from rapidfuzz import fuzz

from archive.extraction.entities import names
from archive.extraction.lexicon.words import ORG_CONNECTORS
from archive.models import Organization, OrganizationAlias

from .blocking import MAX_BLOCK, anchored, articles_of, contradicts, live, pairs_in_blocks, records_among, scored

ORGANIZATION_SIMILARITY = 88
ACRONYM_NAME_SIMILARITY = 60  # names this close suffice when the acronym is the same
ACRONYM_SCORE = 0.9
SAME_WORD = 80  # two words this alike (transliterated) are one word written two ways


def organization_pairs(among: list[int] | None = None, anchor: int | None = None) -> dict:
    orgs = {pk: (name, acronym.upper(), country) for pk, name, acronym, country in
            records_among(Organization, among).values_list("pk", "name", "acronym", "country_id")}
    written = defaultdict(set)
    for pk, (name, _, _) in orgs.items():
        written[pk].add(name)
    for org_id, name in OrganizationAlias.objects.filter(
            organization__in=list(orgs) if among else live(Organization)).values_list("organization_id", "name"):
        written[org_id].add(name)
    written = {pk: without_acronym(org_names, orgs[pk][1]) for pk, org_names in written.items()}
    forms = {pk: {organization_form(name) for name in org_names} for pk, org_names in written.items()}
    found = {}
    for low, high in organization_blocks(orgs, forms) if anchor is None else anchored(anchor, orgs):
        (_, acronym_a, country_a), (_, acronym_b, country_b) = orgs[low], orgs[high]
        if contradicts(country_a, country_b):
            continue
        similarity = organization_similarity(forms[low], forms[high], acronym_a if acronym_a == acronym_b else "",
                                             written[low], written[high])
        if similarity is not None:
            found[(low, high)] = similarity
    return score_organizations(found, orgs)


def organization_form(name: str) -> str:
    """A name's words, folded and transliterated: "Temir Zholu" and "Temir Jolu" read alike."""
    return " ".join(names.translit(word) for word in names.normalize(name).split())


def without_acronym(org_names: set, acronym: str) -> set[str]:
    """An organization's names to compare, without its bare acronym (two bodies may share one: the acronym
    has its own rule) unless the acronym is all it has."""
    return {name for name in org_names if name.upper() != acronym} or org_names


def compact_form(form: str) -> str:
    """An organization form without spaces, transliterated whole: "kazakhinvest"."""
    return names.translit(form.replace(" ", ""))


def organization_blocks(orgs: dict, forms: dict) -> set[tuple[int, int]]:
    """Organizations that share an acronym, or one of the two rarest words of a name (by spelling key)."""
    words = {pk: [{names.spelling_key(w) for w in form.split() if len(w) > 3 and w not in ORG_CONNECTORS}
                  for form in org_forms] for pk, org_forms in forms.items()}
    frequency = Counter(key for forms_words in words.values() for key in set().union(*forms_words))
    blocks = defaultdict(list)
    for pk, forms_words in words.items():
        for form_words in forms_words:
            for key in sorted(form_words, key=lambda k: (frequency[k], k))[:2]:
                blocks["word:" + key].append(pk)
        if acronym := orgs[pk][1]:
            blocks["acronym:" + acronym].append(pk)
        for form in forms[pk]:
            if form and " " not in form:  # a one-word name may be another's acronym
                blocks["acronym:" + form.upper()].append(pk)
    return pairs_in_blocks(blocks)


def organization_similarity(forms_a: set, forms_b: set, same_acronym: str, written_a: set,
                            written_b: set) -> float | None:
    """How alike two organizations' names are, in [0, 1], or None when not enough."""
    acronym = same_acronym.lower()
    if acronym and (acronym in forms_a | forms_b
                    or any(contains_compact(a, b) for a in written_a for b in written_b)):
        return ACRONYM_SCORE  # one is known by the acronym alone, or its name is within the other's
    pairs = [(a, b) for a in forms_a for b in forms_b if not words_conflict(a, b)]
    if not pairs:
        return None
    ratio = max(name_ratio(a, b) for a, b in pairs) / 100
    if ratio * 100 >= ORGANIZATION_SIMILARITY:
        return ratio
    if acronym and ratio * 100 >= ACRONYM_NAME_SIMILARITY:
        return max(ratio, ACRONYM_SCORE)
    return None


def words_conflict(a: str, b: str) -> bool:
    """Whether each name has a word the other lacks under any spelling: "Ministry of Transport" and
    "Ministry of Trade" are two bodies, "Ministry of Trade" and "Afghan Ministry of Trade" may be one."""
    words_a, words_b = set(a.split()), set(b.split())
    only_a, only_b = words_a - words_b, words_b - words_a
    unmatched_a = {w for w in only_a if not any(fuzz.ratio(w, v) >= SAME_WORD for v in only_b)}
    unmatched_b = {w for w in only_b if not any(fuzz.ratio(w, v) >= SAME_WORD for v in only_a)}
    return bool(unmatched_a) and bool(unmatched_b)


def name_ratio(a: str, b: str) -> float:
    """Token-set similarity tempered by token order: "Steppe Railway" is within "Steppe-Caspian Railway
    Company" but not the same name, "Ministry of Trade" and "Afghan Ministry of Trade" are."""
    return (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 2


def contains_compact(a: str, b: str) -> bool:
    """Whether one name, spaces removed, is within the other: "Kazakh Invest" in "KazakhInvest company"."""
    a, b = compact_form(names.normalize(a)), compact_form(names.normalize(b))
    return bool(a and b) and (a in b or b in a)


def score_organizations(alike: dict, orgs: dict) -> dict:
    articles = articles_of("organization", {pk for pair in alike for pk in pair})
    found = {}
    for (low, high), similarity in alike.items():
        same_acronym = bool(orgs[low][1]) and orgs[low][1] == orgs[high][1]
        shared = {"same acronym": same_acronym, "same country": orgs[low][2] and orgs[low][2] == orgs[high][2],
                  "shared articles": len(articles[low] & articles[high])}
        found[(low, high)] = scored(similarity, f"names alike ({similarity:.0%})", shared)
    return found


def organization_candidates(org: Organization) -> list[int]:
    """Organizations with the acronym, or whose name holds one of this one's two longest words."""
    forms = [org.name, *org.aliases.values_list("name", flat=True)]
    words = sorted({w for form in forms for w in names.normalize(form).split()
                    if len(w) > 3 and w not in ORG_CONNECTORS}, key=lambda w: (-len(w), w))[:2]
    query = models.Q(pk__in=[])
    for word in words:
        query |= models.Q(name__icontains=word[:6])
    if org.acronym:
        query |= models.Q(acronym__iexact=org.acronym) | models.Q(name__iexact=org.acronym)
    return list(live(Organization).filter(query).exclude(pk=org.pk).values_list("pk", flat=True)
                .order_by("pk")[:MAX_BLOCK])
