"""Community identity (SPEC section 5): which unit a report is about, from title, signature,
self-reference, opening, frequency and path; canonical names; street and district."""

import pytest

from corpus.readers import read_text
from nlp.pipeline import parse_raw
from nlp.text.divisions import find_district, strip_divisions
from nlp.text.identity import canonical_name, find_community, find_street

BODY = "在街道党工委的正确领导下，各项工作稳步推进，居民满意度不断提高，取得了较好成效。"

# name: (text, title, path, expected community)
CASES = {
    "title names the unit": ("幸福里社区2023年工作总结\n" + BODY, "幸福里社区2023年工作总结", None, "幸福里社区"),
    "title with the town before the name": ("太和镇玄真社区2022年工作总结\n" + BODY, "太和镇玄真社区2022年工作总结", None, "玄真社区"),
    "signature at the end": ("2022年工作总结\n" + BODY + "\n东湖社区居民委员会\n2022年12月28日", "2022年工作总结", None, "东湖社区"),
    "signature of a village committee": ("工作总结\n" + BODY + "\n柳林村村民委员会\n2023年1月5日", "工作总结", None, "柳林村"),
    "what 本社区 refers to": ("工作总结\n" + "清河社区位于城区东部。本社区现有居民1800户。" + BODY, "工作总结", None, "清河社区"),
    "the path names the unit": ("工作总结\n" + BODY, "工作总结", "reports/2023/青松社区工作总结.docx", "青松社区"),
    "masked title stays unknown": ("xx社区2022年工作总结\n协助红星社区开展活动。" + BODY, "xx社区2022年工作总结", None, None),
    "a verb phrase is no name": ("工作总结\n排查化解社区矛盾纠纷，服务社区群众。" + BODY, "工作总结", None, None),
    "a number phrase is no name": ("工作总结\n走访两个村和三个社区。" + BODY, "工作总结", None, None),
    "a slogan is no name": ("工作总结\n争创和谐社区、文明社区。" + BODY, "工作总结", None, None),
    "a street's own report has no community": ("长白新村街道2020年工作总结\n辖区东湖社区和西湖社区" + BODY, "长白新村街道2020年工作总结", None, None),
    "a heading at the end is no signature": ("工作总结\n" + BODY + "\n6、争创市级文明社区", "工作总结", None, None),
}


@pytest.mark.parametrize(("text", "title", "path", "expected"), CASES.values(), ids=CASES.keys())
def test_find_community(text, title, path, expected):
    assert find_community(text, title, len(title), path) == expected


@pytest.mark.parametrize(
    ("name", "canonical"),
    [("东湖社区居委会", "东湖社区"), ("东湖社区居民委员会", "东湖社区"), ("余岭村村民委员会", "余岭村"),
     ("余岭村委会", "余岭村"), ("东湖居委会", "东湖居委会"), ("东湖社区", "东湖社区")],
)
def test_canonical_name(name, canonical):
    assert canonical_name(name) == canonical


def test_district_comes_from_the_division_table():
    assert find_district("2021年上海市杨浦区人民政府五角场街道办事处工作总结") == "杨浦区"
    assert find_district("城区环境整治工作总结") is None  # a common word that is also a district's name


def test_street_without_the_divisions_before_it():
    assert find_street("", "2021年上海市杨浦区五角场街道办事处工作总结") == "五角场街道"
    assert strip_divisions("杨浦区五角场街道") == "五角场街道"


def test_parse_gives_canonical_community_and_district():
    raw = read_text("東湖社區居民委員會2022年工作總結\n" + BODY + "\n浦东新区东湖社区居民委员会\n2022年12月28日")
    doc = parse_raw(raw, disable=["categories", "activities"]).doc
    assert (doc.community, doc.district, doc.year, doc.level) == ("东湖社区", "浦东新区", 2022, "community")


def test_party_committee_signature_signs_for_its_community():
    text = "关于2022年度工作情况的报告\n本年度各项工作稳步推进。\n中共东湖社区委员会\n2022年12月28日"
    assert find_community(text, "关于2022年度工作情况的报告", 16) == "东湖社区"


def test_names_are_read_from_the_documents_words(monkeypatch):
    """Identity reads the shared Text's segmentation (issue 8): it never segments a stem on its own."""
    from nlp.records import RawDoc
    from nlp.text import place_names
    from nlp.text.document import Text
    from nlp.text.meta import extract_meta
    from nlp.text.outline import build_outline

    def no_own_segmenting(text):
        raise AssertionError(f"identity segmented {text!r} on its own")

    monkeypatch.setattr(place_names, "pos_cut", no_own_segmenting)
    text = "工作总结\n本社区" + BODY + "\n一、党建\n发展党员2名。\n翠湖社区居民委员会\n2022年12月28日"
    doc = Text.from_string(text)
    raw = RawDoc(id="0" * 64, path="x.txt", text=text, encoding="utf-8")
    meta = extract_meta(raw, doc, build_outline(doc.normalized))
    assert (meta.community, meta.year) == ("翠湖社区", 2022)
