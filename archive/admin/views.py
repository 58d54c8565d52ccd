"""The merge page: pick the record to keep among duplicates, and one record's likely duplicates (the review
queue is in `review_queue`).

Thin: it reads the request, calls `archive.curation`, and renders.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from archive.curation import CurationError
from archive.curation.duplicates import duplicate_judge, duplicates_of
from archive.curation.merge import records_merge
from archive.curation.queue import QUEUE_MODELS
from archive.models import Verdict

from .base import can_merge
from .curation import compared_records, record_card, record_label
from .highlight import record_url


def merge_view(request, model_name):
    """Pick the record to keep among duplicates; the others merge into it. Two records can be judged apart here."""
    model = QUEUE_MODELS.get(model_name)
    if model is None:
        raise Http404
    if not can_merge(request.user, model):
        raise PermissionDenied
    ids = [int(i) for i in ",".join(request.GET.getlist("ids")).split(",") if i.strip().isdigit()][:20]
    records = list(model.objects.filter(pk__in=ids))
    if len(records) < 2:
        messages.warning(request, "Select at least two records to merge.")
        return HttpResponseRedirect(reverse(f"admin:archive_{model_name}_changelist"))
    if request.method == "POST":
        return merge_post(request, model_name, records)
    context = {
        **admin.site.each_context(request), "title": f"Merge {model._meta.verbose_name_plural}",
        "opts": model._meta, "records": [summary(r) for r in records], "verdicts": Verdict,
    }
    return TemplateResponse(request, "admin/archive/merge.html", context)


def duplicates_of_view(request, model_name, pk):
    """The records that may be this one under another spelling, best first, to compare and merge."""
    model = QUEUE_MODELS.get(model_name)
    if model is None:
        raise Http404
    if not can_merge(request.user, model):
        raise PermissionDenied
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    record = get_object_or_404(model, pk=pk)
    found = duplicates_of(record)
    cards = compared_records(model).in_bulk([record.pk, *(other.pk for other, _, _ in found)])
    rows = [{"card": record_card(cards.get(other.pk), other.pk), "pk": other.pk, "score": score,
             "reasons": ", ".join(reasons)} for other, score, reasons in found]
    context = {
        **admin.site.each_context(request), "title": f"Possible duplicates of {record_label(record, record.pk)}",
        "opts": model._meta, "record": record, "card": record_card(cards.get(record.pk), record.pk), "rows": rows,
        "merge_url": reverse("admin:archive_merge", args=[model_name]),
    }
    return TemplateResponse(request, "admin/archive/duplicates_of.html", context)


def merge_post(request, model_name, records):
    by_pk = {str(r.pk): r for r in records}
    action = request.POST.get("action")
    note = request.POST.get("note", "")
    try:
        if action in (Verdict.NOT_SAME, Verdict.UNSURE) and len(records) == 2:
            duplicate_judge(a=records[0], b=records[1], verdict=action, user=request.user, note=note)
            messages.success(request, f"Recorded: {records[0]} and {records[1]} — {Verdict(action).label}.")
            return HttpResponseRedirect(reverse("admin:archive_duplicatedecision_changelist"))
        kept = by_pk.get(request.POST.get("kept", ""))
        if kept is None:
            messages.error(request, "Pick the record to keep.")
            return HttpResponseRedirect(request.get_full_path())
        merges = records_merge(kept=kept, others=[r for r in records if r.pk != kept.pk], user=request.user,
                               note=note)
    except CurationError as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(request.get_full_path())
    undo = reverse("admin:archive_mergerecord_changelist")
    messages.success(request, format_html("Merged {} record(s) into {}. Every merge can be undone from <a href=\"{}\">"
                                          "merges</a>.", len(merges), kept, undo))
    return HttpResponseRedirect(record_url(kept))


def summary(record) -> dict:
    """What a curator compares before picking the record to keep."""
    facts = {"evidence": record.evidence.count(), "status": record.review_status,
             "confidence": f"{record.confidence:.2f}"}
    name = record._meta.model_name
    if name in ("person", "organization"):
        facts["country"] = record.country or "—"
        facts["aliases"] = ", ".join(record.aliases.values_list("name", flat=True)[:10]) or "—"
    if name == "person":
        facts["title"] = record.title or "—"
        facts["roles"] = record.roles.count()
        facts["meetings"] = record.meeting_participations.count()
    if name == "meeting":
        facts["date"] = record.date or "—"
        facts["location"] = record.location or "—"
        facts["participants"] = ", ".join(record.participants.values_list("name", flat=True)[:10]) or "—"
    if name == "agreement":
        facts["kind"] = record.get_kind_display()
        facts["date"] = record.date or "—"
        facts["parties"] = ", ".join(record.parties.values_list("name", flat=True)[:10]) or "—"
    return {"record": record, "url": record_url(record), "facts": facts, "label": record_label(record, record.pk)}

