"""What a figure counts.

A subject is read from the words around a figure, within its clause:

- after a classifier unit, a noun phrase names what is counted (6个党支部, 一名副书记, 15户危房);
- otherwise the noun phrase just before the figure does (现有党员41名, 开展主题党日活动6次,
  群众满意率达到95%), after link words such as 现有/达到/共计 are set aside;
- a figure that directly follows another one shares its subject (低保户145户362人).

Figures are located before segmentation; the words around them are read from the document's
``Text``, which segments each clause once. The phrase bounds (``CLAUSE_BREAKS``, with the phrase
readers in nlp/figures/subject_phrases.py) hold every clause end of nlp/text/sentences.py plus list
commas, brackets and quotes: a phrase never crosses a clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nlp.figures.indicators import match_indicator
from nlp.figures.neighbours import words_in
from nlp.figures.planned import is_start_value
from nlp.figures.subject_phrases import (
    CLAUSE_BREAKS,
    LABEL_COLONS,
    MEASURE_UNITS,
    NO_RIGHT_BREAK,
    PLACE_TOTALS,
    QUOTE_CLOSERS,
    RATE_UNITS,
    TO_CLAUSE_BREAK,
    change_to,
    changed_measure,
    clause_start,
    is_place,
    leading_noun_phrase,
    subject_vocab,
    trailing_noun_phrase,
    trailing_verb,
)
from nlp.records import Quantity
from nlp.resources import load_toml
from nlp.text.document import Text
from nlp.text.tokens import Word


def bare_total_indicator(doc: Text, quantity: Quantity, subject: str | None) -> str | None:
    """The indicator of a bare household or person count after a place (社区现有3145户,8720人).

    >>> from nlp.records import Qualifier
    >>> q = Quantity(4, 9, "3145", None, None, None, "户", Qualifier.EXACT)
    >>> bare_total_indicator(Text.from_string("社区现有3145户,8720人"), q, None)
    'households_total'
    """
    if subject is not None or quantity.unit not in PLACE_TOTALS:
        return None
    text = doc.text
    after = text[quantity.norm_end : quantity.norm_end + 1]
    if after and after not in CLAUSE_BREAKS and not (quantity.unit == "户" and after.isdigit()):
        return None  # (a household count may run straight on into its persons: 共412户1563人)
    start = clause_start(text, quantity.norm_start, max(0, quantity.norm_start - 24))
    if start > 0 and text[start - 1] in QUOTE_CLOSERS:
        return None  # 培育“好邻居”12人: the figure counts what is quoted, no population
    vocab = subject_vocab()
    words = [(w, t) for w, t in words_in(doc, start, quantity.norm_start) if w not in vocab["link"]]
    if words and not is_place(words):
        return None
    return PLACE_TOTALS[quantity.unit]


def _words_of(doc: Text, phrase: str, before: int) -> tuple[Word, ...]:
    """The words of ``phrase`` where it last occurs shortly before ``before``."""
    at = doc.text.rfind(phrase, max(0, before - 64), before)
    return words_in(doc, at, at + len(phrase)) if at >= 0 else ((phrase, "n"),)


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


QUOTED_NAMES = {"”": "“", '"': '"', "》": "《", "’": "‘"}
QUOTED_NAME_LONGEST = 12


@cache
def _honours() -> tuple[tuple[str, ...], frozenset[str]]:
    data = load_toml("quoted_names.toml")["honours"]
    return tuple(data["prefixes"]), frozenset(data["honour_indicators"])


def _quoted_name(text: str, end: int, floor: int, unit: str) -> tuple[int, int] | None:
    """Rule **quoted name before the figure**: when a closing quote mark sits right before the figure
    (评选“文明家庭”35户, 排查“九小场所”96家), the span inside the quotes (at most
    ``QUOTED_NAME_LONGEST`` characters, no clause break in it) is where the subject is read. An
    honour title (nlp/resources/quoted_names.toml: 评出“优秀楼栋长”8名) is read only when the
    measure it names counts honours (model_families); otherwise the figure keeps no subject.

    >>> _quoted_name("评选“最美家庭”6户", 8, 0, "户"), _quoted_name("评出“优秀楼栋长”8名", 9, 0, "名")
    ((3, 7), None)
    """
    opener = QUOTED_NAMES.get(text[end - 1 : end])
    if opener is None:
        return None
    at = text.rfind(opener, max(floor, end - 2 - QUOTED_NAME_LONGEST), end - 1)
    if at < 0 or at + 1 >= end - 1 or any(c in CLAUSE_BREAKS for c in text[at + 1 : end - 1]):
        return None
    name = text[at + 1 : end - 1]
    prefixes, honour_indicators = _honours()
    if name.startswith(prefixes):
        named = match_indicator(name, unit)
        if named is None or named.id not in honour_indicators:
            return None
    return at + 1, end - 1


def find_subjects(doc: Text, quantities: Sequence[Quantity]) -> tuple[str | None, ...]:
    """The subject of each quantity (in order), read from ``doc`` around it.

    ``quantities`` must be sorted by position and located in ``doc.text``.
    """
    return tuple(subject for subject, _ in find_subject_spans(doc, quantities))


@cache
def households_persons() -> frozenset[tuple[str, str]]:
    """The (households unit, persons unit) pairs of subjects.toml's ``households_persons``."""
    return frozenset((a, b) for a, b in load_toml("subjects.toml")["households_persons"])


def persons_after_households(text: str, before: Quantity, quantity: Quantity, start: int) -> bool:
    """Rule **persons_after_households**: a count of persons right after a count of households, joined
    by one 、 (低保户44户、98人), counts those households' persons: it shares their subject.

    >>> from nlp.records import Qualifier
    >>> a = Quantity(3, 6, "44", None, None, None, "户", Qualifier.EXACT)
    >>> b = Quantity(7, 10, "98", None, None, None, "人", Qualifier.EXACT)
    >>> persons_after_households("低保户44户、98人", a, b, 7)
    True
    """
    return (
        start == before.norm_end + 1
        and text[before.norm_end] == "、"
        and (before.unit, quantity.unit) in households_persons()
    )


def find_subject_spans(doc: Text, quantities: Sequence[Quantity]) -> tuple[tuple[str | None, int | None], ...]:
    """The subject of each quantity with where it is written in ``doc.text`` (its start offset; a
    subject shared with the figure before is where that figure's is), so that a later reader takes
    its words from the Text.

    >>> doc = Text.from_string("社区现有党员41名，其中女党员16名")
    >>> [(s, doc.text[at : at + len(s)]) for s, at in find_subject_spans(doc, doc.figures)]
    [('党员', '党员'), ('女党员', '女党员')]
    """
    vocab = subject_vocab()
    text = doc.text
    subjects: list[str | None] = []
    starts: list[int | None] = []
    previous_end = 0
    for index, quantity in enumerate(quantities):
        following = quantities[index + 1].norm_start if index + 1 < len(quantities) else len(text)
        # (bounds by comparison, not min/max: a call of either costs about ten comparisons, per figure)
        ahead, back = quantity.norm_end + 16, quantity.norm_start - 24
        ceiling = following if following < ahead else ahead
        # ``clause_end`` and ``clause_start``, matched inline (twice a figure)
        right_end = NO_RIGHT_BREAK.match(text, quantity.norm_end, ceiling if ceiling > quantity.norm_end else quantity.norm_end).end()
        reach_back = previous_end if previous_end > back else back
        if quantity.norm_start <= reach_back:
            start = quantity.norm_start
        else:
            last = TO_CLAUSE_BREAK.match(text, reach_back, quantity.norm_start)
            start = last.end() if last is not None else reach_back
        if start == quantity.norm_start and start > previous_end and text[start - 1 : start] in LABEL_COLONS:
            start = clause_start(text, start - 1, max(previous_end, start - 16))  # 劳动力人口:2349人
            left_end = quantity.norm_start - 1
        elif start == quantity.norm_start and start > previous_end and (quoted := _quoted_name(text, start, previous_end, quantity.unit)):
            start, left_end = quoted  # 评选“最美家庭”10户: the quoted name is what is counted
        else:
            left_end = quantity.norm_start
        left = text[start:left_end]
        rate = quantity.unit in RATE_UNITS
        right_first = (
            quantity.unit in vocab["classifiers"]
            or quantity.unit_text in vocab["classifiers"]
            or quantity.unit in MEASURE_UNITS
        )
        subject = leading_noun_phrase(doc, quantity.norm_end, right_end) if right_first else None
        at = None if subject is None else text.find(subject, quantity.norm_end, right_end)
        from_left = subject is None
        if subject is None:
            chained = index > 0 and subjects[-1] is not None and not left.strip("其中共计和及与、") and (
                start == previous_end or persons_after_households(text, quantities[index - 1], quantity, start)
            )
            group_from = reach_back
            group = None if chained else _labelled_group(text[group_from : quantity.norm_start])
            if chained:
                subject, at = subjects[-1], starts[-1]
            elif group:
                subject, at = group, text.rfind(group, group_from, quantity.norm_start)
            else:
                subject = trailing_noun_phrase(doc, start, left_end, rate=rate, money=quantity.unit == "元")
                if (
                    subject is None
                    and not right_first  # (read already, and found nothing: the same span gives the same)
                    and (text.startswith("的", quantity.norm_end, right_end) or not rate)  # 进行50元的处罚
                ):
                    subject = leading_noun_phrase(doc, quantity.norm_end, right_end)
                    at = None if subject is None else text.find(subject, quantity.norm_end, right_end)
                if subject is None and not rate:
                    subject = trailing_verb(doc, start, left_end)
                if subject is not None and at is None:
                    at = text.rfind(subject, start, left_end)
        if from_left and index > 0 and change_to().fullmatch(left):
            before = quantities[index - 1]
            if is_start_value(text, before.norm_start, before.norm_end):  # 志愿者由年初的180人扩大到312人
                changed = changed_measure(doc, before.norm_start)
                if changed is not None:
                    subject, at = changed
        if (
            subject is not None
            and from_left
            and quantity.unit in PLACE_TOTALS
            and is_place(_words_of(doc, subject, right_end))
        ):
            subject = None  # 社区现有2676户: the text names no subject, only the place
        subjects.append(subject)
        starts.append(None if subject is None or at is None or at < 0 else at)
        previous_end = quantity.norm_end
    return tuple(zip(subjects, starts, strict=True))
