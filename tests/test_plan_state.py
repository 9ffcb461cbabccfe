"""One planned decision for facts and activities (issue 8): nlp.figures.facts.PlanState."""

from __future__ import annotations

from plan_helpers import planned_flags

from nlp.figures.facts import plan_state
from nlp.pipeline import parse_text


def test_an_activity_in_a_clause_led_by_the_next_year_is_planned_as_its_figure():
    facts, acts = planned_flags("绿溪社区2023年工作总结\n2024年举办居民书法培训班4期。")
    assert facts == {"4期": True}
    assert acts.get("居民书法培训班") is True


def test_a_dated_event_of_the_next_year_is_done_for_activity_and_figure():
    facts, acts = planned_flags("绿溪社区2023年工作总结\n2024年1月，社区开展元宵猜灯谜活动，参与居民150人。")
    assert facts == {"150人": False}
    assert acts.get("元宵猜灯谜活动") is False


def test_activities_read_the_decision_the_facts_stage_made():
    text = (
        "绿溪社区2023年工作总结\n一、主要工作\n社区举办广场舞比赛2场。\n"
        "二、2024年工作打算\n开展防汛应急演练3次。\n2023年已开展护绿行动5次。"
    )
    p = parse_text(text)
    assert p.text is not None and p.activities
    state = plan_state(p.text, p.sections, False, p.doc.year)
    assert state is plan_state(p.text, p.sections, False, p.doc.year)  # made once, kept on the Text
    for a in p.activities:
        assert a.planned == state.planned(p.text, a.norm_start, a.norm_end)
    assert {a.name: a.planned for a in p.activities if a.name in ("广场舞比赛", "防汛应急演练")} == {
        "广场舞比赛": False,
        "防汛应急演练": True,
    }


def test_a_parse_leaves_no_reference_cycle():
    """The plan state lives on the Text and is given the Text when asked, so dropping a parse frees
    it at once: a batch of ten thousand documents does not wait for the collector."""
    import gc

    text = "青松社区2023年工作总结\n社区举办读书会4场。\n二、下一步打算\n明年计划开展义诊活动6次。"
    parse_text(text)  # models and vocabularies loaded outside the measured parse
    gc.collect()
    gc.disable()
    try:
        parse_text(text)
        assert gc.collect() == 0
    finally:
        gc.enable()
