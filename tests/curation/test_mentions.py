"""Cutting a text at its mentions: nested and overlapping spans each stay visible."""

from dataclasses import dataclass

from archive.mentions import mention_pieces


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    name: str


def test_a_name_inside_a_sentence_is_its_own_piece_and_the_sentence_keeps_the_rest():
    text = "Yesterday Temir Abenov met the board."
    sentence, person = Span(0, len(text), "meeting"), Span(10, 22, "person")
    pieces = mention_pieces(text, [sentence, person])
    assert [(t, s.name if s else None) for t, s in pieces] == [
        ("Yesterday ", "meeting"), ("Temir Abenov", "person"), (" met the board.", "meeting")]


def test_plain_text_has_no_span_and_spans_beyond_the_text_are_clipped_or_dropped():
    pieces = mention_pieces("abc def", [Span(4, 99, "x"), Span(5, 5, "empty"), Span(-3, 1, "y")])
    assert [(t, s.name if s else None) for t, s in pieces] == [("a", "y"), ("bc ", None), ("def", "x")]
    assert "".join(t for t, _ in pieces) == "abc def"
