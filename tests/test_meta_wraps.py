"""Metadata on the shapes meta15 measured with evaluation/perturb_bench.py: a title a PDF broke inside
a word, a year or after a period word; a title with a slogan subtitle broken after its comma; a
flattened page that opens with a site's editor's intro; a unit named only by the file name while the
text's most frequent name is a verb phrase. Invented text; the rule each case exercises is named in
its id (nlp/text/title.py, nlp/text/identity.py, nlp/text/boilerplate.py)."""

from __future__ import annotations

import pytest

from tests.test_meta_stress import BODY, SECTIONS, meta

PAGE = BODY + "\n" + SECTIONS

CASES = {
    "split_word_title: inside a word": (
        "x.txt", "青桐社区2021年上半\n年工作总结\n" + PAGE, {"title": "青桐社区2021年上半年工作总结", "period": "H1", "year": 2021},
    ),
    "split_word_title: inside the year": (
        "x.txt", "青桐社区党委关于2\n021年度工作报告\n" + PAGE, {"title": "青桐社区党委关于2021年度工作报告", "year": 2021},
    ),
    "split_word_title: after the year's digits": (
        "x.txt", "青桐社区2021\n年工作总结\n" + PAGE, {"title": "青桐社区2021年工作总结", "year": 2021},
    ),
    "split_word_title: after a period word": (
        "x.txt", "2021年上半年\n青桐社区民政工作总结\n" + PAGE, {"title": "2021年上半年青桐社区民政工作总结", "period": "H1"},
    ),
    "split_word_title: a letterhead above a title stays apart": (
        "x.txt", "青桐社区居民委员会\n2021年工作总结\n" + PAGE, {"title": "2021年工作总结"},
    ),
    "comma_wrapped_title: a slogan subtitle broken after its comma": (
        "x.txt", "青桐社区2021年工作回顾——凝心聚力谋发展,\n携手共建新家园\n" + PAGE,
        {"title": "青桐社区2021年工作回顾——凝心聚力谋发展,携手共建新家园", "community": "青桐社区"},
    ),
    "editor_intro_glued: the article's title after the editor's intro": (
        "x.txt",
        ("下面是小编为大家整理的社区工作总结，仅供参考，欢迎阅读。青桐社区2021年工作总结2021年，" + BODY + SECTIONS * 3).replace("\n", ""),
        {"title": "青桐社区2021年工作总结", "community": "青桐社区", "year": 2021, "period": "year"},
    ),
    "editor_intro_glued: two intros and an article number": (
        "x.txt",
        ("时光飞逝，以下是小编整理的村级工作计划，欢迎阅读。新的一年即将到来，接下来小编为您奉上村级工作计划!"
         "篇一：青桐社区2022年工作计划为了做好新一年的工作，" + BODY + SECTIONS * 3).replace("\n", ""),
        {"title": "青桐社区2022年工作计划", "year": 2022},
    ),
    "keep_alone: a short flattened page that opens with an editor's intro is the document": (
        "x.txt",
        "下面是小编整理的社区工作总结，欢迎阅读。青桐社区2021年工作总结2021年，青桐社区在街道党工委的领导下扎实推进各项工作。一、党建 全年发展党员2名。",
        {"title": "青桐社区2021年工作总结", "community": "青桐社区", "year": 2021, "period": "year"},
    ),
    "editor_intro_glued: a lead-in (导语) and a sentence holding an intro word": (
        "x.txt",
        "导语：岁末将至，又到了写总结的时候。下面是本站为大家整理的村委会年终工作总结，欢迎阅读。村委会年终工作总结2021年，在镇党委的领导下，我村各项工作稳步推进。",
        {"title": "村委会年终工作总结", "year": 2021, "period": "year"},
    ),
    "colon_announces: a wrapped body line with 情况 and a colon is no title": (
        "x.txt",
        "一年来，社区围绕年初目标扎实推进各项工作，以下是主要工\n作情况: 1、每天早上7:00至9:00,晚上18:00\n至20:00安排志愿者值守。\n" + PAGE,
        {"title": None},
    ),
    "street_pair_subject: a street and community pair starts the opening's clause": (
        "x.txt", "社区工作总结\n过去一年，城西街道桂花社区在街道党工委领导下扎实开展各项工作。\n" + SECTIONS,
        {"community": "桂花社区"},
    ),
    "street_pair_subject: a pair after a verb is an object": (
        "x.txt", "社区工作总结\n过去一年，我们协助城西街道桂花社区开展各项工作。\n" + SECTIONS, {"community": None},
    ),
    "path_before_frequency: the file names the unit, the text only a verb phrase": (
        "归档/湖光社区2022年工作总结.docx",
        "社区工作总结\n2022年，社区" + BODY + "\n一、宣传发动\n组织志愿者动员社区居民参与垃圾分类，发放宣传单800份。\n",
        {"community": "湖光社区"},
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_wrapped_and_flattened_shapes(name: str) -> None:
    path, text, want = CASES[name]
    got = meta(text, path)
    assert {field: getattr(got, field) for field in want} == want
