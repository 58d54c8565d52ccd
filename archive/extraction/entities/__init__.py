"""People and organizations of one article (`article.extract_entities`), and name matching.

Where each rule lives, one module per record type and per kind of evidence:

    article        the stage: organizations first, then people; the story's home country
    tokens         tokenizer, headline lines, words cut at a line-end hyphen
    organizations  organization mentions (head words, known bodies, initialisms) and their merging
    kinds          what an organization-shaped name is: a body of several states, a venue, a portfolio
    employers      bodies named after a title ("director of X")
    companies      companies without a suffix word (an initialism party to a deal, "Dubai's X")
    outlets        news outlets the text cites ("..., X reports", "(c) X", news domains)
    people         person mentions, titles before and after a name, clustering
    roles          titles in other forms ("X is a journalist", "Editor: X", wire credits)
    countries      whose country a person acts for
    not_people     name-like spans that are not people (places, parts of longer names, glosses)
    places         is this a place (countries, ISO 3166 subdivisions, a city gazetteer)
    names          name folding, transliteration-aware matching, the surname index key
"""

from .article import extract_entities

__all__ = ["extract_entities"]
