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
from archive.models import Article, Organization, OrganizationAlias, Person, PersonAlias, ReviewStatus, Role

from .candidates import OrganizationPool, PeoplePool, distinct, org_forms
from .countries import country_by_id, country_for
from .fields import apply_record_values, is_newest_source
from .report import IngestReport
from .rows import ArticleRows, BatchRows, record_key, save_records

REJECTED = object()  # resolution outcome: a curator rejected this record


def write_organizations(extracted: ExtractedArticle, article: Article, report: IngestReport,
                        rows: ArticleRows, pool: OrganizationPool) -> dict:
    """Write the article's organizations; returns {extracted name: Organization}."""
    linked, touched = {}, []
    for ext in extracted.organizations:
        org = resolve_organization(ext, pool, report)
        if org is REJECTED:
            report.count("records skipped as rejected")
            continue
        created = org is None
        org = org or Organization(name=ext.name)
        touched.append((org, apply_record_values(org, {
            "name": org.name if not created and len(org.name) >= len(ext.name) else ext.name,
            "acronym": ext.acronym or org.acronym or "",
            "org_type": ext.type if created or org.org_type == "other" else org.org_type,
            "country": org.country if not created and org.country_id else country_for(ext.country),
        }, ext.confidence, ext.features), ext))
        pool.add(org, [ext.name, *ext.aliases, ext.acronym])
        report.count("organizations created" if created else "organizations linked")
        linked[ext.name] = org
    save_records(touched, rows.batch)
    add_aliases(OrganizationAlias, "organization", [(org, [ext.name, *ext.aliases, ext.acronym])
                                                    for org, _, ext in touched], pool.stored, rows.batch)
    for org, _, ext in touched:
        rows.add_evidence(ext.evidence, organization=org)
    return linked


def write_people(extracted: ExtractedArticle, article: Article, orgs: dict, report: IngestReport,
                 rows: ArticleRows, pool: PeoplePool, previous_people: frozenset = frozenset()) -> dict:
    """Write the article's people with their roles; returns {extracted name: Person}.

    `previous_people`: ids of the people the article's earlier text named (see `previous`).
    """
    pool.load_roles(extracted, article, rows.batch)
    linked, touched = {}, []
    for ext in extracted.people:
        person = resolve_person(ext, pool, report)
        if isinstance(person, Organization):  # a curator converted this person into an organization
            rows.add_evidence(ext.evidence, organization=person)
            orgs.setdefault(ext.name, person)  # the meetings it takes part in link the organization
            report.count("people routed to organizations by a curator")
            continue
        if person is REJECTED:
            report.count("records skipped as rejected")
            continue
        created = person is None
        person = person or Person(name=ext.name)
        country = country_for(ext.country)
        stats = None if created else pool.roles[record_key(person)]
        newest = created or is_newest_source(article.published, [stats.latest] if stats else [])
        touched.append((person, apply_record_values(person, {
            "name": fuller_name(person.name, ext.name),
            "title": (ext.title or person.title) if newest else (person.title or ext.title or ""),
            "country": country if created else most_cited_country(person, stats, country),
        }, ext.confidence, ext.features), ext))
        if created:
            pool.create(person, [ext.name, *ext.aliases])
        else:
            pool.add_forms(person, [ext.name, *ext.aliases])
        report.count("people created" if created else "people linked")
        linked[ext.name] = person
    save_records(touched, rows.batch)
    add_aliases(PersonAlias, "person", [(person, [ext.name, *ext.aliases]) for person, _, ext in touched],
                pool.stored, rows.batch)
    rows.batch.roles += new_roles(touched, article, orgs, previous_people)
    for person, _, ext in touched:
        rows.add_evidence(ext.evidence, person=person)
    return linked


def new_roles(touched: list, article: Article, orgs: dict, previous_people: frozenset) -> list:
    """One role per person, title and article (written at the batch's end: `rows.BatchRows`)."""
    return [Role(person=person, title=ext.title, article=article, country=country_for(ext.country),
                  organization=orgs.get(ext.organization), date=article.published,
                  date_precision="day" if article.published else "",
                  date_text=f"{article.published} (publication date)" if article.published else "")
             for person, _, ext in touched
             if ext.title and not curator_owns_roles(person, article, previous_people)]


def curator_owns_roles(person: Person, article: Article, previous_people: frozenset) -> bool:
    """Whether the roles this article gives a verified or edited person are the curator's to keep:
    the article named them before (a role the curator corrected or deleted stays so) or
    already holds a role of theirs. Then the text's version is not added."""
    if not person.is_locked:
        return False
    if person.pk in previous_people:
        return True
    return article.pk is not None and person.roles.filter(article=article).exists()  # a new article has none yet


def most_cited_country(person: Person, stats, country):
    """The country most of a person's articles give them (this one included); the record's own
    on a tie. One article that read a visitor as a host does not outvote the others."""
    votes = Counter(stats.country_votes if stats else {})
    if country is not None:
        votes[country.id] += 1
    if not votes:
        return person.country
    best = max(votes.values())
    if person.country_id and votes.get(person.country_id) == best:
        return person.country
    winner = next(cid for cid, n in votes.items() if n == best)
    return country if country is not None and country.id == winner else country_by_id(winner)


def resolve_person(ext: ExtractedPerson, pool: PeoplePool, report: IngestReport):
    """The existing person `ext` names, REJECTED, or None for a new one; or the organization a curator
    converted that person into (`archive.curation.convert`).

    A country that contradicts the record's rules a candidate out, except for
    the same full name (in any transliteration): a misread country is likelier
    than a namesake.
    """
    forms = [ext.name, *ext.aliases]
    country = country_for(ext.country)
    candidates = pool.candidates(forms)
    compatible = [p for p in candidates if not (country and p.country_id and p.country_id != country.id)]
    choice = names.resolve(forms, [pool.person_forms(p) for p in compatible])
    if choice is not None:
        return pick_unless_judged_apart(compatible[choice], compatible, forms, ext.name, pool, report)
    same_full_name = [p for p in candidates if len(names.name_words(ext.name)) > 1
                      and names.person_similarity([ext.name], pool.person_forms(p)) >= names.FUZZY_FLOOR]
    if len(same_full_name) == 1:
        return pick_unless_judged_apart(same_full_name[0], candidates, forms, ext.name, pool, report)
    if any(names.is_same_person(forms, pool.person_forms(p)) for p in compatible):
        report.count("ambiguous names left for curators")
    return None


def pick_unless_judged_apart(chosen: Person, candidates: list, forms: list, name: str, pool: PeoplePool,
                             report: IngestReport):
    """Link `chosen` unless a curator judged it "not the same" as another candidate the name also fits:
    then the name alone cannot tell the two people apart, and nothing is linked."""
    rivals = [p for p in candidates if p is not chosen and p.pk is not None
              and names.is_same_person(forms, pool.person_forms(p))]
    if chosen.pk is not None and judged_different(chosen, rivals):
        report.count("ambiguous names left for curators")
        return None
    found = pick([chosen], name, report)
    return (converted_into(chosen, Organization) or REJECTED) if found is REJECTED else found


def resolve_organization(ext: ExtractedOrganization, pool: OrganizationPool, report: IngestReport):
    matches = [org.resolved() for org in pool.with_forms(org_forms([ext.name, *ext.aliases]))]
    if ext.acronym:
        matches += [org.resolved() for org in pool.with_acronym(ext.acronym)
                    if org.name == ext.acronym or ext.name == ext.acronym]
    country = country_for(ext.country)
    matches = [o for o in distinct(matches) if not (country and o.country_id and o.country_id != country.id)]
    return pick(matches, ext.name, report)


def pick(matches: list, name: str, report: IngestReport):
    """One match is linked (or skipped if rejected); none or several mean a new record."""
    if len(matches) == 1:
        match = matches[0]
        return REJECTED if match.review_status == ReviewStatus.REJECTED else match
    if len(matches) > 1:
        report.count("ambiguous names left for curators")
    return None


def fuller_name(current: str, new: str) -> str:
    """The fuller of two forms of one name: "Rana Akbar Jamil" over "Rana Akbar"."""
    return new if len(new.split()) > len(current.split()) else current


def add_aliases(alias_model, owner_field: str, named: list, stored: set, batch: BatchRows) -> None:
    """Queue the forms records lack for the batch's one insert per alias model (none when the archive has
    them all, as `stored` says); the (record, normalized form) constraint skips any another writer added."""
    for record, forms in named:
        for form in filter(None, forms):
            key = names.normalize(form)
            owner = record.pk if record.pk is not None else record_key(record)
            if key and (owner, key[:200]) not in stored:
                batch.add_alias(alias_model, (owner, key[:200]), lambda record=record, form=form: alias_model(
                    **{owner_field: record}, name=form, **alias_keys(form, alias_model)))
                stored.add((owner, key[:200]))  # the next article of the batch knows it is there
