"""Stage 6: people and organizations of one article. (stub)"""


def extract_entities(article, sentences):
    return [], []
