"""Plan parts of a report that the plan-heading keywords miss, from the outline's shape.

A government work report reviews one year and then plans the next: ``一、2023年工作回顾`` …
``二、2024年总体要求`` / ``三、关于2024年工作``. Two named rules mark such parts as plan sections
(children inherit, as for a keyword plan heading, ``nlp.text.labels.is_plan_heading``):

- **year ahead**: a heading naming a year later than the last year named by an earlier review
  heading (…工作回顾, …总结, …完成情况: ``outline.toml`` ``[planned] review``), or by the title line
  (东湖社区2023年工作总结 … ``二、2024年工作``), is a plan part;
- **part title over its chapters**: a top-level plan section without sub-sections is the title of
  the plan part whose chapters the outline sees as its siblings (``二、2024年工作总体要求`` then
  ``三、…`` … ``九、…``); the following top-level sections are plan sections too, up to a review
  heading;
- **glued part title**: a plan part title naming its year, at a line or sentence start, run into its
  first sentence, the year restated (``2025年工作思路2025年是…``, a page whose line breaks were lost), which the outline
  does not take as a heading: the top-level sections after it are plan sections, up to a review
  heading;
- **problems part**: a sub-section naming the report's problems (``（一）存在的问题`` under
  ``六、存在的问题和2017年工作打算``, ``outline.toml`` ``[problem_parts]``) states what is, not what is
  planned: it and its children do not inherit the plan of a heading that joins problems and plans
  (a child naming a plan itself, ``（二）2017年工作打算``, stays a plan section);
- **plan lead over items**: numbered items the outline takes as sections, right after a line that
  ends in a colon and plans, or a bare plan title line the outline did not take (``下一步工作打算``) (``下一步工作打算如下：`` / ``明年，我们将重点做好以下几项工作：`` then
  ``1.新建停车位40个。``, ``（一）…``): the items and their later siblings are plan sections (the
  line is a sentence, not a heading, so no section carries its plan);
- **run-on item**: a numbered item the outline takes whole as its heading, a sentence of several
  clauses (``2、为发展乡村旅游，开发古道，投入资金100多万元，…，计划年底完工``), names a plan only in its
  first clause: a plan word in a later clause plans that clause (``nlp.figures``' clause window), not
  the item (its children inherit nothing from it but name their own plan).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Sequence

import regex

from nlp.records import Section
from nlp.text.labels import is_plan_heading, is_problem_part, vocab

YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)年")
# A part title naming its year (2024年工作安排), at a line or sentence start, run into a sentence that
# restates the year (…2024年是…): the glue of a page whose line breaks were lost.
GLUED_TITLE = regex.compile(
    r"(?:^|(?<=[。！？!?]))[ \t\u3000]*((?<!\d)((?:19|20)\d\d)年[^\s\d，,。；;：:、！？!?（）()]{2,14}?)\2年", regex.M
)


def glued_plan_titles(text: str) -> list[int]:
    """Offsets of the plan part titles run into their first sentence at a line start.

    >>> glued_plan_titles("2025年工作思路2025年是攻坚之年。")
    [0]
    >>> glued_plan_titles("2023年工作回顾2023年是开局之年。"), glued_plan_titles("。下一步计划2024年完成改造。")
    ([], [])
    """
    found = []
    for year in _YEAR_AT.finditer(text):  # the title starts with its year: read only where one stands
        start = year.start() - 4
        at = start
        while at > 0 and text[at - 1] in _TITLE_INDENT:
            at -= 1
        if at > 0 and text[at - 1] not in _TITLE_OPENERS:
            continue
        glued = GLUED_TITLE.match(text, at)
        if glued is not None and is_plan_heading(glued.group(1)):
            found.append(glued.start(1))
    return found


# A year and its 年, the 年 read first (a pattern opening with an assertion, as GLUED_TITLE does, is
# tried at every character of the text; one opening with a character jumps from 年 to 年).
_YEAR_AT = re.compile(r"年(?<=(?<!\d)(?:19|20)\d\d年)")
# What may stand before a glued title's year: indentation, after a line start or a sentence end.
_TITLE_INDENT = " \t\u3000"
_TITLE_OPENERS = "\n。！？!?"


_CLAUSE_BREAK = regex.compile(r"[，,；;。]")


def is_run_on_item(heading: str) -> bool:
    """Whether a heading is a sentence of several clauses whose plan word stands only after its first
    clause (rule run-on item).

    >>> is_run_on_item("为发展乡村旅游，投入资金100多万元，重建古寺，计划年底完工")
    True
    >>> is_run_on_item("下一步，社区将重点做好三项工作"), is_run_on_item("存在问题和下一步打算")
    (False, False)
    >>> is_run_on_item("围绕中心工作，明确全年工作计划")  # a title: no figure, no full stop
    False
    """
    parts = _CLAUSE_BREAK.split(heading)
    if len(parts) < 3 and not any(ch.isdigit() for ch in heading):
        return False  # a two-part title (聚力…，做强…): not a run-on sentence
    return is_plan_heading(heading) and not is_plan_heading(parts[0])


def plans_items_below(text: str, at: int) -> bool:
    """Whether the line before offset ``at`` (a section's start) ends in a colon and plans (rule plan
    lead over items).

    >>> t = "一、主要工作\\n下一步工作打算如下：\\n1.新建停车位40个。"
    >>> plans_items_below(t, t.index("1.")), plans_items_below("主要做法如下：\\n1.走访120户。", 8)
    (True, False)
    >>> plans_items_below("下一步工作打算\\n1.新建停车位40个。", 8), plans_items_below("全年开展活动\\n1.义诊", 7)
    (True, False)
    """
    # the plan markers are the figures' vocabulary (nlp/resources/planned.toml), read here lazily as
    # nlp.text.document reads the quantities
    from nlp.figures.planned import is_planned_sentence

    line_end = text.rfind("\n", 0, at)
    if line_end <= 0:
        return False
    line = text[text.rfind("\n", 0, line_end) + 1 : line_end].strip()
    if line.endswith(("：", ":")):
        return is_planned_sentence(line)
    # a bare title line the outline did not take (下一步工作打算, 【明年打算】): short, no sentence stop
    return len(line) <= BARE_TITLE_MAX and _SENTENCE_MARK.search(line) is None and is_plan_heading(line)


BARE_TITLE_MAX = 20  # characters of a bare plan title line
_SENTENCE_MARK = regex.compile(r"[。，,；;！？!?]")
# An item's number before a title line the outline did not take (2、明年工作计划 after 一、…).
_ITEM_LABEL = regex.compile(r"^(?:\d{1,2}[、.．]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}[、.．])[ \t\u3000]*")


def is_bare_plan_title(line: str) -> bool:
    """Whether a line the outline did not take as a heading is a plan title: short, no sentence
    mark, naming a plan (下一步工作打算, 【明年打算】, 2、明年工作计划 whose number breaks the series).

    >>> is_bare_plan_title("下一步工作打算"), is_bare_plan_title("2、明年工作计划"), is_bare_plan_title("全年工作亮点")
    (True, True, False)
    >>> is_bare_plan_title("下一步，社区将继续做好服务"), is_bare_plan_title("东湖社区2023年工作总结")
    (False, False)
    """
    line = _ITEM_LABEL.sub("", line.strip(), count=1)
    return (
        0 < len(line) <= BARE_TITLE_MAX
        and _SENTENCE_MARK.search(line) is None
        and not _is_review(line)
        and is_plan_heading(line)
    )


def bare_plan_title_spans(text: str, sections: Sequence[Section]) -> list[tuple[int, int]]:
    """Rule bare plan title: the text under a plan title line the outline did not take as a heading
    (``is_bare_plan_title``), from the line's end to the next section's start or the text's end. No
    section carries the title's plan, so the items under it, numbered or not, are planned through
    this stretch (``nlp.figures.facts``); the text's first line (its title) is never one.

    >>> t = "东湖社区2023年工作总结\\n一、主要工作\\n开展活动36场。\\n明年打算\\n新建停车位40个。\\n二、存在的问题\\n缺口约150个。"
    >>> from nlp.records import Section
    >>> secs = [Section(id=i, parent=None, level=1, label="", heading="", start=0, end=0, norm_start=t.index(h),
    ...                 norm_end=len(t)) for i, h in enumerate(("一、", "二、"))]
    >>> [t[a:b] for a, b in bare_plan_title_spans(t, secs)]
    ['\\n新建停车位40个。\\n']
    """
    starts = sorted(s.norm_start for s in sections)
    spans = []
    at = text.find("\n") + 1  # past the title line
    if at <= 0:
        return []
    for line in _SHORT_LINE.finditer(text, at):  # (only the lines short enough to be a title are visited)
        at, end = line.span()
        if is_bare_plan_title(line.group()):
            i = bisect_left(starts, end)
            if bisect_left(starts, at) == i:  # no section starts on the line: the outline left it
                spans.append((end, starts[i] if i < len(starts) else len(text)))
    return spans


# A whole line of at most ``BARE_TITLE_MAX + 8`` characters (a longer one is never a bare title).
_SHORT_LINE = re.compile(rf"^[^\n]{{1,{BARE_TITLE_MAX + 8}}}$", re.MULTILINE)


def title_review_year(text: str) -> int | None:
    """The year a report's title line reviews (东湖社区2023年工作总结 → 2023; the earliest year of a
    title joining a review and a plan, 2023年工作总结暨2024年工作计划 → 2023), None when the first
    line names no review (rule year ahead, with the title as its first review).

    >>> title_review_year("东湖社区2023年工作总结\\n一、主要工作"), title_review_year("2024年工作计划\\n")
    (2023, None)
    """
    first = text.lstrip()[:TITLE_REACH].split("\n", 1)[0]
    years = _years(first)
    return min(years) if years and _is_review(first) else None


TITLE_REACH = 80  # characters where the title line is looked for


def _years(heading: str) -> list[int]:
    return [int(y) for y in YEAR.findall(heading)]


def _is_review(heading: str) -> bool:
    return bool(vocab().holds_plan_review(heading))  # any(word in heading for word in plan_review), one search


def mark_plan_parts(sections: Sequence[Section], text: str = "") -> tuple[Section, ...]:
    """``sections`` (document order) with the plan parts of the three rules marked ``planned``;
    ``text`` is the normalized text the sections' ``norm_start`` point into (for glued titles).

    >>> def s(i, level, heading, parent=None):
    ...     return Section(id=i, parent=parent, level=level, label="", heading=heading, start=i, end=i + 1)
    >>> outline = [s(0, 1, "2022年工作回顾"), s(1, 2, "产业稳步发展", 0), s(2, 1, "2023年发展总体要求"),
    ...            s(3, 1, "抓好乡村振兴"), s(4, 2, "建设示范村", 3), s(5, 1, "做好民生保障")]
    >>> [x.planned for x in mark_plan_parts(outline)]
    [False, False, True, True, True, True]
    >>> outline = [s(0, 1, "存在的问题和明年打算"), s(1, 2, "存在的问题", 0), s(2, 3, "人手不足", 1), s(3, 2, "明年打算", 0)]
    >>> [x.planned for x in mark_plan_parts([dataclasses.replace(x, planned=True) for x in outline])]
    [True, False, False, True]
    """
    out: list[Section] = []
    planned_ids: set[int] = set()
    problem_ids: set[int] = set()  # sub-sections naming problems, and their children
    run_on_ids: set[int] = set()  # run-on items planned by a later clause only, and their children
    reviewed_year: int | None = title_review_year(text) if text else None
    part_title = False  # a childless top-level plan section opened the plan part
    glued = glued_plan_titles(text) if text else []
    last_review = -1  # where the last top-level review heading starts
    lead_runs: set[tuple[int | None, int]] = set()  # (parent, level) of the items a plan lead opened
    for i, section in enumerate(sections):
        heading = section.heading
        has_children = i + 1 < len(sections) and sections[i + 1].parent == section.id
        review = _is_review(heading)
        if section.planned and section.parent not in planned_ids:
            if section.parent in run_on_ids or is_run_on_item(heading):
                section = dataclasses.replace(section, planned=False)  # rule run-on item
                run_on_ids.add(section.id)
        planned = section.planned or section.parent in planned_ids
        if not planned and text and not review:
            run = (section.parent, section.level)
            if run in lead_runs or plans_items_below(text, section.norm_start):
                planned = True  # rule plan lead over items
                lead_runs.add(run)
        elif review:
            lead_runs.discard((section.parent, section.level))
        if section.parent is not None and not is_plan_heading(heading):
            if is_problem_part(heading) or section.parent in problem_ids:
                planned = False  # rule problems part
                problem_ids.add(section.id)
        if section.parent is None:
            if review:
                part_title = False
                last_review = section.norm_start
            elif part_title or any(last_review < g < section.norm_start for g in glued):
                planned = True
            if not review and reviewed_year is not None and any(y > reviewed_year for y in _years(heading)):
                planned = True
            if planned and not review:
                # a plan heading over its own sub-sections is a whole chapter, not a part title
                part_title = not has_children or (part_title and not section.planned)
        if review and _years(heading):
            reviewed_year = max(_years(heading))
        if planned:
            planned_ids.add(section.id)
        out.append(section if planned == section.planned else dataclasses.replace(section, planned=planned))
    return tuple(out)
