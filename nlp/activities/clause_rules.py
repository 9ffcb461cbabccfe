"""The activity grammar applied to one clause with a verb or a counted noun (nlp/activities/extract.py
runs it sentence by sentence, nlp/activities/sentence_rules.py clause by clause).

Grammar, applied clause by clause in normalized text:

- a *light* verb (开展, 举办, 召开, 成立 …) introduces its object as the activity
  (开展主题党日活动6次 → 主题党日活动); *weak* light verbs (加强, 推进, 进行 …) only when the object
  holds an activity noun;
- a *content* verb (走访, 慰问, 参观, 巡逻 …) is part of the name (慰问困难群众);
- a causative verb with a person object looks through to the real activity (组织党员参观… → 参观…);
- the object ends at the clause end, at a figure, at a purpose word (通过, 确保 …) or at another
  clause-level verb; it is split into its coordinated items (篮球赛、象棋赛、乒乓球赛 → three) and its
  quoted names (“青年伴读”“党员两小时”等主题活动 → two);
- without a verb, an activity noun counted by an event figure is one too (党课2次);
- names headed by an aim (水平, 意识, 氛围 …) are slogans, not activities; so are rules, documents,
  printed matter, staff posts and businesses (制度, 责任书, 宣传资料, 委员, 企业), the objects of
  handing-out, buying, growing and regime verbs (发放, 购置, 种植, 实行 — unless named …活动), and
  the content a 宣传 promotes (宣传好人好事);
- a project reported finished is one (人畜饮水工程已经完工), and so is a named activity mentioned
  with no verb of doing (以“…”创建活动为载体, 在…运动会中);
- project lists are cut before each 、投资…;
- a building verb's object that lists facilities (改造幸福路、光明路、团结路: each item ends with a
  facility's last character, 路, 街, 院, 馆 …) gives one project per item (rule ``facility_list``,
  ``facility_items``; issue 12: lists of roads, schools and clinics in the long reports).

The verbless cases (a finished project, a mentioned name, a list continued or enumerated) are in
nlp/activities/verbless_rules.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from nlp.activities.grammar_index import GrammarIndex, WordBounds
from nlp.activities.name_checks import (
    counted,
    divided_into_groups,
    ends_with_activity_head,
    has_head,
    is_aim,
    is_slogan,
)
from nlp.activities.names import CLAUSE_PUNCT, CLOSE_QUOTES, facility_items, object_end, split_items, trim
from nlp.activities.verb_context import after_preposition, is_verb_at, person_length
from nlp.activities.vocab import holds_head, kind_keyword, vocab
from nlp.activities.word_lists import Vocab
from nlp.records import ActivityKind, Fact, Sentence

EVENT_UNITS = frozenset({"次", "场", "场次", "期", "届", "轮", "批", "堂", "节"})
_NOUN_PREFIX = re.compile(r"^(?:全年|今年|年内|其中|共|累计|先后|已|还|另|每年|每月|每周)+")
_NOUN_SUFFIX = re.compile(r"(?:每年|每月|每周|共|累计|达|开展|次)+$")


class Found(NamedTuple):
    """One activity in normalized coordinates, before ids, kinds and categories (a named tuple:
    the rules make thousands per document and read them within the stage)."""

    norm_start: int
    norm_end: int
    verb: str | None
    reach_start: int  # where the activity's stretch of the clause starts (for figures); its verb starts here
    reach_end: int
    sentence: Sentence
    group: int  # items of one coordinated list share a group and its figures
    list_kind: ActivityKind | None = None  # the kind the list's head gives its items (…等争创活动)
    lead: int | None = None  # the first activity of a clause also owns the figures before its verb


def verb_items(
    index: GrammarIndex,
    clause: tuple[int, int],
    clause_index: int,
    figures: Sequence[tuple[int, int]],
    sentence: Sentence,
    group: int,
) -> list[Found]:
    """The activities the verbs of a clause ``(start, end)`` (one of the Text's clauses,
    ``clause_index``, or a piece of one) introduce."""
    v = vocab()
    text = index.text
    verbs = index.verbs
    cs, ce = clause
    ce = cs + len(text[cs:ce].rstrip(CLAUSE_PUNCT))  # the clause before its punctuation
    at = verbs.search(cs, ce)
    if at is None:  # no verb before the clause's punctuation
        return []
    bounds: WordBounds | None = None  # made for the first verb that passes the cheaper tests
    found: list[Found] = []
    pos = searched = cs  # ``at`` is the first verb at or after ``searched``
    while pos < ce:
        if searched != pos:
            at, searched = verbs.search(pos, ce), pos
        if at is None:
            break
        vs, ve = at
        verb = text[vs:ve]
        if vs in index.not_verb_offsets:  # inside a word that is no verb: is_verb_at says no too
            pos = vs + 1
            continue
        if bounds is None:
            bounds = index.word_bounds(clause_index, cs, ce)
        plain = verb not in v.nominal and bounds.holds_word(vs, ve)
        if not (plain or is_verb_at(index, vs, ve, bounds)):  # (``plain``: what is_verb_at accepts at once)
            pos = vs + 1
            continue
        obj = ve
        if verb in v.causative_verbs:
            person = person_length(text, obj, ce)
            inner = verbs.search(obj + person, ce)
            between = text[obj : inner[0]] if inner is not None else ""
            if inner is not None and (
                (person and len(between) - person <= 4)
                or (len(between) <= 12 and any(w in between for w in v.persons))
            ):
                pos = inner[0]
                continue
            obj += person
        while obj < ce and text[obj] in "了过":
            obj += 1
        content = verb in v.content_verbs
        if not content:
            for fs, fe in figures:  # 组织了6次安全生产巡查: skip the leading count
                if fs == obj:
                    obj = fe
                    while obj < ce and text[obj] in "的个支场次项期名":
                        obj += 1
            for fs, fe in figures:  # 投资260万元的文化广场建设, 全长3公里的滨河路: the name follows 的
                if obj <= fs <= obj + 3 and text[fe : fe + 1] == "的":
                    obj = fe + 1
                    break
            if text[obj : obj + 1] in v.preposition_starts:
                where, to = after_preposition(index, obj, ce, bounds)
                if where == "verb":
                    pos = to
                    continue
                if where == "skip":
                    pos = max(to, ve)
                    continue
                obj = to
        end = object_end(text, obj, ce, figures)
        if v.completion_word_re.search(text, obj + 1, end) is not None:  # (the plain scan first: rare)
            done = v.finished_re.search(text, obj + 1, ce)  # 硬化村道工程完工3公里: what was finished
            if done is not None and done.start() < end:
                end = done.start()
        if content and v.stop_word_re.match(text, obj, ce):  # (``stop_re`` less its digit)
            end = obj  # 走访发现问题213个: the visit itself
        name_start = vs if content else obj
        pos = end if end > ve else ve
        ns, ne = trim(text, name_start, end)
        if ne - ns < 2:
            continue
        kept = []
        # 改造了幸福路、光明路、团结路: a list of built facilities, each a project (rule ``facility_list``)
        facilities = facility_items(text, *trim(text, obj, end)) if verb in v.builds else []
        if facilities:
            items = facilities
        elif verb in v.weak_verbs and not figures and not has_head(text[ns:ne]):
            items = []  # a weak verb's item needs a head or a count: none has, as the object has none
        else:
            items = split_items(text, ns, ne, strict=content)
        list_kind = kind_keyword(text[items[-1][1] : ne]) if len(items) > 1 and not facilities else None
        if facilities:
            list_kind = ActivityKind.PROJECT
            kept = [(s, e) for s, e in facilities if not is_slogan(text[s:e])]
            items = []
        for s, e in items:
            if (s, e) != (ns, ne):  # the whole object is trimmed already (trim stops at a fixed point)
                s, e = trim(text, s, e)
            name = text[s:e]
            if name.startswith("的") and text[vs - 1 : vs] == "新":  # 新组建的合唱队: the new team
                s, name = s + 1, name[1:]
            if not _is_item(v, text, s, e, name, verb, content, figures):
                continue
            kept.append((s, e))
        group += 1
        at, searched = verbs.search(end, ce), end
        reach_end = at[0] if at is not None else ce
        if kept:
            lead = cs if not found else None
            found += [Found(s, e, verb, vs, reach_end, sentence, group, list_kind, lead) for s, e in kept]
    return found


def _is_item(
    v: Vocab,
    text: str,
    s: int,
    e: int,
    name: str,
    verb: str,
    content: bool,
    figures: Sequence[tuple[int, int]],
) -> bool:
    """Whether ``name`` (``text[s:e]``), an item of the object of ``verb``, names an activity
    (``v``: the vocabulary, which ``verb_items`` holds already).

    Each test alone rejects the item, so they run cheapest first.
    """
    if e - s < 2 or name.startswith(("的", "等")) or name.endswith("中"):  # 组建的督导组 (by others), 在创建中
        return False
    if not content and name.endswith(v.persons):  # 召开各村支部书记、…座谈会: people, not an item
        return False
    if text[s - 1 : s] in ("与", "同") and text.startswith(("共同", "一起"), e):  # 与幼儿园共同举办
        return False
    if verb in v.non_acts and not name.endswith(v.facilities):
        return False
    if divided_into_groups(text, s, e):  # 下设…4个工作组: groups divided into, not bodies set up
        return False
    if verb in v.promote and name.startswith(verb) and not ends_with_activity_head(name.rstrip(CLOSE_QUOTES)):
        return False
    if verb in v.weak_verbs and not has_head(name) and not counted(text, s, e, figures):
        return False
    if is_slogan(name, content=content and name.startswith(verb)) or person_length(text, s, e) == e - s:
        return False
    if verb in v.aim and is_aim(name):
        return False
    return not (name.rsplit("的", 1)[-1] in v.generic and not counted(text, s, e, figures))


# How far before its figure a counted noun may start (a name is at most 20 characters).
_NAME_REACH = 80


def noun_items(
    text: str, clause: Sentence, figures: Sequence[tuple[int, int, str]], sentence: Sentence, group: int
) -> list[Found]:
    """党课2次, 居民代表大会每年4次: an activity noun counted by an event figure, no verb."""
    starts = [fs for fs, _, _ in figures]
    head = holds_head()  # (``vocab().head_re`` searched)
    for fs, _fe, unit in figures:
        cs = max(clause.norm_start, fs - _NAME_REACH)
        # the name lies in [cs, fs) and must hold an activity head (``has_head``) or end with one
        # (``ends_with_activity_head``): with no head word there at all, nothing to read (8 in 10)
        if not head(text, cs, fs):
            continue
        before = text[cs:fs]
        s = cs + len(before) - len(before.lstrip(CLAUSE_PUNCT))
        body = _NOUN_PREFIX.sub("", text[s:fs])
        s = fs - len(body)
        stripped = _NOUN_SUFFIX.sub("", body)
        e = s + len(stripped)
        reach = s
        inner = [  # 投资9万元建筑55平方米的车棚
            fe for _, fe, _ in figures[bisect_left(starts, s) : bisect_right(starts, e)] if fe <= e
        ]
        if inner:
            s = max(inner)
            de = text.rfind("的", s, e)
            s = de + 1 if de >= 0 else s
        s, e = trim(text, s, e)
        name = text[s:e]
        headed = (
            has_head(name)
            if unit in EVENT_UNITS
            else (
                ends_with_activity_head(name)
                and not any(w in text[reach:e] for w in vocab().existence)
                and unit not in ("%", "元")  # 绿地面积25%: a state; 地震捐款5930元: money given
                and kind_keyword(name) is not ActivityKind.ORGANIZATION  # 志愿者队伍3支: what exists
            )
        )
        if 2 <= e - s <= 20 and headed and not is_slogan(name) and name not in vocab().generic:
            return [Found(s, e, None, min(s, reach), clause.norm_end, sentence, group + 1)]
    return []


def listed_after(text: str, inside: Sequence[Fact], sentence: Sentence, items: Sequence[Found]) -> list[Found]:
    """完成道路硬化2000平方米、外墙粉刷3000平方米: counted nouns listed after a verb's activity
    (``inside``: the figures of the verb's clause)."""
    group = max(i.group for i in items)
    ends = sorted([i.norm_end for i in items] + [f.norm_end for f in inside])
    by_start = sorted(items, key=lambda i: i.norm_start)
    starts = [i.norm_start for i in by_start]
    extra: list[Found] = []
    for f in inside:  # bisection, not a scan per figure: a run of thousands of figures stays linear
        before = bisect_right(ends, f.norm_start)
        if not before:
            continue
        prior = ends[before - 1]
        first, last = bisect_left(starts, prior), bisect_right(starts, f.norm_start)
        if any(i.norm_end <= f.norm_start for i in by_start[first:last]):
            continue
        while prior < f.norm_start and text[prior] in "的个处间座条余多":
            prior += 1
        if text[prior : prior + 1] == "、":
            figure = [(f.norm_start, f.norm_end, f.unit)]
            extra += noun_items(text, Sentence(prior, f.norm_end), figure, sentence, group + len(extra))
    return extra


