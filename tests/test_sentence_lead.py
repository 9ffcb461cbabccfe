"""Rule sentence_lead (issue 12): a sentence led by a plan plans its later clauses (nlp.figures.sentence_lead)."""

from __future__ import annotations

from plan_helpers import planned_flags

from nlp.figures.sentence_lead import sentence_lead_spans

HEAD = "白鹭社区2023年工作总结\n"


def _flags(text: str) -> tuple[dict[str, bool], dict[str, bool]]:
    return planned_flags(HEAD + text)


def test_a_lead_plans_figures_and_activities_three_clauses_on():
    facts, acts = _flags("下一步，社区将整合共建资源，补齐服务短板，增设充电桩16个，组织防溺水宣传活动5场。")
    assert facts == {"16个": True, "5场": True}
    assert acts.get("防溺水宣传活动") is True


def test_a_short_opener_lets_the_second_clause_lead():
    facts, _ = _flags("2024年，社区计划聚焦托育服务，完善活动场地，招募志愿者25名。")
    assert facts["25名"] is True


def test_a_done_sign_ends_the_lead():
    facts, _ = _flags("明年，社区将巩固创建成果，目前已更换路灯48盏，改造花坛9处。")
    assert facts == {"48盏": False, "9处": False}


def test_a_phrase_holding_a_done_sign_does_not_end_it():
    facts, _ = _flags("明年，社区将立足实际，统筹推进，新建口袋公园2个。")
    assert facts == {"2个": True}


def test_a_done_lead_with_a_plan_at_the_end_plans_only_the_end():
    facts, _ = _flags("今年以来，社区开展邻里节3场，调解纠纷14起，明年将再开展邻里节4场。")
    assert facts == {"3场": False, "14起": False, "4场": True}


def test_a_lead_ends_at_the_full_stop():
    facts, _ = _flags("今后，社区要继续做好帮扶工作。一年来，社区慰问困难家庭27户，发放救助金3.2万元。")
    assert (facts["27户"], facts["3.2万元"]) == (False, False)


def test_the_spans_run_across_semicolons_up_to_the_stop():
    t = "明年，社区将围绕平安建设，增设探头30个；组建巡逻队2支。去年增设探头20个。"
    assert [t[s:e] for s, e in sentence_lead_spans(t)] == ["社区将围绕平安建设，增设探头30个；组建巡逻队2支"]
