"""Activities: what a community did or will do, named in the text (SPEC section 3).

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
- project lists are cut before each 、投资….

Figures in the activity's stretch of the clause, and participant figures in the verbless clauses
that follow (覆盖群众500余人次), are linked through ``facts``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from nlp.activities.names import (
    CLAUSE_PUNCT,
    CLOSE_QUOTES,
    OPEN_QUOTES,
    after_preposition,
    counted,
    has_head,
    is_aim,
    is_slogan,
    is_verb_at,
    object_end,
    outside_quotes,
    person_length,
    split_items,
    split_pair,
    strip_tail,
    trim,
)
from nlp.activities.vocab import ActivityType, kind_keyword, kind_of_name, type_of_name, vocab
from nlp.figures.facts import plan_window
from nlp.figures.planned import is_planned_sentence
from nlp.records import Activity, ActivityKind, Category, Fact, Section, Sentence
from nlp.text.document import Text
from nlp.text.outline import SectionLookup

_EVENT_UNITS = frozenset({"次", "场", "场次", "期", "届", "轮", "批", "堂", "节"})
_PARTICIPANT_UNITS = frozenset({"人次", "人", "名", "户", "家", "余人次"})
_HEADING_REACH = 40  # a heading span is at most label + 30 characters + 2 long
_NOUN_PREFIX = regex.compile(r"^(?:全年|今年|年内|其中|共|累计|先后|已|还|另|每年|每月|每周)+")


@dataclass(frozen=True)
class _Found:
    """One activity in normalized coordinates, before ids, kinds and categories."""

    norm_start: int
    norm_end: int
    verb: str | None
    reach_start: int  # where the activity's stretch of the clause starts (for figures); its verb starts here
    reach_end: int
    sentence: Sentence
    group: int  # items of one coordinated list share a group and its figures
    list_kind: ActivityKind | None = None  # the kind the list's head gives its items (…等争创活动)
    lead: int | None = None  # the first activity of a clause also owns the figures before its verb


def _verb_items(
    doc: Text, clause: Sentence, figures: Sequence[tuple[int, int]], sentence: Sentence, group: int
) -> list[_Found]:
    v = vocab()
    text = doc.text
    cs, ce = clause.norm_start, clause.norm_end
    while ce > cs and text[ce - 1] in CLAUSE_PUNCT:
        ce -= 1
    if v.verb_re.search(text, cs, ce) is None:
        return []
    bounds = doc.word_starts(cs, ce)
    starts = [f for f, _ in figures]
    found: list[_Found] = []
    pos = cs
    while pos < ce:
        m = v.verb_re.search(text, pos, ce)
        if m is None:
            break
        verb, vs, ve = m.group(), m.start(), m.end()
        if not is_verb_at(text, vs, ve, bounds):
            pos = vs + 1
            continue
        obj = ve
        if verb in v.causative:
            person = person_length(text, obj, ce)
            inner = v.verb_re.search(text, obj + person, ce)
            between = text[obj : inner.start()] if inner is not None else ""
            if inner is not None and (
                (person and len(between) - person <= 4)
                or (len(between) <= 12 and any(w in between for w in v.persons))
            ):
                pos = inner.start()
                continue
            obj += person
        while obj < ce and text[obj] in "了过":
            obj += 1
        content = verb in v.content
        if not content:
            for fs, fe in figures:  # 组织了6次安全生产巡查: skip the leading count
                if fs == obj:
                    obj = fe
                    while obj < ce and text[obj] in "的个支场次项期名":
                        obj += 1
            for fs, fe in figures:  # 投资350万元的居民小区建设, 全长4公里的港西路: the name follows 的
                if obj <= fs <= obj + 3 and text[fe : fe + 1] == "的":
                    obj = fe + 1
                    break
            where, at = after_preposition(text, obj, ce, bounds)
            if where == "verb":
                pos = at
                continue
            if where == "skip":
                pos = max(at, ve)
                continue
            obj = at
        end = object_end(text, obj, ce, starts)
        if content and v.stop_re.match(text, obj, ce) and not text[obj].isdigit():
            end = obj  # 走访发现问题213个: the visit itself
        name_start = vs if content else obj
        pos = max(end, ve)
        ns, ne = trim(text, name_start, end)
        if ne - ns < 2:
            continue
        kept = []
        items = split_items(text, ns, ne, strict=content)
        list_kind = kind_keyword(text[items[-1][1] : ne]) if len(items) > 1 else None
        for s, e in items:
            s, e = trim(text, s, e)
            name = text[s:e]
            if name.startswith("的") and text[vs - 1 : vs] == "新":  # 新组建的合唱队: the new team
                s, name = s + 1, name[1:]
            slogan = is_slogan(name, content=content and name.startswith(verb))
            if e - s < 2 or slogan or person_length(text, s, e) == e - s:
                continue
            if not content and name.endswith(v.persons):  # 召开各村支部书记、…座谈会: people, not an item
                continue
            if name.startswith(("的", "等")) or name.endswith("中"):  # 组建的督导组 (by others), 在创建中
                continue
            if text[s - 1 : s] in ("与", "同") and text.startswith(("共同", "一起"), e):  # 与幼儿园共同举办
                continue
            if verb in v.weak and not has_head(name) and not counted(text, s, e, figures):
                continue
            if verb in v.aim and is_aim(name):
                continue
            if verb in v.non_acts and not name.endswith(v.facilities):
                continue
            if (
                verb in v.promote
                and name.startswith(verb)
                and not name.rstrip(CLOSE_QUOTES).endswith(v.heads)
            ):
                continue
            if name.rsplit("的", 1)[-1] in v.generic and not counted(text, s, e, figures):
                continue
            kept.append((s, e))
        group += 1
        reach_end = _next_verb_start(text, end, ce)
        lead = cs if not found else None
        found += [_Found(s, e, verb, vs, reach_end, sentence, group, list_kind, lead) for s, e in kept]
    return found


def _next_verb_start(text: str, start: int, end: int) -> int:
    m = vocab().verb_re.search(text, start, end)
    return m.start() if m else end


# How far before its figure a counted noun may start (a name is at most 20 characters).
_NAME_REACH = 80


def _noun_items(
    text: str, clause: Sentence, figures: Sequence[tuple[int, int, str]], sentence: Sentence, group: int
) -> list[_Found]:
    """党课2次, 居民代表大会每年4次: an activity noun counted by an event figure, no verb."""
    starts = [fs for fs, _, _ in figures]
    for fs, _fe, unit in figures:
        cs = max(clause.norm_start, fs - _NAME_REACH)
        before = text[cs:fs]
        s = cs + len(before) - len(before.lstrip(CLAUSE_PUNCT))
        body = _NOUN_PREFIX.sub("", text[s:fs])
        s = fs - len(body)
        stripped = regex.sub(r"(?:每年|每月|每周|共|累计|达|开展|次)+$", "", body)
        e = s + len(stripped)
        reach = s
        inner = [  # 投资6万元建筑40平方米的公厕
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
            if unit in _EVENT_UNITS
            else (
                name.endswith(vocab().heads)
                and not any(w in text[reach:e] for w in vocab().existence)
                and unit not in ("%", "元")  # 绿地面积25%: a state; 地震捐款5930元: money given
                and kind_keyword(name) is not ActivityKind.ORGANIZATION  # 志愿者队伍3支: what exists
            )
        )
        if 2 <= e - s <= 20 and headed and not is_slogan(name) and name not in vocab().generic:
            return [_Found(s, e, None, min(s, reach), clause.norm_end, sentence, group + 1)]
    return []


def _listed_after(
    text: str, clause: Sentence, inside: Sequence[Fact], sentence: Sentence, items: Sequence[_Found]
) -> list[_Found]:
    """完成道路硬化2000平方米、外墙粉刷3000平方米: counted nouns listed after a verb's activity."""
    group = max(i.group for i in items)
    ends = sorted([i.norm_end for i in items] + [f.norm_end for f in inside])
    extra: list[_Found] = []
    for f in inside:
        prior = max((e for e in ends if e <= f.norm_start), default=None)
        if prior is None or any(i.norm_start >= prior and i.norm_end <= f.norm_start for i in items):
            continue
        while prior < f.norm_start and text[prior] in "的个处间座条余多":
            prior += 1
        if text[prior : prior + 1] == "、":
            figure = [(f.norm_start, f.norm_end, f.unit)]
            extra += _noun_items(text, Sentence(prior, f.norm_end), figure, sentence, group + len(extra))
    return extra


def _enumerated(text: str, clause: Sentence, sentence: Sentence, group: int) -> list[_Found]:
    """…一系列活动,如:腊八节送腊八粥、迎新春茶话会 — every listed item is an activity."""
    s, e = trim(text, clause.norm_start, clause.norm_end)
    items = [trim(text, a, b) for a, b in split_items(text, s, e, enumerating=True)]
    items = [(a, b) for a, b in items if 2 <= b - a <= 30 and not is_slogan(text[a:b])]
    return [_Found(a, b, None, a, clause.norm_end, sentence, group + 1) for a, b in items]


def _continuation(text: str, clause: Sentence, sentence: Sentence, group: int) -> list[_Found]:
    """,象棋赛,乒乓球赛: a short verbless clause of activity nouns continuing a list."""
    s, e = trim(text, clause.norm_start, clause.norm_end)
    name = strip_tail(text[s:e])
    e = s + len(name)
    v = vocab()
    ends_with_head = name.rstrip(CLOSE_QUOTES).endswith(v.heads)
    verbless = v.verb_re.match(name) is None and not name.startswith(v.prepositions + ("即", "做到", "结合"))
    if (
        2 <= e - s <= 12
        and ends_with_head
        and verbless
        and not is_slogan(name)
        and not regex.search(r"\d", name)
    ):
        return [_Found(s, e, None, s, clause.norm_end, sentence, group)]
    return []


def _completed(text: str, clause: Sentence, sentence: Sentence, group: int) -> list[_Found]:
    """人畜饮水工程已经完工, 全长4公里的港西路已竣工通车: a named project reported finished."""
    m = vocab().completion_re.search(text, clause.norm_start, clause.norm_end)
    if m is None:
        return []
    s, e = trim(text, clause.norm_start, clause.norm_end)
    de = text.rfind("的", s, m.start())
    start = de + 1 if de >= 0 else s
    found = []
    for a, b in split_pair(text, *trim(text, start, m.start())):
        name = text[a:b]
        if 2 <= b - a <= 20 and (has_head(name) or name.endswith(("路", "桥"))) and not is_slogan(name):
            if not regex.search(r"\d|上述|以上|各项|该|所有", name):
                found.append(
                    _Found(
                        a,
                        b,
                        None,
                        clause.norm_start,
                        clause.norm_end,
                        sentence,
                        group + 1,
                        ActivityKind.PROJECT,
                    )
                )
    return found


def _mentioned(text: str, clause: Sentence, sentence: Sentence, group: int) -> list[_Found]:
    """以“平安家庭”创建活动为载体, 在街道运动会中: a named activity mentioned without a verb of doing."""
    v = vocab()
    if v.mentioned_re.search(text, clause.norm_start, clause.norm_end) is None:
        return []
    s, e = trim(text, clause.norm_start, clause.norm_end)
    found = []
    for m in v.mentioned_re.finditer(text, s, e):
        start = s
        for frame in v.frames:
            i = text.rfind(frame, s, m.start())
            if i >= 0 and i + len(frame) > start and not _quoted_at(text, s, i):
                start = i + len(frame)
        a, b = trim(text, start, m.end())
        name = text[a:b]
        if b - a < 4 or b - a > 24 or regex.search(r"\d", name) or is_slogan(name) or name in v.generic:
            continue
        if name.startswith(v.modifiers) or name.startswith(
            ("各", "本", "此", "这", "该", "相关", "多", "如")
        ):
            continue
        verb = v.verb_re.search(outside_quotes(name))
        if verb is not None and verb.group() not in ("创建", "学习"):  # a clause, not a name
            continue
        items = split_pair(text, a, b)
        head = kind_keyword(text[items[-1][1] : b]) if len(items) > 1 else None  # “…”“…”创建活动
        found = [_Found(x, y, None, a, clause.norm_end, sentence, group + 1, head) for x, y in items]
    return found


def _quoted_at(text: str, start: int, i: int) -> bool:
    """True when position ``i`` is inside quotes opened after ``start``."""
    piece = text[start:i]
    return sum(piece.count(q) for q in OPEN_QUOTES) > sum(piece.count(q) for q in CLOSE_QUOTES)


def _sub_clauses(text: str, clause: Sentence) -> list[Sentence]:
    """A clause cut before every 、 that opens a new project item (…公厕一个、投资1万元修建围栏).

    >>> t = "投资6万元新建公厕一个、投资1万元修建围栏。"
    >>> [t[c.norm_start:c.norm_end] for c in _sub_clauses(t, Sentence(0, len(t)))]
    ['投资6万元新建公厕一个、', '投资1万元修建围栏。']
    """
    if text.find("、", clause.norm_start, clause.norm_end) < 0:
        return [clause] if clause.norm_end > clause.norm_start else []
    cuts = [m.start() + 1 for m in vocab().opener_re.finditer(text, clause.norm_start, clause.norm_end)]
    bounds = [clause.norm_start, *cuts, clause.norm_end]
    return [Sentence(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def heading_spans(sections: Sequence[Section]) -> list[tuple[int, int]]:
    """Normalized spans of short section headings: they name a topic, not an activity."""
    return [
        (s.norm_start, s.norm_start + len(s.label) + len(s.heading) + 2)
        for s in sections
        if s.level <= 2
        and len(s.heading) <= 30
        and not any(ch in s.heading for ch in "。；;")
        and not any(ch.isdigit() for ch in s.heading)
    ]


def _is_title(text: str) -> bool:
    """一行标题 such as 社区创建文明社区工作总结 (no sentence punctuation, ends with 总结 …).

    >>> _is_title("社区创建文明社区工作总结")
    True
    >>> _is_title("开展主题党日活动6次。")
    False
    """
    core = text.strip()
    return not any(ch in core for ch in "，,。；;：:") and core.endswith(vocab().title_ends)


def _find_in_sentence(
    doc: Text,
    sentence: Sentence,
    facts: Sequence[Fact],
    start_group: int,
    skip: Sequence[tuple[int, int]] = (),
) -> list[_Found]:
    text = doc.text
    found: list[_Found] = []
    group = start_group
    previous_had = False
    if _is_title(text[sentence.norm_start : sentence.norm_end]):
        return []
    enumerating = False
    fact_starts = [f.norm_start for f in facts]  # in text order
    clauses = [
        c
        for whole in doc.clauses_in(sentence.norm_start, sentence.norm_end)
        for c in _sub_clauses(text, whole)
    ]
    for clause in clauses:
        if any(hs <= clause.norm_start and clause.norm_end <= he for hs, he in skip):
            continue
        if enumerating:
            enumerating = False
            listed = _enumerated(text, clause, sentence, group)
            if listed:
                group = listed[0].group
                found += listed
                previous_had = True
                continue
        piece = text[clause.norm_start : clause.norm_end].strip()
        if piece[-1:] in ":：" and piece[:-1].endswith(vocab().enumerators):
            enumerating = previous_had
            continue
        inside = facts[
            bisect_left(fact_starts, clause.norm_start) : bisect_left(fact_starts, clause.norm_end)
        ]
        spans = [(f.norm_start, f.norm_end) for f in inside]
        items = _verb_items(doc, clause, spans, sentence, group)
        if not items and inside:  # a counted noun needs a figure
            items = _noun_items(
                text, clause, [(f.norm_start, f.norm_end, f.unit) for f in inside], sentence, group
            )
        elif items:
            items += _listed_after(text, clause, inside, sentence, items)
        if not items:
            items = _completed(text, clause, sentence, group)
        if not items and previous_had and not inside:
            items = _continuation(text, clause, sentence, group)
        if not items:
            items = _mentioned(text, clause, sentence, group)
        if items:
            group = max(group, max(i.group for i in items))
        found += items
        previous_had = bool(items)
    return found


def _linked(found: _Found, facts: Sequence[Fact], doc: Text) -> tuple[int, ...]:
    """Figures in the activity's stretch, and participant figures in verbless clauses after it."""
    begin = found.reach_start if found.lead is None else found.lead
    ids = [f.id for f in facts if begin <= f.norm_start < found.reach_end]
    markers = vocab().participant_markers
    after = found.reach_end
    for clause in doc.clauses_in(after, found.sentence.norm_end):
        piece = doc.text[clause.norm_start : clause.norm_end]
        if vocab().verb_re.search(piece) and not any(m in piece for m in markers):
            break
        if not any(m in piece for m in markers):
            continue
        ids += [
            f.id
            for f in facts
            if clause.norm_start <= f.norm_start < clause.norm_end and f.unit in _PARTICIPANT_UNITS
        ]
    return tuple(sorted(set(ids)))


def activity_type(activity: Activity) -> ActivityType | None:
    """The canonical type of an activity (nlp/resources/activity_types.csv), or None."""
    return type_of_name(activity.name)


def find_activities(
    doc: Text,
    sections: Sequence[Section],
    facts: Sequence[Fact],
    plan_document: bool = False,
    learned: bool = True,
) -> tuple[Activity, ...]:
    """Every activity of a document, in document order, with original offsets.

    With ``learned`` (and the model shipped in models/), the grammar rules' finds are features of
    the learned tagger, which re-cuts them; its spans and kinds are kept (nlp/activities/model.py).
    Without, the rules alone decide.
    An activity's category is its type's here; the categories stage reads the others from context.
    In a plan document (doc_type plan) every activity is planned, as every figure is.
    """
    text = doc.text
    ordered = sorted(facts, key=lambda f: f.norm_start)
    found: list[_Found] = []
    skip = sorted(heading_spans(sections))
    skip_starts = [s for s, _ in skip]
    fi = 0
    sentence_facts: dict[Sentence, Sequence[Fact]] = {}
    for sentence in doc.sentences:
        doc.check_time("activities")
        while fi < len(ordered) and ordered[fi].norm_start < sentence.norm_start:
            fi += 1
        fj = fi
        while fj < len(ordered) and ordered[fj].norm_start < sentence.norm_end:
            fj += 1
        sentence_facts[sentence] = ordered[fi:fj]
        group = found[-1].group + 1 if found else 0
        near = skip[
            bisect_right(skip_starts, sentence.norm_start - _HEADING_REACH) : bisect_right(
                skip_starts, sentence.norm_end
            )
        ]
        found += _find_in_sentence(doc, sentence, ordered[fi:fj], group, near)
    found = _dedupe(found)
    learned_kinds = None
    if learned:
        found, learned_kinds = _learned(doc, ordered, skip, found)
    group_facts: dict[int, set[int]] = {}
    for f in found:
        inside = sentence_facts.get(f.sentence)
        if inside is None:
            inside = [x for x in ordered if f.sentence.norm_start <= x.norm_start < f.sentence.norm_end]
        group_facts.setdefault(f.group, set()).update(_linked(f, inside, doc))
    section_at = SectionLookup(sections)
    activities = []
    for i, f in enumerate(found):
        start, end = doc.to_original(f.norm_start, f.norm_end)
        name = doc.original[start:end]
        section = section_at(f.norm_start)
        verb = None
        if f.verb is not None:
            vs, ve = doc.to_original(f.reach_start, f.reach_start + len(f.verb))
            verb = doc.original[vs:ve]
        kind_type = type_of_name(text[f.norm_start : f.norm_end])
        activities.append(
            Activity(
                id=i,
                section=section.id if section else None,
                start=start,
                end=end,
                text=name,
                verb=verb,
                name=name,
                kind=learned_kinds[i]
                if learned_kinds is not None
                else _kind(text[f.norm_start : f.norm_end], f),
                facts=tuple(sorted(group_facts.get(f.group, ()))),
                category=kind_type.category if kind_type is not None else Category.OTHER,
                planned=plan_document
                or bool(section and section.planned)
                or is_planned_sentence(plan_window(doc, f.norm_start, f.norm_end)),
                norm_start=f.norm_start,
                norm_end=f.norm_end,
            )
        )
    return tuple(activities)


def _learned(
    doc: Text,
    facts: Sequence[Fact],
    headings: Sequence[tuple[int, int]],
    found: list[_Found],
) -> tuple[list[_Found], list[ActivityKind] | None]:
    """The rules' finds as the learned tagger cuts them, with their kinds.

    A tagged span that overlaps a rule find takes that find's verb, group and reach; a rule find
    the tagger leaves out and a tagged span no rule found are dropped. The kind is the rules'
    (read on the rule find's own name), and the classifier's where the rules say ``other``.
    evaluation/README.md gives the cross-validation figures behind these choices.
    """
    from nlp.activities import model

    # only a span overlapping a rule find is kept, so sentences without one need no tagging
    text = doc.text
    tagged = sorted({f.sentence for f in found}, key=lambda s: s.norm_start)
    spans = model.predict_spans(doc, tagged, facts, [(f.norm_start, f.norm_end) for f in found], headings)
    if spans is None:
        return found, None
    result: list[_Found] = []
    kinds: list[ActivityKind] = []
    ends = [f.norm_end for f in found]  # rule finds are in order and do not overlap: ends rise too
    for s, e in spans:
        at = bisect_right(ends, s)  # the first find ending after s: the first that can overlap
        rule = found[at] if at < len(found) and found[at].norm_start < e else None
        if rule is not None:
            result.append(replace(rule, norm_start=s, norm_end=e))
            kinds.append(_kind(text[rule.norm_start : rule.norm_end], rule))
    unsure = [i for i, k in enumerate(kinds) if k is ActivityKind.OTHER]
    learned = model.predict_kinds(
        [text[result[i].norm_start : result[i].norm_end] for i in unsure],
        [model.verb_before(text, result[i].norm_start) for i in unsure],
    )
    for i, kind in zip(unsure, learned or (), strict=False):
        kinds[i] = kind
    return result, kinds


def _kind(name: str, found: _Found) -> ActivityKind:
    """A quoted list item takes the kind of the list's head (“文明户”“好邻居”等评选活动)."""
    v = vocab()
    if found.list_kind is not None and name[:1] in OPEN_QUOTES:
        return found.list_kind
    verb = found.verb or ""
    if verb in v.content and name.startswith(verb) and verb in v.verb_kinds:
        after = kind_keyword(name[len(verb) :])  # 入户摸查: an act after the verb decides, a place not
        if after in (None, ActivityKind.PROJECT, ActivityKind.ORGANIZATION):
            return v.verb_kinds[verb]
    kind = kind_of_name(name, found.verb, found.list_kind)
    by_verb = v.verb_kinds.get(verb)
    if kind in (ActivityKind.PROJECT, ActivityKind.ORGANIZATION) and name.endswith(("活动", "行动")):
        return ActivityKind.CAMPAIGN  # …家园活动, …支部会商”活动: an activity, not what its words name
    if kind is ActivityKind.ORGANIZATION and by_verb is ActivityKind.PROJECT:
        return ActivityKind.PROJECT  # 新建老年活动室: a room built
    if kind is ActivityKind.PROJECT and by_verb is ActivityKind.ORGANIZATION and name.endswith(v.bodies):
        return ActivityKind.ORGANIZATION  # 建立…指导中心: a body set up
    return kind


def _dedupe(found: list[_Found]) -> list[_Found]:
    """One activity per span: overlapping finds keep the first (document order)."""
    kept: list[_Found] = []
    for f in sorted(found, key=lambda x: (x.norm_start, -x.norm_end)):
        if kept and f.norm_start < kept[-1].norm_end:
            continue
        kept.append(f)
    return kept
