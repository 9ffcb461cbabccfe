"""Where does a numbered heading that runs on into its paragraph end? A small learned decision.

GUIDELINES: a run-on heading is its lead phrase up to the first 。 or ：. Some pages lose the
punctuation between the heading and the run-in sub-heading or sentence that follows it
(``一、围绕兴产业促增收，不断壮大村级集体经济全面推进产业振兴行动。``: the heading ends before
全面). The grammar (``heading_words.run_on_cut``) cuts before a time word or a year; this model
handles the rest: it scores every word boundary of the phrase as the heading's end and cuts at the
best one when it is likely enough.

The features of a boundary are what a reader uses: the characters and words on both sides and
their parts of speech (a heading ends on a noun phrase, a sentence starts with an adverb or verb),
and the parallel clauses of a heading (围绕兴产业促增收，不断壮大村级集体经济: the clause before the
boundary about as long as the first), and a run-in list opening after the boundary (…提升治理效能|一是…,
``run_in_openers`` of nlp/resources/headings.toml). The weights are trained by ``python -m evaluation.heading_train``
on the dev and long-report gold headings — the run-on ones as written, and every heading standing on
its own line glued to the first sentence of the next line — and ship in ``models/heading.json``
(key ``end_model``).
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from operator import mul

from nlp.resources import load_toml
from nlp.text.tokens import Word

# Only a phrase longer than this that runs on into its paragraph is offered to the model.
END_MIN = 16
# A phrase alone on its line longer than this is offered too: longer than about 9 in 10 gold
# heading lengths (dev and long reports, 413 headings: median 16, 90 % 25, 95 % 35).
END_ALONE = 24
# A heading phrase is at least this long.
END_HEAD = 4
_PUNCT = set("，,、；;：:。.！!？?“”‘’\"'（）()《》")
# The clauses of a couplet heading (抓好就业创业，促进居民增收): each this many characters.
COUPLET = (4, 8)


@cache
def _figure_tails() -> tuple[str, ...]:
    """Words written after a figure's unit (nlp/resources/qualifiers.toml ``after``: 以上, 左右, 余 …)."""
    data = load_toml("qualifiers.toml")
    return tuple(sorted({w for table in data.values() if isinstance(table, dict) for w in table.get("after", ())}))


def inside_figure(phrase: str, k: int) -> bool:
    """Grammar rule *no end inside a figure*: a heading does not end between a number and its unit,
    nor between a figure and the qualifier after it (发展志愿者到50名 | 以上).

    >>> p = "再举办职业技能培训8期以上，培训人数不少于400人"
    >>> inside_figure(p, 10), inside_figure(p, 11), inside_figure(p, 9)
    (True, True, False)
    """
    if phrase[k - 1 : k].isdigit():
        return True
    return bool(re.search(r"\d\D?$", phrase[max(0, k - 3) : k])) and phrase.startswith(_figure_tails(), k)


def couplet_cut(phrase: str, at_word_ends: set[int]) -> int | None:
    """Grammar rule *couplet heading*: a heading of two equal clauses (排查化解矛盾，维护社会稳定, the
    genre's parallel form, each of ``COUPLET`` characters) ends after its second clause when a word
    ends there (``at_word_ends``) and a paragraph runs on from there without punctuation: its first
    clause a sentence's, at least twice a couplet clause long (a shorter one is the last words of a
    second clause longer than the first: 超载过牧现象 | 依然存在), and a comma or a digit after it.
    None when the phrase is no such couplet.

    >>> p = "抓好就业创业，促进居民增收全年社区实现新增就业126人，其中再就业35人"
    >>> couplet_cut(p, {13}), couplet_cut(p, {12}), couplet_cut("加强组织领导，健全工作机制和责任体系", {13})
    (13, None, None)
    >>> couplet_cut("牧业结构单一，超载过牧现象依然存在，草畜矛盾突出", {13})
    """
    comma = next((i for i, ch in enumerate(phrase) if ch in "，,"), -1)
    if not COUPLET[0] <= comma <= COUPLET[1]:
        return None
    end = 2 * comma + 1
    clauses = phrase[:comma] + phrase[comma + 1 : end]
    rest = phrase[end:]
    if not all("\u4e00" <= ch <= "\u9fff" for ch in clauses) or end not in at_word_ends:
        return None
    clause = next((i for i, ch in enumerate(rest) if ch in "，,；;。：:"), len(rest))
    if clause < 2 * comma or not any(ch in "，,；;" or ch.isdigit() for ch in rest):
        return None
    return end


@cache
def _run_in_openers() -> tuple[str, ...]:
    """Words opening the first item of a run-in list (nlp/resources/headings.toml ``run_in_openers``: 一是, 首先 …)."""
    return tuple(sorted(load_toml("headings.toml")["run_in_openers"], key=len, reverse=True))


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return f"≤{edge}"
    return f">{edges[-1]}"


def boundaries(phrase: str, words: Sequence[Word]) -> list[tuple[int, str, str, str, str]]:
    """Word boundaries of ``phrase`` where a heading may end: ``(offset, left word, its tag, right
    word, its tag)``, at least ``END_HEAD`` characters in, never beside punctuation. ``words`` are
    the phrase's tagged words as the document's ``Text`` gives them (punctuation may be left out).

    >>> words = [("围绕", "v"), ("兴", "v"), ("产业", "n"), ("促增收", "n"), ("，", "x"), ("不断", "d"),
    ...          ("壮大", "v"), ("村级", "n"), ("集体", "n"), ("经济", "n"), ("全面", "d"), ("推进", "v")]
    >>> [b[0] for b in boundaries("围绕兴产业促增收，不断壮大村级集体经济全面推进", words)]
    [5, 11, 13, 15, 17, 19, 21]
    """
    placed, at = [], 0
    for word, tag in words:
        found = phrase.find(word, at)
        if found < 0:
            continue
        placed.append((found, found + len(word), word, tag))
        at = found + len(word)
    out = []
    for (_, end, word, tag), (start, _, right, right_tag) in zip(placed, placed[1:], strict=False):
        if (
            end == start and END_HEAD <= end < len(phrase) and phrase[end - 1] not in _PUNCT
            and phrase[end] not in _PUNCT and not inside_figure(phrase, end)
        ):  # fmt: skip
            out.append((end, word, tag, right, right_tag))
    return out


def boundary_features(phrase: str, boundary: tuple[int, str, str, str, str]) -> dict[str, float]:
    """The features of ending the heading of ``phrase`` at ``boundary`` (names → 1.0)."""
    return _features(phrase, boundary, _commas(phrase))


def _commas(phrase: str) -> list[int]:
    return [i for i, ch in enumerate(phrase) if ch in "，,"]


def _features(phrase: str, boundary: tuple[int, str, str, str, str], all_commas: list[int]) -> dict[str, float]:
    """``boundary_features``, given where the phrase's commas are (read once for all its boundaries)."""
    k, left, left_tag, right, right_tag = boundary
    commas = all_commas[: bisect_left(all_commas, k)]
    first = commas[0] if commas else k
    clause = k - (commas[-1] + 1 if commas else 0)
    rest = phrase[k:]
    names = [
        f"L1={phrase[k - 1]}", f"L2={phrase[k - 2 : k]}", f"R1={phrase[k]}", f"R2={phrase[k : k + 2]}",
        f"lw={left}", f"rw={right}", f"lt={left_tag}", f"rt={right_tag}", f"tags={left_tag}|{right_tag}",
        f"commas={min(len(commas), 2)}",
        f"head_len={_bucket(k, (6, 10, 14, 20, 26))}",
        f"rest_len={_bucket(len(rest), (4, 8, 14, 24))}",
        f"rest_comma={any(ch in '，,' for ch in rest)}",
        f"phrase_len={_bucket(len(phrase), (18, 22, 26, 30, 36, 44))}",
    ]
    if rest.startswith(_run_in_openers()):  # a run-in list starts here (…提升治理效能|一是完善…)
        names += ["run_in", f"run_in_commas={min(len(commas), 2)}"]
    if commas:  # parallel clauses: the clause ending here about as long as the first
        names += [f"clause_vs_first={max(-4, min(4, clause - first))}", f"parallel={abs(clause - first) <= 1}"]
    else:
        names.append("one_clause")
    return {name: 1.0 for name in names}


@dataclass(frozen=True)
class EndModel:
    """A logistic regression over boundary features (sparse weights by feature name)."""

    weights: dict[str, float]
    intercept: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        # the sum of weight × value in the features' order, as a generator over the items would add them
        z = self.intercept + sum(map(mul, map(self.weights.get, features, repeat(0.0)), features.values()))
        return 1.0 / (1.0 + math.exp(-z))

    def cut(self, phrase: str, words: Sequence[Word]) -> int:
        """The end of the heading in ``phrase``: a ``couplet_cut``, else the likeliest boundary when its
        probability reaches the threshold, else the whole phrase."""
        best, best_p = len(phrase), self.threshold
        commas = _commas(phrase)
        found = boundaries(phrase, words)
        couplet = couplet_cut(phrase, {b[0] for b in found})
        if couplet is not None:
            return couplet
        for boundary in found:
            p = self.probability(_features(phrase, boundary, commas))
            if p >= best_p:
                best, best_p = boundary[0], p
        return best

    def to_dict(self) -> dict:
        return {"weights": self.weights, "intercept": self.intercept, "threshold": self.threshold}

    @classmethod
    def from_dict(cls, data: dict) -> EndModel:
        return cls(dict(data["weights"]), float(data["intercept"]), float(data["threshold"]))


@cache
def load_end_model() -> EndModel | None:
    """The shipped model (``end_model`` in models/heading.json), or None when absent."""
    from nlp.text.heading_model import MODEL_PATH

    if not MODEL_PATH.is_file():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return EndModel.from_dict(data["end_model"]) if "end_model" in data else None


def offered(phrase: str, rest: str) -> bool:
    """Whether the model decides this phrase's end: it is long and runs on into a paragraph on its
    line, or it is longer than a heading written alone on its line is (``END_ALONE``): a heading
    glued to a paragraph whose line breaks before its first full stop.

    >>> offered("规范流动党员管理，激发党员服务群众热情", "。社区…"), offered("规范流动党员管理，激发党员服务群众热情", "")
    (True, False)
    >>> offered("规范流动党员管理，激发党员服务群众热情针对辖区党员流动性大的", "")
    True
    """
    return len(phrase) > END_MIN and (bool(rest.strip()) or len(phrase) > END_ALONE)


def learned_end(
    phrase: str, rest: str, words: Callable[[], Sequence[Word]], model: EndModel | None = None
) -> int:
    """Where the heading of a run-on ``phrase`` (followed on its line by ``rest``) ends; ``words``
    gives the phrase's tagged words (asked only when the model decides)."""
    model = model or load_end_model()
    if model is None or not offered(phrase, rest):
        return len(phrase)
    return model.cut(phrase, words())
