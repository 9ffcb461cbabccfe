"""``names.object_end`` finds ``stop_re``'s first match from its two sides (a stop word, then a
digit before it), and ``verb_items`` asks ``stop_word_re.match`` where it asked ``stop_re.match``
of a non-digit: both held here to the single pattern they replace, on generated clauses in the
genre's style (phrases invented for the test) and on every stop word (issue 8)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.activities.names import object_end
from nlp.activities.vocab import vocab

PIECES = ["开展", "消防安全培训", "6次", "2019年", "，", "确保", "居民", "通过", "组织开展", "累计", "１２", "活动", "的"]


def _plain_object_end(text: str, start: int, end: int, figures: list[tuple[int, int]]) -> int:
    """``object_end`` as first written: one search of ``stop_re`` (a digit or a stop word)."""
    limit = end
    for f, _ in figures:
        if start < f < limit:
            limit = f
            break
    if start < limit and text[start].isdigit():
        return start
    m = vocab().stop_re.search(text, start + 1, limit)
    return m.start() if m else limit


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8), st.data())
def test_object_end_and_the_stop_match_as_the_single_pattern(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start, len(text)))
    figures = [(f, f + 1) for f in sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=3))))]
    assert object_end(text, start, end, figures) == _plain_object_end(text, start, end, figures)
    v = vocab()
    before = v.stop_re.match(text, start, end) is not None and not text[start].isdigit()
    assert (v.stop_word_re.match(text, start, end) is not None) == before


def test_no_stop_word_starts_with_a_digit() -> None:
    # what lets ``stop_word_re`` stand for ``stop_re`` away from digits
    v = vocab()
    assert v.stop_word_re.pattern in v.stop_re.pattern
    for word in (*v.stops, *v.cut):
        assert v.stop_word_re.fullmatch(word) is not None and not word[0].isdigit(), word
        assert object_end("开展" + word + "活动", 0, len(word) + 4, []) == 2
