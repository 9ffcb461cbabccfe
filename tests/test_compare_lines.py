"""Provenance lines when the store keeps none: counted in the document, only while its bytes are the same."""

from __future__ import annotations

import hashlib
import zipfile

from compare_data import tables

from nlp.compare.lines import fill_lines, read_original
from nlp.compare.table import build_comparison

TEXT = "松风社区2023年上半年工作总结\n一、党建\n社区现有党员80名。\n"


def _store_without_lines(doc_id: str, path: str):
    data = tables()
    facts = data["facts"].drop(columns=["line"])
    facts.loc[facts["doc_id"] == "d1", "start"] = TEXT.index("80名")
    facts["doc_id"] = facts["doc_id"].replace({"d1": doc_id})
    data["facts"] = facts
    data["indicator_values"]["doc_id"] = data["indicator_values"]["doc_id"].replace({"d1": doc_id})
    data["documents"]["doc_id"] = data["documents"]["doc_id"].replace({"d1": doc_id})
    data["documents"].loc[data["documents"]["doc_id"] == doc_id, "path"] = path
    return data


def _party_members_line(comparison) -> int | None:
    row = next(i for i, r in enumerate(comparison.rows) if r.community == "青松社区" and r.period == "H1")
    return comparison.cell(row, "party_members").sources[0].line


def test_line_is_counted_in_the_unchanged_file(tmp_path):
    raw = TEXT.encode("utf-8")
    (tmp_path / "songfeng.txt").write_bytes(raw)
    data = _store_without_lines(hashlib.sha256(raw).hexdigest(), "songfeng.txt")
    assert _party_members_line(build_comparison(data)) is None
    filled = fill_lines(build_comparison(data), read_original((tmp_path,)))
    assert _party_members_line(filled) == 3


def test_line_is_counted_in_an_archive_member(tmp_path):
    raw = TEXT.encode("gb18030")
    with zipfile.ZipFile(tmp_path / "reports.zip", "w") as bundle:
        bundle.writestr("2023/songfeng.txt", raw)
    data = _store_without_lines(hashlib.sha256(raw).hexdigest(), "reports.zip!2023/songfeng.txt")
    assert _party_members_line(fill_lines(build_comparison(data), read_original((tmp_path,)))) == 3


def test_a_changed_file_leaves_the_line_blank(tmp_path):
    raw = TEXT.encode("utf-8")
    (tmp_path / "songfeng.txt").write_text("\n\n\n" + TEXT, encoding="utf-8")  # edited since extraction
    data = _store_without_lines(hashlib.sha256(raw).hexdigest(), "songfeng.txt")
    assert _party_members_line(fill_lines(build_comparison(data), read_original((tmp_path,)))) is None
