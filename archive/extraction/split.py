"""Stage 3: one file -> its stories. (stub, to be implemented)"""


def split_stories(text: str) -> list[str]:
    return [text]
