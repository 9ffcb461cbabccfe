"""The figure contexts every figure rule reads, built once per document and shared by the rules.

A ``Context`` is where a fact sits: its sentence, the words before it (its label), the words after
it, and the parenthesis it is inside. ``contexts(parse)`` builds them in one pass over the facts
in text order; the parentheses of a sentence are swept once with a stack, not searched per fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from nlp.checks.intervals import Interval, fact_interval, has_any, unit_family, vocab
from nlp.records import Fact, Parse
from nlp.text.document import Text

_V = TypeVar("_V")


class _kept(Generic[_V]):
    """``functools.cached_property`` without its lock: before Python 3.12 every first read takes
    and releases a re-entrant lock (a context's two kept values are first read about 2,500 times
    a batch of long reports). A context is only ever read by the thread that built it.

    >>> class A:
    ...     @_kept
    ...     def x(self):
    ...         print("computed")
    ...         return 1
    >>> a = A(); a.x, a.x
    computed
    (1, 1)
    """

    def __init__(self, compute: Callable[..., _V]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> _V:
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.compute(instance)  # found there from now on
        return value


@dataclass(frozen=True)
class Context:
    """Where a fact sits: its sentence, and the words that name it.

    ``label`` is the clause text between the previous figure (or the clause start) and this
    figure, in normalized text: 其中男1600人、女1500人 gives 其中男 and 、女.
    """

    fact: Fact
    sentence: int
    sent_start: int
    sent_end: int
    label: str
    after: str  # the clause text right after the figure, up to the next figure
    paren: int = -1  # normalized offset of the parenthesis the figure is inside, -1 outside
    aside: bool = False  # inside a parenthesis that restates another period or area

    # Read by several rules for every figure: computed on first use and kept (a frozen dataclass
    # without slots keeps a computed value in its __dict__, which ``_kept`` writes directly).
    @_kept
    def family(self) -> str:
        """``unit_family`` of the fact's unit."""
        return unit_family(self.fact.unit)

    @_kept
    def interval(self) -> Interval | None:
        """``fact_interval`` of the fact."""
        return fact_interval(self.fact)


T = TypeVar("T")
_OPEN, _CLOSE = "（(", "）)"
_PAREN = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
_CLAUSE_END = re.compile(f"[{re.escape('，,：:。；;！？!?' + chr(10))}]")
_OPENING = re.compile(f"[{re.escape(_OPEN)}]")
_YEAR_IN = re.compile(r"(?:19|20)\d\d年")


def paren_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (open, close) offsets of the parentheses of ``text[start:end]``, innermost last.

    Matched as a stack matches them, an unclosed one running to ``end``: so two groups are
    either nested or apart, never crossing (``enclosing`` relies on it).

    >>> paren_groups("总人口3200人（上年3100人）。", 0, 18)
    [(8, 16)]
    """
    stack: list[int] = []
    groups: list[tuple[int, int]] = []
    for m in _PAREN.finditer(text, start, end):
        i = m.start()
        if text[i] in _OPEN:
            stack.append(i)
        elif stack:
            groups.append((stack.pop(), i))
    groups += [(o, end) for o in stack]  # an unclosed parenthesis runs to the sentence end
    return sorted(groups)


def is_aside(inner: str) -> bool:
    """A parenthesis that restates another period's or area's figures (上年为…, 2021年…, 全街道…).

    Whatever makes a text an aside makes every text containing it one.

    >>> is_aside("上年为3100人"), is_aside("2021年男1500人"), is_aside("其中女党员12名")
    (True, True, False)
    """
    return bool(_YEAR_IN.search(inner)) or has_any(inner, vocab()["markers"]["aside"])


def enclosing(text: str, groups: Sequence[tuple[int, int]], offsets: Sequence[int]) -> Iterator[tuple[int, bool]]:
    """For each offset (ascending), the innermost group strictly around it (its open offset, -1
    when none) and whether any group around it is an aside.

    One sweep: ``groups`` (sorted, nested or apart as ``paren_groups`` gives them) are pushed as
    the offsets pass their opening and popped once closed, so the stack holds exactly the groups
    around the current offset, outermost first. An outer group holds an inner one's text, so it
    is an aside whenever an inner one is (``is_aside``): the outermost decides, read once.

    >>> list(enclosing("a（b（2019年c）d）e", paren_groups("a（b（2019年c）d）e", 0, 14), [0, 2, 5, 11]))
    [(-1, False), (1, True), (3, True), (1, True)]
    """
    stack: list[tuple[int, int]] = []  # (close, open), outermost first
    aside_of: dict[int, bool] = {}  # outermost group's open offset → is_aside
    g = 0
    for x in offsets:
        while g < len(groups) and groups[g][0] < x:
            opening, close = groups[g]
            while stack and stack[-1][0] <= opening:
                stack.pop()  # closed before this group opens
            stack.append((close, opening))
            g += 1
        while stack and stack[-1][0] <= x:
            stack.pop()
        if not stack:
            yield -1, False
            continue
        close, outer = stack[0]
        if outer not in aside_of:
            aside_of[outer] = is_aside(text[outer + 1 : close])
        yield stack[-1][1], aside_of[outer]


def contexts(parse: Parse) -> tuple[Context, ...]:
    """A ``Context`` for every fact with a normalized span, in text order.

    Every rule asks for the same document's contexts in turn: they are kept on its ``Text``,
    for as long as the facts they were read from are the parse's.
    """
    doc = parse.text
    if doc is None:
        return ()
    kept = doc.derived.get("check_contexts")
    if kept is not None and kept[0] is parse.facts:
        return kept[1]
    found = _contexts(parse, doc)
    doc.derived["check_contexts"] = (parse.facts, found)
    return found


def shared(parse: Parse, name: str, build: Callable[[tuple[Context, ...]], T]) -> T:
    """A value several rules read, built once per document from its contexts and kept beside them
    (a document's rates, the index of each figure's previous figure of the same unit …)."""
    ctxs = contexts(parse)
    doc = parse.text
    if doc is None:
        return build(ctxs)
    kept = doc.derived.get(f"check_{name}")
    if kept is not None and kept[0] is ctxs:
        return kept[1]
    value = build(ctxs)
    doc.derived[f"check_{name}"] = (ctxs, value)
    return value


def _contexts(parse: Parse, doc: Text) -> tuple[Context, ...]:
    """Every fact's context. A fact's clause end is one search from the fact's end to the first clause
    end after it, at most up to the next figure or the sentence's end (a few characters), not an
    index of every clause end of the document: a document has ten to twenty of them per figure."""
    text = doc.text
    facts = sorted((f for f in parse.facts if f.norm_end > f.norm_start), key=lambda f: f.norm_start)
    if not facts:
        return ()
    next_stop = _CLAUSE_END.search
    sentence_at, clause_at = doc.sentence_at, doc.clause_at
    spans = []  # (sentence index, sentence start, sentence end, in a sentence) of each fact
    for f in facts:
        sent = sentence_at(f.norm_start)
        spans.append(
            (doc.sentence_index(f.norm_start), sent.norm_start, sent.norm_end, True)
            if sent is not None
            else (doc.sentence_index(f.norm_start), 0, len(text), False)
        )
    parens = _parens_around(text, facts, spans)
    out = []
    for i, f in enumerate(facts):
        si, s0, s1, _ = spans[i]
        clause = clause_at(f.norm_start)
        clause_start = clause.norm_start if clause is not None else s0
        prev_end = facts[i - 1].norm_end if i and facts[i - 1].norm_end > clause_start else clause_start
        prev_end = min(prev_end, f.norm_start)
        next_start = facts[i + 1].norm_start if i + 1 < len(facts) else s1
        limit = min(s1, next_start)
        # the first clause end after the figure, looked for only up to ``limit`` (none beyond it is
        # read): a run of figures without a clause end stays linear
        found = next_stop(text, f.norm_end, limit) if f.norm_end < limit else None
        stop = found.start() if found is not None else limit
        clause_end = stop if f.norm_end < limit and stop < limit else max(f.norm_end, limit)
        paren, aside = parens[i]
        label = text[prev_end : f.norm_start].strip(" 、，,：:（(）)\t")
        if not label and i and facts[i - 1].norm_end == f.norm_start and _household_persons(facts[i - 1], f):
            label = out[-1].label  # rule household_persons_pair: 脱贫户52户163人 — the 163 are of 脱贫户
        out.append(
            _context(
                fact=f,
                sentence=si,
                sent_start=s0,
                sent_end=s1,
                label=label,
                after=text[f.norm_end : max(f.norm_end, min(next_start, clause_end))],
                paren=paren,
                aside=aside,
            )
        )
    return tuple(out)


def _household_persons(first: Fact, second: Fact) -> bool:
    """Rule ``household_persons_pair``: a count of persons written right after a count of
    households (低保户38户86人, 在家务农31户98人) counts the persons of those households, so it
    is named by the same words; its own label is empty."""
    return unit_family(first.unit) == "households" and unit_family(second.unit) == "persons"


def _parens_around(
    text: str, facts: Sequence[Fact], spans: Sequence[tuple[int, int, int, bool]]
) -> list[tuple[int, bool]]:
    """Each fact's (innermost parenthesis, aside). The parentheses are read per run of facts with
    one sentence index, bounded as the run's first fact finds its sentence (the whole text when
    it lies between sentences); a run whose bounds open no parenthesis is passed at once."""
    found: list[tuple[int, bool]] = [(-1, False)] * len(facts)
    opening = _OPENING.search
    if opening(text) is None:
        return found  # a closing parenthesis alone makes no group
    first = 0
    while first < len(facts):
        last = first + 1
        while last < len(facts) and spans[last][0] == spans[first][0]:
            last += 1
        _, start, end, _ = spans[first]
        if opening(text, start, end) is not None:
            groups = paren_groups(text, start, end)
            found[first:last] = enclosing(text, groups, [f.norm_start for f in facts[first:last]])
        first = last
    return found


def _context(**fields) -> Context:
    """A ``Context`` made without the frozen dataclass's ``__init__`` (a field at a time through
    ``object.__setattr__``): thousands are made per document. Same fields, same object."""
    made = object.__new__(Context)
    made.__dict__.update(fields)
    return made
