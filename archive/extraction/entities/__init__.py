"""People and organizations of one article (`article.extract_entities`), and name matching."""

from .article import extract_entities

__all__ = ["extract_entities"]
