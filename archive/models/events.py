"""Meetings and agreements: who met whom, when and where, and what was agreed."""

from django.db import models

from .base import Reviewable, TimeStamped, fuzzy_date_fields
from .deletion import SET_NULL_OR_DELETE_DUPLICATE
from .keys import flat, key_of, optional_link


class Meeting(Reviewable):
    date, date_precision, date_text = fuzzy_date_fields("Date of the meeting")
    location = models.CharField(max_length=200, blank=True, db_index=True, help_text="City, as the text gives it.")
    topic = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        # The review queue: unreviewed first, least confident first.
        indexes = [models.Index(fields=["review_status", "confidence", "id"], name="meeting_review_queue")]

    def __str__(self):
        names = ", ".join(p.name for p in self.participants.all()[:3])
        return f"Meeting {self.date or 'undated'}: {names}"


class MeetingParticipantManager(models.Manager):
    def get_by_natural_key(self, meeting_uid, person_uid, organization_uid, name):
        """Found by the part of the key that is unique: the person, else the organization, else the name."""
        participants = self.filter(meeting__uid=flat(meeting_uid))
        if flat(person_uid) is not None:
            return participants.get(person__uid=flat(person_uid))
        if flat(organization_uid) is not None:
            return participants.get(person__isnull=True, organization__uid=flat(organization_uid))
        return participants.get(person__isnull=True, organization__isnull=True, name=name)


class MeetingParticipant(models.Model):
    """Who took part, as the text wrote it, beside an optional link to the record.

    The written name stays when the linked person or organization is merged or
    deleted, so an unresolved participant is still a participant.

    Natural key: (meeting uid, person uid or None, organization uid or None, name).
    A meeting has each person once and each organization once, and an unlinked
    participant once per written name; the manager looks a participant up by
    whichever of those applies, so a curator's edit of the written name of a
    linked participant does not make it a different participant.
    """

    meeting = models.ForeignKey(Meeting, related_name="participants", on_delete=models.CASCADE)
    name = models.CharField(max_length=300, help_text="The name as the text wrote it.")
    # The written name stays when the record goes, unless the meeting already has it unlinked.
    person = models.ForeignKey(
        "Person", null=True, blank=True, related_name="meeting_participations",
        on_delete=SET_NULL_OR_DELETE_DUPLICATE,
    )
    organization = models.ForeignKey(
        "Organization", null=True, blank=True, related_name="meeting_participations",
        on_delete=SET_NULL_OR_DELETE_DUPLICATE,
    )
    country = models.ForeignKey(
        "Country", null=True, blank=True, related_name="meeting_participations", on_delete=models.PROTECT,
        help_text="The country the participant acted for: what 'meetings with X' filters on.",
    )

    objects = MeetingParticipantManager()

    class Meta:
        ordering = ["meeting", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], condition=models.Q(person__isnull=False),
                name="participant_unique_person",
            ),
            models.UniqueConstraint(
                fields=["meeting", "organization"], condition=models.Q(organization__isnull=False),
                name="participant_unique_organization",
            ),
            models.UniqueConstraint(
                fields=["meeting", "name"], condition=models.Q(person__isnull=True, organization__isnull=True),
                name="participant_unique_unlinked_name",
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (key_of(self.meeting), key_of(self.person), key_of(self.organization), self.name)

    natural_key.dependencies = ["archive.meeting", "archive.person", "archive.organization"]


class AgreementKind(models.TextChoices):
    MOU = "mou", "memorandum of understanding"
    AGREEMENT = "agreement", "agreement"
    ACTION_PLAN = "action_plan", "action plan"
    DECLARATION = "declaration", "declaration"
    TREATY = "treaty", "treaty"
    OTHER = "other", "other"


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", "proposed"
    NEGOTIATING = "negotiating", "negotiating"
    SIGNED = "signed", "signed"
    IN_FORCE = "in_force", "in force"


class SectorManager(models.Manager):
    def get_by_natural_key(self, name):
        return self.get(name=name)


class Sector(models.Model):
    """A field of cooperation an agreement covers. Natural key: (name,)."""

    name = models.CharField(max_length=100, unique=True)

    objects = SectorManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)


class Agreement(Reviewable):
    title = models.CharField(max_length=500, db_index=True)
    kind = models.CharField(max_length=12, choices=AgreementKind.choices, default=AgreementKind.OTHER, db_index=True)
    status = models.CharField(
        max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.PROPOSED, db_index=True,
        help_text="The latest status the sources state; its history is in the status changes.",
    )
    date, date_precision, date_text = fuzzy_date_fields("Date signed, or expected")
    value_usd = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True, db_index=True)
    amount = models.DecimalField(
        max_digits=20, decimal_places=2, null=True, blank=True,
        help_text="The stated amount when it is not in USD and no rate was given.",
    )
    currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217 code of the stated amount.")
    count = models.PositiveIntegerField(null=True, blank=True, help_text="How many documents a package holds.")
    sectors = models.ManyToManyField(Sector, blank=True, related_name="agreements")

    class Meta:
        ordering = ["-date", "title"]
        # The review queue: unreviewed first, least confident first.
        indexes = [models.Index(fields=["review_status", "confidence", "id"], name="agreement_review_queue")]

    def __str__(self):
        return self.title


class PartyRole(models.TextChoices):
    PARTY = "party", "party"
    SIGNATORY = "signatory", "signatory"
    WITNESS = "witness", "witness"
    GUARANTOR = "guarantor", "guarantor"


class AgreementPartyManager(models.Manager):
    def get_by_natural_key(self, agreement_uid, name, role):
        return self.get(agreement__uid=flat(agreement_uid), name=name, role=role)


class AgreementParty(models.Model):
    """A party to an agreement, as the text wrote it, beside an optional link to a country or organization.

    Natural key: (agreement uid, name as written, role), unique by `party_unique_name_role`.
    """

    agreement = models.ForeignKey(Agreement, related_name="parties", on_delete=models.CASCADE)
    name = models.CharField(max_length=300, help_text="The party as the text wrote it.")
    role = models.CharField(max_length=10, choices=PartyRole.choices, default=PartyRole.PARTY)
    country = models.ForeignKey(
        "Country", null=True, blank=True, related_name="agreement_parties", on_delete=models.PROTECT,
    )
    organization = models.ForeignKey(
        "Organization", null=True, blank=True, related_name="agreement_parties", on_delete=models.SET_NULL,
    )
    person = models.ForeignKey(
        "Person", null=True, blank=True, related_name="agreement_parties", on_delete=models.SET_NULL,
        help_text="Who signed or witnessed for the party, when known.",
    )
    date, date_precision, date_text = fuzzy_date_fields("When this party signed or joined")

    objects = AgreementPartyManager()

    class Meta:
        ordering = ["agreement", "id"]
        verbose_name_plural = "agreement parties"
        constraints = [
            models.UniqueConstraint(fields=["agreement", "name", "role"], name="party_unique_name_role"),
        ]

    def __str__(self):
        return f"{self.name} ({self.role})"

    def natural_key(self):
        return (key_of(self.agreement), self.name, self.role)

    natural_key.dependencies = ["archive.agreement"]


class AgreementStatusChangeManager(models.Manager):
    def get_by_natural_key(self, agreement_uid, status, article_hash):
        return self.get(agreement__uid=flat(agreement_uid), status=status,
                        **optional_link("article", "content_hash", article_hash))


class AgreementStatusChange(TimeStamped):
    """One step of an agreement's history: proposed in one article, signed in a later one.

    Natural key: (agreement uid, status, article content hash or None when no article states it).
    """

    agreement = models.ForeignKey(Agreement, related_name="status_changes", on_delete=models.CASCADE)
    status = models.CharField(max_length=12, choices=AgreementStatus.choices)
    date, date_precision, date_text = fuzzy_date_fields("When the status held, as the source says")
    article = models.ForeignKey(
        "Article", null=True, blank=True, related_name="status_changes",
        # The step stays without its article, unless the agreement already has that status without one.
        on_delete=SET_NULL_OR_DELETE_DUPLICATE,
    )
    evidence = models.ForeignKey(
        "Evidence", null=True, blank=True, related_name="+", on_delete=models.SET_NULL,
    )

    objects = AgreementStatusChangeManager()

    class Meta:
        ordering = ["agreement", "date", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "status", "article"], name="status_change_unique"),
            # NULLs are distinct in a unique index: the article-less step needs its own constraint.
            models.UniqueConstraint(
                fields=["agreement", "status"], condition=models.Q(article__isnull=True),
                name="status_change_unique_without_article",
            ),
        ]

    def __str__(self):
        return f"{self.agreement}: {self.status}"

    def natural_key(self):
        return (key_of(self.agreement), self.status, key_of(self.article))

    natural_key.dependencies = ["archive.agreement", "archive.article", "archive.evidence"]
