"""The archive's data model, split by domain."""

from .articles import Article
from .base import DatePrecision, ReviewStatus
from .confidence import TrainedConfidenceModel
from .curation import (
    CURATED_MODELS, ConversionKind, ConversionRecord, DuplicateDecision, MergeRecord, RejectReason, ReviewDecision,
    Verdict,
)
from .events import (
    Agreement, AgreementKind, AgreementParty, AgreementStatus, AgreementStatusChange, Meeting,
    MeetingParticipant, PartyRole, Sector,
)
from .evidence import Evidence, FieldConflict
from .geo import Country
from .people import Organization, OrganizationAlias, OrganizationType, Person, PersonAlias, Role

__all__ = [
    "CURATED_MODELS", "ConversionKind", "ConversionRecord", "DuplicateDecision", "MergeRecord", "RejectReason", "ReviewDecision", "Verdict",
    "Agreement", "AgreementKind", "AgreementParty", "AgreementStatus", "AgreementStatusChange",
    "Article", "Country", "DatePrecision", "Evidence", "FieldConflict", "Meeting", "MeetingParticipant",
    "Organization", "OrganizationAlias", "OrganizationType", "PartyRole", "Person", "PersonAlias",
    "ReviewStatus", "Role", "Sector", "TrainedConfidenceModel",
]
