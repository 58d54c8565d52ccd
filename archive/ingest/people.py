"""People and organizations: find the record an extracted name stands for, or create it.

Matching rules (refuse to guess): a person matches an existing record when the
name forms agree (`names.same_person`) and the countries do not contradict; a
single match is linked, several are reported and a new record is made for a
curator to merge. Merged records resolve to the record they were merged into;
a match a curator rejected is skipped, never re-created. When the match has a
rival match that a curator judged "not the same" person, the name cannot tell
them apart: nothing is linked (see `archive.curation.duplicates`).
"""

from __future__ import annotations

from collections import Counter

from archive.curation.aliases import alias_keys
from archive.curation.convert import converted_into
from archive.curation.duplicates import judged_different
from archive.extraction.entities import names
from archive.extraction.records import ExtractedArticle, ExtractedOrganization, ExtractedPerson
from archive.models import (
    Article, Country, Evidence, Organization, OrganizationAlias, Person, PersonAlias, ReviewStatus, Role,
)

from .countries import country_for
from .fields import fit_rows, save_extracted
from .report import IngestReport

REJECTED = object()  # resolution outcome: a curator rejected this record


def write_organizations(extracted: ExtractedArticle, article: Article, report: IngestReport) -> dict:
    """Write the article's organizations; returns {extracted name: Organization}."""
    linked = {}
    for ext in extracted.organizations:
        org = resolve_organization(ext, report)
        if org is REJECTED:
            report.count("records skipped as rejected")
            continue
        created = org is None
        org = org or Organization(name=ext.name)
        save_extracted(org, {
            "name": org.name if not created and len(org.name) >= len(ext.name) else ext.name,
            "acronym": ext.acronym or org.acronym or "",
            "org_type": ext.type if created or org.org_type == "other" else org.org_type,
            "country": org.country if not created and org.country_id else country_for(ext.country),
        }, ext.confidence)
        add_aliases(OrganizationAlias, org, "organization", [ext.name, *ext.aliases, ext.acronym])
        add_evidence(article, ext.evidence, organization=org)
        report.count("organizations created" if created else "organizations linked")
        linked[ext.name] = org
    return linked


def write_people(extracted: ExtractedArticle, article: Article, orgs: dict, report: IngestReport,
                 previous_people: frozenset = frozenset()) -> dict:
    """Write the article's people with their roles; returns {extracted name: Person}.

    `previous_people`: ids of the people the article's earlier text named (see `previous`).
    """
    linked = {}
    for ext in extracted.people:
        person = resolve_person(ext, report)
        if isinstance(person, Organization):  # a curator converted this person into an organization
            add_evidence(article, ext.evidence, organization=person)
            orgs.setdefault(ext.name, person)  # the meetings it takes part in link the organization
            report.count("people routed to organizations by a curator")
            continue
        if person is REJECTED:
            report.count("records skipped as rejected")
            continue
        created = person is None
        person = person or Person(name=ext.name)
        country = country_for(ext.country)
        newest = created or is_newest_source(person, article)
        save_extracted(person, {
            "name": fuller_name(person.name, ext.name),
            "title": (ext.title or person.title) if newest else (person.title or ext.title or ""),
            "country": country if created else most_cited_country(person, article, country),
        }, ext.confidence)
        add_aliases(PersonAlias, person, "person", [ext.name, *ext.aliases])
        if ext.title and not curator_owns_roles(person, article, previous_people):
            Role.objects.bulk_create(fit_rows([Role(
                person=person, title=ext.title, article=article, country=country,
                organization=orgs.get(ext.organization), date=article.published,
                date_precision="day" if article.published else "",
                date_text=f"{article.published} (publication date)" if article.published else "",
            )]), ignore_conflicts=True)  # one role per person, title and article
        add_evidence(article, ext.evidence, person=person)
        report.count("people created" if created else "people linked")
        linked[ext.name] = person
    return linked


def curator_owns_roles(person: Person, article: Article, previous_people: frozenset) -> bool:
    """Whether the roles this article gives a verified or edited person are the curator's to keep:
    the article named them before (a role the curator corrected or deleted stays so) or
    already holds a role of theirs. Then the text's version is not added."""
    if not person.is_locked:
        return False
    return person.pk in previous_people or person.roles.filter(article=article).exists()


def most_cited_country(person: Person, article: Article, country):
    """The country most of a person's articles give them (this one included); the record's own
    on a tie. One article that read a visitor as a host does not outvote the others."""
    votes = Counter(person.roles.exclude(article=article).exclude(country=None).values_list("country_id", flat=True))
    if country is not None:
        votes[country.id] += 1
    if not votes:
        return person.country
    best = max(votes.values())
    if person.country_id and votes.get(person.country_id) == best:
        return person.country
    winner = next(cid for cid, n in votes.items() if n == best)
    return country if country is not None and country.id == winner else Country.objects.get(pk=winner)


def resolve_person(ext: ExtractedPerson, report: IngestReport):
    """The existing person `ext` names, REJECTED, or None for a new one; or the organization a curator
    converted that person into (`archive.curation.convert`).

    A country that contradicts the record's rules a candidate out, except for
    the same full name (in any transliteration): a misread country is likelier
    than a namesake.
    """
    forms = [ext.name, *ext.aliases]
    country = country_for(ext.country)
    words = {word for form in forms for word in names.name_words(form)}
    keys = words | {names.skeleton(word) for word in words}  # raw last words: keys written before folding
    found = Person.objects.filter(aliases__surname_key__in=keys).distinct().order_by("id")
    candidates = list({person.resolved(): None for person in found.select_related("country").prefetch_related("aliases")})
    compatible = [p for p in candidates if not (country and p.country_id and p.country_id != country.id)]
    choice = names.resolve(forms, [person_forms(p) for p in compatible])
    if choice is not None:
        return pick_unless_judged_apart(compatible[choice], compatible, forms, ext.name, report)
    same_full_name = [p for p in candidates if len(names.name_words(ext.name)) > 1
                      and names.person_similarity([ext.name], person_forms(p)) >= names.FUZZY_FLOOR]
    if len(same_full_name) == 1:
        return pick_unless_judged_apart(same_full_name[0], candidates, forms, ext.name, report)
    if any(names.is_same_person(forms, person_forms(p)) for p in compatible):
        report.count("ambiguous names left for curators")
    return None


def pick_unless_judged_apart(chosen: Person, candidates: list, forms: list, name: str, report: IngestReport):
    """Link `chosen` unless a curator judged it "not the same" as another candidate the name also fits:
    then the name alone cannot tell the two people apart, and nothing is linked."""
    rivals = [p for p in candidates if p is not chosen and names.is_same_person(forms, person_forms(p))]
    if judged_different(chosen, rivals):
        report.count("ambiguous names left for curators")
        return None
    found = pick([chosen], name, report)
    return (converted_into(chosen, Organization) or REJECTED) if found is REJECTED else found


def resolve_organization(ext: ExtractedOrganization, report: IngestReport):
    forms = {names.normalize(f) for f in (ext.name, *ext.aliases) if f} - {""}
    matches = {
        alias.organization.resolved()
        for alias in OrganizationAlias.objects.filter(normalized__in=forms).select_related("organization__country")
    }
    if ext.acronym:
        matches |= {org.resolved() for org in Organization.objects.select_related("country")
                    .filter(acronym=ext.acronym, name=ext.acronym)}
        if ext.name == ext.acronym:
            matches |= {org.resolved() for org in Organization.objects.select_related("country").filter(acronym=ext.acronym)}
    country = country_for(ext.country)
    matches = [o for o in matches if not (country and o.country_id and o.country_id != country.id)]
    return pick(matches, ext.name, report)


def pick(matches: list, name: str, report: IngestReport):
    """One match is linked (or skipped if rejected); none or several mean a new record."""
    if len(matches) == 1:
        match = matches[0]
        return REJECTED if match.review_status == ReviewStatus.REJECTED else match
    if len(matches) > 1:
        report.count("ambiguous names left for curators")
    return None


def person_forms(person: Person) -> list[str]:
    return [person.name, *(alias.name for alias in person.aliases.all())]


def fuller_name(current: str, new: str) -> str:
    """The fuller of two forms of one name: "Rana Tanveer Hussain" over "Rana Tanveer"."""
    return new if len(new.split()) > len(current.split()) else current


def is_newest_source(person: Person, article: Article) -> bool:
    """Whether this article is at least as recent as every article that gave the person a title."""
    if article.published is None:
        return not person.title
    latest = person.roles.exclude(date=None).order_by("-date").values_list("date", flat=True).first()
    return latest is None or article.published >= latest


def add_aliases(alias_model, record, owner_field: str, forms) -> None:
    """Add the forms a record lacks; the (record, normalized form) constraint skips the ones it has."""
    new = {}
    for form in filter(None, forms):
        new.setdefault(names.normalize(form), form)
    new.pop("", None)
    alias_model.objects.bulk_create(
        fit_rows([alias_model(**{owner_field: record}, name=form, **alias_keys(form, alias_model))
                  for form in new.values()]),
        ignore_conflicts=True,
    )


def add_evidence(article: Article, evidence, **target) -> None:
    Evidence.objects.bulk_create(
        fit_rows([
            Evidence(article=article, sentence=e.sentence, sentence_start=e.sentence_start,
                     sentence_end=e.sentence_end, start=e.start, end=e.end, confidence=e.confidence, **target)
            for e in evidence
        ]),
        ignore_conflicts=True,
    )
