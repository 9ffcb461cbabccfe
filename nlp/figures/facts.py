"""Quantity + subject + section + planned → Fact (the categories stage adds the category)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from operator import attrgetter

from nlp.figures.clauses import up_to_last
from nlp.figures.durations import is_time_covered
from nlp.figures.list_lead import list_lead_spans
from nlp.figures.lookalike import keep_figures
from nlp.figures.plan_stretches import covered_by, fact_stretches, titled_plan_spans
from nlp.figures.planned import continues_figure_list, is_planned_sentence, is_start_value
from nlp.figures.quota import is_quota_figure
from nlp.figures.resolve import Figure, resolve_figures
from nlp.figures.sentence_lead import sentence_lead_spans
from nlp.figures.subjects import bare_total_indicator, find_subject_spans
from nlp.figures.year_ahead import is_year_ahead_figure
from nlp.figures.zeros import not_one_subject
from nlp.records import Category, Fact, Quantity, Section
from nlp.text.document import Text
from nlp.text.outline import SectionLookup
from nlp.text.spans import OffsetMap


def _as_written(doc: Text, quantity: Quantity, offsets: OffsetMap | None = None) -> str:
    """The number text as it stands in the original (traditional script, full width …).

    ``offsets`` is ``doc``'s offset map, for a caller that reads it once per document (the same
    span as ``doc.to_original``, without its two calls through the Text and the normalized text)."""
    number = quantity.number_text
    at = doc.text.find(number, quantity.norm_start, quantity.norm_end)
    if at < 0 or not number:
        return number
    start, end = (offsets if offsets is not None else doc.normalized.offsets).to_original(at, at + len(number))  # (not ``or``: the truth of a map is a call of its __len__)
    return doc.original[start:end]


# A plan marker governs a figure from this far at most (a clause is rarely longer).
PLAN_REACH = 60
# ... and reaches back over a list of figures in one statement this far at most.
PLAN_LIST_REACH = 200
LIST_BREAKS = "，,；;"
# A colon list runs up to the end of its sentence or line.
COLON_LIST_STOPS = "。！？!?\n"
_TO_COLON_OR_STOP = up_to_last(COLON_LIST_STOPS + "：:")


def plan_window(doc: Text, norm_start: int, norm_end: int) -> str:
    """The figure's clause up to the figure's end and the clause before it in its sentence: where a
    plan marker governs a figure (at most ``PLAN_REACH`` characters back).

    Rule marker_before: a marker governs what follows it in its own clause. A figure before it is
    the clause's subject, something that exists (``25个重点项目预计完成投资180亿元``: the 25 is no
    target, the 180亿元 is).

    The window reaches further back over a list of figures that continues one statement
    (``全年计划改造楼院23个,总面积11.6万㎡,37栋楼``): while its first clause holds a figure and no word
    of things done (``nlp.figures.planned.continues_figure_list``), at most ``PLAN_LIST_REACH``
    characters back, so that a long run of figures stays linear.

    >>> doc = Text.from_string("今年开展活动6次,下一步,力争发展党员2名。")
    >>> plan_window(doc, 19, 21)
    '下一步,力争发展党员2名'
    >>> doc = Text.from_string("我区立足实际,全年计划改造楼院23个,总面积11.6万㎡,37栋楼。")
    >>> at = doc.text.index("37")
    >>> plan_window(doc, at, at + 4)
    '我区立足实际,全年计划改造楼院23个,总面积11.6万㎡,37栋楼'
    >>> doc = Text.from_string("剩余3个小区计划明年完成改造。")
    >>> plan_window(doc, 2, 4)
    '剩余3个'
    """
    clause = doc.clause_at(norm_start)
    if clause is None:
        return doc.text[max(0, norm_start - PLAN_REACH) : norm_end]
    start = clause.norm_start
    sentence = doc.sentence_at(norm_start)
    floor = sentence.norm_start if sentence is not None else 0
    if start > floor:
        previous = doc.clause_at(start - 1)
        if previous is not None:
            start = previous.norm_start
    reach = floor if floor > norm_start - PLAN_LIST_REACH else norm_start - PLAN_LIST_REACH
    start = start if start > reach else reach  # read no further back than the reach: a run of figures stays linear
    if start < norm_start - PLAN_REACH and not continues_figure_list(doc.text[start:norm_start]):
        start = norm_start - PLAN_REACH  # a long clause holding figures is a list: it is not cut
    while start > reach and doc.text[start - 1] in LIST_BREAKS:
        first = doc.clause_at(start)
        if first is None or not continues_figure_list(doc.text[start : min(first.norm_end, norm_start)]):
            break
        previous = doc.clause_at(start - 1)
        if previous is None:
            break
        start = max(previous.norm_start, reach)
    return _colon_lead(doc, norm_start) + doc.text[start:norm_end]


@dataclass(frozen=True)
class PlanState:
    """The planned decision of a document's clauses, made once and read by facts and activities.

    A span is planned when it lies in a plan part (a plan document, a plan section, a plan title
    line the outline left) outside the stretches that state what is (``nlp.figures.plan_stretches``),
    when its plan window holds a plan marker (``plan_window``, ``is_planned_sentence``), when its
    sentence is led by a plan (rule sentence_lead, ``nlp.figures.sentence_lead``) or it is an item a
    plan lead announces (rule list_lead, ``nlp.figures.list_lead``), or when its
    sentence is led by a year after the report's (rule year_ahead). What only a figure can be (a
    quota, a starting value) is the facts stage's on top of this.

    >>> doc = Text.from_string("2024年举办手机培训班5期。3月，社区开展义诊活动。下一步，组织亲子阅读活动。")
    >>> state = plan_state(doc, (), False, 2023)
    >>> [state.planned(doc, doc.text.index(w), doc.text.index(w) + len(w)) for w in ("手机培训班", "义诊活动", "亲子阅读活动")]
    [True, False, True]
    """

    plan_year: int | None
    section_planned: Callable[[int], bool]
    titled: Callable[[int], bool]
    stated: Callable[[int], bool]
    plan_document: bool
    led: Callable[[int], bool]  # rules sentence_lead and list_lead
    # is_planned_sentence by window: the figures and activities of one clause mostly share theirs
    windows: dict[str, bool] = field(default_factory=dict, compare=False)

    def in_plan_part(self, norm_start: int) -> bool:
        """Whether the offset lies in a plan part and outside what it states as it is."""
        return (self.plan_document or self.section_planned(norm_start) or self.titled(norm_start)) and not self.stated(
            norm_start
        )

    def planned(self, doc: Text, norm_start: int, norm_end: int) -> bool:
        """The planned decision of the span ``doc.text[norm_start:norm_end]`` (a figure, an activity).
        The state is kept on ``doc`` and is given it here rather than holding it, so that a parse
        makes no reference cycle (its Text is freed when the parse is, without the collector)."""
        if self.in_plan_part(norm_start) or self.led(norm_start):
            return True
        window = plan_window(doc, norm_start, norm_end)
        planned = self.windows.get(window)
        if planned is None:
            planned = self.windows[window] = is_planned_sentence(window)
        return planned or is_year_ahead_figure(doc, norm_start, norm_end, self.plan_year)


def plan_state(doc: Text, sections: Sequence[Section], plan_document: bool, plan_year: int | None) -> PlanState:
    """The document's ``PlanState``, made on the first ask and kept on the Text (``doc.derived``), so
    that the facts and activities stages read one decision."""
    sections = tuple(sections)
    key = ("plan_state", sections, plan_document, plan_year)
    state = doc.derived.get("plan_state")
    if state is not None and state[0] == key:
        return state[1]
    section_at = SectionLookup(sections)

    def section_planned(norm_start: int) -> bool:
        section = section_at(norm_start)
        return bool(section and section.planned)

    made = PlanState(
        plan_year,
        section_planned,
        covered_by(titled_plan_spans(doc.text, sections)),
        covered_by(fact_stretches(doc.text, sections, plan_document, plan_year)),
        plan_document,
        covered_by(sentence_lead_spans(doc.text) + list_lead_spans(doc.text)),
    )
    doc.derived["plan_state"] = (key, made)
    return made


def _colon_lead(doc: Text, norm_start: int) -> str:
    """The lead clause of a colon list the figure stands in (主要目标是：…增长6%；…3200人；…), across
    the list's ；: it governs every item up to the 。 (at most ``PLAN_LIST_REACH`` characters).

    >>> doc = Text.from_string("今年的主要目标是：新增就业1200人；粮食产量稳定在20万吨以上。")
    >>> _colon_lead(doc, doc.text.index("20"))
    '今年的主要目标是：'
    """
    text = doc.text
    floor = norm_start - PLAN_LIST_REACH if norm_start > PLAN_LIST_REACH else 0
    if text.find("：", floor, norm_start) < 0 and text.find(":", floor, norm_start) < 0:
        return ""  # no colon within reach (most figures): no list lead
    last = _TO_COLON_OR_STOP.match(text, floor, norm_start) if norm_start > floor else None
    if last is None or text[last.end() - 1] in COLON_LIST_STOPS:
        return ""
    at = last.end() - 1  # the colon, with no stop after it
    lead = doc.clause_at(at)
    return text[max(lead.norm_start, at + 1 - PLAN_REACH) : at + 1] if lead is not None else ""


_start_of = attrgetter("norm_start")
_OTHER = Category.OTHER  # (read once: an enum member read from its class costs three globals' reads)


_FACT_FIELDS = tuple(f.name for f in fields(Fact))


def _fact(*values) -> Fact:
    """``Fact(*values)`` with every field given in order, filled in directly: a frozen dataclass's
    ``__init__`` sets each of its 19 fields through ``object.__setattr__``, measured at twice the cost
    of filling them at once. The same record (tests hold it equal to ``Fact(...)``); ``strict`` fails
    at once should Fact gain a field, and Fact has no ``__post_init__`` that this would skip."""
    fact = object.__new__(Fact)
    fact.__dict__.update(zip(_FACT_FIELDS, values, strict=True))
    return fact


def _own_subject(text: str, q: Quantity, found: tuple[str | None, int | None]) -> tuple[str | None, int | None]:
    """The subject of figures the subject finder does not read: a duration covering the report's time
    has none (一年来, 过去一年，: nlp/figures/durations.py), a "not one" zero's is what did not happen
    (未发生一起火灾 → 火灾: nlp/figures/zeros.py); any other keeps ``found``."""
    if is_time_covered(text, q):
        return None, None
    own = not_one_subject(text, q)
    return own if own is not None else found


def build_facts(
    doc: Text,
    quantities: Sequence[Quantity],
    sections: Sequence[Section],
    plan_document: bool = False,
    level: str | None = None,
    own_name: str | None = None,
    plan_year: int | None = None,
) -> tuple[Fact, ...]:
    """Facts with original offsets, in document order (categories are the categories stage's).

    In a plan document (doc_type plan) and a plan section every figure is a target, but for what
    they state as it is (``nlp.figures.plan_stretches``: a review of a year before ``plan_year`` that
    opens a paragraph, 2022年，社区…全年开展活动26场; what exists now; the problems). A task's amount
    set from above is a target anywhere (``is_quota_figure``). ``level`` (community, township,
    county, city) and ``own_name`` (the reporting unit's name) decide whose figure each one is.
    A quantity the look-alike model vetoes (nlp/figures/lookalike.py) becomes no fact.
    """
    quantities = sorted(keep_figures(doc, quantities), key=_start_of)
    subject_spans = find_subject_spans(doc, quantities)
    subject_spans = tuple(_own_subject(doc.text, q, span) for q, span in zip(quantities, subject_spans, strict=True))
    section_at = SectionLookup(sections)
    check_time = doc.deadline.check
    sections_of: list[Section | None] = []
    figures = []
    for quantity, (subject, subject_start) in zip(quantities, subject_spans, strict=True):
        check_time("facts")
        sections_of.append(section_at(quantity.norm_start))
        figures.append(
            Figure(
                quantity.norm_start,
                quantity.norm_end,
                subject,
                quantity.unit,
                bare_total_indicator(doc, quantity, subject) if subject is None else None,
                subject_start,
            )
        )
    resolved = resolve_figures(doc, figures, level, own_name, plan_year)
    plans = plan_state(doc, sections, plan_document, plan_year)
    text, original, offsets = doc.text, doc.original, doc.normalized.offsets
    facts = []
    for i, (quantity, section, figure, resolution) in enumerate(
        zip(quantities, sections_of, figures, resolved, strict=True)
    ):
        norm_start, norm_end = quantity.norm_start, quantity.norm_end
        planned = (
            plans.planned(doc, norm_start, norm_end) or is_quota_figure(text, norm_start, norm_end, quantity.unit)
        ) and not is_start_value(text, norm_start, norm_end)
        start, end = offsets.to_original(norm_start, norm_end)
        value, low, high = quantity.value, quantity.low, quantity.high
        facts.append(
            _fact(
                i,
                section.id if section else None,
                start,
                end,
                original[start:end],
                _as_written(doc, quantity, offsets),
                None if value is None else float(value),
                None if low is None else float(low),
                None if high is None else float(high),
                quantity.unit,
                quantity.qualifier,
                figure.subject,
                resolution.indicator,
                resolution.breakdown,
                resolution.scope,
                _OTHER,
                planned,
                norm_start,
                norm_end,
            )
        )
    return tuple(facts)
