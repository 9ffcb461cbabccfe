"""What a whole document is about: the work category its title names, if any.

A special-topic report (禁毒工作总结, 民政工作总结, 垃圾分类工作总结 …) is about one work area; a
general community summary (社区2022年工作总结) names none. The title's topic is found by the SPEC
scope words of nlp/resources/category_keywords.csv and the words only a title carries in
nlp/resources/title_topics.csv (退役军人, 创文, 人居环境 …: not training rows of the category model,
so adding one does not retrain it), matched longest first in the title with the
reporting unit's own names (its community, street, district) taken out, so that 文化路社区 does not
make a report about culture, and counted only where it starts or ends a word (人民政府 holds 民政
and is about no topic; 劳动就业 ends with 就业 and is).

How facts use it (nlp/categories/assign.py): in a report whose title names one topic, every
figure's probabilities are mixed with that topic at ``TOPIC_WEIGHT``, so a topic-neutral figure
(活动N场, 宣传资料N份, 满意率) takes the report's topic while a figure that names its own area keeps
it. A report whose title names no topic, or several, is read exactly as before. Weight and rule
were chosen by documents held out (``python -m evaluation.category_cv --topic``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np

from nlp.records import Category, DocMeta
from nlp.resources import load_csv
from nlp.text.junk import pinyin_regex
from nlp.text.normalize_chars import may_change_in_t2s, to_simplified
from nlp.text.tokens import cut

# How much the title's topic decides a figure's category in a special-topic report, against the
# figure's own text mixed with its section heading.
TOPIC_WEIGHT = 0.3
# Categories that name who does the work rather than what it is about: a 党建工作总结 or a party
# secretary's 述职 reports everything the party members did (epidemic duty, volunteering, elections),
# and its figures keep their own areas. Measured (evaluation/README.md, "document topic"): with
# party_building a topic too, the written reports lose 37 figures (19 by their own CV), the real
# ones none.
NOT_A_TOPIC = frozenset({Category.PARTY_BUILDING})


@cache
def _keywords(title_words: bool = True) -> tuple[tuple[str, Category], ...]:
    """(keyword, category), longest keyword first: the scope words, and with ``title_words`` the
    title-topic lexicon's words (which win where a word is in both)."""
    words = {row["keyword"]: Category(row["category"]) for _, row in load_csv("category_keywords.csv", ("keyword", "category"))}
    if title_words:
        for _, row in load_csv("title_topics.csv", ("word", "category", "example", "source")):
            words[row["word"]] = Category(row["category"])
    return tuple(sorted(words.items(), key=lambda row: -len(row[0])))


def _simplified(text: str) -> str:
    """``text`` in simplified script without pinyin glosses (a title keeps them as written:
    社區(qū)文明創(chuàng)建; OpenCC is loaded only for a text that may change).

    >>> _simplified("社區(qū)文明創(chuàng)建")
    '社区文明创建'
    """
    text = pinyin_regex().sub("", text)
    return to_simplified(text) if may_change_in_t2s(text) else text


def title_keywords(title: str, names: Sequence[str] = (), title_words: bool = True) -> list[tuple[str, Category]]:
    """The scope words found in ``title`` (traditional script read as simplified), longest first
    at each place, none of them inside one of the unit's ``names``; ``title_words=False`` leaves
    out the title-topic lexicon (the finder before it, for measuring).

    >>> [k for k, _ in title_keywords("文化路社区2021年禁毒工作总结", ["文化路社区"])]
    ['禁毒']
    >>> title_keywords("东湖社区2022年工作总结", ["东湖社区"])
    []
    >>> title_keywords("某区人民政府某街道办事处工作总结")
    []
    >>> [k for k, _ in title_keywords("某社区劳动就业和社会保障工作总结")]
    ['就业', '社会保障']
    >>> [k for k, _ in title_keywords("某社区退役军人服务站工作总结")]
    ['退役军人服务站']
    """
    text = _simplified(title)
    for name in sorted({_simplified(n) for n in names if n}, key=len, reverse=True):
        text = text.replace(name, "\u3000")
    found: list[tuple[int, str, Category]] = []
    taken = [False] * len(text)
    starts, ends, at = {0}, set(), 0
    for word in cut(text):
        at += len(word)
        starts.add(at)
        ends.add(at)
    for keyword, category in _keywords(title_words):
        start = text.find(keyword)
        while start >= 0:
            end = start + len(keyword)
            if (start in starts or end in ends) and not any(taken[start:end]):
                taken[start:end] = [True] * len(keyword)
                found.append((start, keyword, category))
            start = text.find(keyword, start + 1)
    return [(keyword, category) for _, keyword, category in sorted(found)]


def title_topic(
    title: str | None,
    names: Sequence[str] = (),
    not_a_topic: frozenset[Category] = NOT_A_TOPIC,
    title_words: bool = True,
) -> Category | None:
    """The one category the title's scope words name, None when they name none or several (or
    one of ``not_a_topic``).

    >>> title_topic("柏溪社区2021年安全生产、消防及禁毒专项工作总结", ["柏溪社区"])
    <Category.GOVERNANCE_SECURITY: 'governance_security'>
    >>> title_topic("东湖社区2022年工作总结", ["东湖社区"]) is None
    True
    >>> title_topic("东湖社区2020年党建工作总结", ["东湖社区"]) is None
    True
    """
    if not title:
        return None
    categories = {category for _, category in title_keywords(title, names, title_words)}
    if len(categories) != 1:
        return None
    topic = categories.pop()
    return None if topic in not_a_topic else topic


def document_topic(doc: DocMeta) -> Category | None:
    """The topic ``doc``'s title names, its unit's names (community, street, district) left out."""
    return title_topic(doc.title, [n for n in (doc.community, doc.street, doc.district) if n])


def with_topic(probabilities: np.ndarray, column: int, weight: float = TOPIC_WEIGHT) -> np.ndarray:
    """Each row of ``probabilities`` mixed with certainty for ``column`` at ``weight``.

    >>> with_topic(np.array([[0.5, 0.3, 0.2]]), 1).round(2).tolist()
    [[0.35, 0.51, 0.14]]
    """
    mixed = (1 - weight) * probabilities
    mixed[:, column] += weight
    return mixed
