"""Sentence and clause spans in normalized text.

A sentence ends after 。！？；!?; (with any closing quotes or brackets that follow)
and at every line break. An ellipsis (…… or ...) does not end a sentence by itself:
in this genre it mostly stands for "and so on" inside a list (讲座、培训……等活动);
a sentence that really ends with one is closed by the line break or the 。 after it.

Clauses are the pieces of a sentence between ，,：:; and the sentence terminators.
The enumeration comma 、 does NOT separate clauses: it joins list items of one clause
(开展讲座、培训、义诊活动), and a figure's subject is found across it.

Spans never include surrounding whitespace, and empty pieces are skipped.

Where the package was built with a C compiler, the pieces are found by ``nlp.text._sentences``
(nlp/text/_sentences.c: the same pieces, about five times faster); ``ZONGJIE_PURE_PYTHON=1`` or a
build without a compiler keeps the pattern here. tests/test_sentences.py holds the two to each other.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.kernels import optional_kernel
from nlp.records import Sentence
from nlp.text.char_scan import search_from_chars

SENTENCE_ENDS = frozenset("。！？；!?;")
CLAUSE_ENDS = SENTENCE_ENDS | frozenset("，,：:")
CLOSERS = frozenset("”’」』）)】》\"'")
_SPACE = frozenset(" \t\r\u3000\xa0")


_BLANK = "".join(sorted(_SPACE)) + "\n"
_CLOSER_CHARS = "".join(sorted(CLOSERS))


@cache
def _pieces(ends: frozenset[str]) -> re.Pattern[str]:
    """One trimmed, non-empty piece between breaks (a line break, or a run of terminators with
    the closing quotes and brackets after it, which stays at the end of its piece).

    A piece opens with a character that is neither blank nor a terminator, and runs to its last
    such character or through the run that ends it; or it is a run alone. Blanks inside stay.
    """
    run = f"[{re.escape(''.join(sorted(ends)))}][{re.escape(''.join(sorted(ends | CLOSERS)))}]*"
    solid = f"[^{re.escape(''.join(sorted(ends)) + _BLANK)}]"  # neither blank nor a terminator
    body = f"[^{re.escape(''.join(sorted(ends)))}\n]*"
    return re.compile(f"{solid}(?:{body}(?:{run}|{solid}))?|{run}")


def _split(text: str, ends: frozenset[str], start: int, end: int) -> tuple[Sentence, ...]:
    if COMPILED is not None:
        return compiled_split(text, ends, start, end)
    return pattern_split(text, ends, start, end)


def pattern_split(text: str, ends: frozenset[str], start: int, end: int) -> tuple[Sentence, ...]:
    """The pieces of ``text[start:end]`` between breaks in ``ends``, found by ``_pieces``'s pattern."""
    return spans_as_sentences([m.span() for m in _pieces(ends).finditer(text, start, end)])


def compiled_split(text: str, ends: frozenset[str], start: int, end: int) -> tuple[Sentence, ...]:
    """``pattern_split`` by the compiled piece finder (which must have been built)."""
    if COMPILED is None:
        raise RuntimeError("nlp.text._sentences was not built (or ZONGJIE_PURE_PYTHON is set)")
    table, chars = _classes(ends)
    return COMPILED.pieces(
        text, start, end, table, chars, _CLOSER_CHARS, _BLANK, Sentence, Sentence.norm_start, Sentence.norm_end
    )


@cache
def _classes(ends: frozenset[str]) -> tuple[bytes, str]:
    """For the compiled finder: a byte per character of the Basic Multilingual Plane (1: one of
    ``ends``, 2: a closer, 4: blank, the line break included), and ``ends`` as a string."""
    table = bytearray(0x10000)
    for bit, chars in ((1, ends), (2, CLOSERS), (4, _BLANK)):
        for ch in chars:
            if ord(ch) < 0x10000:
                table[ord(ch)] |= bit
    return bytes(table), "".join(sorted(ends))




COMPILED = optional_kernel("nlp.text._sentences")


def spans_as_sentences(spans: list[tuple[int, int]]) -> tuple[Sentence, ...]:
    """``Sentence(start, end)`` of each span, without the call of the frozen dataclass's Python
    ``__init__`` (about 20,000 spans over the 13 long reports): its two ``object.__setattr__`` calls
    made directly, through the slots' own descriptors (which ``object.__setattr__`` would look up by
    name each time). ``Sentence`` is a frozen dataclass with slots and no ``__post_init__``, so this
    is the object its constructor makes (tests/test_sentences.py holds it to the constructor).

    >>> spans_as_sentences([(0, 3)]) == (Sentence(0, 3),)
    True
    """
    made = []
    new = object.__new__
    set_start, set_end = _SET_START, _SET_END
    for start, end in spans:
        sentence = new(Sentence)
        set_start(sentence, start)
        set_end(sentence, end)
        made.append(sentence)
    return tuple(made)


# The slots' descriptors' setters (a frozen dataclass refuses ``setattr``; its own ``__init__``
# goes around that with ``object.__setattr__``, which finds and calls these).
_SET_START = Sentence.norm_start.__set__  # type: ignore[attr-defined]
_SET_END = Sentence.norm_end.__set__  # type: ignore[attr-defined]


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentence spans of ``text``.

    >>> t = "社区现有党员41名。开展活动6次！\\n二、下一步打算"
    >>> [t[s.norm_start:s.norm_end] for s in split_sentences(t)]
    ['社区现有党员41名。', '开展活动6次！', '二、下一步打算']
    >>> t = "他说：“好。”然后走了"
    >>> [t[s.norm_start:s.norm_end] for s in split_sentences(t)]
    ['他说：“好。”', '然后走了']
    """
    return _split(text, SENTENCE_ENDS, 0, len(text))


def split_clauses(text: str, start: int = 0, end: int | None = None) -> tuple[Sentence, ...]:
    """Clause spans of ``text[start:end]`` (offsets stay those of ``text``).

    >>> t = "走访困难户、低保户20户，发放慰问金3000元。"
    >>> [t[s.norm_start:s.norm_end] for s in split_clauses(t)]
    ['走访困难户、低保户20户，', '发放慰问金3000元。']
    >>> [(s.norm_start, s.norm_end) for s in split_clauses(t, 13)]
    [(13, 24)]
    """
    return _split(text, CLAUSE_ENDS, start, len(text) if end is None else end)


# A sentence's closing run (terminators and closers) followed at once by a clause break: only there
# could a clause found over the whole text run on past its sentence's end (。，: one clause, two sentences).
_SENTENCE_RUN_THEN_BREAK = re.compile(
    f"[{re.escape(''.join(sorted(SENTENCE_ENDS)))}][{re.escape(''.join(sorted(SENTENCE_ENDS | CLOSERS)))}]*"
    f"[{re.escape(''.join(sorted(CLAUSE_ENDS - SENTENCE_ENDS)))}]"
)


def clauses_of(text: str, sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """The clauses of every sentence of ``text`` (``sentences`` is ``split_sentences(text)``), in order.

    The same spans as ``split_clauses`` over each sentence. A sentence ends at a line break or after its
    closing run, where a clause ends too, so one scan of the whole text finds them, except where a
    clause break follows a closing run at once; such a text is split sentence by sentence.

    >>> t = "社区现有党员41名，其中女党员16名。开展活动6次\\n走访20户"
    >>> [t[c.norm_start : c.norm_end] for c in clauses_of(t, split_sentences(t))]
    ['社区现有党员41名，', '其中女党员16名。', '开展活动6次', '走访20户']
    >>> t = "开展活动。，走访20户"  # a clause break right after a closing run: split per sentence
    >>> [t[c.norm_start : c.norm_end] for c in clauses_of(t, split_sentences(t))]
    ['开展活动。', '，', '走访20户']
    """
    if search_from_chars(_SENTENCE_RUN_THEN_BREAK, text) is None:  # (from its first characters: char_scan.py)
        return _split(text, CLAUSE_ENDS, 0, len(text))
    clauses: list[Sentence] = []
    for sentence in sentences:
        clauses += _split(text, CLAUSE_ENDS, sentence.norm_start, sentence.norm_end)
    return tuple(clauses)
