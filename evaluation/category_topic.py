"""The document-topic prior of the fact category, measured by documents held out.

A special-topic report (禁毒, 民政, 计生, 垃圾分类 … 工作总结) is about the area its title names; the
pipeline mixes that topic into every figure of such a report (nlp/categories/topic.py). This module
applies the variants of that rule to the held-out probabilities of ``evaluation.category_cv`` and
writes one table: the real documents (30 dev + long excerpts, CV), the written reports (the real
model transferred, and their own CV), the written model transferred to the real documents, each
with the figures of the special-topic documents (a title topic by the shipped finder) apart.

    python -m evaluation.category_cv --topic
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import cache

import numpy as np

from evaluation.category_cv import SHIPPED, Case, Setting, fit, fold_models, predict, predict_folds
from nlp.categories.topic import NOT_A_TOPIC, title_keywords, title_topic, with_topic
from nlp.categories.training import RealClause

VARIANTS = (
    Setting("no document topic (before)", topic_weight=0.0),
    Setting("title topic at 0.1", topic_weight=0.1),
    Setting("title topic at 0.2", topic_weight=0.2),
    Setting("title topic at 0.25", topic_weight=0.25),
    Setting("title topic at 0.3, scope words alone (before title_topics.csv)", topic_source="keywords"),
    Setting("title topic at 0.3 (shipped)"),
    Setting("title topic at 0.4", topic_weight=0.4),
    Setting("party_building a topic too, 0.2", topic_weight=0.2, topic_source="title+party"),
    Setting("party_building a topic too, 0.3", topic_source="title+party"),
    Setting("0.3, only where the figure is unsure (top below 0.4)", topic_unsure=0.4),
    Setting("0.3, only where the figure is unsure (top below 0.5)", topic_unsure=0.5),
    Setting("0.3, only where subject and sentence hold no scope word", topic_neutral=True),
    Setting("0.5, only where subject and sentence hold no scope word", topic_weight=0.5, topic_neutral=True),
    Setting("the model on the title (top ≥ 0.7), 0.2", topic_weight=0.2, topic_source="model:0.7"),
    Setting("the model on the title (top ≥ 0.9), 0.3", topic_source="model:0.9"),
)


@cache
def _title_topic(title: str, names: tuple[str, ...], party: bool, title_words: bool = True) -> str | None:
    topic = title_topic(title, names, frozenset() if party else NOT_A_TOPIC, title_words)
    return topic.value if topic is not None else None


def case_topics(model, test: Sequence[Case], source: str) -> list[str | None]:
    """The topic of each case's document: ``title`` (the shipped finder: one category of scope
    words or title-topic words in the title, party_building none), ``keywords`` (the scope words
    alone: the finder before nlp/resources/title_topics.csv), ``title+party`` (party_building too) or
    ``model:T`` (the model's category of the title where its probability is at least T)."""
    if source.startswith("model:"):
        least = float(source.removeprefix("model:"))
        titles = sorted({c.title for c in test if c.title})
        read = dict(zip(titles, model.predict_proba(titles), strict=True)) if titles else {}
        return [
            str(model.classes_[read[c.title].argmax()]) if c.title and read[c.title].max() >= least else None
            for c in test
        ]
    if source == "keywords":
        return [_title_topic(c.title, c.names, False, False) for c in test]
    return [_title_topic(c.title, c.names, source == "title+party") for c in test]


def mix_topics(model, probabilities: np.ndarray, test: Sequence[Case], setting: Setting) -> np.ndarray:
    """``probabilities`` of ``test`` mixed with their documents' topics as ``setting`` says; rows
    of a document without a topic are left as they are."""
    columns = {str(label): i for i, label in enumerate(model.classes_)}
    mixed = probabilities.copy()
    for i, (case, topic) in enumerate(zip(test, case_topics(model, test, setting.topic_source), strict=True)):
        if topic is None or probabilities[i].max() >= setting.topic_unsure:
            continue
        if setting.topic_neutral and title_keywords(f"{case.subject} {case.sentence}", title_words=False):
            continue
        mixed[i] = with_topic(probabilities[i : i + 1], columns[topic], setting.topic_weight)[0]
    return mixed


def special(case: Case) -> bool:
    """Whether the case's document is a special-topic report (by the shipped finder)."""
    return _title_topic(case.title, case.names, False) is not None


COLUMNS = (
    "real dev CV", "real long CV", "real all CV", "real special-topic docs",
    "real → written", "written special-topic docs", "written CV", "written CV special-topic",
    "written → real", "written → real special-topic",
)  # fmt: skip


def _cell(test: Sequence[Case], predicted: Sequence[str], keep) -> str:
    pairs = [(c, p) for c, p in zip(test, predicted, strict=True) if keep(c)]
    right = sum(p == c.category for c, p in pairs)
    return f"{right / len(pairs):.3f} ({right}/{len(pairs)})" if pairs else "–"


def topic_table(
    real_cases: Sequence[Case],
    real: Sequence[RealClause],
    written_cases: Sequence[Case],
    written: Sequence[RealClause],
    folds: int = 5,
    variants: Sequence[Setting] = VARIANTS,
) -> list[str]:
    """The table's lines: one row per variant. Each model is fitted once (the topic acts after
    the model); ``real → written`` is trained on every real clause, ``written → real`` on every
    written one, the CV columns on the other documents' folds."""
    real_folds = fold_models(real_cases, real, SHIPPED, folds)
    alone = dataclasses.replace(SHIPPED, real=False, written_weight=1.0)
    written_folds = fold_models(written_cases, [], alone, folds, written) if written_cases else []
    real_model = fit(SHIPPED, real) if written_cases else None
    written_model = fit(SHIPPED, [], written, 1.0) if written_cases else None
    lines = ["| variant | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    for setting in variants:
        cv = predict_folds(real_cases, real_folds, setting)
        cells = [
            _cell(real_cases, cv, lambda c: c.group == "dev"),
            _cell(real_cases, cv, lambda c: c.group == "long"),
            _cell(real_cases, cv, lambda c: True),
            _cell(real_cases, cv, special),
        ]
        if written_cases:
            transfer = predict(real_model, written_cases, setting)
            own = predict_folds(written_cases, written_folds, setting)
            back = predict(written_model, real_cases, setting)
            cells += [
                _cell(written_cases, transfer, lambda c: True),
                _cell(written_cases, transfer, special),
                _cell(written_cases, own, lambda c: True),
                _cell(written_cases, own, special),
                _cell(real_cases, back, lambda c: True),
                _cell(real_cases, back, special),
            ]
        lines.append(f"| {setting.name} | " + " | ".join(cells) + " |")
    return lines
