"""The phrases around a figure that nlp/figures/subjects.py reads its subject from: the clause bounds
(``CLAUSE_BREAKS``), the noun phrase after a classifier or before the figure, the verb before it,
and the measure a change ends in (由…增加到).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from operator import itemgetter

from nlp.figures.clauses import up_to_last
from nlp.figures.neighbours import words_in
from nlp.resources import load_toml
from nlp.text.document import Text
from nlp.text.tokens import Word

CLAUSE_BREAKS = frozenset("，,。；;！!？?：:\n、（）()“”\"《》【】")


@cache
def subject_vocab() -> dict:
    data = load_toml("subjects.toml")
    return {
        "link": frozenset(data["link_words"]),
        "scope": frozenset(data["scope_words"]),
        "nominal": frozenset(data["nominal_tags"]),
        "classifiers": frozenset(data["classifier_units"]),
        "actions": frozenset(data["action_verbs"]),
        "suffixes": frozenset(data["noun_suffixes"]),
        "places": frozenset(data["place_tags"]),
        "light": frozenset(data["light_verbs"]),
        "locatives": frozenset(data["locatives"]),
        "max_chars": int(data["max_subject_chars"]),
    }


MODIFIER_CHARS = 8
RATE_UNITS = frozenset({"%", "‰", "成"})
MEASURE_UNITS = frozenset({"平方米", "亩", "米", "公里", "平方公里", "千米", "立方米"})
# What is counted is a short phrase; a longer run of nouns has usually swallowed its context.
MAX_COUNT_WORDS = 3
MAX_RATE_WORDS = 5
LABEL_COLONS = frozenset(":：")
COUNT_NOUNS = frozenset({"户数", "人数", "总数", "个数", "次数"})
RATE_INNER_PREPOSITIONS = frozenset({"对", "向"})  # 居民对社区治安满意率
# A bare place before a count of households or persons gives the place's households or people.
PLACE_TOTALS = {"户": "households_total", "人": "population_total", "口人": "population_total"}
_NOUN_TAGS = frozenset({"n", "nr", "ns", "nt", "nz", "nrt", "ng", "j"})
_STOP_TAGS = frozenset({"p", "c", "uj", "ul", "uz", "ug", "x", "m", "r", "q", "y", "e", "o"})
_TRAILING_TAGS = frozenset({"d", "p", "uj", "ul", "c", "x", "m"})  # set aside at a phrase's end, like link words


TO_CLAUSE_BREAK = up_to_last("".join(sorted(CLAUSE_BREAKS)))


def clause_start(text: str, index: int, floor: int) -> int:
    """Where the phrase before ``index`` may start: after the last clause break, ``floor`` at most."""
    if index <= floor:
        return index
    last = TO_CLAUSE_BREAK.match(text, floor, index)
    return last.end() if last is not None else floor


RIGHT_BREAKS = CLAUSE_BREAKS - frozenset("（）()")
QUOTE_CLOSERS = frozenset("”\"》）)】")
NO_RIGHT_BREAK = re.compile(f"[^{re.escape(''.join(sorted(RIGHT_BREAKS)))}]*")


def clause_end(text: str, index: int, ceiling: int) -> int:
    """Where the phrase after ``index`` must end: at the first clause break, ``ceiling`` at most."""
    return NO_RIGHT_BREAK.match(text, index, ceiling if ceiling > index else index).end()


def _trim_front(phrase: list[tuple[str, str]]) -> str | None:
    vocab = subject_vocab()
    while len(phrase) > 1 and (
        phrase[0][0] in vocab["scope"]
        or phrase[0][1] in vocab["places"]
        or phrase[0][1] == "eng"  # a masked name: xx社区
        or phrase[0][0] in RATE_INNER_PREPOSITIONS
        or (len(phrase[0][0]) == 1 and phrase[0][0] in vocab["actions"])  # 使|居民知晓率
    ):
        phrase.pop(0)
    text = "".join([word for word, _ in phrase])
    if len(text) == 1 and phrase[0][1] != "n":
        return None  # one character is a fragment of a longer word
    return text or None


def trailing_noun_phrase(doc: Text, start: int, end: int, rate: bool = False, money: bool = False) -> str | None:
    """The noun phrase that ends ``doc.text[start:end]``, link words set aside.

    For a rate, verbs belong to the phrase (帮扶率, 解决率); for a count, a verb joins only
    as a modifier inside the phrase and never when it heads the clause (开展, 调解 …).

    >>> trailing_noun_phrase(*_whole("社区党支部现有党员"))
    '党员'
    >>> trailing_noun_phrase(*_whole("开展主题党日活动"))
    '主题党日活动'
    >>> trailing_noun_phrase(*_whole("群众满意率达到"), rate=True)
    '群众满意率'
    >>> trailing_noun_phrase(*_whole("困难群众帮扶率"), rate=True)
    '困难群众帮扶率'
    """
    if end <= start:
        return None  # an empty span has no phrase (a figure right at a break)
    vocab = subject_vocab()
    link, max_chars = vocab["link"], vocab["max_chars"]
    words = words_in(doc, start, end)
    n = len(words)  # the words before the trailing link words: words[:n]
    stripped: list[str] = []
    while n and (words[n - 1][0] in link or words[n - 1][1] in _TRAILING_TAGS):
        n -= 1
        stripped.append(words[n][0])
    backwards: list[tuple[str, str]] = []  # the phrase, read from its end
    length = 0
    for k in range(n - 1, -1, -1):
        word, tag = words[k]
        inner_preposition = rate and backwards and word in RATE_INNER_PREPOSITIONS
        if not inner_preposition and (word in link or tag in _STOP_TAGS or length + len(word) > max_chars):
            break
        if not (rate or tag in vocab["nominal"]):  # a verb joins as 讲|党课, or heads a sum's noun (money)
            if tag[:1] != "v" or len(word) < 2:
                break
            verb = backwards and word not in vocab["actions"]
            money_verb = money and not backwards and word not in vocab["light"]
            if not (verb or money_verb):
                break
        backwards.append(words[k])
        length += len(word)
    phrase = backwards[::-1]
    counted = next((w for w in stripped if w in COUNT_NOUNS), None) if stripped else None
    if counted and (not phrase or is_place(phrase)):
        return counted  # (社区)户数498户: the count word itself is what the text names
    if not phrase:
        return None
    if len(phrase) == 1 and len(phrase[0][0]) == 1 and n > 1 and words[n - 2][1] == "m":
        phrase.insert(0, words[n - 2])  # 二孩, 三包: a one-character noun with its numeral is a term
    return _trim_front(phrase[-(MAX_RATE_WORDS if rate else MAX_COUNT_WORDS) :])


@cache
def change_to() -> re.Pattern[str]:
    """A change verb and its 到/至/为, all that stands between a start value and the value it reaches."""
    data = load_toml("planned.toml")["start_value"]
    verbs = "|".join(sorted(map(re.escape, data["verbs"]), key=len, reverse=True))
    return re.compile(rf"\s*(?:{verbs})(?:{'|'.join(map(re.escape, data['ends']))})\s*")


def changed_measure(doc: Text, start_value_at: int) -> tuple[str, int] | None:
    """What a change counts, written before the 由/从 of its start value (社区志愿者由年初的180人…)."""
    text = doc.text
    clause_from = clause_start(text, start_value_at, max(0, start_value_at - 24))
    k = max(text.rfind("由", clause_from, start_value_at), text.rfind("从", clause_from, start_value_at))
    if k <= clause_from:
        return None
    subject = trailing_noun_phrase(doc, clause_from, k)
    return None if subject is None else (subject, text.rfind(subject, clause_from, k))


def trailing_verb(doc: Text, start: int, end: int) -> str | None:
    """The verb that ends ``doc.text[start:end]``, when it names what is counted (巡逻20次)."""
    if end <= start:
        return None  # an empty span has no phrase (a figure right at a break)
    vocab = subject_vocab()
    words = [w for w in words_in(doc, start, end) if w[0] not in vocab["link"] and w[1] not in {"d", "ul", "uj", "x", "m"}]
    if not words or not words[-1][1].startswith("v") or words[-1][0] in vocab["light"]:
        return None
    return words[-1][0]


def leading_noun_phrase(doc: Text, start: int, end: int) -> str | None:
    """The noun phrase that starts ``doc.text[start:end]`` (after a classifier unit).

    Words before a 的 only modify the noun after it (保存完好的原始林 → 原始林).

    >>> leading_noun_phrase(*_whole("志愿者参加活动"))
    '志愿者'
    >>> leading_noun_phrase(*_whole("进行修缮")) is None
    True
    >>> leading_noun_phrase(*_whole("垃圾收集房"))
    '垃圾收集房'
    >>> leading_noun_phrase(*_whole("保存完好的原始林"))
    '原始林'
    """
    if end <= start:
        return None  # an empty span has no phrase (a figure right at a break)
    vocab = subject_vocab()
    link, suffixes, nominal, max_chars = vocab["link"], vocab["suffixes"], vocab["nominal"], vocab["max_chars"]
    text = doc.text
    after_de = text.startswith("的", start, end)
    start += after_de
    reach = start + MODIFIER_CHARS + 1
    modifier_end = text.find("的", start + 1, end if end < reach else reach)
    if modifier_end > 0 and not all(map(_NOUN_TAGS.__contains__, map(itemgetter(1), words_in(doc, start, modifier_end)))):
        start = modifier_end + 1  # 三个固定的宣传栏; but 两个社区的…工程 counts 社区
    words = words_in(doc, start, end)
    count = len(words)
    phrase: list[tuple[str, str]] = []
    length = 0
    has_noun = False
    i = 0
    while i < count and len(phrase) < MAX_COUNT_WORDS:
        word, tag = words[i]
        if word in link or length + len(word) > max_chars:
            break
        if word in "(（" and has_noun:
            close = _parenthetical_end(words, i)  # 村(社区), 村(居)民小组
            if close is None:
                break
            phrase += words[i : close + 1]
            length += sum(len(w) for w, _ in words[i : close + 1])
            i = close + 1
            continue
        verbal = tag.startswith("v")
        nxt = words[i + 1] if i + 1 < count else ("", "")
        if verbal and has_noun and word not in suffixes and nxt[0] not in suffixes:
            break  # after the head noun a verb starts the predicate: 项目|宣传动员 (a "vn" tag starts with v)
        if tag in nominal or (tag == "b" and not phrase):  # 副|书记
            phrase.append((word, tag))
            has_noun = has_noun or tag in _NOUN_TAGS
        elif (
            verbal
            and word not in vocab["light"]
            and (nxt[1].startswith("n") or nxt[1] in {"vn", "t"} or nxt[0] in suffixes)
            and (all(t in {"a", "b"} for _, t in phrase) or nxt[0] in suffixes)
        ):
            phrase.append((word, tag))  # a verb modifying the noun after it: 新安置小区, 垃圾收集房
        else:
            break
        length += len(word)
        i += 1
    if not phrase and after_de and words and words[0][1].startswith("v") and len(words[0][0]) > 1:
        return words[0][0]  # 50元的处罚: a verb after 的 is used as a noun
    text = "".join([word for word, _ in phrase])
    if not text or (len(text) == 1 and (phrase[0][1] != "n" or text in vocab["locatives"])):
        return None  # a lone character after a unit is rarely what is counted (10公里处)
    return text


def _parenthetical_end(words: list[Word], opening: int) -> int | None:
    """Index of the bracket closing a short nominal parenthetical, if there is one."""
    for j in range(opening + 1, min(len(words), opening + 4)):
        if words[j][0] in ")）":
            return j if j > opening + 1 else None
        if words[j][1] not in _NOUN_TAGS and words[j][1] not in {"zg", "ng"}:
            return None
    return None


def is_place(words: Sequence[Word]) -> bool:
    """True for a bare scope or place name (社区, 全村, 阿娄社区).

    >>> is_place([("全村", "n")]), is_place([("党员", "n")])
    (True, False)
    """
    vocab = subject_vocab()
    return all(w in vocab["scope"] or t == "ns" for w, t in words)


def _whole(text: str) -> tuple[Text, int, int]:
    """A Text of ``text`` and its whole span (for the examples above)."""
    doc = Text.from_string(text)
    return doc, 0, len(doc.text)
