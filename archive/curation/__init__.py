"""Curators' decisions as services: review (verify, reject), merge and undo, duplicate suggestions.

The admin, views and commands call these; they hold the rules. Each write runs
in one transaction and is recorded in the records' history with who and why.
"""

from .errors import CurationError

__all__ = ["CurationError"]
