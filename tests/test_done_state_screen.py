"""The done_state rule skips a sentence that neither opens by a past time nor holds a done sign;
held here to the rule read clause by clause over every sentence (the definition). The notes_appendix
rule tries only the lines holding a title's start; held to one search of every line."""

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
                    "开展活动12场", "走访困难户30户", "对已脱贫的8户", "新建书屋2处", "完成改造4个",
                    " 一年来", "\u3000过去的一年", "2.2022年", "3、五年来", "上一年", "多年来", "年底前", "5年以来"]


def test_screened_rule_equals_the_rule_read_over_every_sentence():
    rng = random.Random(20261207)
    pieces = _pieces()
    marks = ["，", "，", "。", "；", "\n", "", "！", "?", "。\n"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(marks) for _ in range(rng.randint(1, 14)))
        bodies = [(0, len(text))] if rng.random() < 0.7 else [(0, len(text) // 2), (len(text) // 2, len(text))]
        for plan_document in (False, True):
            for year in (None, 2023):
                assert done_state.done_state_spans(text, bodies, plan_document, year) == (
                    _plain_done_state_spans(text, bodies, plan_document, year)
                ), text


def test_notes_appendix_tries_only_lines_holding_a_title_as_the_search_of_every_line():
    rng = random.Random(20261208)
    titles = list(load_toml("planned.toml")["notes_appendix"])
    lines = ["社区现有党员41名", "名词：", "注：数据来自统计", "附：", "附 ： 短 语 说 明", "　名 词 解 释　",
             "名词", "释义", "注释：", "附：词语解释：口袋公园", "下一步打算", *titles]
    for _ in range(400):
        text = "\n".join(rng.choice(lines) for _ in range(rng.randint(1, 8)))
        found = done_state._notes_line().search(text)
        assert done_state.notes_appendix(text) == ([(found.start(), len(text))] if found else []), text
