"""The segmenter's faster routines held to their plain definitions on generated text: a document cut
in one call with separators equals each piece cut on its own, and the two corrections made only
where a place suffix or a lexicon word stands equal the corrections made word by word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text import tokens
from nlp.text.tokens import PLACE_SUFFIXES, pos_cut, pos_cut_pieces

# Pieces where a dictionary word would cross a cut (5个|村), place suffixes and the lexicon's words
# (村, 人次, 党支部), characters jieba keeps in one block with Han characters, white space (CRLF is one
# word), punctuation, and the separator itself inside the text.
FRAGMENTS = ["5个", "村", "村有", "镇里", "乡亲", "龙泉", "调整为", "社区", "党员", "41名", "人次", "党支部",
             "两委", "居委会", "其中", "12.5%", "-", "+", "_", "#", "&", "aB", "x", "，", "。", "、", "“", "”",
             "（", "\n", "\r", "\r\n", " ", "\t", "\u3000", "\x00", "共计", "户"]

texts = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


def _plain_corrections(text: str) -> list[tuple[str, str]]:
    """The corrections as first written: every word looked at, one by one."""
    segmenter, overrides, _ = tokens._segmenter()
    out = []
    for word, tag in segmenter.tag(text, True):
        if len(word) == 2 and word[0] in PLACE_SUFFIXES and len(segmenter.cut(word, False)) == 2:
            out += [(word[0], "n"), *segmenter.tag(word[1], False)]
        else:
            out.append((word, tag))
    return [(word, overrides.get(word, tag)) for word, tag in out]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_corrections_at_their_places_equal_those_made_word_by_word(text: str) -> None:
    assert list(tokens._pos_cut(text)) == _plain_corrections(text)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_pieces_cut_in_one_call_equal_each_piece_cut_alone(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.sets(st.integers(1, len(text) - 1), max_size=8))) if len(text) > 1 else []
    starts, words = pos_cut_pieces(text, cuts)
    edges = [0, *cuts, len(text)]
    expected = [w for a, b in zip(edges, edges[1:], strict=False) for w in pos_cut(text[a:b])]
    assert words == expected
    assert starts == [sum(len(w) for w, _ in words[:k]) for k in range(len(words) + 1)]


def test_a_place_suffix_is_split_and_the_lexicon_tag_kept_in_a_long_text() -> None:
    text = "其中龙泉村有党员85名，" * 50
    starts, words = pos_cut_pieces(text, [])
    assert words[1:4] == [("龙泉", "nz"), ("村", "n"), ("有", "v")]
    assert words == list(pos_cut(text))


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 10**6))
def test_pieces_counted_from_an_offset_are_the_same_words_shifted(text: str, offset: int) -> None:
    """The Text asks for a block's words with their offsets in the document."""
    cuts = [len(text) // 2] if len(text) > 1 else []
    starts, words = pos_cut_pieces(text, cuts)
    shifted_starts, shifted_words = pos_cut_pieces(text, cuts, offset)
    assert shifted_words == words
    assert shifted_starts == [start + offset for start in starts]


OVERRIDE_FRAGMENTS = ["退役军人", "人次", "人", "次", "村委会", "村", "委会", "居委会", "两委", "党支部", "满意", "率", "度",
                      "社区", "，", "5"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(OVERRIDE_FRAGMENTS), max_size=20).map("".join), st.integers(0, 1000))
def test_lexicon_words_found_in_one_scan_are_every_occurrence_of_each(text: str, offset: int) -> None:
    _, overrides, _ = tokens._segmenter()
    assert "退役军人" in overrides and "人次" in overrides  # a word that may end where another starts
    expected = {at + offset for word in overrides for at in tokens._occurrences(text, word)}
    assert set(tokens._override_places(text, offset)) == expected  # (the words there are read once)
