"""Is this candidate line a heading? A small learned decision beside the outline grammar.

``nlp.text.outline`` walks the lines of a document and, for every *candidate* — a line opening with a
numbering label, or a short unnumbered line — builds a ``Candidate``: the label and what the grammar
says of it (does its number continue the previous sibling, is the line before a paragraph broken
mid-word), the heading phrase and the rest of the line, and the neighbouring lines. This module turns a
candidate into numeric features and decides with a logistic regression trained on the dev gold headings
(``python -m evaluation.heading_train``), whose weights ship as ``models/heading.json``.

The grammar proposes and the model vetoes (``default_decision``): that combination tied the grammar
alone, and beat the model alone, in leave-documents-out cross-validation on dev (models/MODEL_CARD.md).
Some things are never left to the model: a line without a heading phrase, a line holding a word of a
web page's own furniture (``nlp/resources/headings.toml`` ``[site_chrome]``: download, refund,
customer-service notices numbered 1. 2. 3. above a document), and a line numbered right after one.
Where a heading phrase ends is grammar too (``run_on_cut`` in nlp/text/heading_words.py,
``heading_span`` in the outline).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path

from nlp.errors import ResourceError
from nlp.text.heading_words import CLAUSE_MARKS, YEAR_WORD, chrome_words, heading_lexicon
from nlp.text.labels import SPACES, label_at, vocab

MODEL_PATH = Path(str(importlib_resources.files("models").joinpath("heading.json")))
KINDS = ("part", "cn", "pcn", "dig", "pdig")
_TERMINAL = set("。！？；：!?;:…”’）)】》.")
# A figure other than a year: the phrase states a quantity (发放资助资金4.2万元).
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?![\d.年])")
# Marks after which the next item of an enumeration may follow on the same line.
_ITEM_BREAK = re.compile("[；;，,、。！？!?]")
# Where a lead phrase ends (nlp/resources/outline.toml [heading] stops).
_LEAD_STOPS = set("。：:！!？?")
# The model vetoes a line the grammar accepts when its probability is below this.
VETO = 0.1


@dataclass(frozen=True)
class Candidate:
    """A line that may be a heading, with what the grammar and the neighbours say of it."""

    kind: str  # label kind (``KINDS``), "" for an unnumbered line
    number: int  # the label's number, 0 when unnumbered
    level: int  # the SPEC level it would take
    in_sequence: bool  # the number continues its siblings, restarts at 1, or opens its style
    first_of_kind: bool  # no label of this style accepted before
    broken: bool  # the previous line is a paragraph cut mid-word (制 + newline + 2、度)
    after_chrome: bool  # the previous sibling number was a site-chrome notice (1. 付费下载… 2. …)
    phrase: str  # the heading phrase (normalized text), empty when there is none
    rest: str  # the line after the phrase
    stop: str  # the character that ended the phrase ("" at the end of the line)
    prev: str  # the previous non-empty line ("" at the start)
    nxt: str  # the next non-empty line ("" at the end)
    prev_heading: str  # "", "numbered" or "unnumbered": what the previous line was taken as
    soft: bool  # the line starts inside a physical line (after a sentence end)
    position: float  # index of the line among the document's lines, 0 … 1
    body_started: bool  # a paragraph of 30+ characters came before
    repeats: int  # how many times this exact line occurs in the document
    unnumbered_rule: bool  # the hand-written rule for unnumbered lines accepts it
    next_label: str  # label kind opening the next line, "" if none
    next_in_sequence: bool  # the next line's label would continue this one's (same kind, number + 1)


def _cjk_share(text: str) -> float:
    return len(_CJK.findall(text)) / len(text) if text else 0.0


_CJK = re.compile("[\u4e00-\u9fff]")


def _starts_with_opener(text: str) -> bool:
    return text.startswith(heading_lexicon().openers) or bool(YEAR_WORD.match(text))


# The model's inputs, in the order ``feature_values`` gives them.
FEATURES: tuple[str, ...] = (
    *(f"kind_{k}" for k in KINDS),
    "unnumbered", "in_sequence", "first_of_kind", "number_one", "number_log", "broken", "after_chrome",
    "phrase_len_log", "phrase_long", "rest_len_log", "stop_full", "stop_colon", "phrase_commas",
    "phrase_digits", "phrase_le", "phrase_cjk", "phrase_opener", "chrome", "prev_terminal", "prev_empty",
    "prev_numbered", "prev_unnumbered", "prev_long", "next_labelled", "next_continues", "next_long",
    "next_empty", "soft", "position", "body_started", "repeats", "unnumbered_rule",
)  # fmt: skip


def features(c: Candidate) -> dict[str, float]:
    """Numeric features of a candidate, by name (the model's inputs)."""
    return dict(zip(FEATURES, feature_values(c), strict=True))


def feature_values(c: Candidate) -> list[float]:
    """The values of ``features`` in ``FEATURES`` order (the model reads them so, without the dict)."""
    phrase, rest, kind = c.phrase, c.rest, c.kind
    return [
        *(float(kind == k) for k in KINDS),
        float(kind == ""),  # unnumbered
        float(c.in_sequence),
        float(c.first_of_kind),
        float(c.number == 1),  # number_one
        math.log1p(c.number),  # number_log
        float(c.broken),
        float(c.after_chrome),
        math.log1p(len(phrase)),  # phrase_len_log
        float(len(phrase) > 25),  # phrase_long
        math.log1p(len(rest)),  # rest_len_log
        float(c.stop in "。！？!?" and c.stop != ""),  # stop_full
        float(c.stop in "：:" and c.stop != ""),  # stop_colon
        min(3.0, float(sum(map(CLAUSE_MARKS.__contains__, phrase)))),  # phrase_commas
        min(3.0, float(sum(map(str.isdigit, phrase)))),  # phrase_digits
        float("了" in phrase),  # phrase_le
        _cjk_share(phrase),  # phrase_cjk
        float(_starts_with_opener(phrase)),  # phrase_opener
        float(bool(chrome_words(phrase))),  # chrome
        float(bool(c.prev) and c.prev[-1] in _TERMINAL),  # prev_terminal
        float(not c.prev),  # prev_empty
        float(c.prev_heading == "numbered"),  # prev_numbered
        float(c.prev_heading == "unnumbered"),  # prev_unnumbered
        float(len(c.prev) >= 30),  # prev_long
        float(bool(c.next_label)),  # next_labelled
        float(c.next_in_sequence),  # next_continues
        float(len(c.nxt) >= 30),  # next_long
        float(not c.nxt),  # next_empty
        float(c.soft),
        c.position,
        float(c.body_started),
        float(c.repeats > 1),  # repeats
        float(c.unnumbered_rule),
    ]


@cache
def _item_break_before_label() -> re.Pattern[str]:
    """An item break followed by a character a label may open with (``may_open_label``): the next
    item's label stands right after its break (no indentation), so only there is one read."""
    return re.compile(f"{_ITEM_BREAK.pattern}(?=[{re.escape('（(第' + vocab().cn)}]|\\d)")


def inline_list(c: Candidate) -> bool:
    """Grammar rule *inline enumeration*: a numbered line that holds its own next item is a list in a
    paragraph, not a heading — when that item follows inside the heading phrase (``1、办公用房仅160平方米，
    场所不足；2、…``: a heading never runs over a ；), or after the phrase's full stop when the phrase
    states a figure up to that stop (``（1）教育方面，发放资助资金4.2万元。（2）…``). Run-in headings whose next one
    follows on the line (``（一）抓好项目。力争…。（二）稳住粮食。``) state no figure and stay headings.

    >>> from dataclasses import replace
    >>> c = Candidate("dig", 1, 3, True, False, False, False, "办公用房仅160平方米；2、老旧小区多", "",
    ...               "", "", "", "", False, 0.5, True, 1, False, "", False)
    >>> inline_list(c), inline_list(replace(c, phrase="抓好项目", rest="。力争投资2亿元。2、稳住粮食。"))
    (True, False)
    >>> inline_list(replace(c, phrase="教育方面，发放资金4.2万元", rest="。2、医疗方面，参保518人。"))
    True
    """
    text = c.phrase + c.rest
    lead = next((i for i, ch in enumerate(text) if ch in _LEAD_STOPS), len(text))  # the phrase before any cut
    for m in _item_break_before_label().finditer(text):
        label = label_at(text, m.end())
        if label is None or label.kind != c.kind or label.number != c.number + 1 or label.start:
            continue
        if m.start() < len(c.phrase) or _FIGURE.search(text, 0, lead):
            return True
    return False


def table_row(c: Candidate) -> bool:
    r"""Grammar rule *table row*: a line whose text holds a tab between two cells is a row of a table
    copied as text (``1.\t道路硬化\t3处\t已完成``, ``序号\t项目\t数量``), not a heading — whatever
    numbers its first cell. Headings are written with spaces, never tabs, between their words.

    >>> c = Candidate("dig", 1, 3, True, False, False, False, "道路硬化", "\t3处\t已完成",
    ...               "", "", "", "", False, 0.5, True, 1, False, "", False)
    >>> from dataclasses import replace
    >>> table_row(c), table_row(replace(c, rest="\t")), table_row(replace(c, phrase="2023年 工作回顾", rest=""))
    (True, False, False)
    """
    return "\t" in (c.phrase + c.rest).strip(SPACES)


_CN_NUMERALS = "零一二三四五六七八九十"
# The longest item of a bare list (a name, a file: 张建国, 社区活动统计表).
LIST_ITEM = 8
# A lead sentence is at least this long (a heading ending with ：, 主要做法：, is shorter).
LEAD_SENTENCE = 12


def bare_list(c: Candidate) -> bool:
    """Grammar rule *bare list*: a sentence of the paragraph ending with a colon (``…名单如下：``) followed
    by short numbered lines, each right after the other (``1、张建国`` then ``2、李秀梅``), is a list the
    sentence introduces: its first item opens no section (and the items after it follow no heading).
    A heading ending with ：(``二、主要做法：``) or a short lead line (``主要做法：``) is no such sentence.

    >>> c = Candidate("dig", 1, 3, True, False, False, False, "张建国", "", "", "社区成立工作小组，名单如下：",
    ...               "2、李秀梅", "", False, 0.5, True, 1, False, "dig", True)
    >>> from dataclasses import replace
    >>> bare_list(c), bare_list(replace(c, prev="主要做法：")), bare_list(replace(c, next_in_sequence=False))
    (True, False, False)
    """
    return (
        c.prev_heading == "" and len(c.prev) >= LEAD_SENTENCE and c.prev[-1] in "：:" and c.next_in_sequence
        and len(c.phrase) <= LIST_ITEM and not c.rest.strip(SPACES)
    )  # fmt: skip


def number_pair(c: Candidate) -> bool:
    r"""Grammar rule *number pair*: a label whose phrase opens with the next number of its own style
    is two numbers of a sentence, not a heading (``3、4月份，社区…``, ``一、二季度，全镇…``,
    ``1、2号楼``): the sentence counts months, quarters or buildings, it names no topic. A year written
    after the label (``一、二〇二三年工作回顾``, ``1、2023年工作``) is a heading's word, not a number pair.

    >>> c = Candidate("cn", 1, 1, True, False, False, False, "二季度，全镇完成投资1.8亿元", "。",
    ...               "", "", "", "", False, 0.5, True, 1, False, "", False)
    >>> from dataclasses import replace
    >>> number_pair(c), number_pair(replace(c, phrase="二〇二三年工作回顾")), number_pair(replace(c, number=2))
    (True, False, False)
    >>> number_pair(replace(c, kind="dig", number=3, phrase="4月份，社区集中开展环境整治")), number_pair(replace(c, kind="dig", phrase="2023年工作"))
    (True, False)
    """
    nxt = c.number + 1
    if c.kind == "cn" and nxt < len(_CN_NUMERALS):
        written = _CN_NUMERALS[nxt]
    elif c.kind == "dig":
        written = str(nxt)
    else:
        return False
    after = c.phrase[len(written) : len(written) + 1]
    return c.phrase.startswith(written) and bool(after) and not after.isdigit() and after not in _CN_NUMERALS + "〇、.．"


def _names_document(phrase: str) -> bool:
    return bool(vocab().holds_own_title_word(phrase))


def link_list(c: Candidate) -> bool:
    """Grammar rule *link list*: numbered lines one right after the other, each naming a document
    (``1、2022年社区工作总结范文`` then ``2、社区党支部年度工作总结``: a sharing site's related articles)
    are links, not headings. A heading naming a document part (``一、2023年工作总结``) has its paragraph
    under it, not the next item.

    >>> c = Candidate("dig", 1, 3, True, False, False, False, "2022年社区工作总结范文", "", "", "正文。",
    ...               "2、社区党支部年度工作总结", "", False, 0.9, True, 1, False, "dig", True)
    >>> from dataclasses import replace
    >>> link_list(c), link_list(replace(c, nxt="2、社区党建工作", next_in_sequence=True))
    (True, False)
    >>> link_list(replace(c, number=3, nxt="", next_in_sequence=False, prev="2、社区居委会上半年工作总结"))
    True
    """
    if not _names_document(c.phrase):
        return False
    before, after = label_at(c.prev, 0), label_at(c.nxt, 0)
    if c.next_in_sequence and after is not None and _names_document(c.nxt[after.end :]):
        return True
    return (
        before is not None and before.kind == c.kind and before.number == c.number - 1
        and _names_document(c.prev[before.end :])
    )  # fmt: skip


def rule_decision(c: Candidate) -> bool:
    """The hand-written grammar alone (the outline before the model): a numbered line is a heading
    when its number is in sequence and the line before is not a broken paragraph; an unnumbered one
    when the unnumbered-line rule accepts it."""
    if not c.phrase or table_row(c):
        return False
    if c.kind:
        return c.in_sequence and not c.broken and not inline_list(c) and not number_pair(c) and not bare_list(c) and not link_list(c)
    return c.unnumbered_rule


@dataclass(frozen=True)
class HeadingModel:
    """A fitted logistic regression over standardized ``features`` (weights from models/heading.json)."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, c: Candidate) -> float:
        if self.names == FEATURES:  # (the shipped model: ``load_heading_model`` checks it)
            values = feature_values(c)
        else:
            by_name = features(c)
            values = [by_name[n] for n in self.names]
        # the terms in the names' order, summed as a generator would sum them: the same float
        z = self.intercept + sum(
            [w * (v - m) / s for v, m, s, w in zip(values, self.mean, self.scale, self.coef, strict=True)]
        )
        return 1.0 / (1.0 + math.exp(-z))

    def decide(self, c: Candidate) -> bool:
        if not c.phrase or chrome_words(c.phrase):
            return False
        return self.probability(c) >= self.threshold

    def to_dict(self) -> dict:
        return {
            "names": list(self.names), "mean": list(self.mean), "scale": list(self.scale),
            "coef": list(self.coef), "intercept": self.intercept, "threshold": self.threshold,
        }

    @classmethod
    def from_dict(cls, data: dict) -> HeadingModel:
        return cls(
            tuple(data["names"]), tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]),
            float(data["intercept"]), float(data["threshold"]),
        )


@cache
def load_heading_model(path: Path = MODEL_PATH) -> HeadingModel | None:
    """The shipped model, or None when the file is absent (the outline then uses the rules alone)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    model = HeadingModel.from_dict(data["model"])
    if model.names != FEATURES:
        raise ResourceError(str(path), None, "weights of another feature set: run python -m evaluation.heading_train")
    return model


def default_decision(c: Candidate) -> bool:
    """The shipped combination (chosen by cross-validation, see models/MODEL_CARD.md): the grammar
    proposes, the model vetoes a line it finds very unlikely (probability below ``VETO``), and a line
    whose heading phrase holds a site-chrome word, or numbered after one, is never a heading."""
    if not rule_decision(c) or c.after_chrome or chrome_words(c.phrase):
        return False
    model = load_heading_model()
    return model is None or model.probability(c) >= VETO
