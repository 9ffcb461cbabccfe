"""Faster routines of the front (labels, boilerplate lines, word tagging) held to their plain
definitions on generated text and, where the shared corpus is present, on its lines."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nlp.text.labels import label_at, label_at_each_pattern

# Characters a label is made of, with spaces, terminators and a few others around them.
LABEL_ALPHABET = "第一二三四五十百两〇零123（()）、.．，,：: \t\u3000\xa0部分章节编篇社区"


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=LABEL_ALPHABET, max_size=14), st.integers(min_value=0, max_value=4))
def test_label_at_with_one_pattern_is_the_patterns_tried_in_turn(line: str, pos: int) -> None:
    pos = min(pos, len(line))
    assert label_at(line, pos) == label_at_each_pattern(line, pos)


@pytest.mark.parametrize(
    "line",
    ["第一部分 回顾", "  （二）加强治理", "(3)入户走访", "十二、其他", "1.8万元", "3、服务老人", "第十章", "（0）无", "一是抓班子"],
)
def test_label_at_on_written_labels(line: str) -> None:
    assert label_at(line, 0) == label_at_each_pattern(line, 0)


def test_label_at_on_every_line_start_of_the_corpus() -> None:
    from evaluation.shared import MISSING, corpus_documents

    paths = corpus_documents()
    if not paths:
        pytest.skip(MISSING)
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            for pos in range(min(len(line), 3)):
                assert label_at(line, pos) == label_at_each_pattern(line, pos), (path.name, line[:30])


# Pieces of the boilerplate line rules (nlp/resources/boilerplate.toml) and of report text.
BOILERPLATE_PIECES = [
    "导语", "：", ":", " ", "小编", "整理", "为大家", "来源于网友上传", "相关文章", "当前位置", ">", "»", "目", "录",
    "序言", "前言", "本站", "范文", "（", "）", "请仔细阅读以下说明", "—", "-", "12", "第", "页", "共", "发布时间",
    "2021-03-04", "发布", "次", "浏览", "1.5", "KB", "当前文档", "文档", "下载", "退款", "客服", "下载须知", "复制全文",
    "您好", "欢迎来到", "公务员之家", "社区", "开展活动", "。", "，", "•", "\t", "日期", "时间", "2021年12月28日", "08:30",
]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(BOILERPLATE_PIECES), max_size=12).map("".join))
def test_boilerplate_line_is_the_rules_tried_in_turn(line: str) -> None:
    from nlp.text.boilerplate import boilerplate_line, boilerplate_line_rule_by_rule

    assert boilerplate_line(line) == boilerplate_line_rule_by_rule(line)
    assert boilerplate_line(line, closing=True) == boilerplate_line_rule_by_rule(line, closing=True)


def test_boilerplate_line_on_every_line_of_the_corpus() -> None:
    from evaluation.shared import MISSING, corpus_documents
    from nlp.text.boilerplate import boilerplate_line, boilerplate_line_rule_by_rule

    paths = corpus_documents()
    if not paths:
        pytest.skip(MISSING)
    found = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            expected = boilerplate_line_rule_by_rule(line)
            assert boilerplate_line(line) == expected, (path.name, line[:30])
            closing = boilerplate_line_rule_by_rule(line, closing=True)
            assert boilerplate_line(line, closing=True) == closing, (path.name, line[:30])
            found += expected is not None
    assert found  # the corpus has boilerplate lines, so the comparison saw rules match


def test_every_anchored_rule_is_read_in_one_match() -> None:
    from nlp.text.boilerplate import _combinable, boilerplate_rules

    anchored = [rule.name for rule in boilerplate_rules()[1] if _combinable(rule.pattern)]
    assert "lead_in" in anchored and "page_number" in anchored
    assert "editor_intro" not in anchored  # it matches anywhere in a line


@pytest.mark.parametrize(
    ("pattern", "combinable"),
    [("^导语", True), ("^(?:相关|推荐)$", True), ("^a|^b", True), ("^a|b", False), ("a^", False), ("小编", False),
     ("(?m)^a", False), ("^(a)", False), ("(?=^a)", False)],
)
def test_only_rules_anchored_at_the_line_start_join_the_one_match(pattern: str, combinable: bool) -> None:
    import re

    from nlp.text.boilerplate import _combinable

    assert _combinable(re.compile(pattern)) is combinable


# Simplified and traditional pieces, and pieces of the phrases t2s changes though no character of them
# changes alone (回覆 → 回复, 深沈 → 深沉).
T2S_PIECES = ["社区", "社區", "工作", "總結", "回", "覆", "回覆", "覆盖", "重", "复", "深", "沈", "浮沈", "乾", "隆", "干部",
              "著", "名", "看著", "英哩", "里", "，", "。", "\n", "12", "a", " "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(T2S_PIECES), max_size=12).map("".join))
def test_a_text_t2s_would_change_is_never_skipped(text: str) -> None:
    from nlp.text.normalize_chars import may_change_in_t2s, to_simplified

    if not may_change_in_t2s(text):
        assert to_simplified(text) == text


def test_t2s_is_skipped_only_for_texts_it_leaves_as_they_are_in_the_corpus() -> None:
    from evaluation.shared import MISSING, corpus_documents
    from nlp.text.normalize_chars import _t2s_triggers, may_change_in_t2s, to_simplified

    paths = corpus_documents()
    if not paths:
        pytest.skip(MISSING)
    if _t2s_triggers() is None:
        pytest.skip("the t2s table was made from other opencc dictionaries than the installed ones")
    skipped = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if not may_change_in_t2s(line):
                skipped += 1
                assert to_simplified(line) == line, (path.name, line[:30])
    assert skipped  # most lines of the corpus are simplified: the skip is taken


def test_the_t2s_table_is_the_one_the_installed_dictionaries_give() -> None:
    from evaluation.t2s_triggers import TABLE, _opencc_dict, table_text
    from nlp.text.normalize_chars import t2s_dictionary_files

    if t2s_dictionary_files() is None or _opencc_dict() is None:
        pytest.skip("opencc's dictionaries or its opencc_dict tool are not installed beside it")
    assert TABLE.read_text(encoding="utf-8") == table_text(), "run python -m evaluation.t2s_triggers"


INLINE_PIECES = [
    "##paidbegin##", "（", "(", "未完，", "全文共900字，", "当前显示300字", "）", "【", "此文共", "字", "】", "第", "2", "页",
    "共", "5", "页", "\n", " ", "公务员之家", "：", "篇", "一", "社区开展活动6次。", "相关文章", "导语：",
]


def _plain_tail_block(text: str) -> int | None:
    """tail_block as first written: every line named and read, from the first."""
    from nlp.text.boilerplate import _sentence_after, _tail_rule, boilerplate_line_rule_by_rule

    header, final, within = _tail_rule()
    floor = int(len(text) * (1 - within))
    lines = text.splitlines(keepends=True)
    sentence_after = _sentence_after(lines, [boilerplate_line_rule_by_rule(line) for line in lines], final)
    pos = 0
    for i, line in enumerate(lines):
        if pos >= floor and not sentence_after[i] and header.match(line.strip()):
            return pos
        pos += len(line)
    return None


TAIL_PIECES = ["社区开展活动6次。", "相关文章", "推荐阅读：", "上一篇", "社区工作总结", "\n", "\n", "\r\n", "。", "本站文档仅供参考，下载后不予退款。",
               "日期：2021年12月28日", " "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TAIL_PIECES), max_size=20).map("".join))
def test_tail_block_reads_only_the_lines_that_may_open_it(text: str) -> None:
    from nlp.text.boilerplate import boilerplate_line, tail_block

    assert tail_block(text) == _plain_tail_block(text)
    lines = text.splitlines(keepends=True)
    assert tail_block(text, lines, [boilerplate_line(line) for line in lines]) == _plain_tail_block(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(INLINE_PIECES), max_size=16).map("".join))
@example("导语：社区开展活动6次。##paidbegin####paidbegin##")  # one line after an intro: keep_alone keeps it
def test_boilerplate_edits_skip_only_patterns_that_cannot_match(text: str) -> None:
    from unittest import mock

    from nlp.text import boilerplate
    from nlp.text.boilerplate import _inline_needs, boilerplate_edits, boilerplate_rules

    for regex, needed in zip(boilerplate_rules()[0], _inline_needs(), strict=True):
        assert all(needed in m.group() for m in regex.finditer(text))
    # the reference searches every inline pattern over every text (an empty word is in any text); the
    # line rules (keep_alone, keep_closing) are the same on both sides and tested on their own
    every_pattern = ("",) * len(boilerplate_rules()[0])
    with mock.patch.object(boilerplate, "_inline_needs", lambda: every_pattern):
        searched_everywhere = boilerplate_edits(text)
    assert boilerplate_edits(text) == searched_everywhere


SOFT_LINE_PIECES = ["。", "，", ",", "：", "；", "！", " ", "\u3000", "\n", "一、", "二、", "三、", "（一）", "（二）", "(1)", "1.", "2、",
                    "第一部分", "加强党建", "开展活动6次", "社区", "工作"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SOFT_LINE_PIECES), max_size=30).map("".join))
def test_soft_lines_without_comma_candidates_are_the_lines_with_them(text: str) -> None:
    import re
    from unittest import mock

    from nlp.text import outline_lines
    from nlp.text.labels import SPACES, vocab
    from nlp.text.normalize import normalize

    with_commas = re.compile(f"[。！？；!?;：:，,](?=[{re.escape(SPACES + '（(第' + vocab().cn)}]|\\d)")
    norm = normalize(text)
    lines = outline_lines.physical_lines(norm.text)
    found = outline_lines.soft_lines(norm, lines)
    with mock.patch.object(outline_lines, "_before_label", lambda: with_commas):
        assert found == outline_lines.soft_lines(norm, lines)


# Pieces of the self-reference words of meta.toml [level] and of the text around them.
SELF_REFERENCE_PIECES = [
    "我", "本", "全", "社区", "社區", "村", "居委会", "居委", "居", "会", "镇", "鎮", "乡", "鄉", "街道", "县", "縣",
    "区", "旗", "市", "省", "年", "共有", "党员", "，", "。", "\n", "我社区", "全村", "本居委会",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(SELF_REFERENCE_PIECES), max_size=30).map("".join))
def test_self_references_in_one_scan_are_the_words_counted_one_by_one(text: str) -> None:
    from nlp.text import levels

    assert levels._self_reference_scan() is not None  # the shipped words are read in one scan
    assert levels.self_references(text) == levels.self_references_word_by_word(text)
    assert levels.first_self_reference(text) == levels.first_self_reference_word_by_word(text)


def test_self_references_on_the_corpus() -> None:
    from evaluation.shared import MISSING, corpus_documents
    from nlp.text import levels

    paths = corpus_documents()
    if not paths:
        pytest.skip(MISSING)
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert levels.self_references(text) == levels.self_references_word_by_word(text), path.name
        assert levels.first_self_reference(text) == levels.first_self_reference_word_by_word(text), path.name


def _inline_list_at_every_break(c) -> bool:
    """inline_list as first written: a label read after every item break."""
    from nlp.text.heading_model import _FIGURE, _ITEM_BREAK, _LEAD_STOPS
    from nlp.text.labels import label_at

    text = c.phrase + c.rest
    lead = next((i for i, ch in enumerate(text) if ch in _LEAD_STOPS), len(text))
    for m in _ITEM_BREAK.finditer(text):
        label = label_at(text, m.end())
        if label is None or label.kind != c.kind or label.number != c.number + 1 or label.start:
            continue
        if m.start() < len(c.phrase) or _FIGURE.search(text, 0, lead):
            return True
    return False


ITEM_PIECES = ["；", "，", "、", "。", "：", " ", "\u3000", "2、", "2.", "２、", "二、", "（二）", "(2)", "（2）", "第二部分", "3、",
               "二是", "发放资金4.2万元", "抓好项目", "2021年", "社区", "12", "①"]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from(ITEM_PIECES), max_size=8).map("".join),
    st.lists(st.sampled_from(ITEM_PIECES), max_size=12).map("".join),
    st.sampled_from([("dig", 1), ("cn", 1), ("pcn", 1), ("pdig", 1), ("part", 1), ("dig", 2)]),
)
def test_inline_list_reads_labels_only_where_one_may_open(phrase: str, rest: str, kind_number) -> None:
    from nlp.text.heading_model import Candidate, inline_list

    kind, number = kind_number
    c = Candidate(kind, number, 3, True, False, False, False, phrase, rest, "", "", "", "", False, 0.5, True, 1, False, "", False)
    assert inline_list(c) == _inline_list_at_every_break(c)


GLUED_PIECES = ["2024年", "2023年", "12024年", "工作安排", "工作回顾", "计划", "是关键一年", "。", "！", "，", "\n", " ", "\u3000", "\r",
                "下一步", "社区", "19", "99年"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(GLUED_PIECES), max_size=14).map("".join))
def test_glued_plan_titles_read_at_years_are_the_pattern_tried_everywhere(text: str) -> None:
    from nlp.text.plan_parts import GLUED_TITLE, glued_plan_titles, is_plan_heading

    everywhere = [m.start(1) for m in GLUED_TITLE.finditer(text) if is_plan_heading(m.group(1))]
    assert glued_plan_titles(text) == everywhere


def test_glued_plan_titles_on_the_corpus() -> None:
    from evaluation.shared import MISSING, corpus_documents
    from nlp.text.normalize import normalize
    from nlp.text.plan_parts import GLUED_TITLE, glued_plan_titles, is_plan_heading

    paths = corpus_documents()
    if not paths:
        pytest.skip(MISSING)
    for path in paths:
        text = normalize(path.read_text(encoding="utf-8", errors="replace")).text
        everywhere = [m.start(1) for m in GLUED_TITLE.finditer(text) if is_plan_heading(m.group(1))]
        assert glued_plan_titles(text) == everywhere, path.name


def _wrap_width_as_first_written(lines: list[str]) -> int | None:
    from collections import Counter

    from nlp.text.normalize_layout import _ends_open

    stripped = [s for s in (line.strip() for line in lines) if len(s) >= 12]
    if len(stripped) < 8:
        return None
    counts = Counter(len(s) for s in stripped)
    width, _ = max(counts.items(), key=lambda kv: (sum(counts[w] for w in (kv[0] - 1, kv[0], kv[0] + 1)), kv[0]))
    near = [s for s in stripped if abs(len(s) - width) <= 1]
    longer = sum(1 for s in stripped if len(s) > width + 3)
    open_ended = sum(1 for s in near if _ends_open(s))
    if (
        20 <= width <= 80
        and len(near) >= 0.4 * len(stripped)
        and longer <= 0.15 * len(stripped)
        and open_ended >= 0.5 * len(near)
    ):
        return width
    return None


_WRAPPED_LINE = st.tuples(
    st.sampled_from([5, 11, 12, 19, 20, 21, 22, 30, 31, 45, 79, 80, 81, 90, 200]), st.sampled_from(["甲", "。", "，", "”", " "])
).map(lambda n_end: " " + "社" * n_end[0] + n_end[1])


@settings(max_examples=500, deadline=None)
@given(st.lists(_WRAPPED_LINE, max_size=30))
def test_wrap_width_is_its_first_reading(lines: list[str]) -> None:
    from nlp.text.normalize_layout import wrap_width

    assert wrap_width(lines) == _wrap_width_as_first_written(lines)
