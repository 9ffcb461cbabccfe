"""The done_state rule skips a sentence that neither opens by a past time nor holds a done sign;
held here to the rule read clause by clause over every sentence (the definition)."""

import random

from nlp.figures import done_state
from nlp.figures.planned import is_planned_sentence
from nlp.resources import load_toml


def _plain_done_state_spans(text, bodies, plan_document, plan_year):
    spans = []
    for start, end in bodies:
        for s, e in done_state._sentences(text, start, end):
            done = done_state._opens_past(text[s:e], plan_document, plan_year)
            for piece in done_state._CLAUSE_PIECE.finditer(text, s, e):
                clause = piece.group()
                if is_planned_sentence(clause):
                    done = False
                elif done_state._states_done(clause):
                    done = True
                elif any(word in clause for word in done_state._plan_times()):
                    done = False
                if done:
                    spans.append(piece.span())
                if clause.endswith(("；", ";")):
                    done = False
    return spans


def _pieces():
    data = load_toml("planned.toml")
    words = list(data["done_signs"]) + list(data["present_state"]["plan_times"])
    return words + ["过去一年", "三年来", "去年", "2022年", "2023年", "2024年", "下一步将", "计划", "社区",
                    "开展活动12场", "走访困难户30户", "对已脱贫的8户", "新建书屋2处", "完成改造4个"]


def test_screened_rule_equals_the_rule_read_over_every_sentence():
    rng = random.Random(20261207)
    pieces = _pieces()
    marks = ["，", "，", "。", "；", "\n", ""]
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(marks) for _ in range(rng.randint(1, 14)))
        bodies = [(0, len(text))] if rng.random() < 0.7 else [(0, len(text) // 2), (len(text) // 2, len(text))]
        for plan_document in (False, True):
            for year in (None, 2023):
                assert done_state.done_state_spans(text, bodies, plan_document, year) == (
                    _plain_done_state_spans(text, bodies, plan_document, year)
                ), text
