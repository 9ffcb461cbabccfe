"""What a line at the top of a document is when it is not the title: a speech's dateline or a
subtitle (——2019年1月15日在…会议上), a salutation that opens the body (各位代表：), a page's
``label：value`` field (报告人：…). Read by nlp/text/title.py and nlp/text/meta.py."""

from __future__ import annotations

import re

from nlp.text.meta_lexicon import meta_vocab

# A speech's dateline after its title (——2014年2月10日在…会议上, ——在…大会上) is no part of it.
_DATELINE = re.compile(r"\s*(?:——|—|--)\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月|在[^—]*?(?:会议|大会|会)上).*$")
# What a subtitle line opens with: a dash as typists write it (——, —, --, a box-drawing ──, ―).
SUBTITLE_DASHES = ("——", "—", "--", "──", "―")


def dateline_start(line: str) -> int | None:
    """Where a speech's dateline starts on a title line, if it has one.

    >>> t = "临江市政府工作报告——2019年1月15日在临江市第九届人民代表大会第三次会议上"; t[: dateline_start(t)]
    '临江市政府工作报告'
    >>> dateline_start("红色引领——在社区治理中发挥党员作用工作总结") is None
    True
    """
    m = _DATELINE.search(line)
    return m.start() if m else None


def is_salutation(line: str) -> bool:
    """A short line addressing the audience (各位代表：, 同志们：): the body starts with it.

    >>> is_salutation("各位代表："), is_salutation("各位主任、委员："), is_salutation("当前位置：首页")
    (True, True, False)
    """
    voc = meta_vocab()
    if len(line) > 20 or line[-1] not in ":：":
        return False
    head = line[:-1]
    return head.startswith(voc.salutation_starts) or head.endswith(voc.salutation_ends)


def is_field(line: str) -> bool:
    """A ``label：value`` line of a page or a scraper (报告人：…, 发文单位：…), never a title.

    >>> is_field("报告人：临江市市长 王明远"), is_field("标题：2022年江西省政府工作报告")
    (True, False)
    """
    m = re.match(r"^\s*([\u4e00-\u9fff]{2,5})\s*[:：]", line)
    return bool(m) and m.group(1) in meta_vocab().field_labels
