"""The grammar of activity names: where an object ends, how it is trimmed and split into items,
and whether it names an activity at all (nlp/activities/extract.py applies it clause by clause).

Words come from nlp/resources/activities.toml through ``nlp.activities.vocab``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from nlp.activities.char_tables import by_first_char, ending_test
from nlp.activities.vocab import vocab
from nlp.activities.word_trie import trie_pattern

if TYPE_CHECKING:
    from nlp.activities.grammar_index import GrammarIndex, WordBounds

CLAUSE_PUNCT = "，,：:。！？；!?;、 \u3000"
OPEN_QUOTES = '“"‘「『'
TRAILING = "达共和及与等"  # 绿地面积达, 登记共, 景观和: a figure or a second item followed
CLOSE_QUOTES = '”"’」』'
_PUNCT_OR_TRAILING = CLAUSE_PUNCT + TRAILING
# plain patterns: the standard library's engine runs them several times faster than ``regex``
COUNTED_HEAD = re.compile(r"[一二三四五六七八九十两\d]+[支个项类种家所座条]")
QUOTED = re.compile(r"[“\"‘「『][^“”\"‘’「」『』]{1,30}[”\"’」』]")
CONJ = re.compile(r"以及|和|及|与")
_OPENING_QUOTE = re.compile(r"[“\"‘「『]")  # what QUOTED needs first
_SPLIT_MARK = re.compile(r"[、“\"‘「『和及与]")  # what any split needs: a 、, an opening quote, a CONJ


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past punctuation, leading particles and manner modifiers.

    >>> t = "了形式多样的志愿服务，"
    >>> s, e = trim(t, 0, len(t)); t[s:e]
    '志愿服务'
    """
    v = vocab()
    first = text[start : start + 1]
    if start < end and first not in CLAUSE_PUNCT and first not in v.name_openers and text[end - 1] not in _PUNCT_OR_TRAILING:
        return start, end  # nothing at either edge that the loop below would cut
    changed = True
    while changed and start < end:
        piece = text[start:end]
        left = piece.lstrip(CLAUSE_PUNCT)
        kept = left.rstrip(_PUNCT_OR_TRAILING)
        changed = len(kept) < len(piece)
        start += len(piece) - len(left)
        end = start + len(kept)
        if start >= end:
            break
        for word in v.leading_by_char.get(text[start], ()):
            if text.startswith(word, start, end) and end - start > len(word) + 1:
                start, changed = start + len(word), True
                break
        if start >= end:
            break
        for word in v.modifiers_by_char.get(text[start], ()):
            if text.startswith(word, start, end):
                after = start + len(word)
                if text.startswith("的", after, end):
                    after += 1
                if end - after >= 2:
                    start, changed = after, True
                break
    return start, end


def object_end(text: str, start: int, end: int, figures: Sequence[tuple[int, int]]) -> int:
    """Where the object starting at ``start`` ends: a figure (``figures``: their spans, in
    order), a stop word, a clause-level verb."""
    limit = end
    for f, _ in figures:
        if start < f < limit:
            limit = f
            break
    if start < limit and text[start].isdigit():
        return start
    m = vocab().stop_re.search(text, start + 1, limit)
    return m.start() if m else limit


def split_items(
    text: str, start: int, end: int, enumerating: bool = False, strict: bool = False
) -> list[tuple[int, int]]:
    """The coordinated items of a name: quoted names, 、-lists, X和Y of two activities.

    >>> t = "篮球赛、象棋赛、乒乓球赛等活动"
    >>> [t[s:e] for s, e in split_items(t, 0, len(t))]
    ['篮球赛', '象棋赛', '乒乓球赛']
    >>> t = "“青年伴读”“党员两小时”等形式多样主题活动"
    >>> [t[s:e] for s, e in split_items(t, 0, len(t))]
    ['“青年伴读”', '“党员两小时”']
    >>> t = "巡逻、调解、为民服务三支队伍"
    >>> [t[s:e] for s, e in split_items(t, 0, len(t))]
    ['巡逻、调解、为民服务三支队伍']
    >>> t = "东苑、西苑等小区出租房屋登记"
    >>> [t[s:e] for s, e in split_items(t, 0, len(t))]
    ['东苑、西苑等小区出租房屋登记']
    >>> t = "元宵灯会和“闹元宵”晚会、包饺子活动"
    >>> [t[s:e] for s, e in split_items(t, 0, len(t))]
    ['元宵灯会', '“闹元宵”晚会', '包饺子活动']
    """
    if _SPLIT_MARK.search(text, start, end) is None:
        return [(start, end)]
    piece = text[start:end]
    if "、" not in piece or "、" not in outside_quotes(piece):
        return split_pair(text, start, end)
    parts = _cut_at(piece, "、")
    last = piece[parts[-1][0] : parts[-1][1]]
    texts = [piece[s:e] for s, e in parts]
    if COUNTED_HEAD.search(last) or not (enumerating or any(has_head(t) for t in texts)):
        return [(start, end)]
    items = [(start + s, start + e) for s, e in parts]
    s, e = items[-1]
    stripped = strip_tail(text[s:e])
    tailed = enumerating or (len(stripped) < e - s and not strict)
    items[-1] = (s, s + len(stripped))
    rest = text[s + len(stripped) : e]
    generic_tail = rest in vocab().list_tails or rest.endswith(("活动", "形式")) or len(rest) > 14
    if tailed and not generic_tail and not any(has_head(t) for t in texts[:-1]) and has_head(rest):
        return [(start, end)]  # A、B、C等小区登记备案: places before one named act
    result: list[tuple[int, int]] = []
    for s, e in items:
        if e - s >= 2 and (tailed or has_head(text[s:e])):
            result += split_pair(text, s, e)
    return result


def split_pair(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """“A”“B”等… → A, B; X和Y when both name an activity → X, Y."""
    if _SPLIT_MARK.search(text, start, end) is None:
        return [(start, end)]
    piece = text[start:end]
    quoted = list(QUOTED.finditer(piece)) if _OPENING_QUOTE.search(piece) else []
    if len(quoted) >= 2 and quoted[0].start() <= 2:
        return [(start + m.start(), start + m.end()) for m in quoted]
    m = CONJ.search(outside_quotes(piece))
    if m and m.start() >= 2 and len(piece) - m.end() >= 2:
        left, right = piece[: m.start()], piece[m.end() :]
        if has_head(left) and has_head(right):
            return [(start, start + m.start()), (start + m.end(), end)]
    return [(start, end)]


def outside_quotes(piece: str) -> str:
    """The piece with every quoted name masked (offsets kept).

    >>> outside_quotes("以“星级党组织”为载体")
    '以QQQQQQQ为载体'
    """
    if _OPENING_QUOTE.search(piece) is None:  # nothing quoted: the piece as it is
        return piece
    return QUOTED.sub(lambda m: "Q" * len(m.group()), piece)


def _cut_at(piece: str, sep: str) -> list[tuple[int, int]]:
    masked = outside_quotes(piece)
    parts, begin = [], 0
    at = masked.find(sep)
    while at >= 0:
        parts.append((begin, at))
        begin = at + 1
        at = masked.find(sep, begin)
    parts.append((begin, len(piece)))
    return parts


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


# The tests of a whole name below are cached by name: the rules ask them of the same names again
# and again (an object, then its items, then the list tail), and the cache is the function
# itself, so a repeated name costs no Python call.
@lru_cache(maxsize=8192)
def has_head(name: str) -> bool:
    """Whether an activity head (活动, 会, 培训 …) occurs in ``name``.

    >>> has_head("消防知识讲座"), has_head("辖区居民")
    (True, False)
    """
    return vocab().head_re.search(name) is not None


@lru_cache(maxsize=8192)
def is_slogan(name: str, content: bool = False) -> bool:
    """True for abstract aims that name no activity.

    A name that starts with its content verb may end with a content head (学习…精神, 排查…情况).

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
    """
    v = vocab()
    core = strip_tail(name).rstrip('”"’')
    ends_with_slogan_head, ends_with_document = _slogan_tests()
    return (
        v.slogan_re.search(core) is not None
        or (ends_with_slogan_head(core) and not (content and core.endswith(v.content_heads) and "》" not in core))
        or ends_with_document(core.rstrip("》>"))
    )


@cache
def _slogan_tests() -> tuple[Callable[[str], bool], Callable[[str], bool]]:
    """Whether a name ends with a slogan head, and with a document word (tables made once)."""
    return ending_test(vocab().slogan_heads), ending_test(vocab().documents)


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
    return core.endswith(v.aim_heads) and v.concrete_re.search(core) is None


def person_length(text: str, start: int, end: int) -> int:
    """Length of a person object (辖区党员, 社区居民 …) at ``start``, else 0."""
    i = start
    for prefix in _PERSON_PREFIXES.get(text[i : i + 1], ()):
        if text.startswith(prefix, i, end):
            i += len(prefix)
            break
    for word in _persons_by_char().get(text[i : i + 1], ()):
        if text.startswith(word, i, end):
            return i + len(word) - start
    return 0


_PERSON_PREFIXES = by_first_char(("组织", "辖区", "社区", "全体", "广大", "部分", "村内", "本村", "小区"))


@cache
def _persons_by_char() -> dict[str, tuple[str, ...]]:
    return by_first_char(vocab().persons)


def is_verb_at(index: GrammarIndex, vs: int, ve: int, bounds: WordBounds) -> bool:
    """A verb match counts when it is a whole word (or words) and no noun contains it (党组织);
    a weak verb tagged as a noun after another word is a noun (思想道德建设)."""
    text, offsets = index.text, bounds.offsets
    if ve not in offsets:
        return False
    if vs not in offsets:  # 积极参与 segmented as one word: an adverb fused with the verb
        fused = next((a for a in _adverbs_by_last_char().get(text[vs - 1 : vs], ()) if text.startswith(a, vs - len(a), vs)), None)
        if fused is None or vs - len(fused) not in offsets:
            return False
    if text[vs:ve] in vocab().nominal and text[ve : ve + 1] not in ("了", "过"):
        tag, previous = bounds.tags_at(vs)
        if tag in ("vn", "n") and (previous.startswith("n") or previous == "vn"):
            return False
    return vs not in index.not_verb_offsets


@cache
def _adverbs_by_last_char() -> dict[str, tuple[str, ...]]:
    """The adverbs by their last character, each group in the vocabulary's order."""
    by_last: dict[str, list[str]] = {}
    for adverb in vocab().adverbs:
        by_last.setdefault(adverb[-1], []).append(adverb)
    return {char: tuple(group) for char, group in by_last.items()}


def counted(text: str, s: int, e: int, figures: Sequence[tuple[int, int]]) -> bool:
    """A figure right after the name (培训3期, 学习181场次) or right before it (6次巡查)."""
    for fs, fe in figures:
        gap = text[e:fs]
        if 0 <= fs - e <= 4 and all(ch in "了共达计累开展各类每年月周" for ch in gap):
            return True
        if 0 <= s - fe <= 2:
            return True
    return False


@cache
def _prepositions_by_char() -> dict[str, tuple[str, ...]]:
    return by_first_char(vocab().prepositions)


def after_preposition(index: GrammarIndex, obj: int, end: int, bounds: WordBounds) -> tuple[str, int]:
    """Where to go when an object opens with a preposition: ('name', start) or ('verb', start)."""
    text = index.text
    prep = next((p for p in _prepositions_by_char().get(text[obj : obj + 1], ()) if text.startswith(p, obj, end)), None)
    if prep is None:
        return "name", obj
    if prep in ("由", "以", "集", "对"):
        de = text.rfind("的", obj, end)
        if de > obj and (  # 对居民的防火宣传
            prep != "对" or index.verbs.search(de + 1, end) is None or ends_with_head(text, de + 1, end)
        ):
            return "name", de + 1
        if prep != "以":
            return "skip", end
    verb = index.verbs.search(obj + len(prep), end)
    while verb is not None and not is_verb_at(index, *verb, bounds):
        verb = index.verbs.search(verb[0] + 1, end)
    if verb is not None:
        return "verb", verb[0]
    return ("name", obj) if prep == "为" else ("skip", end)
