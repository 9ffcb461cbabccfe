"""Look-alike rules decided by the shape of the number and its unit (and at most the word after it),
not by the host sentence: named rules applied with those of nlp/figures/lookalike.py, before the
learned filter. Each is written so that it carries to documents nobody tuned on (tenth session:
measured on blind labels of the long reports and on traps planted into them, evaluation/README.md).

- ``er_ordinal``: 二 alone before a count word is an ordinal, a phase or a grade (二期工程, 二轮延包,
  二次创业, 二批); Chinese counts two things with 两 (两个, 两轮). Not for persons (母子二人) nor
  durations (二年来, a figure).
- ``article_after_de``: 一 right after 的 is the article of a description (最好的一次推介, 最满意的
  一项服务, 不平凡的一年), not a count; a duration marked as a span stays (过去的一年，: GUIDELINES).
- ``parallel_one``: 一 with a count word said again after another verb, the phrase ending there, is
  a working slogan (发现一处、整改一处; 成熟一个发展一个的原则; 干一件成一件), not a count.
- ``every_one``: 一 right after 每 means every single one (落实到每一户, 每一笔支出), not a count.
- ``project_phase``: a phase in Chinese numerals right after a project's name, the name or a list
  going on (污水厂三期工程, 风电一期等, T2线一期、二期, 光伏三期200万千瓦基地), or in brackets
  (扩建工程（一期）), names that phase; after a verb (举办三期培训班) or ending its clause
  (培训班三期，) it counts, and so does 两 (培训班两期).
- ``formal_digit_name``: one formal digit (大写: 陆, 伍, 拾 …) alone before a unit that is not money
  is a name or a word (陆家巷, 伍家岭, 队伍年龄): amounts in 大写 are written out (伍佰元, 叁万元).
- ``digits_word``: 位 followed by 数 counts the digits of a number (保持两位数增长), not persons.
- ``bound_then_count``: an amount bounded by 以上/以下 right before a count names the class the count
  sorts out (产值亿元以上3家、5000万元以上6家), as 50亿元以上项目 does before a noun.
- ``capacity_in_name``: a capacity in tonnes, cubic metres or kilowatts followed, with no break, by
  the rest of a project's name (鑫源2万吨饲料加工项目, 日处理800吨垃圾焚烧发电项目) is part of the
  name, not a figure of the report.
- ``programme_name``: a span of years or months followed, with no break, by the rest of a
  programme's name (三年攻坚行动, 两年增绿计划, 五年“倍增”计划) names the programme; a span that
  work took stays (三年建成, 用两年时间, 连续三年开展活动).
- ``bound_relative``: a bound (以上/以下) that a relative clause carries on to 的 before its noun
  defines the class of that noun (签约一年以上未开工的项目, 投资5000万元以上新开工的项目), as
  10万元以上的 does with 的 right after it (the grammar's ``threshold``).
- ``surroundings``: 四周 after a word of direction or a place is the word for surroundings (向四周
  扩张, 小区四周安装围栏), not four weeks (培训持续四周, 四周后复查: common Chinese usage).
- ``place_class``: persons or households bounded by 以上/以下 right before a word naming places or
  bodies (``class_heads`` of not_figures.toml) name a class of them (300户以上自然村, 100人以上企业),
  as 70岁以上老人 names a group; before the people themselves they stay figures (10名以上残疾人,
  1600户以上牧户).
- ``numbered_label`` (eleventh session): a count in Chinese numerals right before a numeral phrase
  (两个翻一番, 三个一百, 三个一批, 两个一百年) counts the items of a programme's label (GUIDELINES: a label
  naming how many items a programme has is no figure); 两个一站式服务点 (一 in a word) counts halls.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from nlp.figures.durations import is_marked_duration
from nlp.figures.lookalike_features import BOUNDS, FORMAL_DIGITS, WORD_REACH, _kind_of_unit, _unit_kind
from nlp.figures.neighbours import first_word, last_word
from nlp.records import Qualifier, Quantity
from nlp.resources import load_toml
from nlp.text.document import Text

__all__ = ["shape_rule", "shape_rule_plain"]

# Count words after which 二 is still a count of persons (夫妻二人, 母子二人).
ER_PERSONS = frozenset({"人", "名", "位", "口人"})
# Units of persons and households: bounded, before a place or a body, they name a class of it.
PEOPLE_UNITS = frozenset({"人", "名", "户", "戶", "口", "人次", "户次"})


@cache
def _class_heads() -> tuple[str, ...]:
    return tuple(load_toml("not_figures.toml")["class_heads"])


def is_er_ordinal(q: Quantity) -> bool:
    """``er_ordinal``.

    >>> doc = Text.from_string("完成二轮延包试点，选派二名干部，开展两轮排查。")
    >>> [is_er_ordinal(q) for q in doc.figures]
    [True, False, False]
    """
    return q.number_text == "二" and _unit_kind(q) == "count" and q.unit not in ER_PERSONS


def is_article_after_de(doc: Text, q: Quantity) -> bool:
    """``article_after_de``.

    >>> doc = Text.from_string("过去的一年，这是规模最大的一次招聘，全年招聘一次，共3场。")
    >>> [is_article_after_de(doc, q) for q in doc.figures]
    [False, True, False, False]
    """
    if q.number_text not in ("一", "壹") or _unit_kind(q) not in ("count", "duration"):
        return False
    at = doc.text.find(q.number_text, q.norm_start, q.norm_end)
    return at > 0 and doc.text[at - 1] == "的" and not is_marked_duration(doc.text, q)


def is_parallel_one(doc: Text, q: Quantity) -> bool:
    """``parallel_one``: the second 一 ends the phrase (活动室一间，配套一间储物室 counts two rooms).

    >>> doc = Text.from_string("坚持发现一处、整改一处，建成活动室一个，配套一个储物间，干一件成一件。")
    >>> [is_parallel_one(doc, q) for q in doc.figures]
    [True, True, False, False, True]
    """
    if q.number_text != "一" or q.qualifier is not Qualifier.EXACT or not q.unit_text:
        return False
    text, again = doc.text, "一" + q.unit_text
    at = text.find("一", q.norm_start, q.norm_end)
    ends = []  # where the second of a pair ends: this one's partner after it, or this one
    after = _partner_after(text[q.norm_end : q.norm_end + 6], again)
    if after is not None:
        ends.append(q.norm_end + after)
    if _partner_before(text[max(0, at - 6) : at], again):
        ends.append(q.norm_end)
    return any(text[end : end + 1] == "的" or not ("\u4e00" <= text[end : end + 1] <= "\u9fff") for end in ends)


# What may stand between the two halves of a slogan (发现一处、整改一处) before the second verb.
_PAIR_SEPARATORS = "、，,"


def _is_han(chars: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in chars)


def _partner_after(window: str, again: str) -> int | None:
    r"""Where ``re.match(r"[、，,]?[\u4e00-\u9fff]{1,3}?" + re.escape(again), window)`` ends, or None:
    the same test without compiling a pattern for each unit (a Han class costs a compile).

    >>> _partner_after("、整改一处，", "一处"), _partner_after("成一件", "一件"), _partner_after("一处", "一处")
    (5, 3, None)
    """
    skip = 1 if window[:1] and window[0] in _PAIR_SEPARATORS else 0  # (a separator is no Han character)
    for verb in range(1, 4):  # the shortest verb first, as the lazy repeat tries
        if len(window) < skip + verb or not _is_han(window[skip : skip + verb]):
            return None
        if window.startswith(again, skip + verb):
            return skip + verb + len(again)
    return None


def _partner_before(window: str, again: str) -> bool:
    r"""Whether ``re.search(re.escape(again) + r"[、，,]?[\u4e00-\u9fff]{1,3}$", window)`` finds one:
    ``again``, a separator or none, then one to three Han characters up to the end (or to a newline
    that ends the window, where ``$`` matches too).

    >>> _partner_before("一处、整改", "一处"), _partner_before("一件成", "一件"), _partner_before("一件", "一件")
    (True, True, False)
    """
    at = window.find(again)
    while at >= 0:
        rest = window[at + len(again) :]
        if rest[:1] and rest[0] in _PAIR_SEPARATORS:
            rest = rest[1:]
        for tail in (rest, rest[:-1] if rest.endswith("\n") else None):
            if tail is not None and 1 <= len(tail) <= 3 and _is_han(tail):
                return True
        at = window.find(again, at + 1)
    return False


def is_every_one(doc: Text, q: Quantity) -> bool:
    """``every_one``.

    >>> doc = Text.from_string("每一笔支出都经审核，每月公开一次。")
    >>> [is_every_one(doc, q) for q in doc.figures]
    [True, False]
    """
    if q.number_text != "一":
        return False
    at = doc.text.find("一", q.norm_start, q.norm_end)
    return at > 0 and doc.text[at - 1] == "每"


def is_project_phase(doc: Text, q: Quantity) -> bool:
    """``project_phase``.

    >>> doc = Text.from_string("推进污水处理厂三期建设，举办三期培训班，扩建工程（一期）完工，办培训班三期。")
    >>> [is_project_phase(doc, q) for q in doc.figures]
    [True, False, True, False]
    """
    if q.unit != "期" or not q.number_text or q.number_text[0].isdigit() or q.number_text[0] == "两":
        return False  # (两 only counts: 培训班两期)
    text = doc.text
    at = text.find(q.number_text, q.norm_start, q.norm_end)
    if at > 0 and text[at - 1] in "（(":
        return True
    following = text[q.norm_end : q.norm_end + 1]
    if not ("\u4e00" <= following <= "\u9fff" or following == "、" or following.isdigit()):
        return False  # the clause ends: 举办培训班三期，… counts sessions
    clause = doc.clause_at(q.norm_start)
    start = clause.norm_start if clause is not None else max(0, at - WORD_REACH)
    previous = last_word(doc, max(start, at - WORD_REACH), at) if at > start else None
    return previous is not None and previous[1].startswith("n") and "每" not in text[max(start, at - 3) : at]


def is_formal_digit_name(q: Quantity) -> bool:
    """``formal_digit_name``.

    >>> doc = Text.from_string("伍家岭片区新增充电桩12个，发放补贴伍佰元。")
    >>> [is_formal_digit_name(q) for q in doc.figures]
    [True, False, False]
    """
    return len(q.number_text) == 1 and q.number_text in FORMAL_DIGITS and _unit_kind(q) != "money"


def is_place_class(doc: Text, q: Quantity) -> bool:
    """``place_class``.

    >>> doc = Text.from_string("300户以上自然村全部通水，帮助10名以上残疾人就业。")
    >>> [is_place_class(doc, q) for q in doc.figures]
    [True, False]
    """
    text = doc.text
    if q.unit not in PEOPLE_UNITS or not text[q.norm_start : q.norm_end].endswith(BOUNDS):
        return False
    clause = doc.clause_at(q.norm_start)
    end = min(clause.norm_end if clause is not None else len(text), q.norm_end + WORD_REACH)
    following = first_word(doc, q.norm_end, end) if q.norm_end < end else None
    return following is not None and following[0].endswith(_class_heads())


def is_digits_word(doc: Text, q: Quantity) -> bool:
    """``digits_word``.

    >>> doc = Text.from_string("税收保持两位数增长，两位老人入住。")
    >>> [is_digits_word(doc, q) for q in doc.figures]
    [True, False]
    """
    return q.unit == "位" and doc.text.startswith("数", q.norm_end)


# A count right after a bounded amount: 3个, 十家 (the count words of ``COUNTED_ITEMS`` in lookalike.py).
_COUNT_AFTER = re.compile(r"[0-9一二两三四五六七八九十]+(?:个|家|所|座|处|条|项|户|名|人)")


def is_bound_then_count(doc: Text, q: Quantity) -> bool:
    """``bound_then_count``.

    >>> doc = Text.from_string("培育产值亿元以上企业3家、5000万元以上6家，增长10%以上。")
    >>> [is_bound_then_count(doc, q) for q in doc.figures]
    [False, True, False, False]
    """
    text = doc.text
    return text[q.norm_start : q.norm_end].endswith(BOUNDS) and _COUNT_AFTER.match(text, q.norm_end) is not None


CAPACITY_UNITS = frozenset({"千瓦", "kW", "万千瓦"})
# The rest of a project's name: Chinese characters only (no break, no number), up to its head word.
_NAME_REST = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:项目|生产线)")


def is_capacity_in_name(doc: Text, q: Quantity) -> bool:
    """``capacity_in_name``.

    >>> doc = Text.from_string("建成鑫源2万吨饲料加工项目，全年加工饲料1.8万吨。")
    >>> [is_capacity_in_name(doc, q) for q in doc.figures]
    [True, False]
    """
    if _unit_kind(q) not in ("weight", "volume") and q.unit_text not in CAPACITY_UNITS:
        return False
    return _NAME_REST.match(doc.text, q.norm_end) is not None


# The rest of a programme's name after its span: Chinese characters or quotation marks, up to its head.
_PROGRAMME_REST = re.compile(r"[“”\"\u4e00-\u9fff]{0,8}?(?:行动|计划|规划)")


def is_programme_name(doc: Text, q: Quantity) -> bool:
    """``programme_name``.

    >>> doc = Text.from_string("落实两年增绿计划，三年建成公园5个，连续两年完成计划。")
    >>> [is_programme_name(doc, q) for q in doc.figures]
    [True, False, False, False]
    """
    return (
        _unit_kind(q) == "duration"
        and _PROGRAMME_REST.match(doc.text, q.norm_end) is not None
        and not is_marked_duration(doc.text, q)  # 连续两年完成计划: a streak, whatever follows
    )


# A relative clause after a bound, up to its 的 and the noun it defines: Chinese characters only.
_RELATIVE_REST = re.compile(r"[\u4e00-\u9fff]{1,10}?的[\u4e00-\u9fff]")


def is_bound_relative(doc: Text, q: Quantity) -> bool:
    """``bound_relative``.

    >>> doc = Text.from_string("清理签约一年以上未开工的项目8个，新增投资1000万元以上。")
    >>> [is_bound_relative(doc, q) for q in doc.figures]
    [True, False, False]
    """
    text = doc.text
    return text[q.norm_start : q.norm_end].endswith(BOUNDS) and _RELATIVE_REST.match(text, q.norm_end) is not None


def is_surroundings(doc: Text, q: Quantity) -> bool:
    """``surroundings``.

    >>> doc = Text.from_string("城区向四周扩张，小区四周安装围栏，培训持续四周，体检四周后复查。")
    >>> [is_surroundings(doc, q) for q in doc.figures]
    [True, True, False, False]
    """
    if q.number_text != "四" or q.unit not in ("周", "週"):
        return False
    text = doc.text
    at = text.find("四", q.norm_start, q.norm_end)
    if text[q.norm_end : q.norm_end + 1] in ("后", "後", "内", "以", "来", "來", "时", "的"):
        return False  # a span of weeks: 四周后, 四周内, 四周以来, 四周时间, 四周的培训
    if at > 0 and text[at - 1] in "向往朝绕在":
        return True
    previous = last_word(doc, max(0, at - WORD_REACH), at) if at > 0 else None
    return previous is not None and previous[1].startswith("n")


# A numeral phrase right after a count: a doubling (翻一番), a hundred or a thousand (一百, 一千), a
# count of a set (十条, 一批) — the items of a programme's label, not a thing counted.
_LABEL_NUMERAL = re.compile(r"翻[一两二三四五六七八九十]+番|[一二三四五六七八九十]+[百千条批]")
_LABEL_COUNTS = frozenset({"个", "项", "张", "条", "件"})


def is_numbered_label(doc: Text, q: Quantity) -> bool:
    """``numbered_label``.

    >>> doc = Text.from_string("实现两个翻一番目标，落实三个一批，建成两个一站式服务点，培训三个批次。")
    >>> [is_numbered_label(doc, q) for q in doc.figures]
    [True, True, False, False]
    """
    if q.unit not in _LABEL_COUNTS or not q.number_text or q.number_text[0].isdigit():
        return False
    return _LABEL_NUMERAL.match(doc.text, q.norm_end) is not None


# The rules in the order they are asked, each with a condition on the number as written, the unit,
# the unit as written and whether a bound (以上/以下) ends the figure that holds wherever the rule
# rejects (most figures, 3个 or 120户, meet none of them).
_Gate = Callable[[str, str, str, bool], bool]
_RULES: tuple[tuple[str, Callable[[Text, Quantity], bool], _Gate], ...] = (
    ("digits_word", is_digits_word, lambda number, unit, written, bounded: unit == "位"),
    ("bound_then_count", is_bound_then_count, lambda number, unit, written, bounded: bounded),
    ("capacity_in_name", is_capacity_in_name,
     lambda number, unit, written, bounded: _kind_of_unit(written, unit) in ("weight", "volume") or written in CAPACITY_UNITS),
    ("programme_name", is_programme_name, lambda number, unit, written, bounded: _kind_of_unit(written, unit) == "duration"),
    ("bound_relative", is_bound_relative, lambda number, unit, written, bounded: bounded),
    ("surroundings", is_surroundings, lambda number, unit, written, bounded: number == "四" and unit in ("周", "週")),
    ("er_ordinal", lambda doc, q: is_er_ordinal(q), lambda number, unit, written, bounded: number == "二"),
    ("article_after_de", is_article_after_de, lambda number, unit, written, bounded: number in ("一", "壹")),
    ("parallel_one", is_parallel_one, lambda number, unit, written, bounded: number == "一"),
    ("every_one", is_every_one, lambda number, unit, written, bounded: number == "一"),
    ("project_phase", is_project_phase, lambda number, unit, written, bounded: unit == "期"),
    ("formal_digit_name", lambda doc, q: is_formal_digit_name(q),
     lambda number, unit, written, bounded: len(number) == 1 and number in FORMAL_DIGITS),
    ("place_class", is_place_class, lambda number, unit, written, bounded: unit in PEOPLE_UNITS and bounded),
    ("numbered_label", is_numbered_label, lambda number, unit, written, bounded: unit in _LABEL_COUNTS and bool(number) and not number.isdigit()),
)


@lru_cache(maxsize=4096)  # the same few hundred (number, unit) pairs recur: 3个, 一次, 120户
def _rules_for(number: str, unit: str, written: str, bounded: bool) -> tuple[tuple[str, Callable[[Text, Quantity], bool]], ...]:
    """The rules of ``_RULES`` whose condition a figure written so meets, in their order."""
    return tuple((name, test) for name, test, gate in _RULES if gate(number, unit, written, bounded))


def shape_rule(doc: Text, q: Quantity) -> str | None:
    """The named rule of this module that rejects ``q``, or None: the first of ``_RULES`` that
    does, asked only where its condition holds (``shape_rule_plain`` asks every rule)."""
    bounded = doc.text[q.norm_start : q.norm_end].endswith(BOUNDS)
    number = q.number_text if len(q.number_text) == 1 else ""  # (the conditions read one-character numbers only)
    for name, test in _rules_for(number, q.unit, q.unit_text, bounded):
        if test(doc, q):
            return name
    return None


def shape_rule_plain(doc: Text, q: Quantity) -> str | None:
    """``shape_rule`` by its definition: every rule asked in order (held equal to it by tests)."""
    return next((name for name, test, _ in _RULES if test(doc, q)), None)
