"""Metadata on the shapes real archives carry that the stress table (tests/test_meta_stress.py) does
not: a site's chrome around the title, titles in 【】/《》 or under a slogan, units named only as 我居/
本居委/我村委会 or by their committee, a street's report listing its communities, years written 二〇二一/
2021年度/21年, every period word, date lines in full-width digits or Chinese numerals, English
punctuation, and rule year_end_plan in both directions. Every document is invented in the genre's
style; the rule a case exercises is named in its id (documented where it lives: nlp/text/title.py,
title_clean.py, period.py, year.py, identity.py, place_names.py, meta.py, meta.toml)."""

from __future__ import annotations

import itertools

import pytest

from tests.test_meta_stress import BODY, PLAN, SECTIONS, meta, report

PAGE = "\n" + BODY + "\n" + SECTIONS


def plan(title: str, opening: str = "新的一年，社区将" + BODY, end: str = "") -> str:
    return (title + "\n" if title else "") + opening + "\n" + PLAN + ("\n" + end + "\n" if end else "")


# name: (path, text, {field: expected}); fields left out are not asserted
CASES: dict[str, tuple[str, str, dict[str, object]]] = {
    # ---- year_end_plan: a plan signed in November/December is for the next year …
    "year_end_plan: a generic plan signed in December": (
        "x.txt", plan("社区工作计划", end="青桐社区居委会\n2021年12月20日"), {"year": 2022, "period": "year", "community": "青桐社区"},
    ),
    "year_end_plan: signed in November": ("x.txt", plan("社区工作计划", end="青桐社区居委会\n2021年11月28日"), {"year": 2022}),
    "year_end_plan: the date in Chinese numerals": ("x.txt", plan("社区工作计划", end="青桐社区\n二〇二一年十二月"), {"year": 2022}),
    "year_end_plan: the date in full-width digits": ("x.txt", plan("社区工作计划", end="青桐社区\n２０２１年１２月２０日"), {"year": 2022}),
    "year_end_plan: a labelled date line": ("x.txt", plan("社区工作计划", end="青桐社区\n日期：2021年12月20日"), {"year": 2022}),
    "year_end_plan: a first quarter's plan starts with the next year": (
        "x.txt", plan("社区第一季度工作计划", end="青桐社区\n2021年12月20日"), {"year": 2022, "period": "Q1"},
    ),
    "year_end_plan: a first half's plan starts with the next year": (
        "x.txt", plan("社区上半年工作计划", end="青桐社区\n2021年12月20日"), {"year": 2022, "period": "H1"},
    ),
    "year_end_plan: an opening that looks back on the signing year": (
        "x.txt", plan("社区工作计划", "2021年即将过去，回顾一年来的工作，" + BODY, "青桐社区\n2021年12月20日"), {"year": 2022},
    ),
    "year_end_plan: 工作要点 is a plan": ("x.txt", plan("社区工作要点", end="青桐社区\n2021年12月20日"), {"year": 2022, "period": "year"}),
    # … and not otherwise
    "year_end_plan: a plan signed in October is for its year": ("x.txt", plan("社区工作计划", end="青桐社区\n2021年10月8日"), {"year": 2021}),
    "year_end_plan: a fourth quarter's plan keeps its year": (
        "x.txt", plan("社区第四季度工作计划", end="青桐社区\n2021年12月8日"), {"year": 2021, "period": "Q4"},
    ),
    "year_end_plan: a title's year wins over a December date": (
        "x.txt", plan("青桐社区2021年工作计划", end="青桐社区\n2021年12月20日"), {"year": 2021, "period": "year"},
    ),
    "year_end_plan: an opening naming the next year agrees": (
        "x.txt", plan("社区工作计划", "2022年，社区将" + BODY, "青桐社区\n2021年12月20日"), {"year": 2022},
    ),
    "year_end_plan: a summary with next year's plan is the summary's year": (
        "x.txt", report("社区工作总结及明年工作计划", "一年来，" + BODY, "青桐社区\n2021年12月20日"), {"year": 2021, "period": "year"},
    ),
    "year_end_plan: a summary signed in November": (
        "x.txt", report("社区工作总结", "一年来，" + BODY, "青桐社区\n2021年11月20日"), {"year": 2021},
    ),
    # ---- a site's chrome around the title
    "breadcrumb with one >": (
        "x.txt", "您现在的位置：首页>工作总结\n青桐社区2021年工作总结" + PAGE, {"title": "青桐社区2021年工作总结", "year": 2021},
    ),
    "breadcrumb with >>": ("x.txt", "您的位置: 首页 >> 范文 >> 工作总结\n青桐社区2021年工作总结" + PAGE, {"title": "青桐社区2021年工作总结"}),
    "发布时间/来源/浏览次数 under the title": (
        "x.txt", "青桐社区2021年度工作总结\n发布时间：2022-01-05 来源：青山街道 浏览次数：523" + PAGE,
        {"title": "青桐社区2021年度工作总结", "community": "青桐社区", "year": 2021, "period": "year"},
    ),
    "来源 | 作者 | 时间 under the title": (
        "x.txt", "青桐社区2021年工作总结\n来源：青山街道 | 作者：王某 | 时间：2021-12-30" + PAGE,
        {"title": "青桐社区2021年工作总结", "year": 2021},
    ),
    "a page's font and print links": (
        "x.txt", "青桐社区2021年工作总结\n【字体：大 中 小】【打印】【关闭】" + PAGE, {"title": "青桐社区2021年工作总结", "community": "青桐社区"},
    ),
    "a site's name on the line above": (
        "x.txt", "某某范文网\n青桐社区2021年工作总结\n2021-12-30 10:23  阅读 523" + PAGE, {"title": "青桐社区2021年工作总结"},
    ),
    "site_tag: a document site's edition label （word版）": (
        "x.txt", report("青桐社区2021年工作总结（word版）"), {"title": "青桐社区2021年工作总结", "community": "青桐社区"},
    ),
    "site_tag: (可编辑) after the title": ("x.txt", report("青桐社区2021年工作总结(可编辑)"), {"title": "青桐社区2021年工作总结"}),
    "site_tag: a bracketed year after the title stays": ("x.txt", report("青桐社区工作总结（2021年）"), {"title": "青桐社区工作总结（2021年）"}),
    "a file copy's number -1 after the title": ("x.txt", report("青桐社区2021年工作总结-1"), {"title": "青桐社区2021年工作总结"}),
    "a site's name after the title, a pipe between": ("x.txt", report("青桐社区2021年工作总结|某某网"), {"title": "青桐社区2021年工作总结"}),
    # ---- enclosed_title, subtitles
    "enclosed_title: 【】": ("x.txt", report("【青桐社区2021年工作总结】"), {"title": "青桐社区2021年工作总结", "community": "青桐社区"}),
    "enclosed_title: 《》 under a source line": (
        "x.txt", "来源：青山街道\n《青桐社区2021年度工作总结》" + PAGE, {"title": "青桐社区2021年度工作总结", "year": 2021},
    ),
    "enclosed_title: a site tag before 【title】": ("x.txt", report("【推荐】【青桐社区2021年工作总结】"), {"title": "青桐社区2021年工作总结"}),
    "enclosed_title: 《》 inside a title stays": ("x.txt", report("青桐社区学习《条例》工作总结"), {"title": "青桐社区学习《条例》工作总结"}),
    "subtitle: a single — names the unit": (
        "x.txt", report("党建引领聚合力\n—青桐社区2021年工作总结"), {"title": "党建引领聚合力", "community": "青桐社区", "year": 2021},
    ),
    "subtitle: a box-drawing ── names the unit": (
        "x.txt", report("党建引领 共治共享\n──青桐社区2021年工作总结"), {"title": "党建引领 共治共享", "community": "青桐社区"},
    ),
    "subtitle: the street before the community": (
        "x.txt", report("党建引领 共治共享\n——青山街道青桐社区2021年工作总结"), {"community": "青桐社区", "street": "青山街道"},
    ),
    "short_first_title: 工作总结 alone": (
        "x.txt", report("工作总结", end="青桐村村民委员会\n二〇二一年十二月二十八日"), {"title": "工作总结", "community": "青桐村", "year": 2021},
    ),
    "short_first_title: a site's column above a breadcrumb is no title": (
        "x.txt", "工作总结\n当前位置：首页 > 工作总结\n" + BODY + "\n" + SECTIONS, {"title": None},
    ),
    "short_first_title: the column, then the article's title": (
        "x.txt", "工作计划\n当前位置：首页 > 工作计划\n青桐社区党建工作汇报材料\n时间：2022-03-16 08:41:27" + PAGE,
        {"title": "青桐社区党建工作汇报材料", "community": "青桐社区"},
    ),
    "glued title: a short first line holding the title and a sentence": (
        "x.txt", "青桐社区2021年上半年工作总结今年以来，在街道党工委的正确领导下，社区扎实推进各项工作。\n" + SECTIONS,
        {"title": "青桐社区2021年上半年工作总结", "community": "青桐社区", "year": 2021, "period": "H1"},
    ),
    "glued title: a first sentence that names a summary is no title": (
        "x.txt", "现将2021年上半年工作总结如下。\n" + SECTIONS, {"title": None},
    ),
    "letterhead: a red header's 文件 line above the document number": (
        "x.txt", "青桐社区居民委员会文件\n青社〔2021〕12号\n关于2021年度工作情况的报告" + PAGE,
        {"title": "关于2021年度工作情况的报告", "community": "青桐社区", "year": 2021},
    ),
    "letterhead: a street office's red header": (
        "x.txt", "青山街道办事处文件\n青街〔2021〕5号\n关于2021年度工作情况的报告\n" + BODY + "青桐社区、银杏社区完成改造。\n" + SECTIONS,
        {"community": None, "street": "青山街道"},
    ),
    # ---- the unit named only by its short self-reference, or by its committee
    "self reference 我居 after the committee's name": (
        "x.txt", report("2021年工作总结", "紧紧围绕青桐社区居委会年初制定的目标任务，我居" + BODY), {"community": "青桐社区"},
    ),
    "self reference 本居委": (
        "x.txt", report("2021年工作总结", "紧紧围绕青桐社区居委会年初制定的目标任务，本居委" + BODY), {"community": "青桐社区"},
    ),
    "self reference 我村委会": (
        "x.txt", report("2021年工作总结", "在镇党委的领导下，按照青桐村村委会年初的部署，我村委会" + BODY), {"community": "青桐村"},
    ),
    "我居住 is no self reference": (
        "x.txt", report("2021年工作总结", "我居住的小区里，" + BODY), {"community": None},
    ),
    "a 居委会 signing keeps its name": (
        "x.txt", report("社区居委会工作总结", "一年来，我居" + BODY, "青桐居委会\n2021年12月28日"), {"community": "青桐居委会"},
    ),
    "社区居民委员会 in the title → 社区": ("x.txt", report("青桐社区居民委员会2021年工作总结"), {"community": "青桐社区"}),
    "村民委员会 in the title → 村": ("x.txt", report("青桐村村民委员会2021年工作总结"), {"community": "青桐村"}),
    "村委会 in the title → 村": ("x.txt", report("青桐村委会2021年工作总结"), {"community": "青桐村"}),
    "居委 short for 居委会 in the title": ("x.txt", report("青桐居委2021年工作总结"), {"community": "青桐居委会"}),
    "a 小区 is no reporting unit": ("x.txt", report("青桐小区2021年物业工作总结"), {"community": None}),
    "a masked year 20__年度 before the unit": (
        "x.txt", report("20__年度青桐社区工作总结"), {"community": "青桐社区", "year": None, "period": "year"},
    ),
    "name_after_divisions: a district and a street before the community": (
        "x.txt", report("某某区青山街道青桐社区2021年工作总结"), {"community": "青桐社区", "street": "青山街道"},
    ),
    "letterhead: the street before the committee": (
        "x.txt", "青山街道青桐社区居民委员会\n2021年工作总结" + PAGE, {"community": "青桐社区", "street": "青山街道"},
    ),
    "opening_street: the community placed in its street": (
        "x.txt", report("青桐社区2021年工作总结", "青桐社区隶属青山街道，" + BODY), {"community": "青桐社区", "street": "青山街道"},
    ),
    "office_holder: 我是…党委书记 in a 述职报告": (
        "x.txt", report("2021年度述职报告", "各位领导、同志们：\n我是青桐社区党委书记王某，" + BODY), {"community": "青桐社区", "year": 2021},
    ),
    "office_holder: 现任 before the village's post": (
        "x.txt", report("述职报告", "大家好！我叫王某，现任青桐村党支部书记。一年来，" + BODY, "述职人：王某\n2021年12月28日"),
        {"community": "青桐村", "year": 2021},
    ),
    # ---- clause_head_name: a name whose words the segmenter tags as verbs or adjectives
    "clause_head_name: 胜利社区 (胜利|v) leading the opening": (
        "x.txt", report("2021年工作总结", "一年来，胜利社区在街道党工委的领导下，扎实推进各项工作。"), {"community": "胜利社区"},
    ),
    "clause_head_name: 和平社区 (和 a break of a noun run)": (
        "x.txt", report("2021年工作总结", "一年来，和平社区在街道党工委的领导下，扎实推进各项工作。"), {"community": "和平社区"},
    ),
    "clause_head_name: 团结村 before 位于": (
        "x.txt", report("2021年工作总结", "团结村位于镇西部，全村共有农户420户。" + BODY), {"community": "团结村"},
    ),
    "clause_head_name: 部分社区 is no name": (
        "x.txt", report("2021年工作总结", "一年来，部分社区在街道的指导下开展了试点。" + BODY), {"community": None},
    ),
    "generic_name: 和谐社区 heading a title before its year": ("x.txt", report("和谐社区2021年工作总结"), {"community": "和谐社区"}),
    "generic_name: 幸福社区居民委员会 signing": (
        "x.txt", report("工作总结", "一年来，我们" + BODY, "幸福社区居民委员会\n2021年12月28日"), {"community": "幸福社区"},
    ),
    "generic_name: 和谐社区 as a theme is no name": ("x.txt", report("2021年和谐社区建设工作总结"), {"community": None}),
    # ---- signature_line: more closing shapes
    "signature_line: the date first, the unit after it on one line": (
        "x.txt", report("工作总结", "一年来，我们" + BODY, "2021年12月28日  青桐社区居委会"), {"community": "青桐社区", "year": 2021},
    ),
    "signature_line: the date above the unit": (
        "x.txt", report("工作总结", "一年来，我们" + BODY, "2021年12月28日\n青桐社区居委会"), {"community": "青桐社区", "year": 2021},
    ),
    "signature_line: （公章） after the committee": (
        "x.txt", report("工作总结", "一年来，我们" + BODY, "青桐社区居民委员会（公章）\n2021年12月28日"), {"community": "青桐社区"},
    ),
    "signature_line: 报送单位 and 报送日期 labels": (
        "x.txt", report("工作总结", "一年来，我们" + BODY, "报送单位：青桐社区居委会\n报送日期：2021年12月28日"),
        {"community": "青桐社区", "year": 2021},
    ),
    "signature_line: 落款单位 of a village, a Chinese-numeral date": (
        "x.txt", report("工作总结", "一年来，我们" + BODY, "落款单位：青桐村村民委员会\n落款日期：二〇二一年十二月二十八日"),
        {"community": "青桐村", "year": 2021},
    ),
    # ---- two units in the text: the reporting one
    "a street's report listing its communities in the opening": (
        "x.txt", report("青山街道2021年工作总结", "一年来，街道下辖青桐社区、银杏社区、枫林社区，" + BODY),
        {"community": None, "street": "青山街道", "year": 2021},
    ),
    "a street's report, 我街道 and its communities, a generic title": (
        "x.txt", report("2021年工作总结", "一年来，我街道下辖青桐社区、银杏社区等8个社区，" + BODY), {"community": None},
    ),
    "a street office's title, its communities in the body": (
        "x.txt", report("青山街道办事处2021年工作总结", BODY + "青桐社区、银杏社区完成改造，青桐社区获评先进。"),
        {"community": None, "street": "青山街道"},
    ),
    # ---- years
    "二〇二一年 opening the body": ("x.txt", report("工作总结", "二〇二一年，青桐社区" + BODY), {"year": 2021, "period": "year"}),
    "2021年度 opening the body": ("x.txt", report("工作总结", "2021年度，青桐社区" + BODY), {"year": 2021, "period": "year"}),
    "title_short_year: 21年": ("x.txt", report("青桐社区21年工作总结"), {"year": 2021, "period": "year"}),
    "title_short_year: 22年度上半年": ("x.txt", report("青桐社区22年度上半年工作总结"), {"year": 2022, "period": "H1"}),
    "title_short_year: a duration is no year": ("x.txt", report("坚持21年义务巡逻的事迹材料", end="青桐社区\n2021年12月"), {"year": 2021}),
    "title_short_year: in the file name": ("青桐社区21年工作总结.docx", report("工作总结"), {"year": 2021}),
    "date_under_title: a January date under the title": (
        "x.txt", "青桐社区工作总结\n2022年1月6日" + PAGE, {"year": 2021, "period": "year", "community": "青桐社区"},
    ),
    "a traditional title with 年度": ("x.txt", report("青桐社區2021年度工作總結"), {"community": "青桐社区", "year": 2021, "period": "year"}),
    # ---- periods
    "年中总结 → H1": ("x.txt", report("青桐社区2021年年中总结"), {"period": "H1"}),
    "年中小结 → H1": ("x.txt", report("青桐社区2021年年中小结"), {"period": "H1"}),
    "中秋 is no 年中": ("x.txt", report("青桐社区2021年中秋节活动总结"), {"period": "year"}),
    "年终总结 → year": ("x.txt", report("青桐社区2021年年终总结"), {"period": "year", "year": 2021}),
    "第1季度 in digits → Q1": ("x.txt", report("青桐社区2021年第1季度工作总结"), {"period": "Q1"}),
    "1～3月 → Q1": ("x.txt", report("青桐社区2021年1～3月工作总结"), {"period": "Q1"}),
    "一至六月份 with a Chinese year → H1": ("x.txt", report("青桐社区二〇二一年一至六月份工作总结"), {"year": 2021, "period": "H1"}),
    "(上半年) after the title": ("x.txt", report("青桐社区2021年工作总结(上半年)"), {"period": "H1"}),
    "（1-6月） after the title": ("x.txt", report("青桐社区2021年工作总结（1-6月）"), {"period": "H1"}),
    "二季度 report": ("x.txt", report("青桐社区2021年二季度工作报告"), {"period": "Q2", "year": 2021}),
    "a fourth quarter's summary signed in January": (
        "x.txt", report("青桐社区第四季度工作总结", end="青桐社区\n2022年1月5日"), {"period": "Q4", "year": 2021},
    ),
    "summary_part_period: a quarter's summary with the next quarter's plan": (
        "x.txt", report("青桐社区2021年第四季度工作总结暨2022年第一季度工作计划"), {"period": "Q4", "year": 2021},
    ),
    "summary_part_period: a second half's summary with the next first half's plan": (
        "x.txt", report("青桐社区2021年下半年工作总结及2022年上半年工作计划"), {"period": "H2", "year": 2021},
    ),
    "summary_part_period: a year's summary with a first half's plan": (
        "x.txt", report("青桐社区2021年工作总结及2022年上半年工作计划"), {"period": "year", "year": 2021},
    ),
    "新的一年 opens a year's plan": ("x.txt", plan("社区工作计划"), {"period": "year"}),
    # ---- glued_title_end: a flattened page, the title glued to what follows it
    "glued_title_end: the title glued to its first heading": (
        "x.txt", "2022年青桐社区基本情况简介一、基本情况青桐社区地处城西，辖区共有居民1200户。二、工作开展情况社区全年开展活动20余次。",
        {"title": "2022年青桐社区基本情况简介", "community": "青桐社区", "year": 2022},
    ),
    "glued_title_end: a page's posting line glued after the title": (
        "x.txt", "青桐社区上半年工作总结时间:2024-03-01 作者:佚名2023年上半年，青桐社区在街道党工委的领导下，扎实推进各项工作，居民满意度不断提升。一、党建工作",
        {"title": "青桐社区上半年工作总结", "community": "青桐社区", "year": 2023, "period": "H1"},
    ),
    "glued_title_end: a title repeated, then a collection's count": (
        "x.txt", "青桐社区2021年工作计划范文青桐社区2021年工作计划范文(精选6篇)新的一年，青桐社区将围绕居民需求，扎实推进各项工作，不断提升服务水平。",
        {"title": "青桐社区2021年工作计划范文", "year": 2021, "period": "year"},
    ),
    "glued_title_end: a title in two parts joined by 和": (
        "x.txt", "2023年青桐社区工作总结和2024年工作计划2023年，青桐社区在街道党工委的领导下，扎实推进各项工作，取得了较好成效。",
        {"title": "2023年青桐社区工作总结和2024年工作计划", "year": 2023},
    ),
    "glued_title_end: a traditional title keeps its pinyin reading": (
        "x.txt", "青桐社區(qū)2021年工作總結(jié)2021年，青桐社區(qū)在街道黨工委的領導下，扎實推進各項工作，取得了較好成效，居民滿意度不斷提升。",
        {"title": "青桐社區(qū)2021年工作總結(jié)", "community": "青桐社区", "year": 2021},
    ),
    # ---- collection_page_title: a page's title with its collection's count above the article's own
    "collection_page_title: the article's title below the page's": (
        "x.txt", "青桐社区垃圾分类工作总结(精选6篇)\n以下是本站整理的几篇文章，供大家参考。\n青桐社区垃圾分类工作总结\n今年以来，青桐社区开展了垃圾分类宣传，居民参与率不断提高，分类效果明显。\n" + SECTIONS,
        {"title": "青桐社区垃圾分类工作总结", "community": "青桐社区"},
    ),
    # ---- wrapped_continuation, later_title_whole: a PDF's wrapped lines are no title
    "wrapped_continuation: a wrapped paragraph's lines naming 总结 and 情况": (
        "x.txt",
        "青桐社区2022年工作总结\n一年来，青桐社区在街道党工委的领导下，围绕居民\n需求扎实推进各项工作，取得了一定成效。现将全年工\n作情况总结如下：\n" + SECTIONS,
        {"title": "青桐社区2022年工作总结", "year": 2022, "period": "year"},
    ),
    "later_title_whole: below a whole title, a line with a plan word inside is body": (
        "x.txt",
        "青桐社区2022年上半年工作总结\n今年以来，社区按照“一居一品”的发展思路\n坚持以居民需求为导向开展服务。\n" + SECTIONS,
        {"title": "青桐社区2022年上半年工作总结", "period": "H1"},
    ),
    "later_title_whole: a title with its subtitle after a dash": (
        "x.txt",
        "东城街道2020年各居委工作回顾——携手共建美好家园\n2020年，街道各居委会认真落实上级部署，扎实推进社区治理，服务居民群众。\n" + SECTIONS,
        {"title": "东城街道2020年各居委工作回顾——携手共建美好家园", "community": None, "year": 2020},
    ),
    # ---- place.generic 基础: a heading glued to its paragraph makes no name
    "a heading glued to its paragraph: 基础 + 社区 is no name": (
        "x.txt",
        "2022年工作总结\n一、加强组织建设，筑牢工作基础社区现有党员56名，全年开展主题党日12次，党员参与率不断提高。\n二、做好民生服务社区全年走访困难家庭40户，发放慰问金2万元。\n",
        {"community": None, "year": 2022},
    ),
    # ---- English punctuation
    "English commas and full stop in the opening": (
        "x.txt", report("2021年工作总结", "2021年,青桐社区在街道党工委的正确领导下,扎实推进各项工作."),
        {"community": "青桐社区", "year": 2021, "period": "year"},
    ),
    "an English colon after the unit": ("x.txt", report("青桐社区:2021年工作总结"), {"community": "青桐社区", "year": 2021}),
    "spaces around the year": ("x.txt", report("青桐社区 2021 年度工作总结"), {"community": "青桐社区", "year": 2021, "period": "year"}),
}


@pytest.mark.parametrize(("path", "text", "expected"), list(CASES.values()), ids=list(CASES))
def test_metadata_shape(path, text, expected):
    doc = meta(text, path)
    assert {field: getattr(doc, field) for field in expected} == expected


# The same fields read through every combination of a title shape, an opening and a closing: the rules
# must not depend on one another's shape. (title, its year, whether it names the unit)
UNITS = [("青桐社区", "青桐社区居民委员会"), ("团结村", "团结村村民委员会"), ("幽静社区", "幽静社区居委会"), ("金桂苑社区", "金桂苑社区居委会")]
TITLES = [
    ("{n}2021年工作总结", 2021, True),
    ("2021年{n}工作总结", 2021, True),
    ("【{n}2021年上半年工作总结】", 2021, True),
    ("{n}21年工作总结", 2021, True),
    ("工作总结", None, False),
    ("2021年度工作总结", 2021, False),
]
OPENINGS = ["一年来，" + BODY, "今年以来，{n}" + BODY, "2021年，{n}在街道党工委的领导下，扎实推进各项工作。"]
CLOSINGS = [
    "",
    "{s}\n2021年12月28日",
    "{s}\n日期：2021年12月28日",
    "{s}\n二〇二一年十二月二十八日",
    "2021年12月28日  {s}",
    "{s}（公章）\n２０２１年１２月２８日",
]


@pytest.mark.parametrize("unit", UNITS, ids=[u[0] for u in UNITS])
def test_metadata_combinations(unit: tuple[str, str]) -> None:
    name, signer = unit
    wrong = []
    for (title, title_year, names_unit), opening, closing in itertools.product(TITLES, OPENINGS, CLOSINGS):
        text = title.format(n=name) + "\n" + opening.format(n=name) + "\n" + SECTIONS
        text += "\n" + closing.format(s=signer) + "\n" if closing else ""
        expected = (
            name if names_unit or "{n}" in opening or closing else None,
            title_year or (2021 if closing or opening.startswith("2021") else None),
        )
        doc = meta(text)
        if (doc.community, doc.year) != expected:
            wrong.append((title.format(n=name), opening[:10], closing.format(s=signer), (doc.community, doc.year), expected))
    assert wrong == []


# Every period word in every place a title puts it, with the year written three ways. ``度`` makes
# 2021年度; 年中 is a period only before 工作/总结 (年中工作总结), so it is left to the cases above.
PERIOD_WORDS = [
    ("上半年", "H1"), ("1-6月", "H1"), ("1—6月份", "H1"), ("半年", "H1"), ("下半年", "H2"), ("第一季度", "Q1"),
    ("一季度", "Q1"), ("第2季度", "Q2"), ("三季度", "Q3"), ("第四季度", "Q4"), ("10-12月", "Q4"), ("前三季度", None),
    ("1-9月", None), ("全年", "year"), ("度", "year"), ("年终", "year"), ("", "year"),
]
PERIOD_TITLES = [
    "青桐社区2021年{p}工作总结", "2021年{p}青桐社区工作总结", "青桐社区二〇二一年{p}工作总结", "青桐社区2021年{p}工作汇报",
    "【青桐社区2021年{p}工作总结】", "青桐社区21年{p}工作总结", "青桐社区2021年{p}工作总结暨下步工作打算",
]


@pytest.mark.parametrize(("word", "period"), PERIOD_WORDS, ids=[w or "(none)" for w, _ in PERIOD_WORDS])
def test_period_in_every_title_shape(word: str, period: str | None) -> None:
    got = {t.format(p=word): meta(t.format(p=word) + "\n" + BODY + "\n" + SECTIONS) for t in PERIOD_TITLES}
    assert {t: (d.period, d.year, d.community) for t, d in got.items()} == dict.fromkeys(got, (period, 2021, "青桐社区"))
