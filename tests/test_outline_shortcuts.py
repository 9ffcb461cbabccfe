"""The outline's word-list tests read in one search (``holds_any``) and the heading model's features
read in order, held to the plain definitions they replace on generated lines."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text.heading_model import (
    FEATURES,
    Candidate,
    _cjk_share,
    feature_values,
    features,
    load_heading_model,
)
from nlp.text.heading_words import chrome_words, heading_lexicon
from nlp.text.labels import TERMINAL, _problem_parts, holds_any, is_plan_heading, is_problem_part, vocab
from nlp.text.outline import NOT_IN_HEADING, _title_like

VOC = vocab()
WORD_LISTS = {
    "plan_review": VOC.plan_review,
    "plan_exclude": VOC.plan_exclude,
    "plan_keywords": VOC.plan_keywords,
    "junk": VOC.junk,
    "title_words": VOC.title_words,
    "problem_parts": _problem_parts(),
    "chrome": heading_lexicon().chrome,
}
# Every word of the lists, pieces of them, and heading text around them.
PIECES = sorted({w for words in WORD_LISTS.values() for w in words} | {w[:1] for words in WORD_LISTS.values() for w in words}) + [
    "社区", "工作", "2024年", "下半年", "一、", "（二）", "。", "，", "：", " ", "12", "①", "總結", "完成情况", "及",
]
lines = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


@settings(max_examples=500, deadline=None)
@given(lines)
def test_holds_any_is_any_word_in_the_line(line: str) -> None:
    for name, words in WORD_LISTS.items():
        assert bool(holds_any(words)(line)) == any(w in line for w in words), name
    assert not holds_any(())(line)


@settings(max_examples=500, deadline=None)
@given(lines)
def test_plan_and_problem_headings_are_their_plain_definitions(heading: str) -> None:
    def plain_plan(heading: str) -> bool:
        if any(word in heading for word in VOC.plan_review):
            return False
        text = heading
        for word in VOC.plan_exclude:
            text = text.replace(word, "")
        return any(k in text for k in VOC.plan_keywords)

    assert is_plan_heading(heading) == plain_plan(heading)
    assert is_problem_part(heading) == any(word in heading for word in _problem_parts())


@settings(max_examples=500, deadline=None)
@given(lines)
def test_outline_line_tests_are_their_plain_definitions(line: str) -> None:
    plain_title_like = 4 <= len(line) <= 60 and line[-1] not in TERMINAL and any(w in line for w in VOC.title_words)
    assert _title_like(line, VOC) == plain_title_like
    assert bool(NOT_IN_HEADING.search(line)) == any(ch in line for ch in "。，,；;！!？?：:()（）[]【】")
    assert bool(VOC.holds_own_title_word(line)) == any(w in line for w in VOC.title_words if w not in VOC.part_words)
    found, seen = [], line
    for word in heading_lexicon().chrome:  # chrome_words as first written: a test per word
        if word in seen:
            found.append(word)
            seen = seen.replace(word, "\0")
    assert chrome_words(line) == tuple(sorted(found, key=line.find))


def _candidate(phrase: str, rest: str, kind: str, number: int, prev: str, nxt: str) -> Candidate:
    return Candidate(
        kind, number, 2, number == 1, False, False, False, phrase, rest, rest[:1], prev, nxt, "numbered" if prev else "",
        bool(rest), 0.4, True, 1 + len(rest) % 2, not kind, "dig" if nxt else "", bool(nxt),
    )


PHRASE_PIECES = ["社区", "党建", "，", "、", "；", "12", "①", "²", "了", "2024年", "abc", " ", "工作计划", "下载", "。"]
phrases = st.lists(st.sampled_from(PHRASE_PIECES), max_size=8).map("".join)


@settings(max_examples=400, deadline=None)
@given(phrases, phrases, st.sampled_from(["", "part", "cn", "pcn", "dig", "pdig"]), st.integers(0, 12), phrases, phrases)
def test_feature_values_are_the_features_read_one_by_one(phrase, rest, kind, number, prev, nxt) -> None:
    c = _candidate(phrase, rest, kind, number, prev, nxt)
    values = feature_values(c)
    assert list(features(c)) == list(FEATURES) and list(features(c).values()) == values
    by_name = dict(zip(FEATURES, values, strict=True))
    # the three values now read with a count instead of a generator over the phrase
    assert by_name["phrase_commas"] == min(3.0, float(sum(ch in "，,、；;" for ch in phrase)))
    assert by_name["phrase_digits"] == min(3.0, float(sum(ch.isdigit() for ch in phrase)))
    assert by_name["phrase_cjk"] == (sum("\u4e00" <= ch <= "\u9fff" for ch in phrase) / len(phrase) if phrase else 0.0)
    assert _cjk_share(phrase) == by_name["phrase_cjk"]
    model = load_heading_model()
    if model is None:
        pytest.skip("models/heading.json is absent")
    z = model.intercept + sum(
        w * (by_name[n] - m) / s for n, m, s, w in zip(model.names, model.mean, model.scale, model.coef, strict=True)
    )  # the probability as first written: a generator over the names
    assert model.probability(c) == 1.0 / (1.0 + math.exp(-z))


def test_the_shipped_model_reads_the_features_in_their_order() -> None:
    model = load_heading_model()
    if model is None:
        pytest.skip("models/heading.json is absent")
    assert model.names == FEATURES


def _heading_span_char_by_char(line: str, start: int) -> tuple[int, int]:
    """heading_span as first written: every character of the line looked at in turn."""
    from nlp.text.heading_phrase import _paragraph_follows, _subtitle, is_cjk
    from nlp.text.labels import SPACES

    while start < len(line) and (line[start] in SPACES or line[start] in "、，,．."):
        start += 1
    end = len(line)
    for i in range(start, len(line)):
        ch = line[i]
        if ch in VOC.stops and not (ch in "：:" and line[i - 1 : i].isdigit() and line[i + 1 : i + 2].isdigit()):
            if ch in "：:" and i > start and _subtitle(line[i + 1 :]):
                continue
            end = i
            break
        if ch in ".．" and is_cjk(line[i - 1 : i]) and is_cjk(line[i + 1 : i + 2]):
            end = i
            break
        if ch in SPACES and i - start >= 4 and line[i + 1 : i + 2].strip() and _paragraph_follows(line, start, i):
            end = i
            break
    while end > start and line[end - 1] in VOC.trailing:
        end -= 1
    return start, end


SPAN_PIECES = ["社区", "矫正", "：", ":", "。", "！", "?", ".", "．", " ", "\u3000", "\t", "12", "3", "、", "，",
               "严管理、重教育", "从6月份开始", "工作计划", "）", "一、", "（二）"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(SPAN_PIECES), max_size=10).map("".join), st.integers(0, 4))
def test_heading_span_visits_only_the_characters_that_can_end_it(line: str, start: int) -> None:
    from nlp.text.heading_phrase import heading_span

    assert heading_span(line, start) == _heading_span_char_by_char(line, start)
