"""Community identity: canonical names, placeholders, the path fallback, and what overrides what."""

from __future__ import annotations

import pytest

from nlp.dataset.communities import (
    canonical_name,
    community_key,
    is_placeholder,
    kind_of,
    name_from_path,
    resolve_identity,
)

DOC_ID = "0123456789abcdef" * 4

CANONICAL = [
    ("阿娄社区居委会", "阿娄社区"),
    ("阿娄社区居民委员会", "阿娄社区"),
    ("阿婁社區", "阿娄社区"),
    ("阿娄社区(qū)", "阿娄社区"),
    ("阿 娄 社 区", "阿娄社区"),
    ("石桥村民委员会", "石桥村"),
    ("石桥村委会", "石桥村"),
    ("石橋村委會", "石桥村"),
    ("东门居民委员会", "东门居委会"),
    ("青石街道办事处", "青石街道"),
    ("柳河镇", "柳河镇"),
]


@pytest.mark.parametrize(("written", "canonical"), CANONICAL)
def test_canonical_name(written, canonical):
    assert canonical_name(written) == canonical


KINDS = [("阿娄社区", "社区"), ("石桥村", "村"), ("东门居委会", "居委会"), ("青石街道", "街道"),
         ("柳河镇", "镇"), ("红岩乡", "镇"), ("金山小区", "其他"), (None, "其他")]


@pytest.mark.parametrize(("name", "kind"), KINDS)
def test_kind(name, kind):
    assert kind_of(name) == kind


@pytest.mark.parametrize("name", ["xx社区", "XX社区", "××村", "某某社区", "＊＊村", "社区", "", None])
def test_placeholders_are_not_names(name):
    assert is_placeholder(name)
    assert community_key(canonical_name(name) if name else None, "青石街道", DOC_ID) == "unknown:0123456789ab"


PATHS = [
    ("archive/阿娄社区/2023年上半年工作总结.txt", "阿娄社区"),
    ("archive/2023/石桥村2022年度工作总结.docx", "石桥村"),
    ("reports.zip!柳河街道/青苗社区居委会工作报告.txt", "青苗社区居委会"),
    ("archive/2023年社区工作总结.txt", None),
    ("archive/和谐社区建设总结.txt", None),
    ("archive/summary.txt", None),
]


@pytest.mark.parametrize(("path", "name"), PATHS)
def test_name_from_path(path, name):
    assert name_from_path(path) == name


def _doc(**fields):
    base = {"id": DOC_ID, "path": "archive/枫林社区/h1.txt", "community": None, "street": None,
            "year": None, "period": None}
    return {**base, **fields}


def test_same_name_under_same_street_is_one_community():
    a = resolve_identity(_doc(community="阿娄社区居委会", street="青石街道办事处"))
    b = resolve_identity(_doc(id="f" * 64, community="阿婁社區", street="青石街道"))
    assert a.community_id == b.community_id == "青石街道/阿娄社区"
    other_street = resolve_identity(_doc(community="阿娄社区", street="柳河街道"))
    assert other_street.community_id != a.community_id


def test_text_beats_path_and_manifest_beats_text():
    from_text = resolve_identity(_doc(community="青苗社区", year=2022, period="H1"))
    assert (from_text.community, from_text.source) == ("青苗社区", "text")
    from_path = resolve_identity(_doc())
    assert (from_path.community, from_path.source) == ("枫林社区", "path")
    manifest = {"community": "石桥村委会", "street": "红岩镇", "district": "东区", "year": 2021, "period": "H2"}
    overridden = resolve_identity(_doc(community="青苗社区", year=2022, period="H1"), manifest)
    assert (overridden.community_id, overridden.district, overridden.year, overridden.period, overridden.source) == (
        "红岩镇/石桥村", "东区", 2021, "H2", "manifest"
    )
    assert overridden.written == "石桥村委会"


def test_masked_and_missing_names_never_merge():
    masked = resolve_identity(_doc(path="a/x.txt", community="xx社区"))
    missing = resolve_identity(_doc(id="e" * 64, path="a/y.txt"))
    assert masked.community_id == "unknown:0123456789ab"
    assert missing.community_id == "unknown:eeeeeeeeeeee"
    assert missing.source is None
