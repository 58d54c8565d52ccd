"""Stage 7: meetings and agreements of one article.

`meetings` reads who met whom, `agreements` what was signed, proposed or negotiated;
both share the article's mention index (`mentions.ArticleMentions`). Agreements signed at a meeting
take that meeting's date, so meetings are read first.
"""

from __future__ import annotations

from .agreements import extract_agreements
from .meeting_places import one_place, visit_city
from .meetings import draft_meetings, finish
from .mentions import ArticleMentions
from ..records import ExtractedAgreement, ExtractedArticle, ExtractedMeeting
from ..layout.sentences import Sentence


def extract_events(article: ExtractedArticle,
                   sentences: list[Sentence]) -> tuple[list[ExtractedMeeting], list[ExtractedAgreement]]:
    mentions = ArticleMentions.build(article)
    drafts = draft_meetings(article, sentences, mentions)
    city = visit_city(sentences) or one_place(drafts)
    meetings = [finish(d, article, city) for d in drafts]
    agreements = extract_agreements(article, sentences, mentions, meetings)
    return meetings, agreements
