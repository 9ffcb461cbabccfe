"""A report whose unit is masked where it acts in the opening (…，XX社区进行了…) has an unknown
community, even when other names (a 新村 residential estate) follow (SPEC section 5; found by
perturb_bench's community_masked). Invented text."""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text

CASES = [
    (
        "masked_unit_acts",
        "小区垃圾分类工作总结\n为了创建整洁的居住环境，XX社区开展了垃圾分类工作：石桥东村和金桂小区从4月起实行分类，"
        "石桥东村设置投放点6处。\n一、宣传发动\n石桥东村发放宣传单800份。\n",
        None,
    ),
    (
        "named_unit_acts",
        "小区垃圾分类工作总结\n为了创建整洁的居住环境，东湖社区开展了垃圾分类工作：石桥东村和金桂小区从4月起实行分类，"
        "石桥东村设置投放点6处。\n一、宣传发动\n石桥东村发放宣传单800份。\n",
        "东湖社区",
    ),
    (
        "masked_object_then_named_unit",
        "社区工作总结\n今年，东湖社区协助XX社区开展了老旧小区改造，东湖社区全年完成改造4个小区。\n一、党建工作\n发展党员2名。\n",
        "东湖社区",
    ),
]


@pytest.mark.parametrize(("name", "text", "community"), CASES, ids=[c[0] for c in CASES])
def test_masked_reporting_unit(name: str, text: str, community: str | None) -> None:
    assert parse_text(text, disable=["activities", "categories", "checks"]).doc.community == community
