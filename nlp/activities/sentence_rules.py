"""The activity grammar over one sentence: its clauses (cut again before each 、 that opens a new
project item), each tried with the verb rules, then the counted-noun and verbless ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from nlp.activities.clause_rules import Found, listed_after, noun_items, verb_items
from nlp.activities.grammar_index import GrammarIndex
from nlp.activities.verbless_rules import completed, continuation, enumerated, mentioned
from nlp.activities.vocab import vocab
from nlp.records import Fact, Section, Sentence


def sub_clauses(text: str, clause: Sentence) -> list[Sentence]:
    """A clause cut before every 、 that opens a new project item (…公厕一个、投资1万元修建围栏):
    the pieces the rules read (``GrammarIndex`` cuts every clause of a document so, at once).

    >>> t = "投资6万元新建公厕一个、投资1万元修建围栏。"
    >>> [t[c.norm_start:c.norm_end] for c in sub_clauses(t, Sentence(0, len(t)))]
    ['投资6万元新建公厕一个、', '投资1万元修建围栏。']
    """
    if text.find("、", clause.norm_start, clause.norm_end) < 0:
        return [clause] if clause.norm_end > clause.norm_start else []
    cuts = [m.start() + 1 for m in vocab().opener_re.finditer(text, clause.norm_start, clause.norm_end)]
    bounds = [clause.norm_start, *cuts, clause.norm_end]
    return [Sentence(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


HEADING_REACH = 40  # a heading span is at most label + 30 characters + 2 long


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


_TITLE_BREAKS = "，,。；;：:"  # what a title never holds


def is_title(text: str) -> bool:
    """一行标题 such as 社区创建文明社区工作总结 (no sentence punctuation, ends with 总结 …).

    >>> is_title("社区创建文明社区工作总结")
    True
    >>> is_title("开展主题党日活动6次。")
    False
    """
    core = text.strip()
    return core.endswith(vocab().title_ends) and not any(ch in core for ch in _TITLE_BREAKS)


def ranges_within(
    starts: Sequence[int], span_starts: Sequence[int], span_ends: Sequence[int], first: int, last: int
) -> list[tuple[int, int]]:
    """For each span ``k`` in ``[first, last)`` (in order, not overlapping), the range ``[i, j)``
    of the sorted ``starts`` inside it: ``(bisect_left(starts, span_starts[k]),
    bisect_left(starts, span_ends[k]))``, read in one walk (both only move on).

    >>> ranges_within([2, 5, 9], [0, 4, 8], [4, 8, 12], 0, 3)
    [(0, 1), (1, 2), (2, 3)]
    """
    ranges = []
    i = j = 0
    n = len(starts)
    for k in range(first, last):
        start, end = span_starts[k], span_ends[k]
        while i < n and starts[i] < start:
            i += 1
        if j < i:
            j = i
        while j < n and starts[j] < end:
            j += 1
        ranges.append((i, j))
    return ranges


def find_in_sentence(
    index: GrammarIndex,
    sentence_index: int,
    facts: Sequence[Fact],
    start_group: int,
    skip: Sequence[tuple[int, int]] = (),
) -> list[Found]:
    """The activities of sentence ``sentence_index`` of the index's Text (``facts`` are the
    figures inside it, in order; ``skip`` the heading spans near it)."""
    doc = index.doc
    text = index.text
    v = vocab()
    sentence = doc.sentences[sentence_index]
    s, e = sentence.norm_start, sentence.norm_end
    has_verb = bool(index.sentence_has_verb[sentence_index])
    # a completion word or a mentioned head: ``completed`` and ``mentioned`` each look for their
    # own word first, so one flag for both leaves their finds as they are
    may_name = bool(index.sentence_may_name[sentence_index])
    # every rule below needs, in its clause, a verb, a completion word, a mentioned head or a
    # figure (the list rules need an activity found before them): a sentence without any yields none
    if not (facts or has_verb or may_name):
        return []
    found: list[Found] = []
    group = start_group
    previous_had = False
    # (a sentence ending with a clause mark holds one: never a title, whatever ``is_title`` reads)
    if text[e - 1 : e] not in _TITLE_BREAKS and is_title(text[s:e]):
        return []
    enumerating = False
    piece_starts, piece_ends, piece_may_find = index.piece_starts, index.piece_ends, index.piece_may_find
    first, last = index.sentence_first_piece[sentence_index], index.sentence_first_piece[sentence_index + 1]
    if facts:  # (in text order)
        figure_ranges = ranges_within([f.norm_start for f in facts], piece_starts, piece_ends, first, last)
        # the figures' spans as ``verb_items`` reads them, made once for the sentence, sliced per piece
        figure_spans = [(f.norm_start, f.norm_end) for f in facts]
    for p in range(first, last):
        cs, ce = piece_starts[p], piece_ends[p]
        if skip and any(hs <= cs and ce <= he for hs, he in skip):
            continue
        if enumerating:
            enumerating = False
            listed = enumerated(text, Sentence(cs, ce), sentence, group)
            if listed:
                group = listed[0].group
                found += listed
                previous_had = True
                continue
        if facts:
            fi, fj = figure_ranges[p - first]
            inside = facts[fi:fj]
        else:
            inside = facts
        if not (previous_had or inside or piece_may_find[p]):
            continue  # nothing a rule needs, and no list to continue: no activity, nothing changes
        piece = text[cs:ce].strip()
        if piece[-1:] in ":：" and piece[:-1].endswith(v.enumerators):
            enumerating = previous_had
            continue
        items = []
        # (verb_items finds nothing in a piece without a verb, nor in one of weak verbs alone
        # without a head or a figure: nlp/activities/weak_pieces.py)
        if index.piece_has_verb[p] and (inside or index.piece_verbs_may_act[p]):
            spans = figure_spans[fi:fj] if inside else []
            items = verb_items(index, (cs, ce), index.piece_clause[p], spans, sentence, group)
        clause = None  # the piece as a Sentence, made for the rules below that read one
        if not items and inside:  # a counted noun needs a figure
            clause = Sentence(cs, ce)
            items = noun_items(text, clause, [(f.norm_start, f.norm_end, f.unit) for f in inside], sentence, group)
            if items:  # 其中文体活动26场、讲座11场: the counted nouns listed after the first
                items += listed_after(text, inside, sentence, items)
        elif items and inside:
            items += listed_after(text, inside, sentence, items)
        if not items and may_name:
            clause = clause or Sentence(cs, ce)
            items = completed(text, clause, sentence, group)
        if not items and previous_had and not inside:
            clause = clause or Sentence(cs, ce)
            items = continuation(text, clause, sentence, group)
        if not items and may_name:
            clause = clause or Sentence(cs, ce)
            items = mentioned(text, clause, sentence, group)
        if items:
            for item in items:  # (the largest group so far)
                if item.group > group:
                    group = item.group
            found += items
        previous_had = bool(items)
    return found


