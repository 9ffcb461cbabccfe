"""Cross-document check (ZJ501 template_text) on invented documents."""

from __future__ import annotations

import pytest

from nlp.checks.corpus import check_corpus, shingles, units
from nlp.pipeline import parse_text

SHARED = (
    "社区坚持以创建全国文明城市为抓手,深入开展文明楼院、文明家庭评选活动,组织志愿者清理楼道杂物"
    "和小广告,全年共开展环境整治行动12次,居民参与热情高涨,社区面貌焕然一新。"
)
OWN = (
    "社区以垃圾分类为突破口,在六个小区设置智能回收箱,聘请两名督导员在早晚高峰值守,分类准确率逐月提高,"
    "居民从不理解到主动参与,小区环境明显改善。"
)


def doc(name: str, body: str) -> str:
    return f"{name}2022年工作总结\n一、文明创建\n{body}\n二、平安建设\n组建治安巡逻队2支,全年巡逻150余次。\n"


# The genre's fixed wording (nlp/resources/formulae.toml), long enough to be compared were it not
# the genre's: every report to a congress opens so, every summary leads in so.
ADDRESS = "各位代表：现在，我代表街道办事处，向大会报告过去一年的工作，请予审议，并请列席会议的各位同志提出意见和建议。"

CASES = [
    ("the address to the congress is no copy", ADDRESS, ADDRESS, False),
    ("a copy after the address is still found", ADDRESS + SHARED, ADDRESS + SHARED, True),
    ("verbatim copy", SHARED, SHARED, True),
    ("copy with the figure changed", SHARED, SHARED.replace("12次", "15次"), True),
    ("copy with spacing and punctuation changed", SHARED, SHARED.replace(",", " ").replace("、", ","), True),
    ("different paragraph on the same theme", SHARED, OWN, False),
]


@pytest.mark.parametrize(("name", "a", "b", "fires"), CASES, ids=[c[0] for c in CASES])
def test_template_text(name, a, b, fires):
    pa, pb = parse_text(doc("竹溪社区", a)), parse_text(doc("松风社区", b))
    flags = check_corpus([pa, pb])
    assert bool(flags) is fires
    if fires:
        assert set(flags) == {pa.doc.id, pb.doc.id}
        (flag,) = flags[pa.doc.id]
        assert flag.name == "template_text" and flag.code == "ZJ501"
        assert pa.original[flag.start : flag.end].startswith("社区")  # (the address left out)
        assert flag.line == 3


def test_one_document_alone_never_fires():
    p = parse_text(doc("竹溪社区", SHARED + "\n" + SHARED))
    assert check_corpus([p]) == {}


def test_short_sentences_are_not_compared():
    p = parse_text(doc("竹溪社区", SHARED))
    assert all(len(u.key) >= 10 for u in units(p))
    assert "一文明创建" not in {u.key for u in units(p)}


def test_a_copy_pasted_into_a_longer_paragraph_is_found():
    a = parse_text(doc("竹溪社区", SHARED))
    b = parse_text(doc("松风社区", OWN + SHARED + "下半年将继续巩固创建成果,做好迎检准备工作。"))
    flags = check_corpus([a, b])
    (flag,) = flags[b.doc.id]
    assert b.original[flag.start : flag.end].startswith("社区坚持以创建")
    assert "焕然一新" in b.original[flag.start : flag.end]


def test_ignore_turns_the_rule_off():
    pa, pb = parse_text(doc("竹溪社区", SHARED)), parse_text(doc("松风社区", SHARED))
    assert check_corpus([pa, pb], ignore=("template_text",)) == {}


def test_shingles_of_short_key():
    assert shingles("社区") == {"社区"}


def test_three_copies_name_the_closest_and_count_the_rest():
    a = parse_text(doc("竹溪社区", SHARED))
    b = parse_text(doc("松风社区", SHARED.replace("12次", "13次")))
    c = parse_text(doc("柳岸社区", SHARED))
    flags = check_corpus([a, b, c])
    (flag,) = flags[a.doc.id]
    assert "另有 1 个文档" in flag.message
    assert len(flags) == 3
