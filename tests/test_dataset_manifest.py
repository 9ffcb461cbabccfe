"""The --manifest CSV: globs relative to the manifest, later rows overriding earlier ones, clear errors."""

from __future__ import annotations

import pytest

from nlp.dataset.manifest import Manifest, ManifestError

HEADER = "path,community,street,district,year,period\n"


def _manifest(tmp_path, body: str) -> Manifest:
    file = tmp_path / "meta" / "manifest.csv"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(HEADER + body, encoding="utf-8-sig")
    return Manifest.read(file)


MATCHES = [
    # (manifest rows, document path relative to tmp_path, expected cells)
    ("../docs/a.txt,阿娄社区,,,,\n", "docs/a.txt", {"community": "阿娄社区"}),
    ("../docs/*.txt,,青石街道,,2023,h1\n", "docs/a.txt", {"street": "青石街道", "year": 2023, "period": "H1"}),
    ("../docs/*.txt,,青石街道,,,\n", "docs/sub/a.txt", {}),
    ("../docs/**/*.txt,,青石街道,,,\n", "docs/sub/a.txt", {"street": "青石街道"}),
    ("../docs,,,东区,,\n", "docs/sub/a.txt", {"district": "东区"}),
    ("../docs/r.zip,石桥村,,,,year\n", "docs/r.zip!inner/b.txt", {"community": "石桥村", "period": "year"}),
    ("../docs/*,,青石街道,,2022,\n../docs/a.txt,阿娄社区,,,2023,\n", "docs/a.txt",
     {"community": "阿娄社区", "street": "青石街道", "year": 2023}),
    ("../other/*.txt,阿娄社区,,,,\n", "docs/a.txt", {}),
]


@pytest.mark.parametrize(("rows", "path", "cells"), MATCHES)
def test_rows_match_paths(tmp_path, monkeypatch, rows, path, cells):
    manifest = _manifest(tmp_path, rows)
    monkeypatch.chdir(tmp_path)
    assert manifest.cells_for(path) == cells
    assert manifest.cells_for(str(tmp_path / path)) == cells


BAD = [
    ("path,community\nx.txt,阿娄社区\n", "the header lacks street"),
    (HEADER + ",阿娄社区,,,,\n", "manifest.csv:2: the path cell is empty"),
    (HEADER + "a.txt,,,,二〇二三,\n", "manifest.csv:2: year '二〇二三' is not a year"),
    (HEADER + "a.txt,,,,,\nb.txt,,,,,上半年\n", "manifest.csv:3: period '上半年' is not one of"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_malformed_manifest_names_file_and_line(tmp_path, text, message):
    file = tmp_path / "manifest.csv"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match=message):
        Manifest.read(file)
