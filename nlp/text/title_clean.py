"""A title as written without what is not part of it (GUIDELINES: title): letter spacing
(政 府 工 作 报 告), a site's numbering (【第1篇】, 篇3, （通用8篇）), a site's name, a file name's
suffix (.docx, _1), a line break inside a title."""

from __future__ import annotations

import re
from functools import cache

from nlp.resources import load_toml

_SPACES = " \t\r\u3000\xa0"

# Rule letter_spaced_title: every character of a title spaced apart, a year as one group or
# digit by digit (槐 荫 里 社 区 2 0 1 6 年 …), at least three single characters.
_LETTER_SPACED = re.compile(
    r"^(?=(?:.*?(?:^|[ \t\u3000?？])[\u4e00-\u9fff](?=[ \t\u3000?？]|$)){3})"
    r"(?:(?:[\u4e00-\u9fff]|[0-9０-９]{1,4})[ \t\u3000?？]+){2,}(?:[\u4e00-\u9fff]|[0-9０-９]{1,4})$"
)


def unspaced(line: str) -> str:
    """A letter-spaced line read without its spacing (政 府 工 作 报 告 → 政府工作报告).

    >>> unspaced("政 府 工 作 报 告"), unspaced("东湖社区 工作总结")
    ('政府工作报告', '东湖社区 工作总结')
    >>> unspaced("东 湖 社 区 2022 年 工 作 总 结"), unspaced("东 湖 社 区 2 0 2 2 年 总 结")
    ('东湖社区2022年工作总结', '东湖社区2022年总结')
    >>> unspaced("2022 2023"), unspaced("第 1 2 篇")
    ('2022 2023', '第 1 2 篇')
    """
    if _LETTER_SPACED.match(line):
        return re.sub(r"[ \t\u3000?？]+", "", line)
    return line


_NUMERAL = r"[\d一二三四五六七八九十]"
# A site's numbering, a site's name and a file name's suffix are not part of a title (GUIDELINES: 篇1,
# (9), (通用16篇), .docx, 【第1篇】, - 豆丁网); pinyin junk stays, as written.
_SITE_PREFIX = re.compile(
    rf"^[【\[]?\s*(?:第\s*{_NUMERAL}+\s*篇|(?:范文|篇)\s*{_NUMERAL}{{1,3}}(?=\s*[】\]:：、]))\s*[】\]:：、]?\s*"
)
_SITE_SUFFIX = re.compile(
    r"(?:\.(?:docx?|wps|pdf|txt|html?)"
    rf"|_\d{{1,3}}|(?<=[\u4e00-\u9fff])-\d{{1,2}}"
    rf"|\s*篇\s*{_NUMERAL}{{1,3}}"
    rf"|\s*[（(](?:通用|精选|精編|精编)?\s*\d{{1,3}}\s*篇?[)）]"
    r"|\s*[（(][一二三四五六七八九十]{1,2}[)）]"
    r"|(?<=[\u4e00-\u9fff)）])\d{1,2}"
    r"|\s*[-_|｜—]+\s*[\u4e00-\u9fffA-Za-z0-9]{1,10}(?:网|網|文库|文庫|文档|文檔|范文|資料|资料)"  # - 某某文库: the site's name
    r")$",
    re.IGNORECASE,
)
# A collection's article index written as a bare Chinese numeral after the document-type word
# (社区工作总结一, 工作總結(jié)二): a site's numbering like 篇1, kept apart because the pinyin a site adds
# after a traditional character may stand between them.
_ARTICLE_INDEX = re.compile(
    r"((?:总结|總結|计划|計劃|报告|報告|汇报|匯報|规划|規劃)(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\))?)"
    r"[一二三四五六七八九十]{1,2}$"
)


# Rule site_tag: a sharing site's tag in 【】 before or after a title (【精选】, 【推荐】, 【最新】), or in
# （） after it (（完整版）, (可编辑), （word版）), is chrome, not part of it, and does not make the title
# line chrome either.
@cache
def _site_tag() -> re.Pattern[str]:
    words = "|".join(map(re.escape, load_toml("meta.toml")["title"]["site_tags"]))  # word = example
    return re.compile(rf"【(?:{words})[^】]{{0,4}}】|\s*[（(](?:{words})[^）)]{{0,4}}[）)]\s*$")


def without_site_tags(line: str) -> str:
    """A title line without a sharing site's tags.

    >>> without_site_tags("【精选】2021年东湖社区工作总结"), without_site_tags("东湖社区工作总结【推荐】")
    ('2021年东湖社区工作总结', '东湖社区工作总结')
    >>> without_site_tags("【第1篇】东湖社区工作总结"), without_site_tags("【完整版】东湖社区工作总结")
    ('【第1篇】东湖社区工作总结', '东湖社区工作总结')
    >>> without_site_tags("东湖社区工作总结（word版）"), without_site_tags("东湖社区工作总结(可编辑)")
    ('东湖社区工作总结', '东湖社区工作总结')
    >>> without_site_tags("东湖社区工作总结（2021年）"), without_site_tags("（最新）东湖社区工作总结")
    ('东湖社区工作总结（2021年）', '（最新）东湖社区工作总结')
    """
    return _site_tag().sub("", line).strip(_SPACES)


# Rule enclosed_title: a title set wholly in 【…】, 《…》 or 〖…〗 (as a page or a typist marks it) is
# the words inside; brackets around a part of it (“三治融合”, 《条例》) stay.
_ENCLOSED = re.compile(r"^(?:【([^【】]+)】|《([^《》]+)》|〖([^〖〗]+)〗)$")


def unenclosed(title: str) -> str:
    m = _ENCLOSED.match(title)
    return next(g for g in m.groups() if g).strip(_SPACES) if m else title


# A scraper's field label before a title (GUIDELINES, metadata-only files: 标题： is not part of it).
_FIELD_LABEL = re.compile(r"^(?:标题|標題|题目|題目)\s*[:：]\s*")


def clean_title(title: str) -> str:
    r"""A title without a site's numbering or a file name's suffix.

    >>> clean_title("【第1篇】2023年社区工作总结.docx"), clean_title("社区工作总结_1")
    ('2023年社区工作总结', '社区工作总结')
    >>> clean_title("社区工作总结 篇1"), clean_title("社区上半年工作总结(10)"), clean_title("社区工作计划1")
    ('社区工作总结', '社区上半年工作总结', '社区工作计划')
    >>> clean_title("社區工作總結(jié)1"), clean_title("第1篇:社区垃圾分类总结"), clean_title("2021年社区工作总结")
    ('社區工作總結(jié)', '社区垃圾分类总结', '2021年社区工作总结')
    >>> clean_title("范文一：2023年社区工作总结"), clean_title("【范文2】社区工作计划"), clean_title("社区工作计划范文")
    ('2023年社区工作总结', '社区工作计划', '社区工作计划范文')
    >>> clean_title("范文一：【第1篇】2023年社区工作总结"), clean_title("篇3：社区工作总结"), clean_title("【篇2】社区工作计划")
    ('2023年社区工作总结', '社区工作总结', '社区工作计划')
    >>> clean_title("东湖社区2022年\n工作总结"), clean_title("范文一：标题：2023年社区工作总结")
    ('东湖社区2022年工作总结', '2023年社区工作总结')

    >>> clean_title("东湖社区工作总结-1"), clean_title("东湖社区工作总结（完整版）")
    ('东湖社区工作总结', '东湖社区工作总结')
    >>> clean_title("工 作 总 结"), clean_title("2021年东湖社区工作总结 - 豆丁网"), clean_title("东湖社区工作总结_某某文库")
    ('工作总结', '2021年东湖社区工作总结', '东湖社区工作总结')
    >>> clean_title("村委會工作總結(jié)一"), clean_title("社区工作计划二"), clean_title("社区第一网格工作总结")
    ('村委會工作總結(jié)', '社区工作计划', '社区第一网格工作总结')
    >>> clean_title("【东湖社区2021年工作总结】"), clean_title("《东湖社区2021年工作总结》"), clean_title("学习《条例》工作总结")
    ('东湖社区2021年工作总结', '东湖社区2021年工作总结', '学习《条例》工作总结')
    """
    title = re.sub(r"[ \t\u3000]*\r?\n[ \t\u3000]*", "", title)  # a title broken over two lines
    title = without_site_tags(title)
    while (bare := _SITE_PREFIX.sub("", title, count=1)) != title:  # 范文一：第1篇：… numbered twice
        title = _FIELD_LABEL.sub("", bare, count=1)  # 范文一：标题：…: a scraper's label after the numbering
    title = unspaced(unenclosed(title))
    while True:
        shorter = _ARTICLE_INDEX.sub(r"\1", _SITE_SUFFIX.sub("", title)).rstrip(_SPACES)
        if shorter == title:
            return title
        title = shorter
