"""Which stated figure is a subset of which: the (whole, part) pairs that rule ZJ102
(nlp/checks/arithmetic.py) compares, found after 其中, by age band or by a narrower noun."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from nlp.checks.contexts import Context, contexts, shared
from nlp.checks.intervals import has_any, vocab
from nlp.checks.markers import _is_total, _subset_label
from nlp.checks.nested import Split, opens_split
from nlp.checks.parens import paren_anchors
from nlp.checks.partitions import part_band, whole_band
from nlp.checks.runs import foreign_clause, no_whole, other_measure, parallel_whole, work_clause
from nlp.records import Parse


def _opens_subset(ctxs: Sequence[Context], i: int, text: str) -> bool:
    """The figure's words say 其中, or its sentence starts with 其中 and it is the first figure."""
    c = ctxs[i]
    if _subset_label(c.label):
        return True
    first = i == 0 or ctxs[i - 1].sentence != c.sentence
    return first and text[c.sent_start : c.sent_start + 4].lstrip("（(").startswith(tuple(vocab()["markers"]["subset"]))


def _whole_before(
    ctxs: Sequence[Context], previous: Sequence[int], i: int, sentences_back: int
) -> Context | None:
    """The nearest figure before ``i`` of the same unit and aside-ness, at most that many sentences
    back. ``previous`` is ``_previous_same(ctxs)``: sentences only grow along the figures, so the
    nearest such figure is the answer when it is near enough, and nothing else is."""
    k = _whole_index_before(ctxs, previous, i, sentences_back)
    return ctxs[k] if k >= 0 else None


def _whole_index_before(ctxs: Sequence[Context], previous: Sequence[int], i: int, sentences_back: int) -> int:
    """``_whole_before`` as an index, -1 for none."""
    k = previous[i]
    for _ in range(MAX_CHANGES_BEFORE_WHOLE):
        if k < 0 or not no_whole(ctxs, k):
            break
        # 比上年新增147名 is a difference of two years, 人均耕地2.6亩 a figure per person: neither is
        # the whole of the 其中 after it (runs.no_whole)
        k = previous[k]
    if k < 0 or ctxs[k].sentence < ctxs[i].sentence - sentences_back or no_whole(ctxs, k):
        return -1
    return k


# At most this many figures of change (比上年增加…) are stepped over between a whole and its 其中,
# which keeps the walk back bounded on a sentence of nothing but changes.
MAX_CHANGES_BEFORE_WHOLE = 2
def _previous_same(ctxs: Sequence[Context]) -> list[int]:
    """For each figure, the index of the nearest figure before it of the same unit and aside-ness
    that may hold it (rule ``parenthesis_level``, nlp/checks/parens.py): in its own parenthesis,
    else the figure the parenthesis follows; outside parentheses, the last figure outside them.
    -1 when none: one pass, instead of a walk back from every figure."""
    anchors = paren_anchors(ctxs)
    last: dict[tuple[str, int], int] = {}
    previous = []
    for i, c in enumerate(ctxs):
        k = last.get((c.family, c.paren), -1)
        if k < 0 and c.paren >= 0:
            k = anchors[i]
        previous.append(k if k >= 0 and ctxs[k].aside == c.aside else -1)
        last[c.family, c.paren] = i
    return previous


def narrower_noun(part: Context, whole: Context, within: bool = False) -> bool:
    """The part's words are the whole's noun with a modifier before it (专职网格员 of 现有网格员);
    ``within``: after 其中 or another item of the whole's list too (其中女党员…、预备党员). A
    modifier of a running total (``running_total``: 历年累计注册志愿者) names no narrower group."""
    from nlp.checks.standing import scope_key

    noun = scope_key(whole.label)
    core = part.label.strip(" 、，,：:")
    if within:
        core = core.removeprefix("其中")
    if not (bool(noun) and len(noun) >= 2 and core.endswith(noun) and 0 < len(core) - len(noun) <= 4):
        return False
    # 历年累计注册志愿者 after 现有注册志愿者: a running total over the years is no narrower group
    return not has_any(core[: len(core) - len(noun)], vocab()["markers"]["running_total"])


def subset_pairs(parse: Parse) -> tuple[tuple[Context, Context], ...]:
    """(whole, part) pairs: after 其中 (in the clause or opening the next sentence), an age band
    inside the whole's band (80岁以上 after 60岁以上老人), or the whole's noun with a modifier
    (专职网格员 after 现有网格员) right after a stated whole. Read once per document: two rules
    ask (sum_mismatch for money's sources, subset_exceeds_total)."""
    return shared(parse, "subset_pairs", lambda _: tuple(_subset_pairs(parse)))


def _subset_pairs(parse: Parse) -> Iterator[tuple[Context, Context]]:
    ctxs = contexts(parse)
    previous = shared(parse, "previous_same", _previous_same)
    text = parse.normalized.text if parse.normalized is not None else ""
    whole: Context | None = None
    open_sentence = opener = -1
    split: Split | None = None  # a part being split inside the 其中 list (rule nested_split)
    for i, c in enumerate(ctxs):
        if c.family == "%":
            continue
        if split is not None and (c.sentence != open_sentence or not ctxs[i - 1].after.startswith("、")):
            # the clause that split a part has ended: back to the outer list, or to no list at all
            whole, opener = (split.outer, split.outer_opener) if split.over() else (None, opener)
            split = None
        k = previous[i]
        if (
            whole is not None
            and c.sentence == open_sentence
            and c.paren == ctxs[opener].paren
            and k >= opener
            and ctxs[k].family == whole.family
            and opens_split(c.label)
        ):
            split = Split(whole, opener, ctxs[k])  # 其中上级补助260万元，含专项资金180万元…
            whole, opener = ctxs[k], i
        elif _opens_subset(ctxs, i, text):
            first = i == 0 or ctxs[i - 1].sentence != c.sentence
            k = _whole_index_before(ctxs, previous, i, 1 if first else 0)
            # 户籍人口3200人，流动人口860人，其中…: which of two wholes side by side is split is not said
            whole = ctxs[k] if k >= 0 and not parallel_whole(ctxs, k) else None
            open_sentence, opener = c.sentence, i
        elif c.sentence != open_sentence or _is_total(c) or (
            whole is not None and (work_clause(ctxs, i, opener, text) or foreign_clause(ctxs, i, opener, whole, text))
        ):
            whole = None  # the sentence, a new total or a clause of work or of another whole ends the 其中 list
        if whole is not None and c.paren != ctxs[opener].paren:
            if ctxs[opener].paren >= 0:
                whole = None  # the parenthesis the 其中 list opened in has closed: so has the list
            elif c.family == whole.family:
                continue  # a remark on a part (其中男2760人（上年2700人），女…) is no part
        if whole is not None and c.family == whole.family:
            # 其中总投资2.2亿元的…项目: the figure describes an item; 营业额 is no part of 税收
            if not c.after.startswith("的") and not other_measure(c, whole):
                if split is not None:
                    split.items.append(c)
                yield whole, c
            continue
        w = _whole_before(ctxs, previous, i, 0)
        if w is None or w.fact.planned != c.fact.planned:
            continue
        band, outer = part_band(c.label), whole_band(w.label)
        if band is not None and outer is not None and band.inside(outer):
            yield w, c
        elif _is_total(w) and narrower_noun(c, w):
            yield w, c
