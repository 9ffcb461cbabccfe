"""The checks' shortcuts against their plain definitions on generated labels and texts: a part's
label read only when it holds a member word, an age band only when it holds 岁, a word of summing
inside a stretch found by one bisection."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.checks import partitions
from nlp.checks.intervals import vocab
from nlp.checks.period_sums import _PeriodWords, _words

_members = sorted({w for part in vocab()["partition"] for synonyms in part["members"] for w in synonyms})
_markers = vocab()["markers"]
LABEL_PIECES = [
    *_members, *_markers["own_scope"][:6], *_markers["heads"], "其中", "、", "和", "至", "级", "一", "二", "三",
    "60", "岁", "以上", "以下", "周岁", "党员", "居民", "户", "残疾人", "，", "：",
]  # fmt: skip
labels = st.lists(st.sampled_from(LABEL_PIECES), max_size=6).map("".join)
wholes = st.sampled_from(["", "总人口", "持证残疾人", "全村劳动力", "现有党员", "社区现有低保户", "耕地"])


@settings(max_examples=1500, deadline=None)
@given(labels, wholes)
def test_part_of_is_the_scan_of_every_member(label: str, whole: str) -> None:
    shortcut = partitions.part_of.__wrapped__(label, whole)
    real = partitions._any_member_word
    partitions._any_member_word = lambda: re.compile("")  # every label read word by word
    try:
        scanned = partitions.part_of.__wrapped__(label, whole)
    finally:
        partitions._any_member_word = real
    assert shortcut == scanned


@settings(max_examples=1000, deadline=None)
@given(labels)
def test_age_band_without_a_year_word_is_none(label: str) -> None:
    found = partitions.age_band.__wrapped__(label)
    if "岁" not in label:
        assert found is None
        assert not any(p.search(label) for p, _ in partitions._band_patterns())


SUM_PIECES = [*_words()["sum_words"], "季度", "全年", "参与", "居民", "12人", "，", "。", "合", "计", "共"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(SUM_PIECES), max_size=20).map("".join), st.integers(0, 60), st.integers(0, 60))
def test_a_sum_word_inside_is_found_by_one_bisection(text: str, a: int, b: int) -> None:
    start, end = min(a, b), max(a, b)
    plain = any(text.find(w, start, end) >= 0 for w in _words()["sum_words"])
    assert _PeriodWords(text)._sum_inside(start, end) == plain


TOTAL_PIECES = [*_markers["not_total_words"], *_markers["total"], *_markers["subset"], "富", "建", "村", "党员", "人口", "、"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(TOTAL_PIECES), max_size=5).map("".join))
def test_total_label_removes_the_words_only_when_one_is_there(label: str) -> None:
    from nlp.checks.markers import _total_label

    plain = label
    for word in _markers["not_total_words"]:
        plain = plain.replace(word, "")
    expected = any(w in plain for w in _markers["total"]) and not any(w in plain for w in _markers["subset"])
    assert _total_label.__wrapped__(label) == expected


def _plain_strip_prefixes(text: str, words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for prefix in ordered:
            if text.startswith(prefix):
                text, changed = text[len(prefix) :], True
                break
    return text


def _plain_place_has(label: str) -> bool:
    text = _plain_strip_prefixes(label.strip(" 、，,：:"), _markers["time_before_place"])
    for word in sorted([*_markers["place_level"], "辖区", "辖区内"], key=len, reverse=True):
        if text.startswith(word):
            rest = text[len(word) :]
            return rest.startswith("有") and not rest.startswith(tuple(_markers["not_has"]))
    return False


def _plain_stock_tail(label: str) -> str | None:
    text = label.strip(" 、，,：:")
    for tail in sorted(_markers["stock_tails"], key=len, reverse=True):
        if text.endswith(tail) and len(text) > len(tail) and not any(v in text for v in _markers["activity_verbs"]):
            return tail
    return None


PLACE_PIECES = [
    *_markers["time_before_place"], *_markers["place_level"], *_markers["own_scope"][:8], *_markers["stock_tails"],
    *_markers["not_has"][:4], "辖区", "辖区内", "有", "党员", "开展", "低保户", "、", "，",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PLACE_PIECES), max_size=6).map("".join))
def test_place_and_stock_words_are_read_as_the_plain_loops(label: str) -> None:
    from nlp.checks import standing

    assert standing._place_has(label) == _plain_place_has(label)
    assert standing._stock_tail(label) == _plain_stock_tail(label)
    for words in (_markers["own_scope"], _markers["time_before_place"], _markers["own_scope"] + _markers["own_bodies"]):
        assert standing._strip_prefixes(label, words) == _plain_strip_prefixes(label, words)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from([*vocab()["runs"]["work_openers"], *_markers["activity_verbs"][:10], "其中", "，", " ", "党员", "为"]), max_size=4).map("".join))
def test_opening_verb_is_the_longest_first_scan(label: str) -> None:
    from nlp.checks.runs import _opening_verb

    text = label.strip(" 、，,：:").removeprefix("其中").lstrip(" ，,：:")
    words = vocab()["runs"]["work_openers"] + _markers["activity_verbs"]
    expected = next((w for w in sorted(words, key=len, reverse=True) if text.startswith(w)), None)
    assert _opening_verb.__wrapped__(label) == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["其中", "共有", "合计", "党员", "女", "、"]), max_size=4).map("".join))
def test_has_any_follows_a_word_list_changed_after_its_first_use(text: str) -> None:
    from nlp.checks.intervals import has_any

    words = ["其中"]
    assert has_any(text, words) == ("其中" in text)
    words.append("共有")  # the same list, another word: read again
    assert has_any(text, words) == ("其中" in text or "共有" in text)
    assert has_any(text, ("合计", "女")) == ("合计" in text or "女" in text)
    assert has_any(text, []) is False


def test_a_run_of_figures_without_clause_ends_is_read_once(monkeypatch) -> None:
    """Each fact's clause end is looked for only up to the next figure: over a run of figures with no
    clause end (5人次户名场…) the characters searched add up to about the text, not its square."""
    from test_checks_linear import dense_parse

    from nlp.checks import contexts as checks_contexts

    searched: list[int] = []
    pattern = checks_contexts._CLAUSE_END

    class Counting:
        def search(self, text: str, pos: int = 0, endpos: int | None = None):
            end = len(text) if endpos is None else min(endpos, len(text))
            searched.append(max(0, end - pos))
            return pattern.search(text, pos, end)

    monkeypatch.setattr(checks_contexts, "_CLAUSE_END", Counting())
    parse = dense_parse("5人次户名场", 30_000)
    found = checks_contexts._contexts(parse, parse.text)
    assert len(found) == len(parse.facts) > 1000
    assert sum(searched) <= 2 * len(parse.text.text)
