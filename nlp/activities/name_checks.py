"""Whether a whole name names an activity: its head (活动, 会, 培训 …), a slogan or an aim rather
than an act, a list tail to read it without, a figure that counts it.

The tests of a whole name are cached by name: the rules ask them of the same names again and
again (an object, then its items, then the list tail), and the cache is the function itself, so a
repeated name costs no Python call. Words come from nlp/resources/activities.toml through
``nlp.activities.vocab``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from nlp.activities.char_tables import ending_test
from nlp.activities.vocab import holds_head, vocab
from nlp.activities.word_additions import added_to
from nlp.activities.word_scan import containing_test
from nlp.activities.word_trie import trie_pattern


def strip_tail(item: str) -> str:
    """The item before the first list tail (等, 等活动 …) found at its third character or later,
    trying the tails in the vocabulary's order.

    >>> strip_tail("篮球赛等活动"), strip_tail("象棋赛")
    ('篮球赛', '象棋赛')
    """
    if _tails().search(item, 2) is None:  # no tail at the third character or later: nothing to strip
        return item
    for tail in vocab().list_tails:
        i = item.find(tail)
        if i >= 2:
            return item[:i]
    return item


@cache
def _tails() -> re.Pattern[str]:
    return re.compile(trie_pattern(vocab().list_tails))


@lru_cache(maxsize=8192)  # (cached by name, as the tests of a whole name below)
def ends_with_activity_head(name: str) -> bool:
    """``name.endswith(vocab().heads)``, trying only the heads ending with its last character.

    >>> ends_with_activity_head("消防知识讲座"), ends_with_activity_head("居民")
    (True, False)
    """
    return _head_end_test()(name)


@cache
def _head_end_test() -> Callable[[str], bool]:
    return ending_test(vocab().heads)


@lru_cache(maxsize=8192)
def has_head(name: str) -> bool:
    """Whether an activity head (活动, 会, 培训 …) occurs in ``name``.

    >>> has_head("消防知识讲座"), has_head("辖区居民")
    (True, False)
    """
    return holds_head()(name)


@lru_cache(maxsize=8192)
def is_slogan(name: str, content: bool = False) -> bool:
    """True for abstract aims that name no activity.

    A name that starts with its content verb may end with a content head (学习…精神, 排查…情况),
    even one that is a document or business word elsewhere (核查…信息, 走访…企业).

    >>> is_slogan("和谐社区建设")
    True
    >>> is_slogan("居民的安全意识")
    True
    >>> is_slogan("主题党日活动")
    False
    >>> is_slogan("安全生产目标责任书"), is_slogan("《网格化管理实施方案》"), is_slogan("志愿者队伍建设")
    (True, True, True)
    >>> is_slogan("学习十九大报告精神", content=True), is_slogan("学习十九大报告精神")
    (False, True)
    >>> is_slogan("走访辖区企业", content=True), is_slogan("核查流动人口信息", content=True)
    (False, False)
    """
    v = vocab()
    core = strip_tail(name).rstrip('”"’')
    ends_with_slogan_head, ends_with_document, holds_slogan = _slogan_tests()
    return (
        holds_slogan(core)
        or (ends_with_slogan_head(core) and not (content and core.endswith(v.content_heads) and "》" not in core))
        or (
            ends_with_document(core.rstrip("》>"))
            and not (content and (core.startswith(v.errands) or core.endswith(v.content_heads)))
        )
    )


@cache
def _slogan_tests() -> tuple[Callable[[str], bool], Callable[[str], bool], Callable[..., bool]]:
    """Whether a name ends with a slogan head, with a document word, and holds a slogan phrase
    (``slogan_re``, see ``containing_test``) (tables made once)."""
    v = vocab()
    return ending_test(v.slogan_heads), ending_test(v.documents), containing_test(v.slogan_contains)


def ends_with_head(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with an activity head or kind keyword (before one final
    line break, as a pattern anchored with ``$`` would read it).

    >>> ends_with_head("居民的防火宣传", 3, 7), ends_with_head("居民的防火", 3, 5)
    (True, False)
    """
    heads = vocab().head_ends
    if text.endswith(heads, start, end):
        return True
    return end > start and text[end - 1] == "\n" and text.endswith(heads, start, end - 1)


@lru_cache(maxsize=4096)
def is_aim(name: str) -> bool:
    """True when the object of an aim verb (推进, 加强 …) is an aim rather than a project.

    >>> is_aim("和谐社区建设"), is_aim("社区党组织建设"), is_aim("基础设施建设")
    (True, True, False)
    >>> is_aim("残疾人就业工作"), is_aim("第六次人口普查工作")
    (True, False)
    """
    v = vocab()
    core = strip_tail(name)
    if core.endswith("工作") and ends_with_head(stem := core[:-2].rstrip("的"), 0, len(stem)):
        # 人口普查工作, 帮教工作: an act's work
        return False
    return core.endswith(v.aim_heads) and not _holds_concrete()(core)  # (no ``concrete_re`` word)


@cache
def _holds_concrete() -> Callable[..., bool]:
    return containing_test(vocab().concrete)


def counted(text: str, s: int, e: int, figures: Sequence[tuple[int, int]]) -> bool:
    """A figure right after the name (培训3期, 学习181场次) or right before it (6次巡查)."""
    for fs, fe in figures:
        gap = text[e:fs]
        if 0 <= fs - e <= 4 and all(ch in "了共达计累开展各类每年月周" for ch in gap):
            return True
        if 0 <= s - fe <= 2:
            return True
    return False


GROUP_COUNTERS = ("个", "支")  # the classifiers a count of groups ends with (4个工作组, 三支小分队)


def divided_into_groups(text: str, start: int, end: int) -> bool:
    """Whether the name ``text[start:end]`` names the groups a body or its staff is divided into: after
    a dividing verb of its clause (list ``verbs.dividing``: 下设, 分成, 组成 …), either counted right
    before it (下设…4个工作组, 分成5个小分队) or one of the groups' names listed before their count
    (下设宣传、督查2个工作组). GUIDELINES: dividing is not setting up, so they are no activity.

    >>> text = "指挥部下设宣传、督查等4个工作组，成立2个志愿服务队"
    >>> [divided_into_groups(text, text.index(w), text.index(w) + len(w)) for w in ("工作组", "督查", "志愿服务队")]
    [True, True, False]
    """
    counted_before = text.startswith(GROUP_COUNTERS, start - 1)
    if not counted_before and (
        # the count after the name ends with one of GROUP_COUNTERS within reach: with neither
        # there, ``_COUNT_AFTER`` cannot match, and two ``str.find`` spare its lazy walk
        (text.find("个", end, end + _DIVIDED_REACH) < 0 and text.find("支", end, end + _DIVIDED_REACH) < 0)
        or _COUNT_AFTER.match(text, end, end + _DIVIDED_REACH) is None
    ):
        return False
    return _divided().search(text, max(0, start - _DIVIDED_REACH), start) is not None


_DIVIDED_REACH = 40  # how far from the name the dividing verb and the count may stand
_CLAUSE_END = "，,。；;：:！!？?\n"
# the groups' count after the name, and their head (宣传、督查|2个工作组), not the name's own count (巡逻队5支)
_COUNT_AFTER = re.compile(rf"[^{_CLAUSE_END}]*?(?:\d+|[一二两三四五六七八九十]+)[个支][\u4e00-\u9fff]{{0,4}}?[组队班]")


@cache
def _divided() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, sorted(added_to("verbs", "dividing"), key=len, reverse=True)))
    # the verb, then nothing that ends its clause up to the name
    return re.compile(rf"(?:{verbs})[^{_CLAUSE_END}]*$")
