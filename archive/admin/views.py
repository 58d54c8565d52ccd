"""Admin views beyond the stock ones: the review queue across all record types, and the merge page.

Thin: they read the request, call `archive.curation`, and render.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from archive.curation import CurationError
from archive.curation.duplicates import duplicate_judge
from archive.curation.merge import records_merge
from archive.curation.queue import QUEUE_MODELS, STATUSES, QueueFilters, queue_records, review_queue
from archive.curation.review import records_reject, records_verify
from archive.models import Country, Verdict

from .base import can_merge, writes
from .highlight import quoted_sentence, record_url

PAGE_SIZE = 50
MAX_PAGE = 200


class QueueFilterForm(forms.Form):
    type = forms.MultipleChoiceField(choices=[(k, k) for k in QUEUE_MODELS], required=False,
                                     widget=forms.CheckboxSelectMultiple)
    status = forms.ChoiceField(choices=[(s, "to review" if s == "unreviewed" else s) for s in STATUSES],
                               required=False)
    country = forms.ChoiceField(required=False)
    article = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1, label="article id")
    published_from = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    published_to = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "any country"), *Country.objects.values_list("code", "name")]

    def filters(self) -> QueueFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return QueueFilters(
            types=tuple(data.get("type") or QUEUE_MODELS), status=data.get("status") or "unreviewed",
            country=data.get("country") or "", article=data.get("article"),
            published_from=data.get("published_from"), published_to=data.get("published_to"))


def visible_types(request) -> list[str]:
    return [kind for kind, model in QUEUE_MODELS.items()
            if request.user.has_perm(f"archive.view_{model._meta.model_name}")]


def changeable_types(request) -> dict:
    """The record types this user may change: verifying or rejecting a record changes it."""
    return {kind: model for kind, model in QUEUE_MODELS.items()
            if request.user.has_perm(f"archive.change_{model._meta.model_name}")}


def review_queue_view(request):
    """Unreviewed records of every type, least confident first, with their best evidence; verify or reject."""
    kinds = visible_types(request)
    if not kinds:
        raise PermissionDenied
    changeable = changeable_types(request)
    can_review = request.user.has_perm("archive.review_records") and bool(changeable)
    if writes(request):
        records = queue_records(request.POST.getlist("record"))
        if not can_review or any(type(r) not in changeable.values() for r in records):
            raise PermissionDenied
        decision = request.POST.get("decision")
        try:
            if not records:
                messages.warning(request, "Select records first.")
            elif decision == "verify":
                done = records_verify(records=records, user=request.user)
                messages.success(request, f"Verified {done} record(s).")
            elif decision == "reject":
                done = records_reject(records=records, user=request.user, reason=request.POST.get("reason", ""))
                messages.success(request, f"Rejected {done} record(s).")
        except CurationError as exc:
            messages.error(request, str(exc))
        return HttpResponseRedirect(request.get_full_path())

    form = QueueFilterForm(request.GET or None)
    filters = form.filters()
    filters = QueueFilters(**{**filters.__dict__, "types": tuple(k for k in filters.types if k in kinds)})
    page_number = min(max(int(request.GET.get("p", "1")) if request.GET.get("p", "1").isdigit() else 1, 1),
                      MAX_PAGE)
    page = review_queue(filters=filters, offset=(page_number - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    rows = [{
        "key": f"{item.kind}:{item.record.pk}", "kind": item.kind, "record": item.record,
        "url": record_url(item.record), "quote": quoted_sentence(item.evidence) if item.evidence else "",
        "article": item.evidence.article if item.evidence else None,
        "article_url": record_url(item.evidence.article) if item.evidence else "",
        "country": getattr(item.record, "country", None),
    } for item in page.items]
    query = request.GET.copy()
    query.pop("p", None)
    context = {
        **admin.site.each_context(request), "title": "Review queue", "form": form, "rows": rows,
        "counts": page.counts, "page_number": page_number, "has_more": page.has_more and page_number < MAX_PAGE,
        "query": query.urlencode(), "can_review": can_review, "cap": 10_000,
    }
    return TemplateResponse(request, "admin/archive/review_queue.html", context)


def merge_view(request, model_name):
    """Pick the record to keep among duplicates; the others merge into it. Two records can be judged apart here."""
    model = QUEUE_MODELS.get(model_name)
    if model is None:
        raise Http404
    if not can_merge(request.user, model):
        raise PermissionDenied
    ids = [int(i) for i in request.GET.get("ids", "").split(",") if i.strip().isdigit()][:20]
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
    return {"record": record, "url": record_url(record), "facts": facts}

