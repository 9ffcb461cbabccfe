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
- **notes_appendix** (``notes_appendix``): a report's glossary or notes (名词解释, 附：短语说明) to its end.
- **done_state** (``done_state_spans``): inside a plan part, a clause that states what was done (a
  done sign, ``[done_signs]``: 社区已走访困难户120户; 截至目前，…) and no plan marker, and a sentence
  opened by a time already past (过去一年，…; 一年来…; 2023年… in a report on 2023), up to the first
  clause that plans (…，计划结对帮扶20户). SPEC: planned is false for what was done.

Words are data: ``[problems_first]`` of ``nlp/resources/planned.toml``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache
from operator import methodcaller

import regex

from nlp.figures.planned import is_planned_sentence, present_state_spans, review_spans
from nlp.records import Section
from nlp.resources import load_toml
from nlp.text.labels import is_plan_heading

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
    for colon in _COLON.finditer(text, start, end):
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


# A sentence opened by a time already past: 过去(的)一年, N年来, 去年, 上年 (the year openers are read
# apart: whether a year is past depends on the report's year).
_PAST_OPENING = re.compile(
    r"[ \t\u3000]*(?:\d{1,2}[.、．][ \t\u3000]*)?(?:过去(?:的)?[一二两三四五1-5]年|[一二两三四五几1-5多]+年(?:以)?来|去年|上年|上一年)"
)
_YEAR_OPENING = re.compile(r"[ \t\u3000]*(?:\d{1,2}[.、．][ \t\u3000]*)?((?:19|20)\d\d)年(?![底末]前|内)")
_CLAUSE_PIECE = re.compile(r"[^，,；;]*[，,；;]|[^，,；;]+")
# A done sign in a relative clause (对已脱贫的126户…) names what exists, it states nothing done.
_RELATIVE_AFTER = re.compile(r"[^，,；;。的]{0,8}的")


def _states_done(clause: str) -> bool:
    """Whether a clause states what was done: a done sign that is not inside the object of another
    verb (推动已落户企业…, 对历年已完成的问题…: ``[done_state.object_leads]``) nor a relative clause
    (对已脱贫的126户…).

    >>> _states_done("社区已走访困难户120户"), _states_done("推动已落户企业投产30个以上")
    (True, False)
    """
    for sign in _done_sign_pattern().finditer(clause):
        if _RELATIVE_AFTER.match(clause, sign.end()) is None and not any(
            lead in clause[: sign.start()] for lead in _object_leads()
        ):
            return True
    return False


@cache
def _object_leads() -> tuple[str, ...]:
    return tuple(load_toml("planned.toml")["done_state"]["object_leads"])


@cache
def _done_sign_pattern() -> re.Pattern[str]:
    signs = load_toml("planned.toml")["done_signs"]
    return re.compile("|".join(map(re.escape, sorted(signs, key=len, reverse=True))))


def _opens_past(sentence: str, plan_document: bool, plan_year: int | None) -> bool:
    if _PAST_OPENING.match(sentence):
        return True
    year = _YEAR_OPENING.match(sentence)
    if year is None or plan_year is None:
        return False
    # a plan document's year is the plan's; a summary's is the year it reviews
    return int(year.group(1)) < plan_year or (not plan_document and int(year.group(1)) == plan_year)


def done_state_spans(
    text: str, bodies: Sequence[tuple[int, int]], plan_document: bool, plan_year: int | None
) -> list[tuple[int, int]]:
    """The clauses of the plan parts ``bodies`` that state what was done (rule done_state).

    >>> t = "今年社区已走访困难户120户，下一步将继续做好帮扶，计划结对帮扶20户。过去一年，开展活动32场。"
    >>> [t[a:b] for a, b in done_state_spans(t, [(0, len(t))], False, 2023)]
    ['今年社区已走访困难户120户，', '过去一年，', '开展活动32场。']
    >>> t = "2023年社区共调解纠纷26起。2024年将开展普法讲座6场。对已脱贫的126户开展回访。"
    >>> [t[a:b] for a, b in done_state_spans(t, [(0, len(t))], False, 2023)]
    ['2023年社区共调解纠纷26起。']
    """
    spans = []
    for start, end in bodies:
        for s, e in _sentences(text, start, end):
            sentence = text[s:e]
            done = _opens_past(sentence, plan_document, plan_year)
            for piece in _CLAUSE_PIECE.finditer(text, s, e):
                clause = piece.group()
                if is_planned_sentence(clause):
                    done = False
                elif _states_done(clause):
                    done = True
                elif any(word in clause for word in _plan_times()):
                    done = False
                if done:
                    spans.append(piece.span())
                if clause.endswith(("；", ";")):
                    done = False  # a ； opens the next item of a list: it states its own time
    return spans


_SPACE = "[ \t\u3000]*"


@cache
def _notes_line() -> regex.Pattern:
    titles = load_toml("planned.toml")["notes_appendix"]
    spaced = "|".join(_SPACE.join(map(regex.escape, title)) for title in sorted(titles, key=len, reverse=True))
    return regex.compile(rf"^{_SPACE}(?:附{_SPACE}[：:]{_SPACE})?(?:{spaced}){_SPACE}[：:]?{_SPACE}$", regex.M)


def notes_appendix(text: str) -> list[tuple[int, int]]:
    """Rule notes_appendix: from a line naming a glossary or the notes of a report (名词解释, 附：短语说明,
    ``[notes_appendix]`` of planned.toml) to the end of the text: the notes explain terms, they
    are no plan part, whatever section the outline put them in (a marker in a note still plans its
    clause).

    >>> t = "三、明年打算\\n新建停车位60个。\\n名 词 解 释\\n〔1〕口袋公园：占地800平方米的小游园。"
    >>> [t[a:b] for a, b in notes_appendix(t)]
    ['名 词 解 释\\n〔1〕口袋公园：占地800平方米的小游园。']
    """
    if not any(title[0] in text for title in load_toml("planned.toml")["notes_appendix"]):
        return []
    found = _notes_line().search(text)
    return [(found.start(), len(text))] if found is not None else []


@cache
def _plan_times() -> tuple[str, ...]:
    return tuple(load_toml("planned.toml")["present_state"]["plan_times"])


def fact_stretches(
    text: str, sections: Sequence[Section], plan_document: bool, plan_year: int | None
) -> list[tuple[int, int]]:
    """Every stretch where neither a plan document nor a plan section makes a figure planned
    (the three rules of this module), unsorted; empty when nothing of the text is a plan."""
    if not plan_document and not any(s.planned for s in sections):
        return []
    return list(_stretches_of(text, tuple(sections), plan_document, plan_year))


@lru_cache(maxsize=2)
def _stretches_of(
    text: str, sections: tuple[Section, ...], plan_document: bool, plan_year: int | None
) -> tuple[tuple[int, int], ...]:
    """``fact_stretches`` of a document, read once: the facts and the activities stages both ask."""
    stretches = problem_stretches(text, sections, plan_document)
    stretches += review_spans(text, plan_year) if plan_document else present_state_spans(text)
    stretches += done_state_spans(text, plan_bodies(text, sections, plan_document), plan_document, plan_year)
    stretches += notes_appendix(text)
    return tuple(stretches)


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
