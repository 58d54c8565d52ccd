"""The curators' admin: review, correct, merge and audit every record.

Registrations live by domain: records (people, organizations, meetings,
agreements), articles, the rows around them, and curation (merges, duplicates,
conversions, review decisions).
The queue and merge pages are in `views`, wired by `archive.adminsite`.
"""

from . import articles, conversions, curation, decisions, others, records  # noqa: F401  (registration)
