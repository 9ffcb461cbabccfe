"""Stretches of a plan part that state what was done (rule done_state) and a report's notes
(rule notes_appendix): the two rules of ``nlp.figures.plan_stretches`` that read sentences and lines
rather than the outline.

- **done_state** (``done_state_spans``): inside a plan part, a clause that states what was done (a
  done sign, ``[done_signs]``: 社区已走访困难户120户; 截至目前，…) and no plan marker, and a sentence
  opened by a time already past (过去一年，…; 一年来…; 2023年… in a report on 2023), up to the first
  clause that plans (…，计划结对帮扶20户). SPEC: planned is false for what was done.
- **notes_appendix** (``notes_appendix``): a report's glossary or notes (名词解释, 附：短语说明) to its end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from operator import methodcaller

import regex

from nlp.figures.planned import is_planned_sentence
from nlp.resources import load_toml
from nlp.text.char_scan import finditer_from_chars

# A sentence: up to and with its stop, or the rest of the stretch (the pieces cover it end to end).
_SENTENCE_PIECE = re.compile(r"[^。！？!?\n]*[。！？!?\n]|[^。！？!?\n]+")
_span = methodcaller("span")


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]`` (a line break ends one too)."""
    return map(_span, _SENTENCE_PIECE.finditer(text, start, end))


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


# Where a sentence may open by a time already past: a stop, then what ``_PAST_OPENING`` and
# ``_YEAR_OPENING`` open with (blanks, a list number) and the first character of one of their times
# (过去, 一年来 … 五年来, 几年来, 多年来, 1-5年来, 去年, 上年; a year 19xx/20xx): every sentence either
# matches starts so, after the stop that ends the sentence before it.
_MAY_OPEN_PAST = re.compile(r"[。！？!?\n][ \t\u3000]*(?:\d{1,2}[.、．][ \t\u3000]*)?[过一二两三四五几1-5多去上]")
_STOPS = "。！？!?\n"
_SENTENCE_STOP = re.compile(f"[{_STOPS}]")


def _may_turn_done(text: str, start: int, end: int, signs: re.Pattern[str]) -> list[tuple[int, int]]:
    """The sentences of ``_sentences(text, start, end)`` that may hold a done clause, in order: the
    first, those a stop and a past time may open (``_MAY_OPEN_PAST``) and those holding a done sign.
    Every other sentence neither opens by a past time nor holds a sign, and ``done_state_spans``
    passes it: found by two searches of the stretch rather than by cutting every sentence (in a
    long plan part, most of its sentences). A sentence runs to just after its stop, as
    ``_SENTENCE_PIECE`` cuts it; no sign holds a stop, so each lies inside one sentence."""
    if start >= end:
        return []
    starts = {start}
    for opening in _MAY_OPEN_PAST.finditer(text, start, end):
        if opening.start() + 1 < end:
            starts.add(opening.start() + 1)
    sentence_end = start  # the end of the sentence of the last sign read: the text before it is read
    for sign in signs.finditer(text, start, end):
        at = sign.start()
        if at < sentence_end:
            continue  # another sign of the same sentence
        first = sentence_end  # after the last stop before the sign (each stretch of text read once)
        for stop in _STOPS:
            found = text.rfind(stop, first, at)
            if found >= first:
                first = found + 1
        starts.add(first)
        after = _SENTENCE_STOP.search(text, at, end)
        sentence_end = after.end() if after is not None else end
    sentences = []
    for s in sorted(starts):
        after = _SENTENCE_STOP.search(text, s, end)
        sentences.append((s, after.end() if after is not None else end))
    return sentences


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
    signs = _done_sign_pattern()
    for start, end in bodies:
        for s, e in _may_turn_done(text, start, end, signs):
            sentence = text[s:e]
            done = _opens_past(sentence, plan_document, plan_year)
            if not done and signs.search(text, s, e) is None:
                continue  # no clause can turn done: only a done sign does, every other branch keeps False
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
    line = _notes_line()
    tried = -1
    # the lines holding the start of a title (found from its first characters by str.find: 名, 注, 短, 词
    # are few next to every character re would test, nlp/text/char_scan.py)
    for opening in finditer_from_chars(_notes_openings(), text):
        start = text.rfind("\n", 0, opening.start()) + 1
        if start == tried:
            continue
        tried = start
        found = line.match(text, start)
        if found is not None:
            return [(found.start(), len(text))]
    return []


@cache
def _notes_openings() -> re.Pattern[str]:
    """The first two characters of each title of ``_notes_line`` (blanks between them allowed): a
    line the pattern matches holds one, so it is tried only at the start of such a line (one search
    of the text, where ``_notes_line`` alone tries its line start at every line, and the ``regex``
    module every character; a 名 or 注 stands in most reports). The first line tried that matches is
    the first line that does."""
    titles = load_toml("planned.toml")["notes_appendix"]
    openings = sorted({_SPACE.join(map(re.escape, title[:2])) for title in titles})
    return re.compile("|".join(openings))


@cache
def _plan_times() -> tuple[str, ...]:
    return tuple(load_toml("planned.toml")["present_state"]["plan_times"])
