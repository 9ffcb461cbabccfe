"""The offset map: built with numpy, it must map every character as the plain definition does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text.spans import Edit, OffsetMap, apply_edits


def reference_map(text: str, edits: list[Edit]) -> tuple[str, list[int], list[int]]:
    """The definition, character by character: a kept character or a same-length replacement maps
    to its own position; each character of any other replacement maps to the whole replaced span."""
    out, starts, ends, cursor = [], [], [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor:
            continue
        for i in range(cursor, edit.start):
            out.append(text[i])
            starts.append(i)
            ends.append(i + 1)
        same = len(edit.replacement) == edit.end - edit.start
        for k, ch in enumerate(edit.replacement):
            out.append(ch)
            starts.append(edit.start + k if same else edit.start)
            ends.append(edit.start + k + 1 if same else edit.end)
        cursor = edit.end
    for i in range(cursor, len(text)):
        out.append(text[i])
        starts.append(i)
        ends.append(i + 1)
    return "".join(out), starts, ends


@st.composite
def texts_with_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    text = draw(st.text(alphabet="社区ab１２ \n", max_size=30))
    edits = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 4)))
        edits.append(Edit(start, end, draw(st.text(alphabet="xy%", max_size=4))))
    return text, edits


@settings(max_examples=200, deadline=None)
@given(texts_with_edits())
def test_apply_edits_maps_as_the_definition(case: tuple[str, list[Edit]]) -> None:
    text, edits = case
    new, offsets = apply_edits(text, edits)
    expected, starts, ends = reference_map(text, edits)
    assert new == expected
    assert [offsets.to_original(i, i + 1) for i in range(len(new))] == list(zip(starts, ends, strict=True))
    assert all(type(a) is int for a in offsets.to_original(0, len(new)))  # plain ints, not numpy's


@settings(max_examples=200, deadline=None)
@given(texts_with_edits(), st.data())
def test_composed_maps_map_through_both(case: tuple[str, list[Edit]], data: st.DataObject) -> None:
    text, edits = case
    middle, inner = apply_edits(text, edits)
    later = [Edit(s, s + 1, "") for s in data.draw(st.lists(st.integers(0, max(0, len(middle) - 1)), max_size=3))]
    final, outer = apply_edits(middle, later if middle else [])
    both = inner.then(outer)
    assert len(both) == len(final)
    for start in range(len(final) + 1):
        for end in range(start, len(final) + 1):
            m_start, m_end = outer.to_original(start, end)
            expected = inner.to_original(m_start, m_end) if m_end > m_start else (inner.point(m_start),) * 2
            assert both.to_original(start, end) == expected


def test_identity_maps_each_position_to_itself() -> None:
    identity = OffsetMap.identity(4)
    assert [identity.to_original(i, i + 1) for i in range(4)] == [(0, 1), (1, 2), (2, 3), (3, 4)]
    assert identity.to_original(4, 4) == (4, 4) and len(OffsetMap.identity(0)) == 0


@settings(max_examples=200, deadline=None)
@given(texts_with_edits(), st.data())
def test_joined_at_finds_the_removed_line_breaks(case: tuple[str, list[Edit]], data: st.DataObject) -> None:
    text, edits = case
    new, offsets = apply_edits(text, edits)
    start = data.draw(st.integers(0, len(new)))
    end = data.draw(st.integers(start, len(new)))
    for char in ("\n", " "):
        expected = [
            k for k in range(start + 1, end) if char in text[offsets.to_original(k - 1, k)[1] : offsets.to_original(k, k + 1)[0]]
        ]
        assert offsets.joined_at(text, start, end, char) == expected
    for k in range(1, len(new)):
        assert offsets.between(k) == (offsets.to_original(k - 1, k)[1], offsets.to_original(k, k + 1)[0])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="（(）)一二十三第部分12、.．:： \t\u3000社区。", max_size=20), st.data())
def test_a_label_read_in_place_is_the_label_of_the_rest(line: str, data: st.DataObject) -> None:
    from nlp.text.labels import label_at, parse_label

    pos = data.draw(st.integers(0, len(line)))
    assert label_at(line, pos) == parse_label(line[pos:])


@given(st.characters(), st.sampled_from(["一、回顾", "（二）成效", "3.服务", "第一部分", ""]))
def test_no_label_starts_with_a_character_that_may_not_open_one(char: str, tail: str) -> None:
    from nlp.text.labels import SPACES, may_open_label, parse_label

    if char not in SPACES and not may_open_label(char):
        assert parse_label(char + tail) is None


@given(st.characters())
def test_the_outline_looks_after_punctuation_exactly_where_a_label_may_open(char: str) -> None:
    from nlp.text.labels import SPACES, may_open_label
    from nlp.text.outline_lines import _before_label

    assert bool(_before_label().match("。" + char)) == (char in SPACES or may_open_label(char))


@given(st.lists(st.sampled_from(["附", "：", ":", " ", "\u3000", "名词解释", "注释", "短语说明", "正文", "x"]), max_size=12))
def test_back_matter_titles_are_read_as_written(pieces: list[str]) -> None:
    from nlp.text.labels import SPACES
    from nlp.text.layout_rules import _back_matter_titles, is_back_matter_title

    line = "".join(pieces)
    squeezed = "".join(ch for ch in line if ch not in SPACES).removeprefix("附：").removeprefix("附:")
    assert is_back_matter_title(line) == (squeezed.rstrip("：:") in _back_matter_titles())
