"""`zongjie compare DATASET -o REPORT`: a DuckDB store in, a report out; bad input is one sentence, exit 2."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from compare_data import write_duckdb
from typer.testing import CliRunner

from cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return write_duckdb(tmp_path_factory.mktemp("store") / "d.duckdb")


def _compare(*args: str):
    return runner.invoke(app, ["compare", *args])


def test_compare_has_help_text():
    result = _compare("--help")
    assert result.exit_code == 0
    for option in ("--output", "--year", "--period", "--street", "--indicators"):
        assert option in result.output


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "html"])
def test_compare_writes_each_format(store, tmp_path, suffix):
    out = tmp_path / f"report.{suffix}"
    result = _compare(str(store), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    assert "5 rows" in result.output and "7 indicators" in result.output


def test_compare_reads_a_dataset_folder_and_filters(store, tmp_path):
    folder = tmp_path / "dataset"
    folder.mkdir()
    (folder / "zongjie.duckdb").write_bytes(store.read_bytes())
    out = tmp_path / "sub" / "r.csv"
    result = _compare(str(folder), "-o", str(out), "--year", "2023", "--period", "H1", "--street", "东湖街道",
                      "--indicators", "party_members,low_income_households")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["社区 community"] for r in rows] == ["柳岸社区", "石桥村", "青松社区"]
    assert [h for h in rows[0] if h.endswith(("party_members", "low_income_households"))] == [
        "党员 party_members", "低保户 low_income_households"]


def test_compare_xlsx_opens_in_openpyxl(store, tmp_path):
    out = tmp_path / "r.xlsx"
    assert _compare(str(store), "-o", str(out), "--period", "year").exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book["汇总 Summary"]["A3"].value == "白塔社区"


# (arguments after the store, words the one-sentence error contains)
ERRORS = [
    (["-o", "r.pdf"], ".xlsx, .html or .csv"),
    (["-o", "r.csv", "--period", "H5"], "--period"),
    (["-o", "r.csv", "--indicators", "party_members,no_such_id"], "no_such_id"),
    (["-o", "r.csv", "--year", "1990"], "no comparable figures"),
    (["-o", "r.csv", "--street", "南山街道"], "--street 南山街道"),
]


@pytest.mark.parametrize(("args", "words"), ERRORS)
def test_compare_errors_are_one_sentence(store, tmp_path, args, words):
    args = [a if a != "r.csv" and a != "r.pdf" else str(tmp_path / a) for a in args]
    result = _compare(str(store), *args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert result.stderr.startswith("zongjie: ") and result.stderr.count("\n") == 1


def test_compare_missing_or_broken_store(tmp_path):
    result = _compare(str(tmp_path / "none.duckdb"), "-o", str(tmp_path / "r.csv"))
    assert result.exit_code == 2 and "zongjie extract" in result.stderr
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"not a database")
    result = _compare(str(broken), "-o", str(tmp_path / "r.csv"))
    assert result.exit_code == 2 and "cannot open the dataset" in result.stderr
