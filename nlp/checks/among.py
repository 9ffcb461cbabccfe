"""A numerator that names its base: 已婚育龄妇女中落实各类避孕节育措施905人 counts among the
已婚育龄妇女 stated earlier (已婚育龄妇女1046人), however far back (rule ``among_base``).

The words before 中 in the numerator's label are the base's noun; the base is the latest figure
before the numerator, in its unit of counting, whose words end with that noun and that is no
plan, change, aside nor part of another whole (其中流动人口已婚育龄妇女213人). 中 inside a word (中心, 中学, 中秋 …: partitions.toml [among] not_among) says
no "among".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from nlp.checks.contexts import Context
from nlp.checks.intervals import has_any, vocab
from nlp.checks.markers import _subset_label, is_change

# The noun before 中 is a group's name: at least two characters, at most this many.
MAX_NOUN = 8


@lru_cache(maxsize=4096)
def among_noun(label: str) -> str | None:
    """The group a figure counts among: 已婚育龄妇女中落实… → 已婚育龄妇女; None without one.

    >>> among_noun("已婚育龄妇女中落实各类避孕节育措施"), among_noun("其中女党员"), among_noun("社区日间照料中心接待")
    ('已婚育龄妇女', None, None)
    """
    words = vocab()["among"]
    text = label.strip(" 、，,：:").replace("其中", "")
    at = text.find("中")
    while at >= 0 and text.startswith(tuple(words["not_among"]), at):
        at = text.find("中", at + 1)
    if at < 0:
        return None
    noun = text[:at]
    for scope in sorted(vocab()["markers"]["own_scope"], key=len, reverse=True):
        noun = noun.removeprefix(scope)
    if not 2 <= len(noun) <= MAX_NOUN or has_any(noun, vocab()["markers"]["activity_verbs"]):
        return None
    return noun


def _index(ctxs: Sequence[Context]) -> dict[tuple[str, str], list[int]]:
    """Indices of the figures that may be a base, by (unit family, last two characters of their words)."""
    found: dict[tuple[str, str], list[int]] = {}
    for i, c in enumerate(ctxs):
        if c.aside or c.fact.planned or c.family == "%" or is_change(c.label) or _subset_label(c.label):
            continue
        core = c.label.strip(" 、，,：:")
        if len(core) >= 2:
            found.setdefault((c.family, core[-2:]), []).append(i)
    return found


# (contexts, their index) of the last document asked about, replaced as one tuple.
_last: tuple | None = None


def among_base(ctxs: Sequence[Context], numerator: Context) -> Context | None:
    """The base a numerator names before 中: the latest figure before it whose words end with that
    noun (an older one may be another year's), when it is not smaller than the numerator."""
    global _last
    noun = among_noun(numerator.label)
    if noun is None:
        return None
    kept = _last
    if kept is None or kept[0] is not ctxs:
        kept = (ctxs, _index(ctxs))
        _last = kept
    for i in reversed(kept[1].get((numerator.family, noun[-2:]), [])):
        c = ctxs[i]
        if c.fact.norm_start >= numerator.fact.norm_start or not c.label.strip(" 、，,：:").endswith(noun):
            continue
        return c if (c.fact.value or 0) >= (numerator.fact.value or 0) else None
    return None
