"""Meetings and agreements (filled in with the events stage)."""


def write_meetings(extracted, article, people, orgs, report):
    return {}


def write_agreements(extracted, article, orgs, report):
    return {}
