"""Evidence as curators read it: quoted sentences and article text with the mentions marked.

Article text is never trusted as HTML: every piece goes through format_html /
conditional_escape, and only the <mark> and <a> tags are ours.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString

from archive.mentions import mention_pieces, sentence_parts
from archive.models import Evidence

EVIDENCE_SHOWN = 50


def record_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def quoted_sentence(evidence: Evidence) -> SafeString:
    """The evidence sentence with the mention wrapped in <mark>."""
    before, mention, after = sentence_parts(evidence.sentence, evidence.sentence_start, evidence.start, evidence.end)
    if not mention:
        return format_html("{}", before)
    return format_html("{}<mark>{}</mark>{}", before, mention, after)


def evidence_panel(evidence: list[Evidence], total: int) -> SafeString:
    """A list of quotes, each with its article link and the extractor's confidence."""
    if not evidence:
        return format_html("<p>{}</p>", "No evidence: a curator typed this record in, or its sources changed.")
    items = format_html_join(
        "\n", '<li class="evidence"><q>{}</q><br><a href="{}">{}</a>{} · confidence {}</li>',
        ((quoted_sentence(e), record_url(e.article), e.article.title,
          f" ({e.article.published:%Y-%m-%d})" if e.article.published else "", f"{e.confidence:.2f}")
         for e in evidence),
    )
    more = ""
    if total > len(evidence):
        more = format_html("<p>…and {} more.</p>", total - len(evidence))
    return format_html('<ul class="evidence-list">{}</ul>{}', items, more)


def highlighted_body(body: str, evidence: list[Evidence]) -> SafeString:
    """The article text with every mention marked and linked to its record (nested spans: `archive.mentions`)."""
    pieces = []
    for text, ev in mention_pieces(body, evidence):
        if ev is None:
            pieces.append(conditional_escape(text))
            continue
        record = ev.target
        kind = record._meta.model_name
        pieces.append(format_html('<mark class="mention mention-{}" title="{}: {}"><a href="{}">{}</a></mark>',
                                  kind, kind, record, record_url(record), text))
    return format_html('<div class="article-body">{}</div>', format_html_join("", "{}", ((p,) for p in pieces)))
