"""Stretches of a plan section (or a plan document) that state facts, not plans.

A section whose heading names a plan passes its plan on to every figure inside it, and in a plan
document every figure is a target. Three named rules carve out what such a part states as it is:

- **problems_first**: a section whose heading joins problems and plans (存在问题和下一步打算, 不足与打算,
  问题与不足及今后打算) whose first sentence shows a problem (a shortfall word: 仅, 只有, 不到, 偏低 …),
  or a sentence of any plan part that names the problems (问题：…, 还存在一些不足：…), opens a stretch
  of problems, stated as facts (服务用房只有380平方米), that runs up to the first sentence that plans
  (下一步，社区将…; 2025年打算：…). The outline's own problems sub-sections
  (``nlp.text.plan_parts``, rule problems part) need headings; this rule reads the text.
- **present_state** (``nlp.figures.planned.present_state_spans``): a sentence opened by what exists now
  (社区现有老年食堂1处，…) up to its first clause that plans.
- **year review** (``nlp.figures.planned.review_spans``, plan documents only): a paragraph opened by a
  year before the plan's.
- **done_state** and **notes_appendix** (``nlp.figures.done_state``): a plan part's clause that states
  what was done (社区已走访困难户120户; 过去一年，…), up to the first clause that plans; a report's
  glossary or notes (名词解释, 附：短语说明) to its end.

A plan title line the outline did not take (``nlp.text.plan_parts.bare_plan_title_spans``: 明年打算
over unnumbered items) opens a plan part too (``titled_plan_spans``): the rules read it as a plan body.

Words are data: ``[problems_first]`` of ``nlp/resources/planned.toml``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache
from operator import methodcaller

import regex

from nlp.figures.done_state import done_state_spans, notes_appendix
from nlp.figures.planned import is_planned_sentence, present_state_spans, review_spans
from nlp.records import Section
from nlp.resources import load_toml
from nlp.text.char_scan import finditer_from_chars
from nlp.text.labels import is_plan_heading
from nlp.text.plan_parts import bare_plan_title_spans

# A sentence: up to and with its stop, or the rest of the stretch (the pieces cover it end to end).
_SENTENCE_PIECE = re.compile(r"[^。！？!?\n]*[。！？!?\n]|[^。！？!?\n]+")


@cache
def _problem_words() -> tuple[tuple[str, ...], regex.Pattern]:
    data = load_toml("planned.toml")["problems_first"]
    words = tuple(data["heading_words"])
    labels = "|".join(map(regex.escape, sorted(data["labels"], key=len, reverse=True)))
    verbs = "|".join(map(regex.escape, data["verbs"]))
    nouns = "|".join(map(regex.escape, words))
    lead = regex.compile(
        rf"^[ \t\u3000]*(?:(?:{labels})[：:]|[^。；;\n]*?(?:{verbs})[^。；;\n\d]{{0,{data['gap']['gap']}}}?(?:{nouns})"
        r"[^。；;，,\n\d]{0,6}[：:])"
    )
    return words, lead


def is_mixed_heading(heading: str) -> bool:
    """Whether a heading joins the report's problems and its plans (rule problems_first).

    >>> is_mixed_heading("存在问题和下一步打算"), is_mixed_heading("不足与打算"), is_mixed_heading("下一步打算")
    (True, True, False)
    >>> is_mixed_heading("存在的问题")
    False
    """
    words, _ = _problem_words()
    # (the problem words first: most headings hold none, and both tests are plain reads of the heading)
    return any(word in heading for word in words) and is_plan_heading(heading)


def opens_problems(sentence: str) -> bool:
    """Whether a sentence names the problems it goes on to state (rule problems_first).

    >>> opens_problems("问题：一是3个小区没有物业"), opens_problems("当前社区工作还存在一些不足：一是…")
    (True, True)
    >>> opens_problems("及时化解工程推进中遇到的各类问题，为商户服务"), opens_problems("全年开展活动12次")
    (False, False)
    """
    if "：" not in sentence and ":" not in sentence:
        return False  # both forms of the lead end in a colon (most sentences have none)
    return _problem_words()[1].search(sentence) is not None


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]`` (a line break ends one too)."""
    return map(_span, _SENTENCE_PIECE.finditer(text, start, end))


_span = methodcaller("span")
_STOPS = "。！？!?\n"
_COLON = re.compile("[：:]")
_STOP = re.compile("[。！？!?\n]")


def _sentences_with_colon(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of ``_sentences(text, start, end)`` that hold a colon, found from the colons (one
    search of the stretch) rather than by cutting every sentence: only they can open problems."""
    sentence_end = start  # the end of the last sentence given, a sentence boundary
    for colon in finditer_from_chars(_COLON, text, start, end):  # (the colons by str.find: char_scan.py)
        at = colon.start()
        if at < sentence_end:
            continue  # a second colon of the sentence just given
        first = sentence_end
        for stop in _STOPS:
            found = text.rfind(stop, first, at)
            if found >= first:
                first = found + 1
        stop_after = _STOP.search(text, at, end)
        sentence_end = stop_after.end() if stop_after is not None else end
        yield first, sentence_end


@cache
def _signs() -> tuple[str, ...]:
    return tuple(load_toml("planned.toml")["problems_first"]["signs"])


def shows_problem(sentence: str) -> bool:
    """Whether a sentence shows a problem: a lead naming the problems or a word of a shortfall.

    >>> shows_problem("辖区还有3个小区没有物业"), shows_problem("新建停车位50个")
    (True, False)
    """
    return opens_problems(sentence) or any(word in sentence for word in _signs())


def _problems_run(text: str, start: int, end: int, sign_needed: bool = False) -> int:
    """Where the problems that open at ``start`` end: the first sentence that plans, else ``end``;
    ``start`` itself when ``sign_needed`` and the first sentence with text shows no problem."""
    first = True
    for s, e in _sentences(text, start, end):
        sentence = text[s:e]
        if is_planned_sentence(sentence):
            return s
        if first and sentence.strip():
            if sign_needed and not shows_problem(sentence):
                return start
            first = False
    return end


def _heading_end(text: str, section: Section) -> int:
    line_end = text.find("\n", section.norm_start, section.norm_end)
    line_end = section.norm_end if line_end < 0 else line_end
    return min(line_end, section.norm_start + len(section.label) + len(section.heading))


def problem_stretches(text: str, sections: Sequence[Section], plan_document: bool = False) -> list[tuple[int, int]]:
    """The stretches of ``text`` (normalized) that state problems inside a plan part (rule
    problems_first), each ending at the first sentence that plans: the body of a section whose
    heading joins problems and plans, through its sub-sections; and from a sentence that names the
    problems to the end of its own section's text (before its first sub-section).

    >>> from nlp.records import Section
    >>> t = "四、不足与打算\\n不足：9名工作人员服务近1.2万居民。\\n下一步，社区将新增停车位80个。"
    >>> s = Section(id=0, parent=None, level=1, label="四、", heading="不足与打算", start=0, end=len(t),
    ...             planned=True, norm_start=0, norm_end=len(t))
    >>> [t[a:b] for a, b in problem_stretches(t, [s])]
    ['\\n不足：9名工作人员服务近1.2万居民。\\n']
    """
    stretches: list[tuple[int, int]] = []
    bodies: list[tuple[int, int]] = []  # (start, end) of each plan section's own text
    if plan_document:
        first = min((s.norm_start for s in sections), default=len(text))
        bodies.append((0, first))
    for i, section in enumerate(sections):
        if not (section.planned or plan_document):
            continue
        body = _heading_end(text, section)
        child = next((s for s in sections[i + 1 :] if s.parent == section.id), None)
        own_end = child.norm_start if child is not None else section.norm_end
        if section.planned and (is_mixed_heading(section.heading) or is_mixed_heading(text[section.norm_start : body])):
            run_end = _problems_run(text, body, section.norm_end, sign_needed=True)
            if run_end > body:
                stretches.append((body, run_end))
            body = run_end
        bodies.append((body, own_end))
    for body, own_end in bodies:
        for s, e in _sentences_with_colon(text, body, own_end):  # ``opens_problems`` needs a colon
            if any(a <= s < b for a, b in stretches):
                continue
            if opens_problems(text[s:e]) and not is_planned_sentence(text[s:e]):
                stretches.append((s, _problems_run(text, s, own_end)))
    return stretches



def fact_stretches(
    text: str, sections: Sequence[Section], plan_document: bool, plan_year: int | None
) -> list[tuple[int, int]]:
    """Every stretch where neither a plan document nor a plan section makes a figure planned
    (the three rules of this module), unsorted; empty when nothing of the text is a plan."""
    sections = tuple(sections)
    if not plan_document and not any(s.planned for s in sections) and not titled_plan_spans(text, sections):
        return []
    return list(_stretches_of(text, sections, plan_document, plan_year))


@lru_cache(maxsize=2)
def titled_plan_spans(text: str, sections: tuple[Section, ...]) -> tuple[tuple[int, int], ...]:
    """The plan parts under a title line the outline did not take (rule bare plan title of
    ``nlp.text.plan_parts``), read once a document: facts and activities both ask."""
    return tuple(bare_plan_title_spans(text, sections))


@lru_cache(maxsize=2)
def _stretches_of(
    text: str, sections: tuple[Section, ...], plan_document: bool, plan_year: int | None
) -> tuple[tuple[int, int], ...]:
    """``fact_stretches`` of a document, read once: the facts and the activities stages both ask."""
    stretches = problem_stretches(text, sections, plan_document)
    stretches += review_spans(text, plan_year) if plan_document else present_state_spans(text)
    titled = titled_plan_spans(text, sections)
    stretches += _titled_problems(text, titled)
    bodies = plan_bodies(text, sections, plan_document) + list(titled)
    stretches += done_state_spans(text, bodies, plan_document, plan_year)
    stretches += notes_appendix(text)
    return tuple(stretches)


def _titled_problems(text: str, titled: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rule problems_first under a bare title line joining problems and plans (存在的问题和下一步打算
    over unnumbered lines): the problems its first lines state, up to the first sentence that plans."""
    stretches = []
    for start, end in titled:
        if is_mixed_heading(text[text.rfind("\n", 0, start) + 1 : start]):
            run_end = _problems_run(text, start, end, sign_needed=True)
            if run_end > start:
                stretches.append((start, run_end))
    return stretches


def plan_bodies(text: str, sections: Sequence[Section], plan_document: bool) -> list[tuple[int, int]]:
    """(start, end) of the own text (heading and sub-sections left out) of every plan section, and of
    a plan document's text before its first section."""
    bodies = []
    if plan_document:
        bodies.append((0, min((s.norm_start for s in sections), default=len(text))))
    for i, section in enumerate(sections):
        if not (section.planned or plan_document):
            continue
        child = next((s for s in sections[i + 1 :] if s.parent == section.id), None)
        bodies.append((_heading_end(text, section), child.norm_start if child is not None else section.norm_end))
    return bodies


def covered_by(stretches: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether an offset lies in one of ``stretches``, asked by bisection over them merged (one
    question per figure or activity must not scan every stretch of a long plan).

    >>> inside = covered_by([(10, 20), (15, 30), (40, 45)])
    >>> [inside(x) for x in (9, 10, 29, 30, 44)]
    [False, True, True, False, True]
    """
    merged: list[list[int]] = []
    for start, end in sorted(stretches):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [start for start, _ in merged]

    def inside(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < merged[i][1]

    return inside
