"""Stage 2: repair web-export noise. (stub, to be implemented)"""


def clean_text(text: str) -> str:
    return text
