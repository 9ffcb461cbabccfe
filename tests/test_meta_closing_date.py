"""The report's own closing date line against a page's date field (nlp/resources/boilerplate.toml
rule page_date with keep_closing, nlp/text/boilerplate.py): normalization keeps the first for the metadata's
year, drops the second. Every line is invented in the genre's style."""

from __future__ import annotations

import pytest

from nlp.records import RawDoc
from nlp.text.document import Text
from nlp.text.meta import extract_meta
from nlp.text.normalize import normalize
from nlp.text.outline import build_outline

BODY = "一年来，在街道党工委的正确领导下，我社区扎实推进各项工作，居民满意度不断提高。\n一、党建工作\n全年召开党员大会4次。\n"

# (name, closing lines after the body, the labelled line as normalization writes it, whether it
# survives, the year metadata reads)
CLOSINGS = [
    ("日期： below the signature", "青桐社区居委会\n日期：2021年12月28日", "日期：2021年12月28日", True, 2021),
    ("时间： with a month only", "青桐社区居委会\n时间：2021年11月", "时间：2021年11月", True, 2021),
    ("日期: ASCII colon, dotted date", "青桐社区居委会\n日期: 2021.12.28", "日期: 2021.12.28", True, 2021),
    ("日期： dashed date", "青桐社区居委会\n日期：2021-12-28", "日期：2021-12-28", True, 2021),
    ("日期： in Chinese numerals", "青桐社区居委会\n日期：二〇二一年十二月二十八日", "日期：二〇二一年十二月二十八日", True, 2021),
    ("日期： in full-width digits", "青桐社区居委会\n日期：２０２１年１２月２８日", "日期：2021年12月28日", True, 2021),
    ("時間： traditional label", "青桐社區居委會\n時間：2021年12月28日", "时间：2021年12月28日", True, 2021),
    ("日期： in brackets", "青桐社区居委会\n日期：（2021年12月28日）", "日期：（2021年12月28日）", True, 2021),
    (
        "日期： then a page's links",
        "青桐社区居委会\n日期：2021年12月28日\n上一篇：社区工作计划\n下一篇：社区党建总结",
        "日期：2021年12月28日", True, 2021,
    ),
    ("日期： then (完)", "青桐社区居委会\n日期：2021年12月28日\n（完）", "日期：2021年12月28日", True, 2021),
    ("落款日期： was never chrome", "青桐社区居委会\n落款日期：2021年12月28日", "落款日期：2021年12月28日", True, 2021),
    ("报送日期： was never chrome", "青桐社区居委会\n报送日期：2021年12月28日", "报送日期：2021年12月28日", True, 2021),
    # a page's fields stay chrome, even at the end
    ("a page's footer with a time of day", "青桐社区居委会\n2021年12月28日\n时间：2022-01-05 16:38:52", "时间：", False, 2021),
    ("a page's footer with another field", "青桐社区居委会\n2021年12月28日\n日期：2022-01-05 作者：佚名", "日期：", False, 2021),
    ("a page's footer without a year", "青桐社区居委会\n2021年12月28日\n时间: 01-05", "时间:", False, 2021),
    ("发布日期 is a page's, whatever follows", "青桐社区居委会\n2021年12月28日\n发布日期：2022-01-05", "发布日期", False, 2021),
]


@pytest.mark.parametrize(("name", "closing", "line", "kept", "year"), CLOSINGS, ids=[c[0] for c in CLOSINGS])
def test_closing_date_line(name: str, closing: str, line: str, kept: bool, year: int) -> None:
    text = "工作总结\n" + BODY + closing + "\n"
    assert (line in normalize(text).text) is kept
    raw = RawDoc(id="1" * 64, path="x.txt", text=text, encoding="utf-8")
    doc = Text.from_string(text)
    assert extract_meta(raw, doc, build_outline(doc.normalized)).year == year


# A page's date field above the text is chrome wherever a sentence follows it, whatever it holds.
HEADS = [
    ("时间: a date and a time", "时间:2022-03-16 08:41:27"),
    ("日期： a bare date above the body", "日期：2021年12月28日"),
    ("时间： with other fields", "时间：2021-06-02  作者：佚名  来源：某某网"),
]


@pytest.mark.parametrize(("name", "line"), HEADS, ids=[h[0] for h in HEADS])
def test_page_date_above_the_text_is_chrome(name: str, line: str) -> None:
    assert normalize(line + "\n2021年青桐社区工作总结\n" + BODY).text == "2021年青桐社区工作总结\n" + BODY
