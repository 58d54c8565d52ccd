"""The review queue as a labelling tool: a list (or one record at a time) with its evidence, decided from the keyboard.

Every key of `static/archive/review.js` presses a real button of a form below: the
page works without the script, and the server checks each POST. Thin: the views
read the request, check permissions, call `archive.curation`, and render.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from archive.curation import CurationError
from archive.curation.queue import (
    QUEUE_MODELS, STATUSES, QueueFilters, is_likely_right, likely_right_threshold, queue_page_at, queue_records,
    review_progress,
)
from archive.curation.review import (
    SHORT_LIST, last_batch, records_decide_posted, records_verify_likely_right, review_undo,
)
from archive.models import Country
from archive.models.base import MAX_ID
from archive.paging import COUNT_CAP

from .base import next_url, writes
from .highlight import quoted_sentence, record_url

EVIDENCE_IN_FOCUS = 5
REASON_KEYS = [(str(i), code, label) for i, (code, label) in enumerate(SHORT_LIST, start=1)]


class QueueFilterForm(forms.Form):
    type = forms.MultipleChoiceField(choices=[(k, k) for k in QUEUE_MODELS], required=False,
                                     widget=forms.CheckboxSelectMultiple)
    status = forms.ChoiceField(choices=[(s, "to review" if s == "unreviewed" else s) for s in STATUSES],
                               required=False)
    country = forms.ChoiceField(required=False)
    article = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID, label="article id")
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


def may_review(request, records) -> bool:
    """Deciding needs the review permission and the change permission of every record's type."""
    changeable = changeable_types(request).values()
    return request.user.has_perm("archive.review_records") and all(type(r) in changeable for r in records)


def review_queue_view(request):
    """GET: the queue. POST: decide on the records named (`record` = "kind:id", one or many)."""
    kinds = visible_types(request)
    if not kinds:
        raise PermissionDenied
    if writes(request):
        return decide(request)
    return queue_page(request, kinds)


def decide(request):
    """A decision (verify, reject with a reason, unsure) on the named records, as one undoable batch."""
    records = queue_records(request.POST.getlist("record"))
    if not request.user.has_perm("archive.review_records") or not changeable_types(request) \
            or not may_review(request, records):
        raise PermissionDenied
    back = next_url(request, request.get_full_path())
    if not records:
        messages.warning(request, "Select records first.")
        return HttpResponseRedirect(back)
    if request.POST.get("likely_right"):
        return verify_likely_right(request, records, back)
    try:
        choice, done = records_decide_posted(records=records, user=request.user, data=request.POST)
    except CurationError as exc:
        messages.error(request, str(exc))
    else:
        names = ", ".join(str(r) for r in records[:3]) + ("…" if len(records) > 3 else "")
        messages.success(request, f"{choice.done} {len(done)} record(s): {names}. Undo with z.")
    return HttpResponseRedirect(back)


def verify_likely_right(request, records, back):
    try:
        done = records_verify_likely_right(records=records, user=request.user)
    except CurationError as exc:
        messages.error(request, str(exc))
    else:
        left = len(records) - len(done)
        messages.success(request, f"Verified {len(done)} likely-right record(s)" + (
            f"; {left} no longer likely right were left as they are" if left else "") + ". Undo with z.")
    return HttpResponseRedirect(back)


def review_undo_view(request):
    """POST: take back this curator's latest decision (a whole selection if it was one); GET goes to the queue."""
    queue = reverse("admin:review_queue")
    if not writes(request):
        return HttpResponseRedirect(queue)
    batch = last_batch(request.user)
    if not request.user.has_perm("archive.review_records") \
            or not may_review(request, [d.content_type.model_class()() for d in batch]):
        raise PermissionDenied
    try:
        records = review_undo(user=request.user)
    except CurationError as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(next_url(request, queue))
    messages.success(request, f"Undone: your last decision on {len(records)} record(s), back to "
                              f"{records[0].get_review_status_display()}.")
    first = records[0]
    return HttpResponseRedirect(f"{next_url(request, queue).split('#')[0]}#record={first._meta.model_name}:{first.pk}")


def queue_page(request, kinds):
    form = QueueFilterForm(request.GET or None)
    filters = form.filters()
    filters = QueueFilters(**{**filters.__dict__, "types": tuple(k for k in filters.types if k in kinds)})
    focus = request.GET.get("layout") == "one"
    page = queue_page_at(filters=filters, number=request.GET.get("p", "1"), one_at_a_time=focus)
    threshold = likely_right_threshold()
    rows = [queue_row(item) | {"likely_right": is_likely_right(item.record, threshold)} for item in page.items]
    if focus and rows:  # one record at a time: more of its evidence, and the facts a merge page compares
        rows[0]["quotes"] = focus_quotes(rows[0]["record"])
        rows[0]["facts"] = focus_facts(rows[0]["record"])
    query = request.GET.copy()
    query.pop("p", None)
    other_layout = query.copy()
    if focus:
        other_layout.pop("layout", None)
    else:
        other_layout["layout"] = "one"
    can_review = request.user.has_perm("archive.review_records") and bool(changeable_types(request))
    last = last_batch(request.user) if can_review else []
    context = {
        **admin.site.each_context(request), "title": "Review queue", "form": form, "rows": rows,
        "counts": page.counts, "page_number": page.number, "has_more": page.has_more,
        "query": query.urlencode(), "other_layout": other_layout.urlencode(), "focus": focus,
        "can_review": can_review, "cap": COUNT_CAP, "reasons": REASON_KEYS, "last": last,
        "progress": review_progress(tuple(kinds)), "here": request.get_full_path(),
        "filtering": any(request.GET.get(name) for name in form.fields),
        "undo_url": reverse("admin:review_undo"),
        "likely_keys": [row["key"] for row in rows if row["likely_right"]], "likely_threshold": threshold,
    }
    return TemplateResponse(request, "admin/archive/review_queue.html", context)


def queue_row(item) -> dict:
    return {
        "key": f"{item.kind}:{item.record.pk}", "kind": item.kind, "record": item.record,
        "url": record_url(item.record), "quote": quoted_sentence(item.evidence) if item.evidence else "",
        "article": item.evidence.article if item.evidence else None,
        "article_url": record_url(item.evidence.article) if item.evidence else "",
        "country": getattr(item.record, "country", None),
    }


def focus_quotes(record) -> list[dict]:
    """One record at a time shows more of its evidence: the most confident quotes, each with its article."""
    rows = (record.evidence.select_related("article").defer("article__body")
            .order_by("-confidence", "id")[:EVIDENCE_IN_FOCUS])
    return [{"quote": quoted_sentence(e), "article": e.article, "article_url": record_url(e.article)} for e in rows]


NAMED = {"person": "aliases", "organization": "aliases", "meeting": "participants", "agreement": "parties"}


def focus_facts(record) -> dict:
    """What one record at a time shows beside its quotes, in two queries whatever its type."""
    kind = record._meta.model_name
    facts = {"evidence": record.evidence.count()}
    if kind == "person":
        facts["title"] = record.title or "—"
    elif kind in ("meeting", "agreement"):
        facts["date"] = record.date or "—"
    if kind == "meeting":
        facts["location"] = record.location or "—"
    related = NAMED[kind]
    facts[related] = ", ".join(getattr(record, related).values_list("name", flat=True)[:10]) or "—"
    return facts
