"""The figure contexts, built in one pass per document, against their plain definition: each fact's
sentence, clause, label, words after it and parentheses read fact by fact."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.checks.contexts import Context, _contexts, is_aside, paren_groups
from nlp.checks.intervals import unit_family
from nlp.records import DocMeta, DocType, Fact, Parse, Qualifier
from nlp.text.document import Text

_FIGURE = re.compile(r"(\d+)(人|户|%)")
_CLAUSE_END = re.compile("[，,：:。；;！？!?\n]")


def plain_contexts(parse: Parse) -> tuple[Context, ...]:
    """The definition: every fact looks up its sentence and clause, tests every parenthesis of
    its sentence and searches the text for the end of its clause."""
    doc = parse.text
    text = doc.text
    facts = sorted((f for f in parse.facts if f.norm_end > f.norm_start), key=lambda f: f.norm_start)
    out = []
    groups_of: dict[int, list[tuple[int, int]]] = {}
    for i, f in enumerate(facts):
        sent = doc.sentence_at(f.norm_start)
        si = doc.sentence_index(f.norm_start)
        s0, s1 = (sent.norm_start, sent.norm_end) if sent else (0, len(text))
        if si not in groups_of:
            groups_of[si] = paren_groups(text, s0, s1)
        inside = [(o, c) for o, c in groups_of[si] if o < f.norm_start < c]
        clause = doc.clause_at(f.norm_start)
        clause_start = clause.norm_start if clause is not None else s0
        prev_end = facts[i - 1].norm_end if i and facts[i - 1].norm_end > clause_start else clause_start
        prev_end = min(prev_end, f.norm_start)
        next_start = facts[i + 1].norm_start if i + 1 < len(facts) else s1
        limit = min(s1, next_start)
        stop = _CLAUSE_END.search(text, f.norm_end, limit) if f.norm_end < limit else None
        clause_end = stop.start() if stop else max(f.norm_end, limit)
        label = text[prev_end : f.norm_start].strip(" 、，,：:（(）)\t")
        paired = i and facts[i - 1].norm_end == f.norm_start
        if not label and paired and (unit_family(facts[i - 1].unit), unit_family(f.unit)) == ("households", "persons"):
            label = out[-1].label  # rule household_persons_pair: 低保户38户86人
        out.append(
            Context(
                fact=f,
                sentence=si,
                sent_start=s0,
                sent_end=s1,
                label=label,
                after=text[f.norm_end : max(f.norm_end, min(next_start, clause_end))],
                paren=max(inside)[0] if inside else -1,
                aside=any(is_aside(text[o + 1 : c]) for o, c in inside),
            )
        )
    return tuple(out)


def parse_of(text: str) -> Parse:
    """A parse of ``text`` with an exact fact for each figure (no figure stages)."""
    doc = Text.from_string(text)
    facts = tuple(
        Fact(i, None, m.start(), m.end(), m.group(), m.group(1), float(m.group(1)), None, None, m.group(2),
             Qualifier.EXACT, None, None, norm_start=m.start(), norm_end=m.end())
        for i, m in enumerate(_FIGURE.finditer(doc.text))
    )
    meta = DocMeta("0" * 64, None, "utf-8", None, None, None, None, None, DocType.SUMMARY, len(text))
    return Parse(doc=meta, original=text, facts=facts, text=doc)


PIECES = ["5人", "12户", "95%", "（", "）", "(", ")", "上年", "2019年", "全区", "，", "。", "；", "\n", "其中", "男",
          "、", "：", "社区", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_contexts_are_their_plain_definition(pieces: list[str]) -> None:
    parse = parse_of("".join(pieces))
    assert _contexts(parse, parse.text) == plain_contexts(parse)


def test_a_figure_in_nested_parentheses_is_an_aside_when_any_of_them_is() -> None:
    parse = parse_of("现有居民800人（2019年为780人（其中男400人））。")
    by_text = {c.fact.text: (c.paren, c.aside) for c in _contexts(parse, parse.text)}
    assert by_text == {"800人": (-1, False), "780人": (8, True), "400人": (19, True)}
