"""`zongjie export` through typer's CliRunner."""

from __future__ import annotations

import pytest
from dataset_helpers import copy_fixtures
from typer.testing import CliRunner

from cli import app
from nlp.dataset import TABLES, extract


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli_export")
    archive = copy_fixtures(root / "archive")
    out = root / "d.duckdb"
    extract([archive / "qingmiao_2022h1.txt", archive / "qingmiao_2022h2.txt"], out)
    return out


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_export_writes_one_file_per_table(dataset, tmp_path, fmt):
    result = CliRunner().invoke(app, ["export", str(dataset), "--format", fmt, "--to", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(result.stdout.split()) == sorted(str(tmp_path / f"{t}.{fmt}") for t in TABLES)


def test_default_folder_is_beside_the_dataset(dataset):
    result = CliRunner().invoke(app, ["export", str(dataset), "--format", "xlsx"])
    assert result.exit_code == 0
    assert result.stdout.strip() == str(dataset.with_name("d-xlsx") / "zongjie.xlsx")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xls"], "--format: 'xls' is not one of parquet, csv, xlsx, jsonl."),
        (["--format", "csv", "--to", "{tmp}"], "no dataset here; build one with `zongjie extract"),
    ],
)
def test_errors_exit_2(dataset, tmp_path, args, message):
    target = tmp_path / "none.duckdb" if "--to" in args else dataset
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(app, ["export", str(target), *args])
    assert result.exit_code == 2
    assert message in result.stderr
