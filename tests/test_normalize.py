"""Normalization: each kind of junk, the offset identity, and invariants on any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluation.shared import MISSING, corpus_documents
from nlp.text.normalize import normalize
from nlp.text.normalize_chars import fold_table, to_simplified

CORPUS_FILES = corpus_documents()

# (name, original, normalized) — invented sentences in the style of the genre.
EXAMPLES = [
    ("fullwidth_digits", "社区现有党员１２３名，", "社区现有党员123名，"),
    ("fullwidth_percent", "满意率达９８．５％。", "满意率达98.5%。"),
    ("fullwidth_letters", "设置ＡＢ两个接种区", "设置AB两个接种区"),
    ("keeps_chinese_punct", "（一）党建工作：开展“三会一课”、党课；", "（一）党建工作：开展“三会一课”、党课；"),
    ("ideographic_space", "社区\u3000工作总结", "社区工作总结"),
    ("keeps_square_metre", "新建活动室１２０㎡。", "新建活动室120㎡。"),
    ("traditional", "東湖社區開展義診活動３次。", "东湖社区开展义诊活动3次。"),
    ("variant_chars", "設臵宣傳欄，爲居民服務", "设置宣传栏，为居民服务"),
    ("pinyin_gloss", "社區(qū)工作總結(jié)", "社区工作总结"),
    ("pinyin_two", "經(jīng)濟(jì)收入穩定", "经济收入稳定"),
    ("mojibake", "提供了保證?F(xiàn)總結(jié)如下", "提供了保证总结如下"),
    ("keeps_parenthetical_count", "配備清運車(2种)和(南苑社区)", "配备清运车(2种)和(南苑社区)"),
    ("keeps_latin_parenthetical", "建立微信群(WeChat)", "建立微信群(WeChat)"),
    ("crlf", "一、党建\r\n社区现有党员45名。\r\n", "一、党建\n社区现有党员45名。\n"),
    ("literal_crlf", "一、工作回顾\\r\\n全年完成投资3亿元。", "一、工作回顾\n全年完成投资3亿元。"),
    ("mangled_percent", "同比增长12.5_M_M_，", "同比增长12.5%，"),
    ("lost_spaces", "政??府??工??作??报??告", "政府工作报告"),
    ("stray_cjk_space", "现总结汇 报如下：", "现总结汇报如下："),
    ("paywall", "发放慰问金2万元。(未完,全文共2310字,当前显示520字)", "发放慰问金2万元。"),
    ("word_count", "村级工作总结[此文共1830字]\n", "村级工作总结\n"),
    ("paid_markers", "##paidbegin##开展巡逻40次。##paidend##", "开展巡逻40次。"),
    ("page_of", "调解纠纷12起。第2页共5页\n", "调解纠纷12起。\n"),
    ("piece_marker", "【第2篇】社区工作计划\n", "社区工作计划\n"),
    ("site_prefix", "公务员之家:社区上半年工作总结\n", "社区上半年工作总结\n"),
    ("editor_intro", "下面是小编为大家整理的社区工作总结，欢迎阅读。\n一、党建工作\n", "一、党建工作\n"),
    ("lead_in", "导语：总结是对过去工作的回顾。\n社区开展活动8次。\n", "社区开展活动8次。\n"),
    ("uploaded", "本文来源于网友上传，仅供参考。\n社区开展活动8次。\n", "社区开展活动8次。\n"),
    ("breadcrumb", "首页 > 工作总结 > 社区总结\n社区开展活动8次。\n", "社区开展活动8次。\n"),
    ("contents", "目录\n一、党建\n", "一、党建\n"),
    ("page_meta", "发布时间：2022-05-06 09:12\n作者：佚名\n浏览次数：318\n一、党建\n", "一、党建\n"),
    ("page_footer_line", "完成道路硬化3公里。\n— 12 —\n二、民政\n", "完成道路硬化3公里。\n二、民政\n"),
    ("download_chrome", "下载文档\n一、党建\n", "一、党建\n"),
    ("file_size_chrome", "• 15.2 KB\n• 3页\n一、党建\n", "一、党建\n"),
    ("page_number_in_sentence", "由社区改造小组的 2\n\n管网改造工作同步推进。", "由社区改造小组的管网改造工作同步推进。"),
    (
        "hard_wrap",
        "一、基本情况\n社区党委按照便于管理、便于活动的原则，加强\n基层组织建设，成立网格党支部4个。\n",
        "一、基本情况\n社区党委按照便于管理、便于活动的原则，加强基层组织建设，成立网格党支部4个。\n",
    ),
    ("comma_break", "面对疫情防控形势变化，\n\n第一时间成立工作专班。", "面对疫情防控形势变化，第一时间成立工作专班。"),
    ("heading_not_joined", "一、加强组织建设，发挥党支部作用\n社区现有党员45名。", "一、加强组织建设，发挥党支部作用\n社区现有党员45名。"),
    ("short_title_not_joined", "社区党建工作汇报\n\n社区现有党员45名。", "社区党建工作汇报\n\n社区现有党员45名。"),
    ("next_heading_not_joined", "社区全年共开展各类文体活动和志愿服务活动以及宣传活动\n（二）民政工作", "社区全年共开展各类文体活动和志愿服务活动以及宣传活动\n（二）民政工作"),
    ("closing_quote_line", "是实施“\n十四五\n”规划的关键之年。", "是实施“十四五”规划的关键之年。"),
    ("blank_runs", "一、党建\n\n\n\n\n二、民政", "一、党建\n\n二、民政"),
    (
        "trailing_links",
        "社区全年开展主题党日活动12次，党课6次，发展党员2名。\n相关文章\n2023年社区工作计划\n2022年村委会工作总结\n",
        "社区全年开展主题党日活动12次，党课6次，发展党员2名。\n",
    ),
]

# Lines that look a little like boilerplate but carry content: they must survive.
KEPT = [
    ("time_in_sentence", "时间紧、任务重，社区干部加班加点完成普查。"),
    ("source_of_funds", "来源于区财政的专项资金共计12万元，全部用于老旧小区改造。"),
    ("editor_as_job", "社区聘请小编辑一名负责公众号，全年推送文章86篇。"),
    ("comparison", "全年调解成功率>95%，群众满意度>98%。"),
    ("list_item", "1、低保工作。全乡共有低保户873户。"),
    ("number_in_text", "第一批共12户完成改造。"),
]


@pytest.mark.parametrize(("name", "original", "expected"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_examples(name: str, original: str, expected: str) -> None:
    norm = normalize(original)
    assert norm.text == expected
    assert_offsets_hold(norm)


@pytest.mark.parametrize(("name", "line"), KEPT, ids=[k[0] for k in KEPT])
def test_content_lines_are_kept(name: str, line: str) -> None:
    text = f"一、基本情况\n{line}\n二、主要做法\n"
    assert normalize(text).text == text


def test_span_maps_back_to_original_figure() -> None:
    original = "2021年社區(qū)工作總結(jié)\r\n社區(qū)共有黨員１２３名。"
    norm = normalize(original)
    s = norm.text.index("123名")
    start, end = norm.to_original(s, s + 4)
    assert original[start:end] == "１２３名"
    s = norm.text.index("工作总结")
    start, end = norm.to_original(s, s + 4)
    assert original[start:end] == "工作總結(jié)"[:2] + "總結"


def test_deleted_boilerplate_is_not_mapped_into() -> None:
    original = "导语：小编整理。\n社区开展活动8次。"
    norm = normalize(original)
    assert norm.text == "社区开展活动8次。"
    start, end = norm.to_original(0, len(norm.text))
    assert original[start:end] == "社区开展活动8次。"


def _plain(text: str) -> str:
    return to_simplified(text.translate(fold_table()))


_REPLACED = {"\r\n", "\r", "\\r\\n", "_M_M_"}


def assert_offsets_hold(norm) -> None:
    """Map invariants, and for every stretch the passes left alone, the exact original text."""
    offsets, text, original = norm.offsets, norm.text, norm.original
    assert len(offsets) == len(text)
    previous_start = previous_end = 0
    for i in range(len(text)):
        start, end = offsets.to_original(i, i + 1)
        assert 0 <= start <= end <= len(original)
        assert start >= previous_start and end >= previous_end
        previous_start, previous_end = start, end
    # Each character comes from itself, or from a span that folds/converts to it.
    for i, ch in enumerate(text):
        start, end = offsets.to_original(i, i + 1)
        source = original[start:end]
        if source != ch:
            assert ch in _plain(source) or source in _REPLACED or set(source) == {"?"}, (i, ch, source)


@given(
    st.text(
        alphabet=st.one_of(
            st.characters(),
            st.sampled_from(list("社區總結經濟農鄉臵爲於工作（）()一、1２３４ＡＢ％：，。\n\r\t \u3000?FāáǎàqūjiéxiànM_\\rn>—-第页共篇【】")),
        ),
        max_size=200,
    )
)
@settings(max_examples=300, deadline=None)
def test_never_raises_and_map_is_valid(text: str) -> None:
    norm = normalize(text)
    assert norm.original == text
    assert_map_valid(norm)


def assert_map_valid(norm) -> None:
    offsets = norm.offsets
    assert len(offsets) == len(norm.text)
    last = (0, 0)
    for i in range(len(norm.text)):
        start, end = offsets.to_original(i, i + 1)
        assert 0 <= start <= end <= len(norm.original)
        assert start >= last[0] and end >= last[1]
        last = (start, end)
    assert 0 <= offsets.point(len(norm.text)) <= len(norm.original)


@pytest.mark.skipif(not CORPUS_FILES, reason=MISSING)
@pytest.mark.parametrize("path", CORPUS_FILES, ids=[f"{p.parent.name}/{p.name}" for p in CORPUS_FILES])
def test_corpus_document_normalizes(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    norm = normalize(original)
    assert_map_valid(norm)
    assert "(jié)" not in norm.text and "##paid" not in norm.text and "_M_M_" not in norm.text
    assert "\r" not in norm.text
    assert_offsets_hold(norm)
