"""Every registered rule: a code in its hundred block, a What/Why/Example docstring, and fixtures
``tests/fixtures/checks/<name>_fires.txt`` that fires it and ``<name>_quiet.txt`` that does not.
A mechanism of a rule may add its own pair, ``<name>_fires_<case>.txt`` / ``<name>_quiet_<case>.txt``.

Corpus rules are run on the fixture together with ``<name>_other.txt``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from nlp.checks import RULES, check_document
from nlp.checks.corpus import check_corpus
from nlp.pipeline import parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
BLOCKS = {"1": "arithmetic", "2": "rates", "3": "consistency", "4": "surface", "5": "corpus"}
FAMILY_MODULE = {"arithmetic": ("arithmetic", "intervals"), "rates": ("rates",),
                 "consistency": ("consistency",), "surface": ("surface",), "corpus": ("corpus",)}
ALL = sorted(RULES.values(), key=lambda r: r.code)
SPEC_NAMES = {
    "sum_mismatch", "subset_exceeds_total", "rate_out_of_range", "rate_impossible", "rate_mismatch",
    "conflicting_values", "period_mismatch", "implausible_magnitude", "duplicated_unit", "masked_figure",
    "missing_figure", "unsupported_rate", "approximate_figure", "template_text",
}


@cache
def parsed(name: str):
    return parse_file(FIXTURES / name)


def flag_names(r, kind: str) -> set[str]:
    return names_in(r, f"{r.name}_{kind}.txt")


def names_in(r, file: str) -> set[str]:
    if r.scope == "corpus":
        docs = [parsed(file), parsed(f"{r.name}_other.txt")]
        return {f.name for f in check_corpus(docs, select=(r.code,)).get(docs[0].doc.id, ())}
    return {f.name for f in check_document(parsed(file), select=(r.code,))}


def _cases(kind: str) -> list[tuple]:
    return [
        (r, path.name)
        for r in ALL
        for path in sorted(FIXTURES.glob(f"{r.name}_{kind}_*.txt"))
    ]


def test_every_spec_flag_name_is_registered():
    assert SPEC_NAMES <= {r.name for r in ALL}


@pytest.mark.parametrize("r", ALL, ids=[r.code for r in ALL])
def test_code_is_in_its_family_block(r):
    assert re.fullmatch(r"ZJ[1-5]\d\d", r.code)
    family = BLOCKS[r.code[2]]
    assert r.check.__module__.rsplit(".", 1)[-1] in FAMILY_MODULE[family]
    assert (r.scope == "corpus") == (family == "corpus")


@pytest.mark.parametrize("r", ALL, ids=[r.code for r in ALL])
def test_docstring_has_what_why_example(r):
    for part in ("What:", "Why:", "Example:"):
        assert part in r.doc, f"{r.code} docstring lacks {part}"


@pytest.mark.parametrize("r", ALL, ids=[r.code for r in ALL])
def test_fires_fixture_fires(r):
    assert r.name in flag_names(r, "fires")


@pytest.mark.parametrize("r", ALL, ids=[r.code for r in ALL])
def test_quiet_fixture_is_quiet(r):
    assert r.name not in flag_names(r, "quiet")


@pytest.mark.parametrize("r,file", _cases("fires"), ids=[f for _, f in _cases("fires")])
def test_mechanism_fixture_fires(r, file):
    assert r.name in names_in(r, file)


@pytest.mark.parametrize("r,file", _cases("quiet"), ids=[f for _, f in _cases("quiet")])
def test_mechanism_fixture_is_quiet(r, file):
    assert r.name not in names_in(r, file)


def test_every_rule_with_a_mechanism_pair_keeps_both_sides():
    fires = {r.name for r, _ in _cases("fires")}
    quiet = {r.name for r, _ in _cases("quiet")}
    assert fires == quiet, f"mechanism fixtures without their other side: {fires ^ quiet}"
