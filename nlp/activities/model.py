"""The learned activity model: a CRF tagger for activity names and a classifier for their kind.

Both are trained on the activities of the development gold (``zongjie train --activities``,
nlp/activities/training.py) and shipped in models/:

- ``activities.crfsuite``: a linear-chain CRF over the token features of
  nlp/activities/features.py, BIO labels, trained by python-crfsuite and written in CRFsuite's
  binary format; parsing reads its weights and decodes with numpy (nlp/activities/crf.py, crf_decode.py,
  scoring.py), many sentences at once;
- ``activity_kinds.npz``: a multinomial logistic regression over the features of
  ``kind_features`` (the name's characters and head, the verb, the kind the keyword rules give),
  stored as plain arrays and loaded with ``allow_pickle=False``.

Both files are loaded once per process, offline. When they are missing, ``available()`` is False
and the grammar rules alone find activities.
"""

from __future__ import annotations

import struct
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import numpy as np

from nlp.activities.crf import CRFWeights
from nlp.activities.crf_decode import decode_many
from nlp.activities.features import Span, Token, sentence_tokens, sequence_features
from nlp.activities.lexicons import word_classes
from nlp.activities.scoring import TokenScorer
from nlp.activities.tagged_spans import document_spans, label_codes, lenient_codes
from nlp.activities.vocab import kind_of_name, vocab
from nlp.errors import ResourceError
from nlp.records import ActivityKind, Fact, Sentence
from nlp.text.document import Text

TAGGER_FILE = "activities.crfsuite"
KINDS_FILE = "activity_kinds.npz"
THRESHOLD = 0.75  # see decoding.lenient_labels
KEEP_DOUBTED = 0.85  # see doubted_rule_spans


@dataclass(frozen=True)
class KindWeights:
    """A fitted multinomial logistic regression over sparse named features."""

    features: dict[str, int]
    coef: np.ndarray  # classes × features
    intercept: np.ndarray
    classes: tuple[str, ...]

    def predict(self, rows: Sequence[dict[str, float]]) -> list[str]:
        return [self.classes[i] for i in self.scores(rows).argmax(axis=1)] if rows else []

    def scores(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """Each row's score for each class: the intercept plus each known feature's value times
        its coefficients, added feature after feature in the row's order (for all rows at once:
        the k-th known feature of every row in the k-th step, a row with fewer adding zero)."""
        known = [[(self.features[n], v) for n, v in row.items() if n in self.features] for row in rows]
        width = max(map(len, known), default=0)
        columns = np.zeros((len(rows), width), dtype=np.intp)
        values = np.zeros((len(rows), width))
        for r, features in enumerate(known):
            if features:
                columns[r, : len(features)], values[r, : len(features)] = zip(*features, strict=True)
        by_feature = self.coef.T  # features × classes
        scores = np.tile(self.intercept, (len(rows), 1))
        for k in range(width):
            scores += values[:, k, None] * by_feature.take(columns[:, k], axis=0)
        return scores

    def save(self, path: Path) -> None:
        names = sorted(self.features, key=self.features.get)
        np.savez_compressed(
            path,
            features=np.array(names, dtype=str),
            coef=self.coef,
            intercept=self.intercept,
            classes=np.array(self.classes, dtype=str),
        )

    @classmethod
    def load(cls, data: Any) -> KindWeights:
        """From an npz path or binary file object: arrays only, never pickles."""
        with np.load(data, allow_pickle=False) as arrays:
            names = [str(n) for n in arrays["features"]]
            return cls(
                {n: i for i, n in enumerate(names)},
                arrays["coef"].astype(float),
                arrays["intercept"].astype(float),
                tuple(str(c) for c in arrays["classes"]),
            )


def verb_before(text: str, start: int) -> str | None:
    """The activity verb ending right before ``start`` (了/过 may sit between), or None.

    >>> verb_before("组织开展了走访慰问", 5)
    '组织开展'
    >>> verb_before("社区走访", 2) is None
    True
    """
    end = start
    while end > 0 and text[end - 1] in "了过":
        end -= 1
    verb_re = vocab().verb_re
    for start in range(max(0, end - 6), end):  # the earliest start that is a verb is the longest
        if verb_re.fullmatch(text, start, end):
            return text[start:end]
    return None


def kind_features(name: str, verb: str | None) -> dict[str, float]:
    """Features of one activity name for the kind classifier.

    >>> f = kind_features("消防演练", "组织")
    >>> f["tail2:演练"], f["verb:组织"], f["rule:training"]
    (1.0, 1.0, 1.0)
    """
    core = name.strip('“”"‘’「」『』《》')
    f: dict[str, float] = {"bias": 1.0}
    for n in (1, 2, 3):
        for i in range(len(core) - n + 1):
            f[f"c{n}:{core[i : i + n]}"] = 1.0
    for n in (1, 2, 3):
        if len(core) >= n:
            f[f"tail{n}:{core[-n:]}"] = 1.0
    f[f"head2:{core[:2]}"] = 1.0
    f[f"verb:{verb or '-'}"] = 1.0
    f[f"rule:{kind_of_name(name, verb).value}"] = 1.0
    for word_class in word_classes(core):  # nlp/resources/activity_lexicons.csv
        f[f"lex:{word_class}"] = 1.0
    if verb is not None:
        for word_class in word_classes(verb):
            f[f"verblex:{word_class}"] = 1.0
    if name[:1] in '“"「『':
        f["quoted"] = 1.0
    return f


@dataclass(frozen=True)
class ActivityModel:
    """The tagger's weights (decoded with numpy, nlp/activities/crf_decode.py) and the kind classifier's."""

    tagger: CRFWeights
    kinds: KindWeights
    scorer: TokenScorer = field(compare=False, repr=False)

    @classmethod
    def load(cls, folder: Path) -> ActivityModel:
        """The model written by ``zongjie train --activities --out FOLDER``."""
        return _open(folder / TAGGER_FILE, folder / KINDS_FILE)

    def spans(
        self,
        doc: Text,
        sentences: Sequence[Sentence],
        facts: Sequence[Fact],
        rule_spans: Sequence[Span],
        heading_spans: Sequence[Span] = (),
    ) -> list[Span]:
        """Activity name spans (normalized offsets) of a document: the tokens of every sentence are
        scored and decoded together, and read as spans (labels as ``lenient_labels`` gives them)."""
        tokens = self.scorer.tokens_of(doc, sentences)
        if not len(tokens):
            return []
        scores = self.scorer.scores_of(tokens, facts, rule_spans, heading_spans)
        best, marginals = decode_many(self.tagger, scores, tokens.lengths)
        p_outside = marginals[:, self.tagger.labels.index("O")]
        codes = lenient_codes(tokens, label_codes(best, self.tagger.labels), p_outside, THRESHOLD)
        return document_spans(doc.text, tokens, codes, p_outside, rule_spans, KEEP_DOUBTED)

    def kinds_of(self, names: Sequence[str], verbs: Sequence[str | None]) -> list[ActivityKind]:
        rows = [kind_features(n, v) for n, v in zip(names, verbs, strict=True)]
        return [ActivityKind(k) for k in self.kinds.predict(rows)]


def _open(tagger_file: Any, kinds_file: Any) -> ActivityModel:
    try:
        tagger = CRFWeights.read(tagger_file)
        with open(kinds_file, "rb") as handle:
            kinds = KindWeights.load(handle)
    except (OSError, ValueError, KeyError, IndexError, struct.error) as exc:
        raise ResourceError(str(tagger_file), None, f"cannot load the activity model: {exc}") from exc
    return ActivityModel(tagger, kinds, TokenScorer(tagger))


_KEEP_OPEN = ExitStack()  # files of a zipped install stay extracted for the life of the process


@cache
def shipped() -> ActivityModel | None:
    """The model shipped in models/, opened once; None when it is not there (rules alone)."""
    root = importlib_resources.files("models")
    tagger_file, kinds_file = root.joinpath(TAGGER_FILE), root.joinpath(KINDS_FILE)
    if not tagger_file.is_file() or not kinds_file.is_file():
        return None
    return _open(
        _KEEP_OPEN.enter_context(importlib_resources.as_file(tagger_file)),
        _KEEP_OPEN.enter_context(importlib_resources.as_file(kinds_file)),
    )


def sentence_inputs(
    doc: Text,
    sentences: Sequence[Sentence],
    facts: Sequence[Fact],
    rule_spans: Sequence[Span],
    heading_spans: Sequence[Span],
) -> Iterator[tuple[tuple[Token, ...], list[Fact], list[Span], list[Span]]]:
    """For every sentence that has words: its tokens, and the facts, rule finds and headings in it
    (found by bisection, so a document of many sentences and many figures stays linear)."""
    ordered_facts = sorted(facts, key=lambda f: f.norm_start)
    fact_starts = [f.norm_start for f in ordered_facts]
    rules, rule_starts, rule_reach = _by_start(rule_spans)
    heads, head_starts, head_reach = _by_start(heading_spans)
    for sentence in sentences:
        doc.check_time("activity tagger")
        tokens = sentence_tokens(doc, sentence)
        if not tokens:
            continue
        s, e = sentence.norm_start, sentence.norm_end
        inside = ordered_facts[bisect_left(fact_starts, s) : bisect_left(fact_starts, e)]
        yield tokens, inside, _overlapping(rules, rule_starts, rule_reach, s, e), _overlapping(
            heads, head_starts, head_reach, s, e
        )


def _by_start(spans: Sequence[Span]) -> tuple[list[Span], list[int], int]:
    """Spans in their given order's stable sort by start, their starts, and the longest length."""
    ordered = sorted(spans, key=lambda sp: sp[0])
    return ordered, [sp[0] for sp in ordered], max((e - s for s, e in ordered), default=0)


def _overlapping(spans: Sequence[Span], starts: Sequence[int], reach: int, s: int, e: int) -> list[Span]:
    return [sp for sp in spans[bisect_left(starts, s - reach) : bisect_left(starts, e)] if sp[0] < e and s < sp[1]]


def document_sequences(
    doc: Text,
    sentences: Sequence[Sentence],
    facts: Sequence[Fact],
    rule_spans: Sequence[Span],
    heading_spans: Sequence[Span],
) -> list[tuple[tuple[Token, ...], list[dict[str, str | float]]]]:
    """Tokens and token features (python-crfsuite's dicts, for training) of every sentence that has words."""
    return [
        (tokens, sequence_features(tokens, inside, rules, heads))
        for tokens, inside, rules, heads in sentence_inputs(doc, sentences, facts, rule_spans, heading_spans)
    ]


def doubted_rule_spans(
    tokens: Sequence[Token],
    p_outside: Sequence[float],
    rule_spans: Sequence[Span],
    tagged: Sequence[Span],
    limit: float = KEEP_DOUBTED,
) -> list[Span]:
    """The rule finds of one sentence that no tagged span overlaps, but whose words the tagger does
    not clearly put outside (their mean probability of ``O`` is below ``limit``): kept as the rules
    cut them. The tagger learns from documents the rules were tuned on, where a rule find is nearly
    always right, so its doubt is weak evidence; cross-validation chose the limit (the model card).

    >>> toks = [Token(0, 2, "走访", "v"), Token(2, 6, "困难家庭", "n")]
    >>> doubted_rule_spans(toks, [0.8, 0.85], [(0, 6)], []), doubted_rule_spans(toks, [0.95, 0.99], [(0, 6)], [])
    ([(0, 6)], [])
    """
    kept = []
    for s, e in rule_spans:
        if any(a < e and s < b for a, b in tagged):
            continue
        inside = [p for t, p in zip(tokens, p_outside, strict=True) if t.start < e and s < t.end]
        if inside and sum(inside) / len(inside) < limit:
            kept.append((s, e))
    return kept


def predict_spans(
    doc: Text,
    sentences: Sequence[Sentence],
    facts: Sequence[Fact],
    rule_spans: Sequence[Span],
    heading_spans: Sequence[Span] = (),
) -> list[Span] | None:
    """Activity name spans (normalized offsets) by the shipped model; None without one."""
    model = shipped()
    return None if model is None else model.spans(doc, sentences, facts, rule_spans, heading_spans)


def predict_kinds(names: Sequence[str], verbs: Sequence[str | None]) -> list[ActivityKind] | None:
    """The kind of each name by the shipped classifier; None without one."""
    model = shipped()
    return None if model is None else model.kinds_of(names, verbs)
