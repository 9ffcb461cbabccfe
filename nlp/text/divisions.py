"""China's administrative divisions: district names and where a place name's own words start.

The names come from the national division table shipped by the ``cpca`` package (``adcodes.csv``:
province, city and county level, offline), not from a hand list. Streets, towns and villages are
below that table's level; it still marks where a street's name starts (上海市杨浦区|长白新村街道).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path


@cache
def _table() -> tuple[frozenset[str], tuple[str, ...]]:
    """Province, city and county names of the national division table (cpca's adcodes.csv), and
    the county-level names of three characters or more, longest first."""
    text = _adcodes_path().read_text(encoding="utf-8")
    rows = [line.split(",")[:2] for line in text.splitlines()[1:] if line.count(",") >= 1]
    names = {name for _, name in rows}
    # adcode PPCCDD…: a county-level division has a non-zero DD
    counties = sorted({name for code, name in rows if code[4:6] != "00" and len(name) >= 3}, key=len, reverse=True)
    return frozenset(names), tuple(counties)


def _adcodes_path() -> Path:
    """Where cpca's adcodes.csv lies, found without importing cpca: its ``__init__`` builds its own
    matcher through ``pkg_resources``, which setuptools 81 and later no longer ship (and a venv of
    Python 3.12 or later has no setuptools at all), while the table is all this package reads."""
    spec = find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the cpca package (its division table) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


@cache
def _divisions() -> tuple[frozenset[str], re.Pattern[str]]:
    """The division names, and a pattern finding the county-level ones."""
    names, counties = _table()
    return names, re.compile(trie_alternation(list(counties)))


def trie_alternation(words: list[str]) -> str:
    """A regex matching any of ``words``, the longest where several match at one place (as the
    alternation of the words longest first does), written as a trie: at each character the
    engine follows one branch instead of trying every word (about thirty times faster over
    three thousand county names).

    >>> trie_alternation(["杨浦区", "杨浦", "浦东新区"])
    '(?:杨浦(?:区|)|浦东新区)'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if "" in node and branches:
            branches.append("")  # ending here is the last choice: a longer word wins
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" if branches else ""

    return pattern(trie)


def find_district(*texts: str) -> str | None:
    """The first county-level division (区, 县, county-level 市, 旗) named in ``texts``, in order.

    >>> find_district("2021年天津市河西区人民政府友谊路街道办事处工作总结")
    '河西区'
    >>> find_district("社区工作总结", "全年开展活动20次") is None
    True
    """
    _, pattern = _divisions()
    for text in texts:
        m = pattern.search(text)
        if m:
            return m.group(0)
    return None


def strip_divisions(name: str) -> str:
    """A place name without the divisions written before it (杨浦区长白新村街道 → 长白新村街道).

    >>> strip_divisions("上海市杨浦区长白新村街道"), strip_divisions("东湖社区")
    ('长白新村街道', '东湖社区')
    """
    names, _ = _divisions()
    changed = True
    while changed:
        changed = False
        for cut in range(min(len(name) - 2, 8), 1, -1):
            if name[:cut] in names:
                name, changed = name[cut:], True
                break
    return name


# A masked division counts as one (XX街道|青桐): its name is masked, its level word is not.
_DIVISION_END = re.compile(r"^(?:.*?[\u4e00-\u9fffXx×*＊])?(?:街道|镇|乡|区|县|旗|市)(?=[\u4e00-\u9fff]{2,}$)")


def after_divisions(stem: str) -> str:
    """A name's own words, without a town, district or city written before it.

    >>> after_divisions("太和镇玄真"), after_divisions("城区"), after_divisions("玄真"), after_divisions("XX街道青桐")
    ('玄真', '城区', '玄真', '青桐')
    """
    m = _DIVISION_END.match(stem)
    return stem[m.end() :] if m else stem


_STREET = re.compile(r"([\u4e00-\u9fff]{2,6}?)(街道|镇|乡)")


@cache
def _division_pattern() -> re.Pattern[str]:
    names = sorted((n for n in _divisions()[0] if len(n) >= 2), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def street_after_divisions(title: str) -> str | None:
    """The street right after the last division named in a title (…杨浦区|长白新村街道)."""
    last = None
    for m in _division_pattern().finditer(title):
        last = m
    if last is None:
        return None
    m = _STREET.match(title, last.end())
    return m.group(1) + m.group(2) if m else None
