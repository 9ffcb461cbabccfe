"""Rule list_lead (issue 12): a plan lead announcing items plans the items after it (nlp.figures.list_lead)."""

from __future__ import annotations

from plan_helpers import planned_flags

from nlp.figures.list_lead import list_lead_spans

HEAD = "白鹭社区2023年工作总结\n"


def _flags(text: str) -> tuple[dict[str, bool], dict[str, bool]]:
    return planned_flags(HEAD + text)


def test_items_after_the_lead_sentence_are_planned():
    facts, _ = _flags("下一步，社区将抓好以下几个方面。一是增设充电桩16个。二是配齐楼栋长9名。")
    assert facts["16个"] is True and facts["9名"] is True


def test_items_after_an_inline_colon_run_over_sentences():
    facts, _ = _flags("2024年，我们打算落实如下事项：一是新建口袋公园2个。二是组织消防演练5次。")
    assert facts["5次"] is True


def test_a_present_sentence_ends_the_items():
    facts, _ = _flags("下一步，社区将做好以下工作：一是新建书屋3处。二是招募志愿者35名。目前，社区共有志愿者90名。")
    assert facts["35名"] is True and facts["90名"] is False


def test_a_done_summary_lead_plans_nothing():
    facts, _ = _flags("今年以来，社区重点抓好以下几项工作：一是建成助餐点2个。二是调解纠纷14起。")
    assert facts == {"2个": False, "14起": False}


def test_item_lines_run_to_the_first_line_without_an_item_mark():
    text = "明年，社区将重点做好以下工作：\n（1）新建车棚4处；\n（2）加装电梯6部。\n社区今年开展义诊11次。"
    spans = list_lead_spans(text)
    assert [text[s:e] for s, e in spans] == ["（1）新建车棚4处", "（2）加装电梯6部"]


def test_a_lead_announcing_nothing_governs_no_next_sentence():
    assert list_lead_spans("下一步，社区将继续做好为老服务。全年开展敬老活动7场。") == []
