"""Token features for the learned activity tagger (nlp/activities/model.py).

A document becomes one token sequence per sentence: the words of its clauses as the document's
``Text`` segments and tags them (``Text.words``; nothing here segments on its own), so the tagger
reads the same words every other stage reads. Each token gets a feature dict built from:

- the word itself: form, tag, length, first and last characters;
- its neighbours (two words each side, their tags);
- the activity vocabulary (nlp/resources/activities.toml): light, weak or content verb, activity
  head, the kind its keyword names, slogan head, document word, person, stop word (a word's marks,
  nlp/activities/word_marks.py);
- the grammar rules' own decision (``rule=B/I/O``: is the token inside an activity the rules found);
- its place in the clause (first words, after a comma, inside quotes, inside a short heading);
- figures: the token is a figure, or a figure follows within a few words (and of which sort).

Labels are BIO over the tokens: ``B`` opens an activity name, ``I`` continues it, ``O`` is outside.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from nlp.activities.word_marks import kind_of_word, word_class
from nlp.records import Fact, Sentence
from nlp.text.document import Text

CLAUSE_MARKS = frozenset("，,：:。！？；!?;、")
OPEN_QUOTES = frozenset('“"‘「『《')
CLOSE_QUOTES = frozenset('”"’」』》')
EVENT_UNITS = frozenset({"次", "场", "场次", "期", "届", "轮", "批", "堂", "节"})
PEOPLE_UNITS = frozenset({"人次", "人", "名", "户", "家"})
MONEY_UNITS = frozenset({"元", "%"})
_FIGURE_REACH = 4  # words after a token in which a following figure is a feature


class Token(NamedTuple):
    """One word of a sentence, located in the normalized text (a named tuple: documents make
    tens of thousands of them)."""

    start: int
    end: int
    word: str
    tag: str


Span = tuple[int, int]
_new_token = tuple.__new__


def sentence_tokens(doc: Text, sentence: Sentence) -> tuple[Token, ...]:
    """The words of one sentence with their tags, read clause by clause from the document's Text;
    white space is dropped.

    >>> doc = Text.from_string("开展主题党日活动6次。")
    >>> [t.word for t in sentence_tokens(doc, doc.sentences[0])][:2]
    ['开展', '主题党日活动']
    """
    found = []
    s, e = sentence.norm_start, sentence.norm_end
    for i in doc.clause_range(s, e):
        clause = doc.clauses[i]
        if clause.norm_start < s or clause.norm_end > e:  # a clause the sentence cuts: its part only
            pos = max(s, clause.norm_start)
            for word, tag in doc.words(pos, min(e, clause.norm_end)):
                if word.strip():
                    found.append(Token(pos, pos + len(word), word, tag))
                pos += len(word)
            continue
        starts, words = doc.clause_words(i)
        found += [
            _new_token(Token, (start, start + len(word), word, tag))  # a named tuple made without its __new__
            for start, (word, tag) in zip(starts, words, strict=True)
            if word.strip()
        ]
    return tuple(found)


def bio_labels(tokens: Sequence[Token], spans: Sequence[Span]) -> list[str]:
    """``B``/``I``/``O`` for each token: a token overlapping a span is inside it.

    >>> toks = [Token(0, 2, "开展", "v"), Token(2, 4, "巡逻", "v"), Token(4, 6, "活动", "n")]
    >>> bio_labels(toks, [(2, 6)])
    ['O', 'B', 'I']
    """
    labels = ["O"] * len(tokens)
    ends = [t.end for t in tokens]
    for s, e in sorted(spans):
        first = True
        for i in _overlapping(tokens, ends, s, e):
            if labels[i] == "O":
                labels[i] = "B" if first else "I"
            first = False
    return labels


def _overlapping(tokens: Sequence[Token], ends: Sequence[int], start: int, end: int) -> range:
    """Indices of the tokens overlapping ``[start, end)``: tokens are in order and do not overlap,
    so their ends rise and the ones overlapping a span are consecutive."""
    first = bisect_right(ends, start)
    last = first
    while last < len(tokens) and tokens[last].start < end:
        last += 1
    return range(first, last)


def spans_of(tokens: Sequence[Token], labels: Sequence[str]) -> list[Span]:
    """Spans of the ``B I*`` runs (an ``I`` with nothing open starts one).

    >>> toks = [Token(0, 2, "开展", "v"), Token(2, 4, "巡逻", "v"), Token(4, 6, "活动", "n")]
    >>> spans_of(toks, ["O", "B", "I"]), spans_of(toks, ["B", "O", "I"])
    ([(2, 6)], [(0, 2), (4, 6)])
    """
    found: list[Span] = []
    open_at: int | None = None
    for i, label in enumerate(labels):
        if open_at is not None and label != "I":
            found.append((tokens[open_at].start, tokens[i - 1].end))
            open_at = None
        if label == "B" or (label == "I" and open_at is None):
            open_at = i
    if open_at is not None:
        found.append((tokens[open_at].start, tokens[-1].end))
    return found


def figure_marks(tokens: Sequence[Token], facts: Sequence[Fact]) -> tuple[list[str], list[str]]:
    """For each token: the sort of figure it is part of ('' when none), and of the next figure
    within ``_FIGURE_REACH`` words (with its distance)."""
    at = [""] * len(tokens)
    if not facts:
        return at, at.copy()
    ends = [t.end for t in tokens]
    for f in facts:
        sort = (
            "event"
            if f.unit in EVENT_UNITS
            else "people"
            if f.unit in PEOPLE_UNITS
            else "money"
            if f.unit in MONEY_UNITS
            else "other"
        )
        for i in _overlapping(tokens, ends, f.norm_start, f.norm_end):
            at[i] = sort
    # from the end backwards: the nearest later token that is a clause mark (which stops the
    # search) or part of a figure, as a forward search over the next _FIGURE_REACH words finds it
    ahead = [""] * len(tokens)
    nearest: int | None = None
    for i in range(len(tokens) - 1, -1, -1):
        if nearest is not None and nearest - i <= _FIGURE_REACH and tokens[nearest].word not in CLAUSE_MARKS:
            ahead[i] = f"{at[nearest]}{min(nearest - i, 3)}"
        if at[i] or tokens[i].word in CLAUSE_MARKS:
            nearest = i
    return at, ahead


def sequence_features(
    tokens: Sequence[Token],
    facts: Sequence[Fact] = (),
    rule_spans: Sequence[Span] = (),
    heading_spans: Sequence[Span] = (),
) -> list[dict[str, str | float]]:
    """One feature dict per token (see the module docstring)."""
    rule = bio_labels(tokens, rule_spans)
    figure, figure_ahead = figure_marks(tokens, facts)
    classes = [word_class(t.word) for t in tokens]
    kinds = [kind_of_word(t.word) for t in tokens]
    quoted = False
    clause_index = 0
    rows: list[dict[str, str | float]] = []
    for i, t in enumerate(tokens):
        w = t.word
        f: dict[str, str | float] = {
            "bias": 1.0,
            "w": w,
            "t": t.tag,
            "len": str(min(len(w), 4)),
            "p1": w[0],
            "s1": w[-1],
            "s2": w[-2:],
            "p2": w[:2],
            "rule": rule[i],
            "pos": str(min(clause_index, 4)),
            "fig": figure[i] or "-",
            "figahead": figure_ahead[i] or "-",
        }
        if w[0] in OPEN_QUOTES:
            quoted = True
        if quoted:
            f["quoted"] = 1.0
        if w[-1] in CLOSE_QUOTES:
            quoted = False
        if w.isdigit():
            f["digit"] = 1.0
        for mark in classes[i]:
            f["v:" + mark] = 1.0
        if kinds[i] is not None:
            f["kind"] = kinds[i]
        if any(hs <= t.start < he for hs, he in heading_spans):
            f["heading"] = 1.0
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < len(tokens):
                n = tokens[j]
                f[f"w{d:+d}"] = n.word
                f[f"t{d:+d}"] = n.tag
                f[f"rule{d:+d}"] = rule[j]
                for mark in classes[j]:
                    if mark in ("light", "weak", "content", "head", "slogan", "document", "person", "stop"):
                        f[f"v{d:+d}:{mark}"] = 1.0
            else:
                f[f"w{d:+d}"] = "<s>" if d < 0 else "</s>"
        if i > 0:
            f["w-1|w"] = tokens[i - 1].word + "|" + w
        if i + 1 < len(tokens):
            f["w|w+1"] = w + "|" + tokens[i + 1].word
        rows.append(f)
        clause_index = 0 if w in CLAUSE_MARKS else clause_index + 1
    return rows
