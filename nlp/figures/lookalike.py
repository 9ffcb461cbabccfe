"""Is this number a figure or a look-alike? A small learned decision after the figure grammar.

The grammar (nlp/figures/quantities.py with nlp/resources/not_figures.toml) proposes every number
with a unit and rejects the look-alikes its named rules know: dates, ordinals, quotations, phone
numbers, age limits. What it lets through is read as sparse features of the shared ``Text``
(nlp/figures/lookalike_features.py) —
the unit and its kind, the shape of the number, the characters and words on either side, whether it
sits inside quotation marks, book-title marks or brackets, after 第 or 每, at the start of a clause as
a list number, before 以上的 as a threshold, as the article 一 before a noun — and scored by a
logistic regression trained on the dev gold (``python -m evaluation.lookalike_train``: positives are
gold facts, negatives the candidates gold does not have), whose weights ship as
``models/lookalike.json`` with its card in ``models/LOOKALIKE_MODEL_CARD.md``.

The grammar proposes and the model vetoes: a figure the rules keep is dropped when its probability of
being a figure is below the shipped threshold, chosen by leave-documents-out cross-validation. No
phrase is listed here; the features are shapes and neighbours, and the weights are learned. Named
rules that need the Text's words and clauses are applied before the model: the shapes of
nlp/figures/lookalike_shapes.py and the bounded amounts of nlp/figures/lookalike_bounds.py
(``size_class``, ``counted_class``, ``required_bound``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources as importlib_resources
from pathlib import Path
from typing import NamedTuple

from nlp.errors import ResourceError
from nlp.figures.durations import is_marked_duration
from nlp.figures.lookalike_bounds import is_counted_class, is_required_bound, is_size_class
from nlp.figures.lookalike_features import (
    _char_class,
    _figure_features,
    _FigureFeatures,
    _following_word,
    _word_features,
    feature_names,
    features,
)
from nlp.figures.lookalike_shapes import shape_rule
from nlp.figures.zeros import is_zero_statement
from nlp.records import Quantity
from nlp.text.document import Text

__all__ = [
    "MODEL_PATH",
    "LookalikeModel",
    "feature_names",
    "features",
    "is_counted_class",
    "is_required_bound",
    "is_size_class",
    "keep_figures",
    "load_lookalike_model",
    "lookalike_rule",
]

MODEL_PATH = Path(str(importlib_resources.files("models").joinpath("lookalike.json")))
def lookalike_rule(doc: Text, q: Quantity) -> str | None:
    """The named look-alike rule of nlp/figures/lookalike_bounds.py or lookalike_shapes.py that rejects
    ``q`` (``size_class``, ``counted_class``, ``required_bound``; ``er_ordinal``,
    ``article_after_de``, ``formal_digit_name``, ``place_class``), or None."""
    shape = shape_rule(doc, q)
    if shape is not None:
        return shape
    if is_size_class(doc, q):
        return "size_class"
    if is_counted_class(doc, q):
        return "counted_class"
    if is_required_bound(doc, q):
        return "required_bound"
    return None


class _GroupWeights:
    """The weights of groups of feature names (a figure's own, its edges, a word), kept per group
    (a model's weights are read once: they do not change after the model is made)."""

    LIMIT = 65536  # groups kept at most; past it the cache starts again

    def __init__(self, weights: dict[str, float]) -> None:
        self._weights = weights
        self._of: dict[tuple[str, ...], tuple[float, ...]] = {}
        self._sums: dict[tuple[str, ...], float] = {}

    def of(self, names: tuple[str, ...]) -> tuple[float, ...]:
        found = self._of.get(names)
        if found is None:
            if len(self._of) >= self.LIMIT:
                self._of.clear()
            found = self._of[names] = tuple(self._weights.get(name, 0.0) for name in names)
        return found

    def prefix_sum(self, names: tuple[str, ...]) -> float:
        """``sum`` of the group's weights: the running total after the first group of a figure."""
        found = self._sums.get(names)
        if found is None:
            if len(self._sums) >= self.LIMIT:
                self._sums.clear()
            found = self._sums[names] = sum(self.of(names))
        return found


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


# Far more than the rounding of a sum of a few dozen weights or of the log-odds, far less than any
# weight: a decision taken on a bound of the words' weights is the one the exact sum takes.
BOUND_MARGIN = 1e-4


@dataclass(frozen=True)
class LookalikeModel:
    """A fitted logistic regression over sparse ``features`` (weights from models/lookalike.json)."""

    weights: dict[str, float]
    intercept: float
    threshold: float

    def probability(self, doc: Text, q: Quantity) -> float:
        """The probability that ``q`` is a figure."""
        figure = _figure_features(doc, q)
        return _logistic(self.intercept + self._with_words(self._figure_sum(figure), doc, figure))

    def keeps(self, doc: Text, q: Quantity) -> bool:
        """``probability(doc, q) >= threshold``, the words around the figure read only when the rest
        of its features leave the decision open: their weights lie within ``_word_bounds``, and for
        most figures either end of that range decides the same (measured: three figures in four)."""
        figure = _figure_features(doc, q)
        total = self._figure_sum(figure)
        dropped_below, kept_from = self._decided_outside
        if total >= kept_from:
            return True
        if total < dropped_below:
            return False
        staged = self._staged_bounds
        if staged is not None:
            decided = _decided_by_following(staged, total, doc, figure)
            if decided is not None:
                return decided
        return _logistic(self.intercept + self._with_words(total, doc, figure)) >= self.threshold

    # The running total below adds the weights of ``feature_names(doc, q)`` one by one in the same
    # order as ``sum`` would (so the very same float), the weights of the groups that recur (a
    # figure's own, its edges, a word) read from caches.

    def _figure_sum(self, figure: _FigureFeatures) -> float:
        total = self._group_weights.prefix_sum(figure.own)
        # the eight edge features of ``_edge_names``, in its order, each weight read by its value
        p1_of, p2_of, n1_of, n2_of, p1c_of, n1c_of, classes_of, unit_class_of = self._edge_weights
        before, after = figure.before, figure.after
        p1, n1 = before[-1:], after[:1]
        p1c, n1c = _char_class(p1), _char_class(n1)
        total += p1_of.get(p1, 0.0)
        total += p2_of.get(before, 0.0)
        total += n1_of.get(n1, 0.0)
        total += n2_of.get(after, 0.0)
        total += p1c_of.get(p1c, 0.0)
        total += n1c_of.get(n1c, 0.0)
        total += classes_of.get((p1c, n1c), 0.0)
        total += unit_class_of.get((figure.unit, n1c), 0.0)
        get = self.weights.get
        for name in figure.flags:
            total += get(name, 0.0)
        return total

    def _with_words(self, total: float, doc: Text, figure: _FigureFeatures) -> float:
        previous, following, tail = _word_features(doc, figure)
        # ``_previous_names`` and ``_following_names``, each weight read by its value
        word_before, tag_before, word_after, tag_after = self._word_weights
        if previous:
            total += word_before.get(previous[0], 0.0)
            total += tag_before.get(previous[1][:1], 0.0)
        else:
            total += word_before.get("", 0.0)
        if following:
            total += word_after.get(following[0], 0.0)
            total += tag_after.get(following[1][:1], 0.0)
        else:
            total += word_after.get("", 0.0)
        get = self.weights.get
        for name in tail:
            total += get(name, 0.0)
        return total

    @cached_property
    def _group_weights(self) -> _GroupWeights:
        return _GroupWeights(self.weights)

    @cached_property
    def _edge_weights(self) -> tuple[dict, ...]:
        """The weights of the edge features (``_edge_names``) by what each reads: p1, p2, n1, n2
        by the characters, p1c, n1c by their classes, p1c+n1c by (p1c, n1c), unit+n1c by (unit,
        n1c) — the very floats of ``weights``, found without formatting the names."""
        p1, p2, n1, n2, p1c, n1c = (self._weights_of(f"{name}=") for name in ("p1", "p2", "n1", "n2", "p1c", "n1c"))
        classes = {tuple(key.split("+", 1)): w for key, w in self._weights_of("p1c+n1c=").items() if "+" in key}
        unit_class = {tuple(key.rsplit("+", 1)): w for key, w in self._weights_of("unit+n1c=").items() if "+" in key}
        return p1, p2, n1, n2, p1c, n1c, classes, unit_class

    @cached_property
    def _word_weights(self) -> tuple[dict, ...]:
        """The weights of ``pw=``, ``pt=``, ``nw=``, ``nt=`` by the word or the tag's first letter."""
        return tuple(self._weights_of(prefix) for prefix in ("pw=", "pt=", "nw=", "nt="))

    def _weights_of(self, prefix: str) -> dict[str, float]:
        return {name[len(prefix) :]: w for name, w in self.weights.items() if name.startswith(prefix)}

    @cached_property
    def _decided_outside(self) -> tuple[float, float]:
        """The sums of a figure's features before its words below which it is dropped and from which
        it is kept whatever its words add: the threshold's log-odds less the intercept, beyond the
        words' range by ``BOUND_MARGIN``. A threshold whose log-odds is too steep for that margin
        decides nothing early."""
        if not 0.0 < self.threshold < 1.0:
            return -math.inf, math.inf
        log_odds = math.log(self.threshold / (1.0 - self.threshold))
        if abs(log_odds) > 20.0:
            return -math.inf, math.inf
        low, high = self._word_bounds
        base = log_odds - self.intercept
        return base - high - BOUND_MARGIN, base - low + BOUND_MARGIN

    @cached_property
    def _staged_bounds(self) -> _StagedBounds | None:
        """What ``keeps`` reads to decide a figure on the word after it alone, or None when the
        threshold decides nothing early (as ``_decided_outside``)."""
        if not 0.0 < self.threshold < 1.0:
            return None
        log_odds = math.log(self.threshold / (1.0 - self.threshold))
        if abs(log_odds) > 20.0:
            return None
        by_kind: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
        for name, w in self.weights.items():
            for k, infix in enumerate(("+pt=", "+nt=")):
                if infix in name:
                    kind, tag = name.split(infix, 1)
                    by_kind.setdefault(kind, ({}, {}))[k][tag] = w
        previous = [self._weights_of(prefix).values() for prefix in ("pw=", "pt=")]
        low, high = sum(min([0.0, *ws]) for ws in previous), sum(max([0.0, *ws]) for ws in previous)
        following = [self._weights_of(prefix).values() for prefix in ("nw=", "nt=")]
        following_low = sum(min([0.0, *ws]) for ws in following)
        following_high = sum(max([0.0, *ws]) for ws in following)
        kinds = {}
        for kind, (before_tags, after_tags) in by_kind.items():
            kinds[kind] = (
                low + min([0.0, *before_tags.values()]),
                high + max([0.0, *before_tags.values()]),
                following_low + min([0.0, *after_tags.values()]),
                following_high + max([0.0, *after_tags.values()]),
                after_tags,
            )
        return _StagedBounds(
            log_odds - self.intercept,
            kinds,
            (low, high, following_low, following_high, {}),
            *self._word_weights[2:],
            self.weights.get("one_before_noun", 0.0),
            self.weights.get("bound_before_noun", 0.0),
        )

    @cached_property
    def _word_bounds(self) -> tuple[float, float]:
        """The least and the most the features of the neighbouring words can add: the word before
        (``pw=``, ``pt=``), the word after (``nw=``, ``nt=``) and the flags it decides."""
        low = high = 0.0
        for prefix in ("pw=", "pt=", "nw=", "nt=", "one_before_noun", "bound_before_noun", "+pt=", "+nt="):
            weights = [w for name, w in self.weights.items() if (prefix in name if prefix[0] == "+" else name.startswith(prefix))]
            low += min([0.0, *weights])
            high += max([0.0, *weights])
        return low, high

    def to_dict(self) -> dict:
        return {"weights": self.weights, "intercept": self.intercept, "threshold": self.threshold}

    @classmethod
    def from_dict(cls, data: dict) -> LookalikeModel:
        return cls(
            {str(k): float(v) for k, v in data["weights"].items()}, float(data["intercept"]), float(data["threshold"])
        )


class _StagedBounds(NamedTuple):
    """The look-alike model's weights of the neighbouring words, grouped for deciding a figure on the
    word after it alone: for each kind of unit (``kind=…``, which its ``+pt=``/``+nt=`` flags are
    prefixed with) the least and the most the word before can add (``pw=``, ``pt=``, ``kind+pt=``)
    and the word after (``nw=``, ``nt=``, ``kind+nt=``; ``one_before_noun`` and
    ``bound_before_noun`` are added where they can fire), with that kind's ``kind+nt=`` weights."""

    base: float  # the threshold's log-odds less the intercept
    kinds: dict[str, tuple[float, float, float, float, dict[str, float]]]
    unknown_kind: tuple[float, float, float, float, dict[str, float]]
    word_after: dict[str, float]
    tag_after: dict[str, float]
    one_before_noun: float
    bound_before_noun: float


def _decided_by_following(staged: _StagedBounds, total: float, doc: Text, figure: _FigureFeatures) -> bool | None:
    """``keeps``' decision for a figure whose features before its words sum to ``total``, taken on
    bounds of its kind's word weights, or None when the exact sum is needed.

    First the bounds of both words (of this kind only: tighter than ``_word_bounds``); then the word
    after is read and added, and only the bound of the word before is left. Each decision holds by
    ``BOUND_MARGIN`` whatever the words not read add, so it is the one the exact sum takes (over the
    4 long reports of bench_instructions, 637 figures reach the model: the words were read for 444
    of them, now the word after for 140 and the word before for 47)."""
    base = staged.base
    before_low, before_high, after_low, after_high, kind_after = staged.kinds.get(figure.own[1], staged.unknown_kind)
    one = figure.number in ("一", "壹")
    bounded = figure.bounded
    low, high = after_low, after_high
    if one:
        low, high = low + min(0.0, staged.one_before_noun), high + max(0.0, staged.one_before_noun)
    if bounded:
        low, high = low + min(0.0, staged.bound_before_noun), high + max(0.0, staged.bound_before_noun)
    if total >= base - (before_low + low) + BOUND_MARGIN:
        return True
    if total < base - (before_high + high) - BOUND_MARGIN:
        return False
    following = _following_word(doc, figure)
    if following:
        tag = following[1][:1]
        total += staged.word_after.get(following[0], 0.0)
        total += staged.tag_after.get(tag, 0.0)
        total += kind_after.get(tag, 0.0)
        if one and tag == "n":
            total += staged.one_before_noun
        if bounded and tag == "n":
            total += staged.bound_before_noun
    else:
        total += staged.word_after.get("", 0.0)
    if total >= base - before_low + BOUND_MARGIN:
        return True
    if total < base - before_high - BOUND_MARGIN:
        return False
    return None


@cache
def load_lookalike_model(path: Path = MODEL_PATH) -> LookalikeModel | None:
    """The shipped model, or None when the file is absent (the rules then decide alone)."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LookalikeModel.from_dict(data["model"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ResourceError(str(path), None, f"not a look-alike model ({exc}); run python -m evaluation.lookalike_train --write") from exc


def keep_figures(doc: Text, quantities: Sequence[Quantity], model: LookalikeModel | None = None) -> list[Quantity]:
    """The quantities neither a named rule of this module (``lookalike_rule``) nor the model vetoes
    (no model shipped: the rules alone)."""
    model = model or load_lookalike_model()
    kept = [q for q in quantities if lookalike_rule(doc, q) is None]
    if model is None:
        return kept
    # a zero statement (零发生, 清零, 未发生一起: nlp/figures/zeros.py): the filter never saw one in
    # training (it learns from the grammar's candidates), so its verdict on them is not asked; nor on
    # a duration marked as a span (一年来, 过去一年，: nlp/figures/durations.py), figures by GUIDELINES
    text = doc.text
    return [q for q in kept if is_zero_statement(q) or is_marked_duration(text, q) or model.keeps(doc, q)]
