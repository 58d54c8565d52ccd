"""Meetings and agreements of one article (`article.extract_events`), with their dates and money."""

from .article import extract_events

__all__ = ["extract_events"]
