"""The curators' admin: review, correct, merge and audit every record.

Registrations live by domain: records (people, organizations, meetings,
agreements), articles, the rows around them, and curation (merges, duplicates).
The queue and merge pages are in `views`, wired by `archive.adminsite`.
"""

from . import articles, curation, others, records  # noqa: F401  (registration)
