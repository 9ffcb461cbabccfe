"""Heading phrases x numbering styles x the ways a heading meets its paragraph, on invented documents.

Every combination is a small report with two headings of one style; the outline must give both, at the
style's level, with the heading phrase alone (GUIDELINES: up to the first 。 or ：, the label as
written). A generalization check for the run-on, colon and glued rules across label shapes, scripts
and phrases with figures, years and commas.
"""

from __future__ import annotations

import itertools

import pytest

from nlp.text.normalize import normalize
from nlp.text.outline import build_outline

P = "今年以来，在街道党工委的正确领导下，社区各项工作稳步推进，居民满意度不断提高，取得了较好成效。"
BODY = "社区抽调骨干力量组建工作专班，全年走访居民860户，收集意见建议120条，办结率达到96%。"

# (first heading, second heading): topics in the genre's words, with a figure, a year, a comma, traditional.
PHRASES = {
    "plain": ("加强基层党组织建设", "做好困难群众帮扶"),
    "short": ("党建引领", "环境整治"),
    "figure": ("全年开展活动50余场", "新增就业岗位120个"),
    "year": ("2023年工作回顾", "2024年工作打算"),
    "comma": ("加强组织领导，压实工作责任", "突出重点难点，补齐民生短板"),
    "traditional": ("強化黨建引領", "做好民生保障"),
    "quoted": ("深化“三社联动”机制", "推进“15分钟生活圈”建设"),
}
# label style: (first label, second label, level)
STYLES = {
    "一、": ("一、", "二、", 1),
    "（一）": ("（一）", "（二）", 2),
    "(一)": ("(一)", "(二)", 2),
    "一．": ("一．", "二．", 1),
    "1、": ("1、", "2、", 3),
    "1.": ("1.", "2.", 3),
    "１．": ("１．", "２．", 3),
    "（1）": ("（1）", "（2）", 4),
    "(1)": ("(1)", "(2)", 4),
    "第一部分": ("第一部分 ", "第二部分 ", 1),
}
# how the heading meets its paragraph: the text after the heading phrase on its line
JOINS = {
    "alone": "\n",
    "colon alone": "：\n",
    "full stop": "。",
    "colon": "：",
    "half-width colon": ":",
    "opener": "今年以来，",
}

CASES = list(itertools.product(PHRASES, STYLES, JOINS))

def document(phrases: tuple[str, str], style: tuple[str, str, int], join: str) -> str:
    return "松林社区2023年工作总结\n" + P + "".join(
        f"\n{label}{phrase}{join}{BODY}\n" + P for label, phrase in zip(style[:2], phrases, strict=True)
    )


@pytest.mark.parametrize(("phrase", "style", "join"), CASES)
def test_heading_combination(phrase: str, style: str, join: str) -> None:
    phrases, labels = PHRASES[phrase], STYLES[style]
    got = [(s.level, s.label, s.heading) for s in build_outline(normalize(document(phrases, labels, JOINS[join])))]
    expected = [(labels[2], label.strip(), text) for label, text in zip(labels[:2], phrases, strict=True)]
    assert got == expected
