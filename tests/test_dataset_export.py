"""Exports: every table in every format; CSV with a BOM; no cell anywhere can start a formula."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from dataset_helpers import copy_fixtures

from nlp.dataset import TABLES, export, extract, load

FORMULA = ("=", "+", "-", "@")


@pytest.fixture(scope="module")
def dangerous(tmp_path_factory):
    """A dataset whose community, street and district names look like formulas (from a manifest)."""
    root = tmp_path_factory.mktemp("export")
    archive = copy_fixtures(root / "archive")
    manifest = root / "manifest.csv"
    manifest.write_text(
        "path,community,street,district,year,period\n"
        "archive/qingmiao_*.txt,=1+1社区,+柳河街道,@东区,,\n"
        "archive/shiqiao_2022_final.txt,-石桥村,,,,\n",
        encoding="utf-8",
    )
    out = root / "d.duckdb"
    extract([archive], out, manifest=manifest)
    return out


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def test_the_store_keeps_the_names_as_given(dangerous):
    communities = load(dangerous)["communities"]
    assert {"+柳河街道/=1+1社区", "-石桥村"} <= set(communities.community_id)


def test_csv_has_a_bom_and_no_formula(dangerous, tmp_path):
    files = export(dangerous, "csv", tmp_path / "csv")
    assert sorted(f.stem for f in files) == sorted(TABLES)
    for file in files:
        assert file.read_bytes().startswith(b"\xef\xbb\xbf"), file
        with file.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0][0] in ("doc_id", "community_id", "path")
        cells = [cell for row in rows for cell in row]
        assert not [c for c in cells if c.startswith(FORMULA)], file
    communities = (tmp_path / "csv" / "communities.csv").read_text(encoding="utf-8-sig")
    assert "'+柳河街道/=1+1社区" in communities and "'-石桥村" in communities
    assert '"[""\'=1+1社区""]"' in communities  # aliases: a JSON list of escaped names


def test_xlsx_cells_are_text_never_formulas(dangerous, tmp_path):
    import openpyxl

    (file,) = export(dangerous, "xlsx", tmp_path / "xlsx")
    book = openpyxl.load_workbook(file)
    assert set(book.sheetnames) == set(TABLES)
    found = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA), (sheet.title, cell.coordinate, cell.value)
                    found.append(cell.value)
    assert "'@东区" in found
    header = [c.value for c in book["indicator_values"][1]]
    assert header[:4] == ["community_id", "year", "period", "indicator"]


def test_jsonl_and_parquet_escape_texts_and_keep_types(dangerous, tmp_path):
    for file in export(dangerous, "jsonl", tmp_path / "jsonl"):
        for line in file.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert not [s for s in _strings(record) if s.startswith(FORMULA)], file
    parquet = {f.stem: pq.read_table(f) for f in export(dangerous, "parquet", tmp_path / "parquet")}
    for name, table in parquet.items():
        assert not [s for s in _strings(table.to_pylist()) if s.startswith(FORMULA)], name
    assert str(parquet["facts"].schema.field("value").type) == "double"
    assert str(parquet["documents"].schema.field("year").type) == "int32"
    assert parquet["communities"].num_rows == len(load(dangerous)["communities"])


def test_unknown_format_is_refused(dangerous, tmp_path):
    from nlp.errors import ZongjieError

    with pytest.raises(ZongjieError, match="--format: 'xls' is not one of parquet, csv, xlsx, jsonl"):
        export(dangerous, "xls", tmp_path)
