"""A document-sharing site's notices and a collection page's numbering around a report: removed
before any stage reads the text, so they give no heading, no figure and no title (issue 12; found by
evaluation/perturb_bench.py). Every line here is invented."""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text
from nlp.text.normalize import normalize

REPORT = "2023年东湖社区工作总结\n一、党建工作\n社区现有党员56名，全年开展主题党日12次。\n二、民政工作\n全年走访困难家庭40户。\n"

# Notice lines a site prints above or below a document: each is deleted.
NOTICES = [
    ("terms_with_hours", "2.文档下载后如与预览不符，请在24小时内联系客服办理退款。"),
    ("service_hours", "4.在线客服工作时间为每天8:30至17:30，节假日顺延。"),
    ("short_paid", "4. 付费下载后可编辑全文"),
    ("short_copyright", "3. 本文档版权归作者所有"),
    ("short_service", "2. 如需帮助请联系在线客服"),
    ("header", "下载须知："),
    ("header_plain", "温馨提示"),
]

# Lines of a community report that share a word with such a notice: each is kept.
KEPT = [
    ("app_download", "3、引导居民下载安装国家反诈中心APP共1200人次。"),
    ("archive_upload", "整理居民档案文档资料，上传至系统共860份。"),
    ("copyright_talk", "开展知识产权和版权保护宣传活动2次。"),
    ("service_line", "开通便民服务热线，为居民解答咨询300余次。"),
]


@pytest.mark.parametrize(("name", "line"), NOTICES, ids=[n for n, _ in NOTICES])
def test_notice_line_is_removed(name: str, line: str) -> None:
    assert normalize(f"{REPORT}\n{line}\n").text.rstrip() == REPORT.rstrip()


@pytest.mark.parametrize(("name", "line"), KEPT, ids=[n for n, _ in KEPT])
def test_report_line_is_kept(name: str, line: str) -> None:
    text = f"一、基本情况\n{line}\n二、主要做法\n"
    assert normalize(text).text == text


@pytest.mark.parametrize("where", ["before", "after"])
def test_notice_block_gives_no_heading_figure_or_title(where: str) -> None:
    block = "温馨提示\n1. 文档下载后不支持退换\n2. 如需帮助请联系在线客服\n3. 本文档版权归作者所有\n4. 付费下载后可编辑全文"
    text = f"{block}\n\n{REPORT}" if where == "before" else f"{REPORT}\n{block}\n"
    parse = parse_text(text, disable=["activities", "categories", "checks"])
    assert [s.heading for s in parse.sections] == ["党建工作", "民政工作"]
    assert [f.text for f in parse.facts] == ["56名", "12次", "40户"]
    assert parse.doc.title == "2023年东湖社区工作总结"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("范文一：2023年东湖社区工作总结", "2023年东湖社区工作总结"),
        ("【范文2】东湖社区上半年工作总结", "东湖社区上半年工作总结"),
        ("【第3篇】2023年东湖社区工作总结", "2023年东湖社区工作总结"),
        ("社区工作计划范文", "社区工作计划范文"),  # a title naming itself a model text keeps the word
    ],
)
def test_collection_numbering_is_not_part_of_the_title(line: str, title: str) -> None:
    parse = parse_text(
        f"{line}\n一年来，东湖社区在街道党工委领导下开展各项工作。\n",
        disable=["activities", "categories", "checks"],
    )
    assert parse.doc.title == title


def test_a_notice_below_the_link_list_does_not_keep_the_links() -> None:
    body = REPORT * 3
    links = "相关文章\n2022年社区工作计划\n社区上半年工作总结\n"
    notice = "2.文档下载后如与预览不符，请在24小时内联系客服办理退款。\n"
    assert normalize(body + links + notice).text == body
    assert normalize(body + links + "我们还开展了义诊活动。\n").text != body  # a sentence keeps them: text


def test_a_sentence_glued_to_a_flattened_page_is_no_title() -> None:
    # no line break anywhere: the first 40 characters end in 计划, but inside an open 《
    text = (
        "20xx年是社区换届后的第一年，为了认真贯彻落实《关于全面加强人口和计划生育工作统筹解决人口问题的决定》精神，"
        "社区全年开展宣传活动12次，走访育龄家庭86户。"
    )
    assert parse_text(text, disable=["activities", "categories", "checks"]).doc.title is None


def test_a_collection_word_before_the_title_is_no_community_name() -> None:
    text = "精选范文 社区垃圾分类工作总结\n社区今年开展垃圾分类宣传12次，设置分类投放点8处。\n"
    assert parse_text(text, disable=["activities", "categories", "checks"]).doc.community is None
