"""Whether a sentence states a plan or target rather than something done."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

import regex

from nlp.resources import load_toml
from nlp.text.char_scan import finditer_from_chars


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The plan markers and the false markers (removed first), compiled with the standard ``re``: plain
    alternations of literals with one lookahead, which it searches two to three times faster than the
    ``regex`` module over the plan windows (the same matches: both take the first alternative that
    matches at the leftmost position; a test holds them equal)."""
    plan, false = pattern_sources()
    return re.compile(plan), re.compile(false)


@cache
def pattern_sources() -> tuple[str, str]:
    """The sources of ``_patterns``: the plan markers (``plan_alternatives`` grouped by their first
    character), the false markers.

    At one position only the alternatives opening with the character there can match, and the
    first of them that does is the match; grouped, the engine tests each first character once
    (22 where it tested 34 alternatives, at every candidate character of every text it searches),
    then the group's own alternatives in their order: the same first match at the same position."""
    groups: dict[str, list[str]] = {}
    for first, rest in plan_alternatives():
        groups.setdefault(first, []).append(rest)
    plan = "|".join(
        first + (f"(?:{'|'.join(rests)})" if rests != [""] else "") for first, rests in groups.items()
    )
    false = "|".join(map(re.escape, sorted(load_toml("planned.toml")["false_markers"], key=len, reverse=True)))
    return plan, false


@cache
def plan_alternatives() -> tuple[tuple[str, str], ...]:
    """The plan markers in the order they are tried (the longest sentence markers first, then the
    restricted markers with their followers), each as the source of its first character and of the
    rest: ``"|".join(first + rest)`` is the definition of the plan pattern."""
    data = load_toml("planned.toml")
    markers = sorted(data["sentence_markers"], key=len, reverse=True)
    nouns = data["noun_markers"]
    # A noun marker ending its noun phrase (三年增绿计划，…) names a programme or a document.
    noun_end = "(?![" + re.escape(nouns["ends"]) + "]|$)"
    alternatives = [(re.escape(m[0]), re.escape(m[1:]) + (noun_end if m in nouns["words"] else "")) for m in markers]
    for marker, followers in data["restricted_markers"].items():
        ordered = sorted(followers, key=len, reverse=True)
        alternatives.append((re.escape(marker[0]), re.escape(marker[1:]) + "(?:" + "|".join(map(re.escape, ordered)) + ")"))
    return tuple(alternatives)


@cache
def _start_value_patterns() -> tuple[regex.Pattern, regex.Pattern, re.Pattern[str], re.Pattern[str]]:
    data = load_toml("planned.toml")["start_value"]
    starts = "|".join(map(regex.escape, data["starts"]))
    verbs = "|".join(map(regex.escape, sorted(data["verbs"], key=len, reverse=True)))
    ends = "|".join(map(regex.escape, data["ends"]))
    free = r"[^\d，,。；;：:、！？!?\n]"
    dated = r"(?:19|20)\d\d年"  # rule ``reached_value``: 由2021年的46名 starts from a year's value
    before = regex.compile(f"(?:{starts})(?:{dated}|{free}){{0,{data['start_gap']}}}$")
    after = regex.compile(f"^{free}{{0,{data['end_gap']}}}?(?:{verbs})(?:{ends})")
    any_start = re.compile("|".join(map(re.escape, data["starts"])))  # one search for every 由/从
    any_verb = re.compile("|".join(map(re.escape, data["verbs"])))  # ``after`` needs one in its 12 characters
    return before, after, any_start, any_verb


def is_start_value(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``text[start:end]`` is where a change starts (由50元提高到100元): a
    fact even inside a plan, while the value it goes to is the target (``[start_value]`` of
    planned.toml).

    >>> t = "将补助标准由每人每月30元提高到45元"
    >>> is_start_value(t, t.index("30"), t.index("30") + 3), is_start_value(t, t.index("45"), t.index("45") + 3)
    (True, False)
    >>> t = "服务范围从3个小区扩大到6个"
    >>> is_start_value(t, t.index("3"), t.index("3") + 2)
    True
    >>> t = "全村党员由2021年的46名增加到53名"
    >>> is_start_value(t, t.index("46"), t.index("46") + 3)
    True
    >>> t = "由社区投入2万元，用于改造"
    >>> is_start_value(t, t.index("2"), t.index("2") + 3)
    False
    """
    before, after, any_start, any_verb = _start_value_patterns()
    reach = start - START_VALUE_REACH if start > START_VALUE_REACH else 0
    if any_start.search(text, reach, start) is None:
        return False  # no 由/从 before the figure at all (most figures): the pattern cannot match
    if any_verb.search(text, end, end + 12) is None:
        return False  # no change verb after it (社区现有党员41名): ``after`` cannot match
    return before.search(text, reach, start) is not None and after.match(text[end : end + 12]) is not None


START_VALUE_REACH = 16  # characters before a figure where its 由/从 is looked for


@lru_cache(maxsize=8192)  # each figure of a list reads back over the same clauses before it
def continues_figure_list(clause: str) -> bool:
    """A clause that continues a list of figures: it holds a figure and no word of things done
    (``done_words`` of planned.toml), so a plan marker before it still governs what follows.

    >>> continues_figure_list("总面积11.6万㎡"), continues_figure_list("已走访困难户30户")
    (True, False)
    >>> continues_figure_list("做好服务"), continues_figure_list("一般公共预算收入增长8%")
    (False, True)
    """
    not_done, done = _done_words()
    for word in not_done:
        clause = clause.replace(word, "")
    return any(map(str.isdigit, clause)) and not done.search(clause)


@cache
def _done_words() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The words that are no sign of things done (in file order), and a pattern of those that are
    (literals only, asked only whether one occurs: the standard ``re`` answers as the ``regex``
    module did, at a fraction of its cost per call)."""
    data = load_toml("planned.toml")
    done = sorted(data["done_words"], key=len, reverse=True)
    return tuple(data["not_done_words"]), re.compile("|".join(map(re.escape, done)))


def plan_markers() -> tuple[str, ...]:
    """Every plan marker of the vocabulary: the sentence markers and each restricted marker + follower
    (将继续, 争取在 …)."""
    data = load_toml("planned.toml")
    restricted = data["restricted_markers"]
    return (*data["sentence_markers"], *(m + f for m, followers in restricted.items() for f in followers))


def is_planned_sentence(sentence: str) -> bool:
    """True when the sentence announces a plan or a target.

    >>> is_planned_sentence("下半年力争新发展党员2名")
    True
    >>> is_planned_sentence("我们将继续开展文明创建活动")
    True
    >>> is_planned_sentence("将矛盾纠纷化解在萌芽状态,共调解纠纷9起")
    False
    >>> is_planned_sentence("全面落实计划生育政策,育龄妇女320人")
    False
    >>> is_planned_sentence("实施三年增绿计划,新增绿地12公顷"), is_planned_sentence("全年计划新增绿地12公顷")
    (False, True)
    >>> is_planned_sentence("积极争取上级资金400万元"), is_planned_sentence("争取年底前完成改造")
    (False, True)
    >>> is_planned_sentence("全年计划培训120人次，实际培训136人次")  # rule done_after_plan
    False
    >>> is_planned_sentence("到2025年，垃圾分类覆盖率达到100%"), is_planned_sentence("增长到2022年的3万元")
    (True, False)
    """
    plan, false = _patterns()
    cleaned = false.sub("", sentence)
    marker = plan.search(cleaned)
    if marker is None:
        return _BY_YEAR.search(cleaned) is not None and not done_signs().search(cleaned)
    return not _done_after_plan(cleaned, marker.start())


# Rule by_year: a clause opened by 到/至 and a year (到2025年，…; 力争到2026年底…) sets a target for
# that year; a clause that states it done (到2023年底，已…) holds a done sign and is no target.
_BY_YEAR = re.compile(r"(?:^|[，,。；;：:])(?:力争|争取|计划)?(?:到|至)(?:19|20)\d\d年(?:底|末)?[，,]?")
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")


def _done_after_plan(cleaned: str, marker_at: int) -> bool:
    """Rule done_after_plan: the last clause of a window states what was done (a done sign of
    ``[done_signs]``, 实际培训136人次, 已建成1处) and holds no plan marker of its own: the marker
    before it planned only its own clause (全年计划培训120人次，实际培训136人次)."""
    last = 0
    for brk in _CLAUSE_BREAK.finditer(cleaned):
        last = brk.end()
    if marker_at >= last:
        return False  # the marker stands in the last clause itself
    clause = cleaned[last:]
    return done_signs().search(clause) is not None and _patterns()[0].search(clause) is None


@cache
def done_signs() -> re.Pattern[str]:
    """The signs that a clause states what was done (``[done_signs]`` of planned.toml)."""
    return re.compile("|".join(map(re.escape, sorted(load_toml("planned.toml")["done_signs"], key=len, reverse=True))))



# A line of a plan document opened by a year (2022年，社区…): the plan's own year or a later one opens
# the plan; an earlier one opens a review of what was done.
_YEAR_OPENING = regex.compile(r"^[ \t\u3000]*((?:19|20)\d{2})年", regex.M)


def review_spans(text: str, plan_year: int | None) -> list[tuple[int, int]]:
    """The stretches of a plan document that review an earlier year: from a line opened by a year
    before the plan's to the first sentence opened by the plan's year (2023年，社区将…) or the line's end.

    >>> t = "2022年，社区稳步推进。全年开展活动26场。2023年，社区将重点抓好以下工作：\\n一、党建"
    >>> [t[s:e] for s, e in review_spans(t, 2023)]
    ['2022年，社区稳步推进。全年开展活动26场。']
    >>> review_spans("2023年，社区将开展活动30场。", 2023), review_spans("2022年，…", None)
    ([], [])

    A plan's statements of what exists now are reviews too (``present_state_spans``).
    """
    spans = present_state_spans(text)
    if plan_year is None:
        return spans
    for m in _YEAR_OPENING.finditer(text):
        if int(m.group(1)) >= plan_year:
            continue
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        plan = regex.compile(rf"[。！？!?；;][ \t\u3000]*{plan_year}年").search(text, m.end(), end)
        spans.append((m.start(), plan.start() + 1 if plan else end))
    return spans


# Rule present_state: a plan document's sentence that opens by stating what exists now (社区现有
# 居民3860户…, 截至2023年底，辖区现有…, 1.社区现有老年食堂1处，…) gives facts, up to the first
# clause that plans (…，今年计划增设助餐点1个) or the sentence's end.
# The subject before 现有 is a noun phrase: no figure, no preposition or verb of a plan (将现有…, 在现有…).
_PRESENT_OPENING = regex.compile(
    r"(?:^|(?<=[。！？!?；;]))[ \t\u3000]*(?:\d{1,2}[.、．][ \t\u3000]*)?"
    r"(?:(?:截至|截止|截止到)[^，,。；;\n]{1,12}[，,])?"
    r"[^\d\s，,。；;：:、！？!?将把在对从由按于计划要争力拟新]{0,8}?(?:现有|目前有|现共有|目前共有)",
    regex.M,
)


@cache
def _plan_times() -> tuple[str, ...]:
    return tuple(load_toml("planned.toml")["present_state"]["plan_times"])
_CLAUSE_END = regex.compile(r"[，,；;。！？!?\n]")


_OPENING_STOPS = "。；;\n"  # what no match of _PRESENT_OPENING crosses
_INNER_STARTS = re.compile(r"[！？!?]")  # where it may start, besides 0 and after a stop
_PRESENT_WORDS = re.compile("现有|目前有|现共有|目前共有")


def _present_openings(text: str) -> Iterator[regex.Match[str]]:
    """``_PRESENT_OPENING.finditer(text)``, tried only at the sentence starts whose stretch up to the
    next 。；; or line break holds one of its words: the pattern opens with an assertion, so the
    engine would try it at every character of the document.

    The starts are found from the words (one search of the document), not the words from every
    start: a stretch holding a word at ``w`` runs from just after the last stop before ``w``, and the
    starts in it are that one and those after a ！？!? before ``w`` (no start falls inside a word)."""
    last_stop = -1  # the last stop before the word found, read forwards from the word before
    searched_to = 0
    tried = -1  # the last start already tried: the words of one stretch share its starts
    last_end = 0
    for word in finditer_from_chars(_PRESENT_WORDS, text):  # (from its 现 and 目, by str.find: char_scan.py)
        at = word.start()
        for stop in _OPENING_STOPS:
            found = text.rfind(stop, searched_to, at)
            if found > last_stop:
                last_stop = found
        # the starts after a ！？!? before the word: those before the word before were given with it
        # (the text between is read once: a long stretch of words stays linear)
        inner_from = last_stop + 1 if last_stop + 1 > searched_to else searched_to
        searched_to = word.end()
        starts = [last_stop + 1]
        starts += [inner.end() for inner in _INNER_STARTS.finditer(text, inner_from, at)]
        for start in starts:
            if start <= tried or start < last_end:
                continue
            tried = start
            m = _PRESENT_OPENING.match(text, start)
            if m is not None:
                last_end = m.end()
                yield m


def present_state_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of a plan that state what exists now (rule present_state).

    >>> t = "1.社区现有老年食堂1处，日均就餐约80人，今年计划增设助餐点1个。"
    >>> [t[s:e] for s, e in present_state_spans(t)]
    ['1.社区现有老年食堂1处，日均就餐约80人，']
    >>> t = "截至2023年底，社区现有居民3860户，其中老人930人；党员186名。计划发展党员2名。"
    >>> [t[s:e] for s, e in present_state_spans(t)]
    ['截至2023年底，社区现有居民3860户，其中老人930人；党员186名。']
    >>> t = "2.社区图书室现有藏书5600册，今年新增图书800册。"
    >>> [t[s:e] for s, e in present_state_spans(t)]
    ['2.社区图书室现有藏书5600册，']
    >>> present_state_spans("将现有8个网格细化为10个。"), present_state_spans("计划在现有基础上新增车位20个。")
    ([], [])
    """
    spans = []
    for m in _present_openings(text):
        at = m.end()
        while True:
            edge = _CLAUSE_END.search(text, at)
            end = edge.end() if edge else len(text)
            clause = text[at:end]
            if is_planned_sentence(clause) or any(word in clause for word in _plan_times()):
                break
            at = end
            if edge is None or text[edge.start()] in "。！？!?\n":
                break
        if at > m.end():
            spans.append((m.start(), at))
    return spans
