"""The document checks do work in proportion to the figures they read.

Work is counted, not timed: the function calls cProfile sees while ``check_document`` runs (every
rule, helper and regular-expression call). Five times the figures may cost at most six times the
calls. The documents are dense runs of one pattern, built here without the figure stages: a
``Text`` of the repeated pattern and a ``Fact`` for each figure in it.
"""

from __future__ import annotations

import cProfile
import dataclasses
import pstats
import re

import pytest

from nlp.checks import check_document
from nlp.records import DocMeta, DocType, Fact, Parse, Qualifier
from nlp.text.document import Text

_FIGURE = re.compile(r"(\d+)(人次|人|名|户|支|%)")

# (name, the pattern repeated) — each a way a long table flattened to text lists its figures
PATTERNS = [
    ("repeated figures", "5人次户名场"),
    ("one part named over and over", "男5人，"),
    ("age bands", "60岁以上5人，"),
    ("list totals", "合计5人，"),
    ("subsets", "其中5人，"),
    ("rates", "满意率95%，"),
    ("standing figures", "现有党员5名，"),
    ("households then persons", "共有5户，男3人，"),
    ("figures in asides", "（上年5人，"),
    ("kinds after 其中", "其中舞蹈队5支、"),
    ("totals closing their parts", "男5人，女5人，共5人，"),
    ("changes before 其中", "比上年增加5人，其中5人，"),
    ("whole groups", "全体5名党员，"),
    ("rates alone after counts", "收回5户。回收率95%。"),
    ("stated totals as bases", "共登记选民5人，参加投票的选民5人，参选率95%，"),
    ("units written twice", "走访5户户，"),
    ("units written twice without clause ends", "5人人"),
    ("copies and money left out", "走访5户，发放资料份，慰问金 元，"),
]


def dense_parse(pattern: str, size: int) -> Parse:
    """A parse of ``pattern`` repeated to ``size`` UTF-8 bytes, one exact fact per figure."""
    text = pattern * (size // len(pattern.encode("utf-8")))
    doc = Text.from_string(text)
    facts = tuple(
        Fact(
            id=i,
            section=None,
            start=m.start(),
            end=m.end(),
            text=m.group(),
            number_text=m.group(1),
            value=float(m.group(1)),
            low=None,
            high=None,
            unit=m.group(2),
            qualifier=Qualifier.EXACT,
            subject=None,
            indicator=None,
            norm_start=m.start(),
            norm_end=m.end(),
        )
        for i, m in enumerate(_FIGURE.finditer(doc.text))
    )
    meta = DocMeta("0" * 64, None, "utf-8", None, None, None, None, None, DocType.SUMMARY, len(text))
    return Parse(doc=meta, original=text, facts=facts, text=doc)


def check_calls(parse: Parse) -> int:
    """The function calls ``check_document`` makes on ``parse``, once its vocabularies, patterns
    and caches are loaded (by a first run on the parse's first figures)."""
    check_document(dataclasses.replace(parse, facts=parse.facts[:50]))
    profile = cProfile.Profile()
    profile.runcall(check_document, parse)
    return pstats.Stats(profile).total_calls


@pytest.mark.parametrize("pattern", [p for _, p in PATTERNS], ids=[name for name, _ in PATTERNS])
def test_five_times_the_figures_cost_at_most_six_times_the_work(pattern: str) -> None:
    small, large = dense_parse(pattern, 8_000), dense_parse(pattern, 40_000)
    assert len(large.facts) >= 5 * len(small.facts) > 0
    assert check_calls(large) <= 6 * check_calls(small)


def test_a_megabyte_of_dense_figures_costs_five_times_a_fifth_of_it() -> None:
    small, large = dense_parse("5人次户名场", 200_000), dense_parse("5人次户名场", 1_000_000)
    assert len(large.facts) == 5 * len(small.facts)
    assert check_calls(large) <= 6 * check_calls(small)
