"""Figures that get no column before any rule reads their noun: a unit no rule counts a measure in,
a figure per period or head, of an earlier period, an outcome or a share, and a figure of a year
before the report's. nlp/figures/resolve.py asks these first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.figures.clause_rules import counts_visits, phrase_before
from nlp.figures.indicators import all_units
from nlp.figures.resolution_state import resolution_vocab
from nlp.figures.trail_rules import PERSON_UNITS
from nlp.resources import load_toml

# Units a rule gives a measure to whatever that measure's own units: households visited and hardship
# visits (``counts_visits``), people helped into work, the basic totals and the persons of households.
_RULED_UNITS = frozenset({*PERSON_UNITS, "名", "户", ""})  # "": a zero statement (刑事案件零发生)


def no_measure_fits(unit: str) -> bool:
    """Whether no rule of resolution (nlp/figures/resolve.py) can give a figure in ``unit`` a measure,
    so that it resolves to ``Resolution(None)`` at once: no indicator is counted in the unit and no
    rule that names one whatever its units reads it. Every other rule finds a measure among those
    counted in the figure's unit (the table's synonyms and verbs, those who took part) or one an
    earlier figure in the same unit resolved to (an elided part, the whole of a part), which by the same
    token is none.

    >>> no_measure_fits("年"), no_measure_fits("所"), no_measure_fits("名"), no_measure_fits("户次")
    (True, True, False, False)
    """
    return unit not in all_units() and unit not in _RULED_UNITS and not counts_visits(unit)


@cache
def _financing() -> tuple[frozenset[str], re.Pattern[str]]:
    data = load_toml("resolution.toml")["financing"]
    return frozenset(data["measures"]), re.compile("|".join(map(re.escape, data["words"])))


def financing(indicator_id: str, phrase: str) -> bool:
    """Rule ``financing``: a sum whose phrase names bonds, loans or a signed agreement is money raised
    or promised, no investment (``[financing]`` of resolution.toml).

    >>> financing("investment_yuan", "申报争取债券资金"), financing("investment_yuan", "协议资金")
    (True, True)
    >>> financing("investment_yuan", "争取上级资金"), financing("funds_disbursed_yuan", "发放创业担保贷款")
    (False, False)
    >>> financing("investment_yuan", "拟安排国债投资")
    False
    """
    measures, words = _financing()
    if indicator_id not in measures or phrase.endswith("投资"):  # 国债投资300亿元: what the bonds paid for is spent
        return False
    return words.search(phrase) is not None


@cache
def _others_revenue() -> tuple[frozenset[str], re.Pattern[str]]:
    data = load_toml("resolution.toml")["others_revenue"]
    return frozenset(data["measures"]), re.compile("|".join(map(re.escape, data["words"])))


def others_revenue(indicator_id: str, noun: str | None) -> bool:
    """Rule ``others_revenue``: an income whose noun names the government's revenue or a trade's takings
    (财政收入, 一般公共预算收入, 旅游收入, 营业收入) is not the income measure, which counts what the residents
    or the collective earn (``[others_revenue]`` of resolution.toml).

    >>> others_revenue("income_yuan", "地方财政收入"), others_revenue("income_yuan", "企业营业收入")
    (True, True)
    >>> others_revenue("income_yuan", "村集体经营性收入"), others_revenue("investment_yuan", "财政资金")
    (False, False)
    """
    measures, words = _others_revenue()
    return indicator_id in measures and noun is not None and words.search(noun) is not None


def not_a_total(clause: str, unit: str) -> bool:
    """A figure per period or head (每月…1次, 每人每天补贴40元, 每年召开…4次), of an earlier period
    (去年同期4宗), an outcome of the measure (破获…5起), or a group's share (其中女性占40%) has no
    column; nor has the value a change starts from (党员由163名增加到171名: ``is_start_value``, the
    gold's null). The earlier period that dates a change's start value is not the reached value's
    (rule ``reached_value``): 满意率由上年的88%提高到|95% is this period's.

    >>> not_a_total("居民代表大会每年", "次"), not_a_total("去年同期发案", "起"), not_a_total("满意率由上年的88%提高到", "%")
    (True, True, False)
    >>> not_a_total("补助标准由每人每月30元提高到", "元")
    True
    """
    voc = resolution_vocab()
    found = voc.not_totals.search(clause)
    if found is not None:
        start = reached_from(clause)
        if start < 0 or found.start() < start:
            return True
        earlier = _earlier_words()
        if any(m.group() not in earlier for m in voc.not_totals.finditer(clause, start)):
            return True  # 由每人每月30元提高到45元: still a figure per head and month
    return unit == "%" and clause.rstrip("了的达到为").endswith(voc.share)


def per_period_across_list(text: str, clause_start: int, norm_start: int, unit: str) -> bool:
    """Rule ``per_period_across_list``: the figure's clause opens after a 、 of a list and the phrase that
    list belongs to says how often or per whom (党员每月参与助残、敬老等活动2次; 每户发放大米2袋、食用油1桶;
    平均每年培训800人、转移就业300人): the figure is per period or head as ``not_a_total`` reads it in one
    clause, unless an item after the how-often word names its own period (每月走访2次、全年开展活动12场
    counts the year's 12). Only the per-period and per-head words of ``[not_totals]`` are read across
    the list (同比 or 去年 before it dates the first item alone).

    >>> t = "党员每月参与助残、敬老等活动2次"
    >>> per_period_across_list(t, t.index("敬"), t.index("2"), "次")
    True
    >>> t = "每月走访2次、全年开展活动12场"
    >>> per_period_across_list(t, t.index("全"), t.index("12"), "场")
    False
    >>> t = "平均每年培训农民800人、转移就业300人"
    >>> per_period_across_list(t, t.index("转"), t.index("300"), "人")
    True
    >>> t = "每年公开4次、意见处理率98%"
    >>> per_period_across_list(t, t.index("意"), t.index("98"), "%")
    False
    >>> t = "收入同比增长6%、完成投资3亿元"
    >>> per_period_across_list(t, t.index("完"), t.index("3亿"), "元")
    False
    """
    if clause_start <= 0 or text[clause_start - 1] != "、" or unit in ("%", "‰"):
        return False  # (a rate in the list is no count per period: 每年公开4次、处理率98%)
    phrase = phrase_before(text, norm_start)
    head = phrase[: len(phrase) - (norm_start - clause_start)]
    words = _list_words()
    found = [m for m in words.per_period.finditer(head)]
    if not found:
        return False
    rest = text[norm_start - len(phrase) + found[-1].end() : norm_start]  # the items after the word
    return not any(word in rest for word in words.own_period)


@dataclass(frozen=True)
class _ListWords:
    per_period: re.Pattern[str]
    own_period: tuple[str, ...]


@cache
def _list_words() -> _ListWords:
    data = load_toml("resolution.toml")["not_totals"]
    words = data["per_period"] + load_toml("resolution.toml")["purpose"]["per_words"]
    return _ListWords(
        per_period=re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))),
        own_period=tuple(data["own_period"]),
    )


@cache
def _earlier_words() -> frozenset[str]:
    return frozenset(load_toml("resolution.toml")["not_totals"]["earlier"])


@cache
def _reached_value() -> re.Pattern[str]:
    data = load_toml("planned.toml")["start_value"]
    starts = "|".join(map(re.escape, ("由", "从")))
    verbs = "|".join(sorted(map(re.escape, data["verbs"]), key=len, reverse=True))
    ends = "|".join(map(re.escape, data["ends"]))
    return re.compile(rf"(?:{starts})[^由从，,。；;]*?[0-9０-９一二三四五六七八九十百千万]+[^由从，,。；;]*?(?:{verbs})(?:{ends})\s*$")


def reached_from(clause: str) -> int:
    """Rule ``reached_value``: where the start of a change (由/从 … a figure … a verb of change and its
    到/至/为) begins when the clause ends with it — what it holds dates or qualifies the start value,
    not the value the change reaches right after it; -1 when the clause ends with no change.

    >>> reached_from("满意率由上年的88%提高到"), reached_from("志愿者由2021年的46名增加到"), reached_from("去年同期发案")
    (3, 3, -1)
    """
    if not clause.endswith(_CHANGE_ENDS):
        return -1  # (most clauses: no change verb and 到/至/为 right before the figure)
    found = _reached_value().search(clause)
    return found.start() if found is not None else -1


_CHANGE_ENDS = ("到", "至", "为", "到 ", "至 ")


_YEAR_OF_CLAUSE = re.compile(r"((?:19|20)[0-9]{2})年(?!以来|至今|起|来|开始|以后|之后|以前|之前|前)")


def earlier_year(clause: str, year: int | None) -> bool:
    """Rule ``earlier_year``: a figure whose own clause names a year before the one the report is
    about is that year's figure, of an earlier period (GUIDELINES: 去年同期4宗 has indicator null),
    as in 调解纠纷18起（2022年为12起） or 2022年社区低保户为29户 in a 2023 report; a year a count runs
    from (2019年以来) is no other period, nor a year that defines a class (1995年以前建成的12栋小区),
    nor the year of a change's start value (rule ``reached_value``: 党员由2021年的46名增加到|53名).

    >>> earlier_year("2022年为", 2023), earlier_year("2023年共有", 2023), earlier_year("2019年以来累计", 2023)
    (True, False, False)
    >>> earlier_year("2022年为", None), earlier_year("党员由2021年的46名增加到", 2023)
    (False, False)
    """
    if year is None or "年" not in clause:
        return False
    start = reached_from(clause)
    return any(int(m.group(1)) < year for m in _YEAR_OF_CLAUSE.finditer(clause, 0, start if start >= 0 else len(clause)))
