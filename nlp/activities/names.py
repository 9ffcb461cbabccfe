"""The shape of an activity name: where an object ends, how it is trimmed and split into its
coordinated items (nlp/activities/clause_rules.py applies them clause by clause).

Whether a name names an activity at all is in nlp/activities/name_checks.py, what the words
around a verb say in nlp/activities/verb_context.py. Words come from nlp/resources/activities.toml
through ``nlp.activities.vocab``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.activities.name_checks import has_head, strip_tail
from nlp.activities.vocab import vocab

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
_DIGIT = re.compile(r"\d")


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
    # ``stop_re``'s first match, from its two sides: a stop word, and a digit before it
    m = vocab().stop_word_re.search(text, start + 1, limit)
    end = m.start() if m else limit
    digit = _DIGIT.search(text, start + 1, end)
    return digit.start() if digit else end


def split_items(
    text: str, start: int, end: int, enumerating: bool = False, strict: bool = False
) -> list[tuple[int, int]]:
    """The coordinated items of a name: quoted names, 、-lists, X和Y of two activities.

    >>> t = "篮球赛、象棋赛、乒乓球赛等活动"
    >>> [t[s:e] for s, e in split_items(t, 0, len(t))]
    ['篮球赛', '象棋赛', '乒乓球赛']
    >>> t = "“银龄课堂”“周末书香”等形式多样主题活动"
    >>> [t[s:e] for s, e in split_items(t, 0, len(t))]
    ['“银龄课堂”', '“周末书香”']
    >>> t = "巡防、帮扶、志愿服务三支队伍"
    >>> [t[s:e] for s, e in split_items(t, 0, len(t))]
    ['巡防、帮扶、志愿服务三支队伍']
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


def facility_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list of built facilities (幸福路、光明路、团结路; 文化站和卫生院), each ending
    with a facility's last character (``facility_ends``); none when the object is no such list.

    >>> t = "幸福路、光明路和团结路等道路"
    >>> [t[s:e] for s, e in facility_items(t, 0, len(t))]
    ['幸福路', '光明路', '团结路']
    >>> t = "文化街、长寿街、和平街"
    >>> [t[s:e] for s, e in facility_items(t, 0, len(t))]
    ['文化街', '长寿街', '和平街']
    >>> facility_items("幸福路、志愿者", 0, 7), facility_items("东门桥", 0, 3)
    ([], [])
    """
    if _SPLIT_MARK.search(text, start, end) is None:
        return []
    ends = vocab().facility_ends
    parts = [(start + a, start + b) for a, b in _cut_at(text[start:end], "、")]
    items: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(parts):
        if i == 0:
            a, b = trim(text, a, b)
        else:  # (not ``trim``: it drops a leading 和, and 和平街 is a name)
            a, b = a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip())
        if i == len(parts) - 1:
            b = a + len(strip_tail(text[a:b]))
        m = CONJ.search(outside_quotes(text[a:b]))
        pieces = [(a, b)]
        if m and m.start() >= 2 and b - a - m.end() >= 2 and text[a : a + m.start()].endswith(ends):
            pieces = [(a, a + m.start()), (a + m.end(), b)]
        for x, y in pieces:
            if not (2 <= y - x <= 15 and text[x:y].endswith(ends)):
                return []
            items.append((x, y))
    return items if len(items) >= 2 else []


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
