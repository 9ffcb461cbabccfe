"""一、/（一）/1、/（1） numbering → a tree of ``Section`` records.

Levels are fixed (SPEC section 6): 一、 = 1, （一）= 2, 1、/1./1． = 3, （1）= 4.
Styles outside that mapping: 第一部分/第一章/第一编 take level 1 but rank *above*
一、 (a 一、 inside 第一部分 is its child, both level 1); 第一节 is level 1 as well.
Circled ①②/⑴⑵ markers are list items, not headings (gold guidelines), and so are
inline 一是/二是 and numbers that do not open a line.

A label opens a section only when
- it opens a line (after indentation),
- its number continues the previous sibling of the same style under the same parent
  (n = previous + 1), or restarts at 1 under a new parent, or opens the outline
  (documents that start mid-way, at 二、 or （五）; a （2） further on, with no （1） line
  before it, is an item of a paragraph),
- the line before it is not a paragraph broken mid-sentence (``制`` + newline + ``2、度``),
- and a heading phrase follows it.

The heading is the phrase after the label up to the first 。 or ：(or a wide gap),
without trailing punctuation, sliced from the ORIGINAL text (traditional stays
traditional). A short unnumbered line between paragraphs (``社区党建工作``) becomes a
heading with label "" one level below the enclosing heading (1 at top level) — only
after the body has begun, never a line that repeats, names a 总结/报告 (a title) or
looks like site chrome. A title-like line between articles of a 范文 collection
restarts numbering (the next 一、 opens a new top-level run).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nlp.records import Normalized, Section
from nlp.text.heading_end import learned_end
from nlp.text.heading_model import Candidate, default_decision
from nlp.text.heading_phrase import cut_at_joined_break, heading_span
from nlp.text.heading_words import chrome_words, run_on_cut
from nlp.text.labels import (
    SPACES,
    TERMINAL,
    OutlineVocab,
    confirm_runs,
    is_plan_heading,
    is_problem_part,
    label_at,
    parse_label,
    run_starts,
    vocab,
)
from nlp.text.layout_rules import back_matter_start, signature_start, wrap_width, wrapped_tail
from nlp.text.outline_lines import ends_mid_word, next_numbers, physical_lines, soft_lines
from nlp.text.plan_parts import mark_plan_parts
from nlp.text.section_lookup import SectionLookup
from nlp.text.tokens import Word

__all__ = ["SectionLookup", "build_outline", "heading_span", "is_plan_heading", "parse_label"]

# Longest unnumbered line offered to the heading decision as a candidate.
MAX_CANDIDATE = 30
# An unnumbered line ending with a colon over a paragraph is a heading when longer than this (其中： no).
MIN_COLON_HEAD = 4
# Conversion junk glued after a character (總結(jié)): kept in headings, which are as written.
FIGURE = re.compile(r"\d+(?:\.\d+)?(?![\d.年])")
YEAR = re.compile(r"(?<!\d)\d{4}年")
LINE_BREAK = re.compile(r"[ \t\u3000]*\r?\n[ \t\u3000\r\n]*")
PINYIN_JUNK = re.compile(r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\))+")
# Punctuation an unnumbered heading line never holds.
NOT_IN_HEADING = re.compile(f"[{re.escape('。，,；;！!？?：:()（）[]【】')}]")
CJK = re.compile("[\u4e00-\u9fff]")


def _is_body(line: str) -> bool:
    return len(line) >= 30


def _title_like(line: str, voc: OutlineVocab) -> bool:
    return 4 <= len(line) <= 60 and line[-1] not in TERMINAL and bool(voc.holds_title_word(line))


def _unnumbered_ok(
    line: str, prev: str | None, prev_heading: str, nxt: str | None, voc: OutlineVocab, repeats: int
) -> bool:
    if not (2 <= len(line) <= voc.max_unnumbered) or repeats > 1 or nxt is None:
        return False
    if nxt is not None and line[-1] in "：:" and parse_label(nxt) is not None:
        line = line[:-1]  # a lead line over numbered items (村里存在的困难及问题：)
    elif line[-1] in "：:" and len(line) > MIN_COLON_HEAD and len(nxt) >= 30:
        line = line[:-1]  # a heading over its paragraph, written with a colon (主要做法：)
    if NOT_IN_HEADING.search(line) or voc.holds_junk(line):
        return False
    words = YEAR.sub("年", line)  # a year is a word of a heading (2019年打算)
    if len(CJK.findall(words)) < max(2, len(words) * 2 // 3):
        return False
    if FIGURE.search(line):  # a figure other than a year: a sentence that lacks its full stop
        return False
    if voc.holds_own_title_word(line):
        return False
    if prev is None or prev_heading == "unnumbered":
        return False
    if prev_heading == "" and prev[-1] not in TERMINAL:
        return False
    return parse_label(nxt) is not None or (len(nxt) >= 30 and len(nxt) >= 2 * len(line))


def _text_words(norm: Normalized) -> Callable[[int, int], Sequence[Word]]:
    """``Text.words`` of a ``Text`` of ``norm``, made on the first call (the pipeline passes its own)."""
    made: list = []

    def words(start: int, end: int) -> Sequence[Word]:
        if not made:
            from nlp.text.document import Text

            made.append(Text(norm))
        return made[0].words(start, end)

    return words


@dataclass
class _Open:
    id: int
    rank: float
    kind: str
    planned: bool


def build_outline(
    norm: Normalized,
    decide: Callable[[Candidate], bool] | None = None,
    end: Callable[[str, str, Callable[[], Sequence[Word]]], int] | None = None,
    words: Callable[[int, int], Sequence[Word]] | None = None,
) -> tuple[Section, ...]:
    """The section tree of ``norm.text``, with spans mapped to the original.

    ``decide`` says whether a candidate line is a heading (default: the shipped heading model,
    ``nlp.text.heading_model``); training passes an oracle that answers from the gold. ``end`` says
    where a heading phrase that runs on into its paragraph ends when the grammar finds no cut
    (default: the shipped heading-end model, ``nlp.text.heading_end``), reading the phrase's words
    from ``words`` (the document's ``Text.words``; by default a ``Text`` of ``norm`` made when first
    needed).
    """
    decide = decide or default_decision
    end = end or learned_end
    words = words or _text_words(norm)
    voc = vocab()
    text, original = norm.text, norm.original
    physical = physical_lines(text)
    lines = [
        (pos + len(raw) - len(raw.lstrip(SPACES)), raw.strip(SPACES)) for pos, raw in soft_lines(norm, physical)
    ]
    soft_starts = {pos for pos, _ in lines} - {pos + len(raw) - len(raw.lstrip(SPACES)) for pos, raw in physical}
    nonempty = [(pos, line) for pos, line in lines if line]
    back_matter = min(back_matter_start([line for _, line in nonempty]), signature_start([line for _, line in nonempty]))
    width = wrap_width(original)
    counts: dict[str, int] = {}
    for _, line in nonempty:
        counts[line] = counts.get(line, 0) + 1

    found: list[tuple[float, int, int, int, int, int, int | None, bool]] = []
    stack: list[_Open] = []
    last_num: dict[tuple[int | None, str], int] = {}
    last_at: dict[tuple[int | None, str], int] = {}  # where that last number stood
    part_title_at = -1  # where the last unnumbered heading (a part's title) stood
    chrome_last: dict[tuple[int | None, str], int] = {}
    seen_kinds: set[str] = set()
    levels: list[int] = []
    body_started = False
    prev_heading = ""  # "", "numbered", "unnumbered"
    # Weak shapes (1，, 1.2023年) are labels only in a run of their own at line starts (labels.RULES).
    labels = confirm_runs(
        [line for _, line in nonempty],
        [label_at(line, 0, weak=True) for _, line in nonempty],
        [pos not in soft_starts for pos, _ in nonempty],
    )
    new_runs = run_starts(labels)
    following = next_numbers(labels)
    fragment = -1  # a line that finished the heading above it (a wrapped heading's last words)
    for idx, (pos, line) in enumerate(nonempty[:back_matter]):
        if idx == fragment:
            continue
        prev = nonempty[idx - 1][1] if idx else None
        nxt = nonempty[idx + 1][1] if idx + 1 < len(nonempty) else None
        label = labels[idx]
        below = labels[idx + 1] if nxt is not None else None
        context = dict(
            prev=prev or "", nxt=nxt or "", prev_heading=prev_heading, soft=pos in soft_starts,
            position=idx / max(1, len(nonempty) - 1), body_started=body_started, repeats=counts[line],
            next_label=below.kind if below else "",
        )
        accepted = ""
        if label is not None:
            hs, he = heading_span(line, label.end)
            he = cut_at_joined_break(norm, pos, line, hs, he)
            cut = run_on_cut(line[hs:he])
            if cut < he - hs:
                he = hs + cut
            else:
                he = hs + end(line[hs:he], line[he:], lambda a=pos + hs, b=pos + he: words(a, b))
            tail = wrapped_tail(line, nxt, width) if he == len(line) and idx + 1 < len(nonempty) else 0
            phrase = line[hs:he] + (nxt or "")[:tail]
            end_at = nonempty[idx + 1][0] + tail if tail else pos + he
            trial = [o for o in stack if o.rank < label.rank]
            parent = trial[-1].id if trial else None
            prev_n = last_num.get((parent, label.kind))
            in_sequence = (
                label.number == prev_n + 1
                if prev_n is not None
                else label.number == 1 or (label.kind not in seen_kinds and not found)
            )
            # A report in parts numbers each part anew: a heading line standing alone whose 1 opens
            # a second run (its 2 follows) is in sequence too.
            alone = not line[he:].strip(voc.trailing) and not tail and pos not in soft_starts
            # So does one run on into its paragraph after a full stop (一、抓投入，增后劲。持续…) when a
            # part's title stands between the runs (2021年重点工作); without one it is a list in a paragraph.
            ended = he < len(line) and line[he] in voc.stops and part_title_at > last_at.get((parent, label.kind), -1)
            in_sequence = in_sequence or ((alone or ended) and prev_n is not None and idx in new_runs)
            # A number the writer skipped or repeated (二、 then 四、, or 二、 twice) in a heading line
            # standing alone is in sequence when the next label of its style continues it (五、, 三、).
            slipped = prev_n is not None and label.number in (prev_n, prev_n + 2)
            in_sequence = in_sequence or (alone and slipped and following[idx] == label.number + 1)
            # A label after a paragraph that ends mid-word may be the rest of a word wrapped onto the
            # next line (制 + newline + 2、度) — unless its number continues its siblings (…2万元 + newline
            # + 二、, a paragraph that merely lacks its full stop). Not a weak label: after a paragraph cut
            # mid-word, 2.5… or 2，… is the paragraph's next words whatever number it continues.
            continues = prev_n is not None and label.number == prev_n + 1 and not label.weak
            # A title line before it (…工作总结_1, a site's suffix) is no paragraph, whatever its last character.
            broken = (
                prev is not None and prev_heading == "" and len(prev) > 20 and ends_mid_word(prev) and not continues
                and not _title_like(prev, voc)
            )  # fmt: skip
            # A notice numbered after a site-chrome notice (1. 付费下载… 2. 如需原文…) is chrome too.
            after_chrome = chrome_last.get((parent, label.kind)) == label.number - 1
            if after_chrome or chrome_words(line[hs:he]):
                chrome_last[(parent, label.kind)] = label.number
            candidate = Candidate(
                kind=label.kind, number=label.number, level=label.level, in_sequence=in_sequence,
                first_of_kind=label.kind not in seen_kinds, broken=broken, after_chrome=after_chrome,
                phrase=phrase, rest=line[he:],
                stop=line[he : he + 1] if line[he : he + 1] in voc.stops else "", unnumbered_rule=False,
                next_in_sequence=below is not None and below.kind == label.kind and below.number == label.number + 1,
                **context,
            )
            if he > hs and decide(candidate):
                stack = trial
                planned = (bool(stack) and stack[-1].planned) or is_plan_heading(phrase)
                sid = len(found)
                found.append(
                    (label.rank, label.level, pos + label.start, pos + label.end, pos + hs, end_at, parent, planned)
                )
                stack.append(_Open(sid, label.rank, label.kind, planned))
                levels.append(label.level)
                last_num[(parent, label.kind)] = label.number
                last_at[(parent, label.kind)] = pos
                seen_kinds.add(label.kind)
                accepted = "numbered"
                if tail and tail == len(nxt or ""):
                    fragment = idx + 1
        elif 2 <= len(line) <= MAX_CANDIDATE:
            rule = body_started and _unnumbered_ok(line, prev, prev_heading, nxt, voc, counts[line])
            hs, he = heading_span(line, 0)
            inner = list(stack)
            while inner and inner[-1].kind == "":  # an unnumbered heading ends the previous one
                inner.pop()
            plan_part = is_plan_heading(line[hs:he]) and not (inner and inner[-1].planned)
            if plan_part or (below is None and is_problem_part(line[hs:he])):
                inner = []  # 下半年计划和打算, 存在的不足: the plan or problems part of the document, top-level
            elif below is not None:  # a lead line over numbered items: it encloses them
                inner = [o for o in inner if o.rank < below.rank - 0.5]
                if inner and below.number == 1 and (inner[-1].id, below.kind) in last_num:
                    inner.pop()  # its items number anew under it: it takes the place of their old parent
            level = levels[inner[-1].id] + 1 if inner else 1
            candidate = Candidate(
                kind="", number=0, level=level, in_sequence=False, first_of_kind=False, broken=False, after_chrome=False,
                phrase=line[hs:he], rest=line[he:], stop=line[he : he + 1] if line[he : he + 1] in voc.stops else "",
                unnumbered_rule=rule, next_in_sequence=False, **context,
            )
            if he > hs and decide(candidate):
                stack = inner
                rank = stack[-1].rank + 0.5 if stack else 1.0
                parent = stack[-1].id if stack else None
                planned = (bool(stack) and stack[-1].planned) or is_plan_heading(line[hs:he])
                sid = len(found)
                found.append((rank, level, pos, pos, pos + hs, pos + he, parent, planned))
                levels.append(level)
                stack.append(_Open(sid, rank, "", planned))
                accepted = "unnumbered"
                part_title_at = pos
        if not accepted and label is None and _title_like(line, voc) and found:
            stack, last_num = [], {}  # a new article of a collection restarts numbering
        if not accepted and _is_body(line):
            body_started = True
        prev_heading = accepted

    sections: list[Section] = []
    for i, (rank, level, ls, le, hs, he, parent, planned) in enumerate(found):
        end = len(text)
        for later in found[i + 1 :]:
            if later[0] <= rank:
                end = later[2]
                break
        while end > ls and text[end - 1] in SPACES + "\n":
            end -= 1
        o_ls, o_le = norm.to_original(ls, le) if le > ls else (norm.to_original(ls, ls + 1)[0],) * 2
        o_hs, o_he = norm.to_original(hs, he)
        junk = PINYIN_JUNK.match(original, o_he)
        o_he = junk.end() if junk else o_he
        start = o_ls
        sections.append(
            Section(
                id=i,
                parent=parent,
                level=level,
                label=original[o_ls:o_le],
                heading=LINE_BREAK.sub("", original[o_hs:o_he]),  # a wrapped heading is one phrase
                start=start,
                end=max(norm.to_original(ls, end)[1], o_he),
                planned=planned,
                norm_start=ls,
                norm_end=end,
            )
        )
    return mark_plan_parts(sections, text)
