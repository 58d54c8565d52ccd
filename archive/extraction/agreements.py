def extract_agreements(article, sentences, mentions, meetings):
    return []
