"""What an archive holds, for comparing two ingests that should have written the same."""

from archive.models import (
    Agreement, AgreementParty, Article, Evidence, Meeting, MeetingParticipant, Organization, Person, PersonAlias, Role,
)


def archive_contents() -> dict:
    """What the archive holds, by names and texts rather than ids (which depend on who wrote first)."""
    def names(model, *fields):
        return sorted(model.objects.values_list(*fields), key=repr)  # repr: None beside dates and names

    def target(e):
        record = e.person or e.organization or e.meeting or e.agreement
        return type(record).__name__, str(record)

    evidence = Evidence.objects.select_related("article", "person", "organization", "meeting", "agreement")
    return {
        "articles": names(Article, "content_hash", "title"),
        "people": names(Person, "name", "title", "country__code"),
        "organizations": names(Organization, "name", "country__code"),
        "meetings": sorted(((m.date, sorted(m.participants.values_list("name", flat=True)))
                            for m in Meeting.objects.all()), key=repr),
        "agreements": sorted((a.title, a.status, sorted(a.parties.values_list("name", flat=True)))
                             for a in Agreement.objects.all()),
        "participants": names(MeetingParticipant, "meeting__date", "name", "person__name", "organization__name"),
        "parties": names(AgreementParty, "agreement__title", "name", "country__code"),
        "roles": names(Role, "person__name", "title", "article__title"),
        "aliases": names(PersonAlias, "person__name", "name"),
        "evidence": sorted((e.article.content_hash, e.start, e.end, *target(e)) for e in evidence),
    }
