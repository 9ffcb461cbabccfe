"""Activities: what a community did or will do, named in the text (SPEC section 3).

The grammar rules (nlp/activities/sentence_rules.py, clause_rules.py, verbless_rules.py) find
activities clause by clause in normalized text; with the shipped model, the learned tagger
(nlp/activities/model.py) re-cuts their finds. Here the finds of a document are put together: one
activity per span, the learned spans and kinds, the figures each is linked to (those in the
activity's stretch of the clause, and participant figures in the verbless clauses that follow:
覆盖群众500余人次), its section, category by type, and whether it is planned.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import fields
from functools import cache, lru_cache
from operator import attrgetter, itemgetter

from nlp.activities.clause_rules import Found
from nlp.activities.grammar_index import GrammarIndex
from nlp.activities.measured import without_measures
from nlp.activities.names import OPEN_QUOTES, outside_quotes
from nlp.activities.sentence_rules import HEADING_REACH, find_in_sentence, heading_spans
from nlp.activities.vocab import ActivityType, kind_keyword, kind_of_name, type_of_name, vocab
from nlp.activities.word_trie import trie_pattern
from nlp.figures.facts import PlanState, plan_state
from nlp.records import Activity, ActivityKind, Category, Fact, Section
from nlp.text.document import Text
from nlp.text.outline import SectionLookup

__all__ = ["activity_type", "find_activities", "heading_spans"]

_NORM_START = attrgetter("norm_start")
_PARTICIPANT_UNITS = frozenset({"人次", "人", "名", "户", "家", "余人次"})


def _linked(found: Found, facts: Sequence[Fact], index: GrammarIndex) -> tuple[int, ...]:
    """Figures in the activity's stretch, and participant figures in verbless clauses after it."""
    begin = found.reach_start if found.lead is None else found.lead
    after, last = found.reach_end, found.sentence.norm_end
    ids = [f.id for f in facts if begin <= f.norm_start < after]
    # the clauses after the stretch, to the sentence's end (``Text.clauses_in``)
    starts, ends = index.clause_starts, index.clause_ends
    markers = _participant_markers()
    k = bisect_right(starts, after) - 1
    if k < 0 or ends[k] <= after:
        k += 1
    while k < len(starts) and starts[k] < last:
        cs = starts[k] if starts[k] > after else after
        ce = ends[k] if ends[k] < last else last
        k += 1
        if not markers.search(index.text, cs, ce):
            if index.verbs.search(cs, ce) is not None:
                break  # a clause with a verb and no participants: another statement
            continue
        ids += [f.id for f in facts if cs <= f.norm_start < ce and f.unit in _PARTICIPANT_UNITS]
    return tuple(sorted(set(ids)))


@cache
def _participant_markers() -> re.Pattern[str]:
    """Any participant marker (参与, 覆盖 …): a clause holding one counts people."""
    return re.compile(trie_pattern(vocab().participant_markers))


def activity_type(activity: Activity) -> ActivityType | None:
    """The canonical type of an activity (nlp/resources/activity_types.csv), or None."""
    return type_of_name(activity.name)


def find_activities(
    doc: Text,
    sections: Sequence[Section],
    facts: Sequence[Fact],
    plan_document: bool = False,
    learned: bool = True,
    plan_year: int | None = None,
) -> tuple[Activity, ...]:
    """Every activity of a document, in document order, with original offsets.

    With ``learned`` (and the model shipped in models/), the grammar rules' finds are features of
    the learned tagger, which re-cuts them; its spans and kinds are kept (nlp/activities/model.py).
    Without, the rules alone decide.
    An activity's category is its type's here; the categories stage reads the others from context.
    An activity is planned by the decision the facts stage reads for its figures
    (``nlp.figures.facts.PlanState``): a plan part but for the stretches that state what is, a plan
    marker in its window, a clause led by a later year than ``plan_year``.
    """
    plans = plan_state(doc, sections, plan_document, plan_year)
    return _records(doc, sections, *_finds(doc, sections, facts, learned), plans)


def _finds(
    doc: Text, sections: Sequence[Section], facts: Sequence[Fact], learned: bool
) -> tuple[list[Fact], dict[int, Sequence[Fact]], GrammarIndex, list[Found], list[ActivityKind] | None]:
    """The finds of a document (the rules', re-cut by the tagger with ``learned``) and what the
    records are made from: the figures in order, those of each sentence read (by its start), the
    grammar's index, the finds, and the learned kinds (None: the rules' kinds)."""
    ordered = sorted(facts, key=_NORM_START)
    found: list[Found] = []
    skip = sorted(heading_spans(sections))
    skip_starts = [s for s, _ in skip]
    index = GrammarIndex(doc)
    fact_starts = [f.norm_start for f in ordered]
    # the figures of each sentence read, by the sentence's start (sentences do not share starts;
    # an int key spares hashing the Sentence dataclass)
    sentence_facts: dict[int, Sequence[Fact]] = {}
    check_time = doc.deadline.check  # (what ``doc.check_time`` calls)
    for k, fi, fj in index.sentences_to_read(fact_starts):
        check_time("activities")
        sentence = doc.sentences[k]
        sentence_facts[sentence.norm_start] = ordered[fi:fj]
        group = found[-1].group + 1 if found else 0
        near = skip[
            bisect_right(skip_starts, sentence.norm_start - HEADING_REACH) : bisect_right(
                skip_starts, sentence.norm_end
            )
        ]
        found += find_in_sentence(index, k, ordered[fi:fj], group, near)
    found = without_measures(index.text, _dedupe(found), ordered)
    learned_kinds = None
    if learned:
        found, learned_kinds = _learned(doc, ordered, skip, found)
    return ordered, sentence_facts, index, found, learned_kinds


def _records(
    doc: Text,
    sections: Sequence[Section],
    ordered: Sequence[Fact],
    sentence_facts: dict[int, Sequence[Fact]],
    index: GrammarIndex,
    found: list[Found],
    learned_kinds: list[ActivityKind] | None,
    plans: PlanState,
) -> tuple[Activity, ...]:
    """The Activity records of the finds: original offsets, section, linked figures, kind,
    category and planned."""
    text, original = doc.text, doc.original
    to_original = doc.normalized.offsets.to_original  # (what ``doc.to_original`` calls)
    # the figures a find links, by what ``_linked`` reads of it: the items of one list share
    # their stretch, so most finds of a group ask the same question
    linked: dict[tuple[int, int, int], tuple[int, ...]] = {}
    group_facts: dict[int, set[int]] = {}
    for f in found:
        sentence = f.sentence
        key = (f.reach_start if f.lead is None else f.lead, f.reach_end, sentence.norm_start)
        ids = linked.get(key)
        if ids is None:
            inside = sentence_facts.get(sentence.norm_start)
            if inside is None:
                inside = [x for x in ordered if sentence.norm_start <= x.norm_start < sentence.norm_end]
            ids = linked[key] = _linked(f, inside, index)
        group_facts.setdefault(f.group, set()).update(ids)
    section_at = SectionLookup(sections)
    activities = []
    for i, f in enumerate(found):
        start, end = to_original(f.norm_start, f.norm_end)
        name = original[start:end]
        section = section_at(f.norm_start)
        verb = None
        if f.verb is not None:
            vs, ve = to_original(f.reach_start, f.reach_start + len(f.verb))
            verb = original[vs:ve]
        norm_name = text[f.norm_start : f.norm_end]
        kind_type = type_of_name(norm_name)
        planned = plans.planned(doc, f.norm_start, f.norm_end)  # the facts' decision (nlp.figures.facts.PlanState)
        activities.append(
            _activity(
                i,
                section.id if section else None,
                start,
                end,
                name,
                verb,
                name,
                learned_kinds[i] if learned_kinds is not None else _kind_of(norm_name, f.verb, f.list_kind),
                tuple(sorted(group_facts.get(f.group, ()))),
                kind_type.category if kind_type is not None else Category.OTHER,
                planned,
                f.norm_start,
                f.norm_end,
            )
        )
    return tuple(activities)


_ACTIVITY_FIELDS = tuple(f.name for f in fields(Activity))


def _activity(*values: object) -> Activity:
    """``Activity(*values)`` with every field given in order, filled in at once (as
    ``nlp.figures.facts._fact`` makes a Fact): a frozen dataclass's ``__init__`` sets each of its
    13 fields through ``object.__setattr__``, measured at about twice the cost. The same record
    (tests/test_activity_records_fast.py holds it equal to ``Activity(...)``); ``strict`` fails at
    once should Activity gain a field, and Activity has no ``__post_init__`` that this would skip."""
    activity = object.__new__(Activity)
    activity.__dict__.update(zip(_ACTIVITY_FIELDS, values, strict=True))
    return activity


def _learned(
    doc: Text,
    facts: Sequence[Fact],
    headings: Sequence[tuple[int, int]],
    found: list[Found],
) -> tuple[list[Found], list[ActivityKind] | None]:
    """The rules' finds as the learned tagger cuts them, with their kinds.

    A tagged span that overlaps a rule find takes that find's verb, group and reach; a rule find
    the tagger leaves out and a tagged span no rule found are dropped. The kind is the rules'
    (read on the rule find's own name), and the classifier's where the rules say ``other``.
    evaluation/README.md gives the cross-validation figures behind these choices.
    """
    from nlp.activities import model

    # only a span overlapping a rule find is kept, so sentences without one need no tagging
    text = doc.text
    tagged = sorted({f.sentence.norm_start: f.sentence for f in found}.values(), key=_NORM_START)
    spans = model.predict_spans(doc, tagged, facts, [(f.norm_start, f.norm_end) for f in found], headings)
    if spans is None:
        return found, None
    result: list[Found] = []
    kinds: list[ActivityKind] = []
    ends = [f.norm_end for f in found]  # rule finds are in order and do not overlap: ends rise too
    pieces: dict[int, int] = {}  # how many tagged spans overlap each finished project (by its index)
    for s, e in spans:
        at = bisect_right(ends, s)
        if at < len(found) and found[at].norm_start < e and _finished(found[at]):
            pieces[at] = pieces.get(at, 0) + 1
    for s, e in spans:
        at = bisect_right(ends, s)  # the first find ending after s: the first that can overlap
        rule = found[at] if at < len(found) and found[at].norm_start < e else None
        if rule is not None and pieces.get(at, 0) > 1:  # the tagger cut a finished project apart
            if not result or result[-1] is not rule:  # (a tagged piece of it already took it)
                result.append(rule)
                kinds.append(_kind_of(text[rule.norm_start : rule.norm_end], rule.verb, rule.list_kind))
        elif rule is not None:
            result.append(Found._make((s, e, *rule[2:])))  # (``_replace``, without its keywords)
            kinds.append(_kind_of(text[rule.norm_start : rule.norm_end], rule.verb, rule.list_kind))
    # a finished project (rule ``completed``: no verb, a project by the predicate after it) is kept
    # as the rules cut it when the tagger leaves it out or cuts it apart (上垟至岭后通村公路拓宽工程
    # 已完工 → 至岭后, 通村公路拓宽工程): the tagger saw few such subjects. One tagged span keeps
    # the tagger's cut (下午消防管网已铺设完成 → 消防管网).
    starts = [f.norm_start for f in result]
    for f in found:
        if _finished(f):
            at = bisect_right(starts, f.norm_start)
            before = result[at - 1] if at else None
            after = result[at] if at < len(result) else None
            if (before is None or before.norm_end <= f.norm_start) and (
                after is None or f.norm_end <= after.norm_start
            ):  # (no tagged span overlaps it: ``result`` is in order and its spans apart)
                result.insert(at, f)
                kinds.insert(at, _kind_of(text[f.norm_start : f.norm_end], None, f.list_kind))
                starts.insert(at, f.norm_start)
    unsure = [i for i, k in enumerate(kinds) if k is ActivityKind.OTHER]
    learned = model.predict_kinds(
        [text[result[i].norm_start : result[i].norm_end] for i in unsure],
        [model.verb_before(text, result[i].norm_start) for i in unsure],
    )
    for i, kind in zip(unsure, learned or (), strict=False):
        kinds[i] = kind
    return result, kinds


@lru_cache(maxsize=8192)  # a pure function of its arguments, and the same names recur
def _kind_of(name: str, found_verb: str | None, list_kind: ActivityKind | None) -> ActivityKind:
    """The rules' kind of a find of ``name`` (its verb, its list's kind). A quoted list item takes
    the kind of the list's head (“文明户”“好邻居”等评选活动)."""
    v = vocab()
    if list_kind is not None and name[:1] in OPEN_QUOTES:
        return list_kind
    if list_kind is ActivityKind.PROJECT and found_verb is None:
        return list_kind  # a finished project (社区老年食堂投入运营: 社区 is no campaign here)
    verb = found_verb or ""
    if verb in v.content_verbs and name.startswith(verb) and verb in v.verb_kinds:
        after = kind_keyword(name[len(verb) :])  # 入户摸查: an act after the verb decides, a place not
        if after in (None, ActivityKind.PROJECT, ActivityKind.ORGANIZATION):
            act = kind_keyword(name[len(verb) : len(verb) + 2])  # 入户核查出租房屋: the act, then its place
            return act if act not in (None, ActivityKind.PROJECT, ActivityKind.ORGANIZATION) else v.verb_kinds[verb]
    kind = kind_of_name(_without_destinations(name), found_verb, list_kind)
    by_verb = v.verb_kinds.get(verb)
    if verb in v.builds and name.endswith(v.facility_ends) and kind_keyword(name[-2:]) is None:
        return ActivityKind.PROJECT  # 硬化入户路: a road built, whatever its words name (入户 is a visit; 大讲堂 stays a training)
    if verb in v.contests and kind is not ActivityKind.ORGANIZATION:
        return ActivityKind.CAMPAIGN  # 创建学习型家庭示范户: the title competed for, whatever its words name
    if kind in (ActivityKind.PROJECT, ActivityKind.ORGANIZATION) and name.endswith(("活动", "行动")):
        return ActivityKind.CAMPAIGN  # …家园活动, …支部会商”活动: an activity, not what its words name
    if kind is ActivityKind.ORGANIZATION and ActivityKind.PROJECT in (by_verb, list_kind):
        return ActivityKind.PROJECT  # 新建老年活动室, 卫生站建成投用: a room or a station built
    if kind is ActivityKind.PROJECT and by_verb is ActivityKind.ORGANIZATION and name.endswith(v.bodies):
        return ActivityKind.ORGANIZATION  # 建立…指导中心: a body set up
    return kind


def _finished(f: Found) -> bool:
    """A find of rule ``completed``: no verb, a project by the predicate after it."""
    return f.verb is None and f.list_kind is ActivityKind.PROJECT


def _without_destinations(name: str) -> str:
    """The name without the places its act is brought to (法律咨询进社区活动 → 法律咨询活动: a
    service, not a campaign named by 社区), outside quotes; the name itself when that leaves no
    kind keyword."""
    if "进" not in name:
        return name
    spans = [m.span() for m in vocab().destination_re.finditer(outside_quotes(name))]
    if not spans:
        return name
    cut, at = [], 0
    for a, b in spans:
        cut.append(name[at:a])
        at = b
    cut.append(name[at:])
    rest = "".join(cut)
    return rest if kind_keyword(rest) is not None else name


def _dedupe(found: list[Found]) -> list[Found]:
    """One activity per span: overlapping finds keep the first (document order)."""
    kept: list[Found] = []
    # by start, then longest first (two stable sorts: the order of ``key=(start, -end)``)
    by_end = sorted(found, key=itemgetter(1), reverse=True)
    for f in sorted(by_end, key=itemgetter(0)):
        if kept and f.norm_start < kept[-1].norm_end:
            continue
        kept.append(f)
    return kept
