"""The population and households a document states of itself (implausible_magnitude compares
counts with them): 总人口3200人, 全村共有386户1260人, 社区居民2800户、8600人 — never a group named
with a population word (居民代表共210人) nor the households a project reaches (涉及…住户2670户)."""

from __future__ import annotations

from collections.abc import Sequence

from nlp.checks.contexts import Context
from nlp.checks.intervals import has_any, vocab

_COUNTABLE = frozenset({"persons", "households"})


def _states_total(c: Context, family: str, text: str = "") -> bool:
    """The figure states the document's population or households (总人口3200人, 共1100户居民,
    社区居民2800户: a population word with nothing but the document's own scope before it)."""
    words = vocab()["population"]
    markers = vocab()["markers"]
    stated = has_any(c.label, markers["existence"] + markers["total"])
    if _predicate_after(c, words):
        return False  # 我社区有6人入选: those who did something, not the people living here
    if stated and not _bare_scope(c.label):
        return True  # 全村共有300户, 本社区现有1200人: the place itself counted
    if not _names_population(c, words[family]) or has_any(c.label, words["excluded"]):
        return False
    if stated or has_any(c.label, words["strong"]):
        return True
    # 社区居民2800户, 辖区内住户2800户: nothing but the place and a population word, in a sentence
    # that reports no work before it (完成老旧小区改造14个，惠及…住户1930户 counts those affected)
    before = text[c.sent_start : c.fact.norm_start]
    return _bare_scope(c.label) in words[family] and not has_any(before, words["not_after"] + vocab()["markers"]["activity_verbs"])


def _predicate_after(c: Context, words: dict) -> bool:
    """A verb follows the count (rule ``count_then_predicate``): 本社区有6人获评, 全村有12户参加 count
    those who did something; a stated total is followed by a clause end, another figure or a
    population word (全村共有300户，…; 共1100户居民)."""
    after = c.after.lstrip(" \u3000")
    if not after or not "\u4e00" <= after[0] <= "\u9fff":
        return False
    return not after.startswith(tuple(words["persons"] + words["households"] + words["after_total"]))


def _names_population(c: Context, words: Sequence[str]) -> bool:
    """The figure's noun is a population word: its words end with one (现有居民, 户籍人口共), or
    none stand before it and one follows (共1100户居民) — not a group named with one (居民代表共210人)."""
    core = c.label.strip(" 、，,：:")
    markers = vocab()["markers"]
    for tail in sorted(markers["stock_tails"] + markers["total"] + ["有"], key=len, reverse=True):
        if core.endswith(tail) and len(core) > len(tail):
            core = core[: -len(tail)]
            break
    if "、" in core:
        return False  # a list of groups (负责人、楼栋长、居民代表共…), not the population
    if core.endswith(tuple(words)):
        return True
    return not has_any(core, words) and c.after[:3].startswith(tuple(words))


def _bare_scope(label: str) -> str:
    """What is left of a label without existence or total markers and the document's own scope
    words: empty for 全村共有 or 本社区现有."""
    markers = vocab()["markers"]
    text = label.strip(" 、，,：:")
    for word in sorted(markers["existence"] + markers["total"] + markers["own_scope"], key=len, reverse=True):
        text = text.replace(word, "")
    return text.strip(" 、，,：:本我全")


def _stated_totals(ctxs: Sequence[Context], text: str = "") -> dict[str, Context]:
    """The largest stated population and household totals of the document.

    A persons figure right after a stated household total (全村共有386户1260人) states the
    population too. Figures in a parenthesis about another period or area state nothing here.
    """
    best: dict[str, Context] = {}
    for i, c in enumerate(ctxs):
        family = c.family
        if family not in _COUNTABLE or c.fact.planned or c.fact.value is None or c.aside:
            continue
        prev = ctxs[i - 1] if i else None
        paired = (
            family == "persons"
            and prev is not None
            and (not c.label or c.label == prev.label)  # rule household_persons_pair gives it the label
            and prev.sentence == c.sentence
            and prev.family == "households"
            and _states_total(prev, "households", text)
        )
        if not paired and not _states_total(c, family, text):
            continue
        if family not in best or c.fact.value > (best[family].fact.value or 0):
            best[family] = c
    return best
