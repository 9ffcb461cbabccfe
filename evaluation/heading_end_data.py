"""Training examples and fitting for the heading-end model (``nlp.text.heading_end``).

An example is a heading phrase that runs on into its paragraph, with where the gold heading ends:
- a gold heading whose line goes on after it (``（一）抓项目促发展，经济稳中有进。全年…``), as written:
  the heading ends at the gold text's end, which may be the whole phrase (then no boundary inside
  it is an end);
- a gold heading standing on its own line, glued to the first sentence of the next line (what a
  flattened page does to it): the heading ends where it ended on its line.
Every word boundary of the phrase (``heading_end.boundaries``) is a row: positive at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from nlp.text.document import Text
from nlp.text.heading_end import EndModel, boundaries, boundary_features, offered
from nlp.text.labels import parse_label, vocab
from nlp.text.normalize import normalize
from nlp.text.tokens import Word

C = 3.0


@dataclass(frozen=True)
class EndExample:
    phrase: str  # the run-on phrase (up to its first 。 or ：)
    end: int  # where the gold heading ends in it
    glued: bool  # made by gluing a standalone heading to the next line


def _first_stop(text: str) -> int:
    stops = vocab().stops
    return next((i for i, ch in enumerate(text) if ch in stops), len(text))


def end_example(line_rest: str, gold_text: str, nxt: str) -> EndExample | None:
    """The example a matched heading gives: ``line_rest`` is its line after the label, ``gold_text``
    the gold heading (normalized, punctuation stripped at the ends), ``nxt`` the next line.

    >>> end_example("抓重点项目促进发展，全镇经济运行稳中有进。全年新开工项目12个", "抓重点项目促进发展，全镇经济运行稳中有进", "")
    EndExample(phrase='抓重点项目促进发展，全镇经济运行稳中有进', end=20, glued=False)
    >>> end_example("坚持项目为王，全力扩大有效投资", "坚持项目为王，全力扩大有效投资", "持续优化营商环境。全年新增市场主体500户")
    EndExample(phrase='坚持项目为王，全力扩大有效投资持续优化营商环境', end=15, glued=True)
    """
    stop = _first_stop(line_rest)
    phrase = line_rest[:stop].rstrip(vocab().trailing)
    at = phrase.find(gold_text)
    if at < 0 or not gold_text:
        return None
    end = at + len(gold_text)
    if line_rest[stop:].strip(vocab().trailing):  # the line runs on after the phrase
        return EndExample(phrase, end, False) if offered(phrase, line_rest[stop:]) else None
    follow = nxt[: _first_stop(nxt)]
    if end != len(phrase) or not follow or parse_label(nxt) is not None or phrase.endswith(follow):
        return None  # (a heading wrapped onto the next line already holds that line's start)
    glued = phrase + follow
    return EndExample(glued, end, True) if offered(glued, "。") else None


@cache
def phrase_words(phrase: str) -> tuple[Word, ...]:
    """The tagged words of ``phrase`` as a document's ``Text`` segments it."""
    text = Text(normalize(phrase))
    return text.words(0, len(text.text))


def rows(examples: Sequence[EndExample]) -> list[tuple[dict[str, float], bool]]:
    """One row per word boundary of every example; positive where the heading ends."""
    out = []
    for ex in examples:
        for b in boundaries(ex.phrase, phrase_words(ex.phrase)):
            out.append((boundary_features(ex.phrase, b), b[0] == ex.end))
    return out


def fit_end(examples: Sequence[EndExample], threshold: float, c: float = C) -> EndModel:
    """A logistic regression over the boundary rows, kept as sparse weights."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    data = rows(examples)
    vec = DictVectorizer()
    x = vec.fit_transform([f for f, _ in data])
    y = [label for _, label in data]
    lr = LogisticRegression(C=c, max_iter=2000).fit(x, y)
    weights = {name: round(float(w), 4) for name, w in zip(vec.feature_names_, lr.coef_[0], strict=True) if abs(w) >= 1e-3}
    return EndModel(weights, float(lr.intercept_[0]), threshold)


def end_accuracy(model: EndModel, examples: Sequence[EndExample]) -> tuple[int, int]:
    """(examples whose end the model finds exactly, examples)."""
    return sum(model.cut(ex.phrase, phrase_words(ex.phrase)) == ex.end for ex in examples), len(examples)
