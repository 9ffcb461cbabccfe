"""What a figure counts.

A subject is read from the words around a figure, within its clause:

- after a classifier unit, a noun phrase names what is counted (6个党支部, 一名副书记, 15户危房);
- otherwise the noun phrase just before the figure does (现有党员41名, 开展主题党日活动6次,
  群众满意率达到95%), after link words such as 现有/达到/共计 are set aside;
- a figure that directly follows another one shares its subject (低保户320户1017人).

Figures are located before segmentation; the words around them are read from the document's
``Text``, which segments each clause once. The phrase bounds below (``CLAUSE_BREAKS``) hold every
clause end of nlp/text/sentences.py plus list commas, brackets and quotes: a phrase never crosses
a clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nlp.figures.clauses import up_to_last
from nlp.figures.neighbours import words_in
from nlp.figures.planned import is_start_value
from nlp.records import Quantity
from nlp.resources import load_toml
from nlp.text.document import Text
from nlp.text.tokens import Word

CLAUSE_BREAKS = frozenset("，,。；;！!？?：:\n、（）()“”\"《》【】")


@cache
def _vocab() -> dict:
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


_TO_CLAUSE_BREAK = up_to_last("".join(sorted(CLAUSE_BREAKS)))


def _clause_start(text: str, index: int, floor: int) -> int:
    """Where the phrase before ``index`` may start: after the last clause break, ``floor`` at most."""
    if index <= floor:
        return index
    last = _TO_CLAUSE_BREAK.match(text, floor, index)
    return last.end() if last is not None else floor


RIGHT_BREAKS = CLAUSE_BREAKS - frozenset("（）()")
QUOTE_CLOSERS = frozenset("”\"》）)】")
_NO_RIGHT_BREAK = re.compile(f"[^{re.escape(''.join(sorted(RIGHT_BREAKS)))}]*")


def _clause_end(text: str, index: int, ceiling: int) -> int:
    """Where the phrase after ``index`` must end: at the first clause break, ``ceiling`` at most."""
    return _NO_RIGHT_BREAK.match(text, index, ceiling if ceiling > index else index).end()


def _trim_front(phrase: list[tuple[str, str]]) -> str | None:
    vocab = _vocab()
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


def _trailing_noun_phrase(doc: Text, start: int, end: int, rate: bool = False, money: bool = False) -> str | None:
    """The noun phrase that ends ``doc.text[start:end]``, link words set aside.

    For a rate, verbs belong to the phrase (帮扶率, 解决率); for a count, a verb joins only
    as a modifier inside the phrase and never when it heads the clause (开展, 调解 …).

    >>> _trailing_noun_phrase(*_whole("社区党支部现有党员"))
    '党员'
    >>> _trailing_noun_phrase(*_whole("开展主题党日活动"))
    '主题党日活动'
    >>> _trailing_noun_phrase(*_whole("群众满意率达到"), rate=True)
    '群众满意率'
    >>> _trailing_noun_phrase(*_whole("困难群众帮扶率"), rate=True)
    '困难群众帮扶率'
    """
    if end <= start:
        return None  # an empty span has no phrase (a figure right at a break)
    vocab = _vocab()
    words = list(words_in(doc, start, end))
    stripped: list[str] = []
    while words and (words[-1][0] in vocab["link"] or words[-1][1] in {"d", "p", "uj", "ul", "c", "x", "m"}):
        stripped.append(words.pop()[0])
    phrase: list[tuple[str, str]] = []
    length = 0
    for word, tag in reversed(words):
        inner_preposition = rate and phrase and word in RATE_INNER_PREPOSITIONS
        if not inner_preposition and (
            word in vocab["link"] or tag in _STOP_TAGS or length + len(word) > vocab["max_chars"]
        ):
            break
        nominal = tag in vocab["nominal"]
        verb = tag.startswith("v") and word not in vocab["actions"] and len(word) > 1  # 讲|党课
        money_verb = money and not phrase and tag.startswith("v") and len(word) > 1 and word not in vocab["light"]
        if not (nominal or rate or money_verb or (verb and phrase)):
            break
        phrase.insert(0, (word, tag))
        length += len(word)
    counted = next((w for w in stripped if w in COUNT_NOUNS), None) if stripped else None
    if counted and (not phrase or _is_place(phrase)):
        return counted  # (社区)户数498户: the count word itself is what the text names
    if not phrase:
        return None
    if len(phrase) == 1 and len(phrase[0][0]) == 1 and len(words) > 1 and words[-2][1] == "m":
        phrase.insert(0, words[-2])  # 二孩, 三包: a one-character noun with its numeral is a term
    return _trim_front(phrase[-(MAX_RATE_WORDS if rate else MAX_COUNT_WORDS) :])


@cache
def _change_to() -> re.Pattern[str]:
    """A change verb and its 到/至/为, all that stands between a start value and the value it reaches."""
    data = load_toml("planned.toml")["start_value"]
    verbs = "|".join(sorted(map(re.escape, data["verbs"]), key=len, reverse=True))
    return re.compile(rf"\s*(?:{verbs})(?:{'|'.join(map(re.escape, data['ends']))})\s*")


def _changed_measure(doc: Text, start_value_at: int) -> tuple[str, int] | None:
    """What a change counts, written before the 由/从 of its start value (社区志愿者由年初的180人…)."""
    text = doc.text
    clause_from = _clause_start(text, start_value_at, max(0, start_value_at - 24))
    k = max(text.rfind("由", clause_from, start_value_at), text.rfind("从", clause_from, start_value_at))
    if k <= clause_from:
        return None
    subject = _trailing_noun_phrase(doc, clause_from, k)
    return None if subject is None else (subject, text.rfind(subject, clause_from, k))


def _trailing_verb(doc: Text, start: int, end: int) -> str | None:
    """The verb that ends ``doc.text[start:end]``, when it names what is counted (巡逻20次)."""
    if end <= start:
        return None  # an empty span has no phrase (a figure right at a break)
    vocab = _vocab()
    words = [w for w in words_in(doc, start, end) if w[0] not in vocab["link"] and w[1] not in {"d", "ul", "uj", "x", "m"}]
    if not words or not words[-1][1].startswith("v") or words[-1][0] in vocab["light"]:
        return None
    return words[-1][0]


def _leading_noun_phrase(doc: Text, start: int, end: int) -> str | None:
    """The noun phrase that starts ``doc.text[start:end]`` (after a classifier unit).

    Words before a 的 only modify the noun after it (保存完好的原始林 → 原始林).

    >>> _leading_noun_phrase(*_whole("志愿者参加活动"))
    '志愿者'
    >>> _leading_noun_phrase(*_whole("进行修缮")) is None
    True
    >>> _leading_noun_phrase(*_whole("垃圾收集房"))
    '垃圾收集房'
    >>> _leading_noun_phrase(*_whole("保存完好的原始林"))
    '原始林'
    """
    if end <= start:
        return None  # an empty span has no phrase (a figure right at a break)
    vocab = _vocab()
    text = doc.text
    after_de = text.startswith("的", start, end)
    start += after_de
    modifier_end = text.find("的", start + 1, min(end, start + MODIFIER_CHARS + 1))
    if modifier_end > 0 and not all(tag in _NOUN_TAGS for _, tag in words_in(doc, start, modifier_end)):
        start = modifier_end + 1  # 三个固定的宣传栏; but 两个社区的…工程 counts 社区
    words = list(words_in(doc, start, end))
    phrase: list[tuple[str, str]] = []
    length = 0
    has_noun = False
    i = 0
    while i < len(words) and len(phrase) < MAX_COUNT_WORDS:
        word, tag = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ("", "")
        if word in vocab["link"] or length + len(word) > vocab["max_chars"]:
            break
        if word in "(（" and has_noun:
            close = _parenthetical_end(words, i)  # 村(社区), 村(居)民小组
            if close is None:
                break
            phrase += words[i : close + 1]
            length += sum(len(w) for w, _ in words[i : close + 1])
            i = close + 1
            continue
        if (tag.startswith("v") or tag == "vn") and has_noun and word not in vocab["suffixes"]:
            if not (tag.startswith("v") and nxt[0] in vocab["suffixes"]):
                break  # after the head noun a verb starts the predicate: 项目|宣传动员
        if tag in vocab["nominal"] or (tag == "b" and not phrase):  # 副|书记
            phrase.append((word, tag))
            has_noun = has_noun or tag in _NOUN_TAGS
        elif (
            tag.startswith("v")
            and word not in vocab["light"]
            and (nxt[1].startswith("n") or nxt[1] in {"vn", "t"} or nxt[0] in vocab["suffixes"])
            and (all(t in {"a", "b"} for _, t in phrase) or nxt[0] in vocab["suffixes"])
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


MODIFIER_CHARS = 8


def bare_total_indicator(doc: Text, quantity: Quantity, subject: str | None) -> str | None:
    """The indicator of a bare household or person count after a place (社区现有2676户,9208人).

    >>> from nlp.records import Qualifier
    >>> q = Quantity(4, 9, "2676", None, None, None, "户", Qualifier.EXACT)
    >>> bare_total_indicator(Text.from_string("社区现有2676户,9208人"), q, None)
    'households_total'
    """
    if subject is not None or quantity.unit not in PLACE_TOTALS:
        return None
    text = doc.text
    after = text[quantity.norm_end : quantity.norm_end + 1]
    if after and after not in CLAUSE_BREAKS and not (quantity.unit == "户" and after.isdigit()):
        return None  # (a household count may run straight on into its persons: 共412户1563人)
    start = _clause_start(text, quantity.norm_start, max(0, quantity.norm_start - 24))
    if start > 0 and text[start - 1] in QUOTE_CLOSERS:
        return None  # 培育“好邻居”12人: the figure counts what is quoted, no population
    vocab = _vocab()
    words = [(w, t) for w, t in words_in(doc, start, quantity.norm_start) if w not in vocab["link"]]
    if words and not _is_place(words):
        return None
    return PLACE_TOTALS[quantity.unit]


def _is_place(words: Sequence[Word]) -> bool:
    """True for a bare scope or place name (社区, 全村, 阿娄社区).

    >>> _is_place([("全村", "n")]), _is_place([("党员", "n")])
    (True, False)
    """
    vocab = _vocab()
    return all(w in vocab["scope"] or t == "ns" for w, t in words)


def _words_of(doc: Text, phrase: str, before: int) -> tuple[Word, ...]:
    """The words of ``phrase`` where it last occurs shortly before ``before``."""
    at = doc.text.rfind(phrase, max(0, before - 64), before)
    return words_in(doc, at, at + len(phrase)) if at >= 0 else ((phrase, "n"),)


def _whole(text: str) -> tuple[Text, int, int]:
    """A Text of ``text`` and its whole span (for the examples above)."""
    doc = Text.from_string(text)
    return doc, 0, len(doc.text)


_AGE_BAND = re.compile(
    r"[0-9一二三四五六七八九十]+(?:周岁|岁)(?:以下|以上|及以上|及以下|至[0-9一二三四五六七八九十]+(?:周岁|岁))$"
)
_TITLE_BEFORE = re.compile(r"《([^《》]{2,20})》[共计有]{0,2}$")


def _labelled_group(left: str) -> str | None:
    """A group named right before the figure: an age band (18岁以下310人) or a title in
    book marks (《生殖保健服务证》4人).

    >>> _labelled_group("其中18岁至60岁"), _labelled_group("办理《独生子女父母光荣证》")
    ('18岁至60岁', '独生子女父母光荣证')
    """
    band = _AGE_BAND.search(left) if "岁" in left else None  # each pattern needs its one character
    if band:
        return band.group(0)
    title = _TITLE_BEFORE.search(left) if "》" in left else None
    return title.group(1) if title else None


def find_subjects(doc: Text, quantities: Sequence[Quantity]) -> tuple[str | None, ...]:
    """The subject of each quantity (in order), read from ``doc`` around it.

    ``quantities`` must be sorted by position and located in ``doc.text``.
    """
    return tuple(subject for subject, _ in find_subject_spans(doc, quantities))


def find_subject_spans(doc: Text, quantities: Sequence[Quantity]) -> tuple[tuple[str | None, int | None], ...]:
    """The subject of each quantity with where it is written in ``doc.text`` (its start offset; a
    subject shared with the figure before is where that figure's is), so that a later reader takes
    its words from the Text.

    >>> doc = Text.from_string("社区现有党员41名，其中女党员16名")
    >>> [(s, doc.text[at : at + len(s)]) for s, at in find_subject_spans(doc, doc.figures)]
    [('党员', '党员'), ('女党员', '女党员')]
    """
    vocab = _vocab()
    text = doc.text
    subjects: list[str | None] = []
    starts: list[int | None] = []
    previous_end = 0
    for index, quantity in enumerate(quantities):
        following = quantities[index + 1].norm_start if index + 1 < len(quantities) else len(text)
        # (bounds by comparison, not min/max: a call of either costs about ten comparisons, per figure)
        ahead, back = quantity.norm_end + 16, quantity.norm_start - 24
        right_end = _clause_end(text, quantity.norm_end, following if following < ahead else ahead)
        reach_back = previous_end if previous_end > back else back
        start = _clause_start(text, quantity.norm_start, reach_back)
        if start == quantity.norm_start and start > previous_end and text[start - 1 : start] in LABEL_COLONS:
            start = _clause_start(text, start - 1, max(previous_end, start - 16))  # 劳动力人口:2349人
            left_end = quantity.norm_start - 1
        else:
            left_end = quantity.norm_start
        left = text[start:left_end]
        rate = quantity.unit in RATE_UNITS
        right_first = (
            quantity.unit in vocab["classifiers"]
            or quantity.unit_text in vocab["classifiers"]
            or quantity.unit in MEASURE_UNITS
        )
        subject = _leading_noun_phrase(doc, quantity.norm_end, right_end) if right_first else None
        at = None if subject is None else text.find(subject, quantity.norm_end, right_end)
        from_left = subject is None
        if subject is None:
            chained = index > 0 and start == previous_end and subjects[-1] is not None and not left.strip("其中共计和及与、")
            group_from = reach_back
            group = None if chained else _labelled_group(text[group_from : quantity.norm_start])
            if chained:
                subject, at = subjects[-1], starts[-1]
            elif group:
                subject, at = group, text.rfind(group, group_from, quantity.norm_start)
            else:
                subject = _trailing_noun_phrase(doc, start, left_end, rate=rate, money=quantity.unit == "元")
                if subject is None and (text.startswith("的", quantity.norm_end, right_end) or not rate):  # 进行50元的处罚
                    subject = _leading_noun_phrase(doc, quantity.norm_end, right_end)
                    at = None if subject is None else text.find(subject, quantity.norm_end, right_end)
                if subject is None and not rate:
                    subject = _trailing_verb(doc, start, left_end)
                if subject is not None and at is None:
                    at = text.rfind(subject, start, left_end)
        if from_left and index > 0 and _change_to().fullmatch(left):
            before = quantities[index - 1]
            if is_start_value(text, before.norm_start, before.norm_end):  # 志愿者由年初的180人扩大到312人
                changed = _changed_measure(doc, before.norm_start)
                if changed is not None:
                    subject, at = changed
        if (
            subject is not None
            and from_left
            and quantity.unit in PLACE_TOTALS
            and _is_place(_words_of(doc, subject, right_end))
        ):
            subject = None  # 社区现有2676户: the text names no subject, only the place
        subjects.append(subject)
        starts.append(None if subject is None or at is None or at < 0 else at)
        previous_end = quantity.norm_end
    return tuple(zip(subjects, starts, strict=True))
