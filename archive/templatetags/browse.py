"""Presentation helpers for the reading pages: dates as precise as their source, record links, quotes."""

from django import template
from django.urls import reverse

from archive.mentions import sentence_parts
from archive.models import DatePrecision, ReviewStatus

register = template.Library()

DETAIL_URLS = {
    "person": "archive:person-detail", "organization": "archive:organization-detail",
    "meeting": "archive:meeting-detail", "agreement": "archive:agreement-detail", "article": "archive:article-detail",
}


@register.filter
def fuzzy_date(value, precision=""):
    """5 April 2024, April 2024 or 2024, as much as the source said; "undated" when it said nothing."""
    if not value:
        return "undated"
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return value.strftime("%B %Y")
    return f"{value.day} {value.strftime('%B %Y')}"


@register.filter
def record_url(record, kind=""):
    """The reading page of a record a reader may see, or "" (no link) for a missing or rejected one."""
    if record is None or getattr(record, "review_status", None) == ReviewStatus.REJECTED:
        return ""
    kind = kind or record._meta.model_name
    return reverse(DETAIL_URLS[kind], args=[record.pk])


@register.filter
def kind_url(record_id, kind):
    return reverse(DETAIL_URLS[kind], args=[record_id])


@register.filter
def quote_parts(evidence):
    """(before, mention, after) of an evidence sentence (`archive.mentions.sentence_parts`)."""
    return sentence_parts(evidence.sentence, evidence.sentence_start, evidence.start, evidence.end)


@register.filter
def startswith(value, prefix):
    return str(value or "").startswith(prefix)


@register.inclusion_tag("archive/_sort_header.html", takes_context=True)
def sort_header(context, param, label, descending_first=False):
    """A column heading that sorts the list by `param`, and reverses it when already sorted so.

    `descending_first` (dates, values) makes the first click sort newest or largest first.
    `default` marks the column the list is sorted by when no `sort` is given.
    """
    current = context["request"].GET.get("sort") or context.get("default_sort", "")
    if current == param:
        target, state = f"-{param}", "ascending"
    elif current == f"-{param}":
        target, state = param, "descending"
    else:
        target, state = (f"-{param}" if descending_first else param), None
    return {"request": context["request"], "target": target, "state": state, "label": label}


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def shown_acronym(acronym, name):
    """The acronym when it adds something: not when the name is the acronym ("AFP AFP")."""
    return bool(acronym) and acronym.casefold() != (name or "").casefold()


def _names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@register.simple_tag
def meeting_heading(meeting, participants):
    """Who met whom, where and when ("A and B met in Astana, 5 March 2025"); a topic is not a title."""
    names = [p.name for p in participants][:4]
    if len(participants) > 4:
        names.append(f"{len(participants) - 4} others")
    where = f" in {meeting.location}" if meeting.location else ""
    when = fuzzy_date(meeting.date, meeting.date_precision)
    if len(participants) > 1:
        return f"{_names(names)} met{where}, {when}"
    if participants:
        return f"Meeting with {names[0]}{where}, {when}"
    return f"Meeting{where}, {when}"
