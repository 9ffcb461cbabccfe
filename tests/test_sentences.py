"""Sentence and clause spans (nlp.text.sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text.sentences import clauses_of, split_clauses, split_sentences


def pieces(text: str, spans) -> list[str]:
    return [text[s.norm_start : s.norm_end] for s in spans]


SENTENCES = {
    "full stop and exclamation": (
        "社区现有党员52名。全年开展主题党日活动12次！",
        ["社区现有党员52名。", "全年开展主题党日活动12次！"],
    ),
    "semicolon ends a sentence": (
        "走访低保户36户；发放慰问金4800元。",
        ["走访低保户36户；", "发放慰问金4800元。"],
    ),
    "line break ends a sentence": (
        "二、下一步工作打算\n继续做好环境整治工作",
        ["二、下一步工作打算", "继续做好环境整治工作"],
    ),
    "closing quote stays with its sentence": (
        "居民纷纷表示：“服务真贴心！”社区将继续努力。",
        ["居民纷纷表示：“服务真贴心！”", "社区将继续努力。"],
    ),
    "ellipsis inside a list does not split": (
        "开展了讲座、义诊、文艺演出……等活动20余场。",
        ["开展了讲座、义诊、文艺演出……等活动20余场。"],
    ),
    "ellipsis at the end of a line": (
        "各项工作稳步推进……\n一、党建工作",
        ["各项工作稳步推进……", "一、党建工作"],
    ),
    "blank lines and indentation are skipped": (
        "\u3000\u3000今年以来成效明显。\n\n  \n下半年再接再厉。",
        ["今年以来成效明显。", "下半年再接再厉。"],
    ),
    "ascii punctuation": ("调解纠纷8起; 成功率100%! 好", ["调解纠纷8起;", "成功率100%!", "好"]),
    "empty text": ("", []),
}


@pytest.mark.parametrize("text, expected", SENTENCES.values(), ids=SENTENCES.keys())
def test_split_sentences(text: str, expected: list[str]) -> None:
    spans = split_sentences(text)
    assert pieces(text, spans) == expected
    assert all(s.norm_start < s.norm_end for s in spans)


CLAUSES = {
    "comma separates clauses": (
        "走访困难群众40户，发放慰问品80份。",
        ["走访困难群众40户，", "发放慰问品80份。"],
    ),
    "enumeration comma does not": (
        "组织居民开展讲座、培训、义诊活动15场。",
        ["组织居民开展讲座、培训、义诊活动15场。"],
    ),
    "colon separates clauses": ("主要做法：一是抓学习，二是抓落实。", ["主要做法：", "一是抓学习，", "二是抓落实。"]),
    "ascii comma": ("现有党员41名,其中女党员12名", ["现有党员41名,", "其中女党员12名"]),
}


@pytest.mark.parametrize("text, expected", CLAUSES.values(), ids=CLAUSES.keys())
def test_split_clauses(text: str, expected: list[str]) -> None:
    assert pieces(text, split_clauses(text)) == expected


def test_clauses_of_a_sentence_keep_text_offsets() -> None:
    text = "一、党建工作\n全年发展党员3名，转正2名。"
    sentence = split_sentences(text)[1]
    clauses = split_clauses(text, sentence.norm_start, sentence.norm_end)
    assert pieces(text, clauses) == ["全年发展党员3名，", "转正2名。"]
    assert clauses[0].norm_start == sentence.norm_start
    assert clauses[-1].norm_end == sentence.norm_end


def _pieces_by_definition(text: str, ends: frozenset[str]) -> list[tuple[int, int]]:
    """The definition, step by step: cut at every line break and after every run of terminators
    (with the closers after it), strip blanks from each piece, drop the empty ones."""
    import re

    from nlp.text.sentences import CLOSERS

    chars, closers = re.escape("".join(sorted(ends))), re.escape("".join(sorted(CLOSERS)))
    spans, start = [], 0
    for m in re.finditer(f"\n|[{chars}][{chars}{closers}]*", text):
        spans.append((start, m.start() if m.group() == "\n" else m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a] in " \t\r\u3000\xa0\n":
            a += 1
        while b > a and text[b - 1] in " \t\r\u3000\xa0\n":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="社区。！？；!?;，,：:”’」』）)】》\"' \t\r\u3000\xa0\n\u2003a", max_size=40))
def test_sentences_and_clauses_are_the_pieces_of_their_definition(text: str) -> None:
    from nlp.text.sentences import CLAUSE_ENDS, SENTENCE_ENDS

    assert [(s.norm_start, s.norm_end) for s in split_sentences(text)] == _pieces_by_definition(text, SENTENCE_ENDS)
    assert [(s.norm_start, s.norm_end) for s in split_clauses(text)] == _pieces_by_definition(text, CLAUSE_ENDS)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="社区。！？；!?;，,：:”’」』）)】》\"' \t\u3000\n、a", max_size=40))
def test_clauses_of_the_whole_text_are_those_of_each_sentence(text: str) -> None:
    sentences = split_sentences(text)
    by_sentence = tuple(c for s in sentences for c in split_clauses(text, s.norm_start, s.norm_end))
    assert clauses_of(text, sentences) == by_sentence


CLOSING_RUN_THEN_BREAK = {
    "full stop then comma": "开展活动。，走访20户",
    "quote closed then colon": "他说“好。”：然后走了",
    "question then comma": "为什么？,因为",
}


@pytest.mark.parametrize("text", CLOSING_RUN_THEN_BREAK.values(), ids=CLOSING_RUN_THEN_BREAK.keys())
def test_a_clause_break_after_a_closing_run_starts_a_clause_of_the_next_sentence(text: str) -> None:
    sentences = split_sentences(text)
    clauses = clauses_of(text, sentences)
    assert all(any(s.norm_start <= c.norm_start and c.norm_end <= s.norm_end for s in sentences) for c in clauses)
    assert clauses == tuple(c for s in sentences for c in split_clauses(text, s.norm_start, s.norm_end))


@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)), max_size=20))
def test_sentences_made_from_spans_are_those_the_constructor_makes(spans: list[tuple[int, int]]) -> None:
    import pickle
    from dataclasses import astuple, fields

    from nlp.records import Sentence
    from nlp.text.sentences import spans_as_sentences

    made = spans_as_sentences(spans)
    expected = tuple(Sentence(start, end) for start, end in spans)
    assert made == expected
    assert [hash(s) for s in made] == [hash(s) for s in expected]
    assert [repr(s) for s in made] == [repr(s) for s in expected]
    assert [astuple(s) for s in made] == list(spans)
    assert all(not hasattr(s, "__dict__") for s in made) and Sentence.__slots__ == tuple(f.name for f in fields(Sentence))
    assert pickle.loads(pickle.dumps(made)) == expected


# The compiled piece finder (nlp/text/_sentences.c) is optional: where it was not built, its tests say so.
needs_compiled = pytest.mark.skipif(
    __import__("nlp.text.sentences", fromlist=["COMPILED"]).COMPILED is None,
    reason="nlp.text._sentences not built (make kernels) or ZONGJIE_PURE_PYTHON set",
)


@needs_compiled
@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="社区。！？；!?;，,：:”’」』）)】》\"' \t\r\u3000\xa0\n\u2003a、𠀀", max_size=60),
    st.integers(-3, 70),
    st.integers(-3, 70),
)
def test_the_compiled_pieces_are_the_patterns(text: str, start: int, end: int) -> None:
    """The same pieces, as the same objects, over the whole text and between any two offsets
    (offsets past either edge are clipped, as ``finditer`` clips them)."""
    from nlp.text.sentences import CLAUSE_ENDS, SENTENCE_ENDS, compiled_split, pattern_split

    for ends in (SENTENCE_ENDS, CLAUSE_ENDS):
        assert compiled_split(text, ends, 0, len(text)) == pattern_split(text, ends, 0, len(text))
        low, high = max(start, 0), max(end, 0)  # (finditer reads a negative offset as 0)
        assert compiled_split(text, ends, low, high) == pattern_split(text, ends, low, high)


@needs_compiled
def test_the_compiled_pieces_are_the_sentences_the_constructor_makes() -> None:
    import pickle

    from nlp.records import Sentence
    from nlp.text.sentences import SENTENCE_ENDS, compiled_split

    text = "社区现有党员41名。开展活动6次！\n  二、下一步打算  \n他说：“好。”然后走了"
    made = compiled_split(text, SENTENCE_ENDS, 0, len(text))
    expected = (Sentence(0, 10), Sentence(10, 17), Sentence(20, 27), Sentence(30, 37), Sentence(37, 41))
    assert [text[s.norm_start : s.norm_end] for s in made] == ["社区现有党员41名。", "开展活动6次！", "二、下一步打算", "他说：“好。”", "然后走了"]
    assert made == expected and [hash(s) for s in made] == [hash(s) for s in expected]
    assert all(not hasattr(s, "__dict__") for s in made)
    assert pickle.loads(pickle.dumps(made)) == expected
