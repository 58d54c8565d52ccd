"""Stage 7: meetings and agreements of one article. (stub)"""


def extract_events(article, sentences):
    return [], []
