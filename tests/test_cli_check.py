"""`zongjie check` through typer's CliRunner, on the invented fixtures under tests/fixtures/checks."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>ZJ\d{3}) (?P<message>.+)$")
SUMMARY = re.compile(r"^(\d+) 个问题 \((\d+) error, (\d+) warning, (\d+) info\),(\d+) 个文档;"
                     r"核对数字 (\d+) 个,无法核对 (\d+) 个;已忽略 (\d+) 个$")


@pytest.fixture
def runner(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # .zongjie-ignore is looked up in the working folder
    return CliRunner()


@pytest.fixture
def docs(tmp_path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("masked_figure_fires.txt", "duplicated_unit_fires.txt", "missing_figure_quiet.txt"):
        shutil.copy(FIXTURES / name, folder / name)
    return folder


def run(runner, *args):
    return runner.invoke(app, ["check", *map(str, args)])


def codes(output: str) -> list[str]:
    return [m["code"] for m in map(LINE.match, output.splitlines()) if m]


def test_help_describes_every_option(runner):
    result = run(runner, "--help")
    assert result.exit_code == 0
    for option in ("--format", "--select", "--ignore", "--fail-on", "--rules", "--explain", "--ignore-file", "--accept"):
        assert option in result.output


def test_text_output_lines_and_summary(runner, docs):
    result = run(runner, docs, "--select", "ZJ4")
    lines = result.output.splitlines()
    assert result.exit_code == 0  # warnings only; default --fail-on error
    assert sorted(codes(result.output)) == ["ZJ401", "ZJ402"]
    m = LINE.match(lines[0])
    assert m and m["path"].endswith(".txt") and int(m["line"]) >= 1
    summary = SUMMARY.match(lines[-1])
    assert summary, lines[-1]
    assert summary.group(1, 3, 5, 8) == ("2", "2", "3", "0")
    assert int(summary[6]) > 0


@pytest.mark.parametrize(("fail_on", "status"), [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on(runner, docs, fail_on, status):
    assert run(runner, docs, "--fail-on", fail_on).exit_code == status


SELECTIONS = [
    ("name", ["--select", "masked_figure"], ["ZJ402"]),
    ("code prefix", ["--select", "ZJ40"], ["ZJ401", "ZJ402"]),
    ("comma separated", ["--select", "duplicated_unit,masked_figure"], ["ZJ401", "ZJ402"]),
    ("repeated", ["--select", "ZJ401", "--select", "ZJ402"], ["ZJ401", "ZJ402"]),
    ("ignore prefix", ["--ignore", "ZJ4"], []),
    ("ignore one name", ["--ignore", "duplicated_unit"], ["ZJ402"]),
]


@pytest.mark.parametrize(("name", "options", "expected"), SELECTIONS, ids=[s[0] for s in SELECTIONS])
def test_select_and_ignore(runner, docs, name, options, expected):
    result = run(runner, docs, *options)
    assert sorted(c for c in codes(result.output) if c.startswith("ZJ4")) == expected


@pytest.mark.parametrize("options", [["--select", "no_such_rule"], ["--format", "xml"], ["--fail-on", "fatal"], []])
def test_usage_errors_exit_2(runner, docs, options):
    args = [docs] if options else []
    result = run(runner, *args, *options)
    assert result.exit_code == 2


def test_json_format(runner, docs):
    result = run(runner, docs, "--format", "json")
    data = json.loads(result.output)
    names = sorted(f["name"] for f in data["flags"] if f["code"].startswith("ZJ4"))
    assert names == ["duplicated_unit", "masked_figure"]
    flag = data["flags"][0]
    assert {"name", "code", "severity", "start", "end", "line", "col", "message", "facts", "path"} <= set(flag)
    assert data["summary"]["documents"] == 3 and data["errors"] == []


def test_sarif_format(runner, docs):
    result = run(runner, docs, "--format", "sarif")
    log = json.loads(result.output)
    assert log["version"] == "2.1.0"
    (sarif_run,) = log["runs"]
    rule_ids = [r["id"] for r in sarif_run["tool"]["driver"]["rules"]]
    assert "ZJ402" in rule_ids and "ZJ501" in rule_ids
    results = [r for r in sarif_run["results"] if r["ruleId"].startswith("ZJ4")]
    assert sorted(r["ruleId"] for r in results) == ["ZJ401", "ZJ402"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= 1 and region["charLength"] > 0
    assert results[0]["level"] == "warning"
    # a code-scanning service shows which zongjie found these: the driver names its version
    from nlp import __version__

    assert sarif_run["tool"]["driver"]["version"] == __version__


def test_rules_and_explain(runner):
    listing = run(runner, "--rules")
    assert listing.exit_code == 0
    assert re.search(r"^ZJ402\s+masked_figure\s+warning\s+\S", listing.output, re.M)
    explained = run(runner, "--explain", "ZJ402")
    assert explained.exit_code == 0 and "What:" in explained.output and "Example:" in explained.output
    assert run(runner, "--explain", "masked_figure").output == explained.output
    assert run(runner, "--explain", "ZJ999").exit_code == 2


def test_read_error_is_reported_and_the_rest_checked(runner, docs):
    (docs / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["check", str(docs)])
    assert result.exit_code == 2
    assert re.search(r"empty\.txt: \S", result.stderr)
    assert "ZJ402" in codes(result.stdout)


def test_accept_then_quiet_even_after_lines_shift(runner, docs, tmp_path):
    accepted = run(runner, docs, "--accept")
    assert accepted.exit_code == 0
    ignore = (tmp_path / ".zongjie-ignore").read_text(encoding="utf-8")
    assert re.search(r"^[0-9a-f]{16}  # ZJ402 ", ignore, re.M)
    doc = docs / "masked_figure_fires.txt"
    doc.write_text("\n\n" + doc.read_text(encoding="utf-8"), encoding="utf-8")
    again = run(runner, docs, "--fail-on", "warning")
    assert again.exit_code == 0
    assert codes(again.output) == []
    assert SUMMARY.match(again.output.splitlines()[-1])[8] == str(ignore.count("# ZJ"))
    assert run(runner, docs, "--ignore-file", tmp_path / "none").exit_code == 0
    assert "ZJ402" in codes(run(runner, docs, "--ignore-file", tmp_path / "none").output)


def test_template_text_across_a_folder_and_a_zip(runner, tmp_path):
    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as z:
        for name in ("template_text_fires.txt", "template_text_other.txt"):
            z.write(FIXTURES / name, name)
    result = run(runner, tmp_path / "bundle.zip", "--select", "template_text")
    assert codes(result.output) == ["ZJ501", "ZJ501"]
    assert "template_text_other.txt" in result.output


def test_a_second_run_reuses_the_cache_and_an_edit_misses_it(runner, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("ZONGJIE_CACHE_DIR", str(cache))
    doc = tmp_path / "a.txt"
    doc.write_text("2023年枫林社区工作总结\n一、基本情况\n社区现有党员38名,其中支委成员4名。全年走访困难家庭xx户。\n", encoding="utf-8")
    first = runner.invoke(app, ["check", str(doc), "--fail-on", "never"])
    entries = list(cache.rglob("*.json"))
    assert first.exit_code == 0 and len(entries) == 1
    second = runner.invoke(app, ["check", str(doc), "--fail-on", "never"])
    assert second.output == first.output  # same findings, from the cache
    doc.write_text(doc.read_text(encoding="utf-8").replace("xx户", "12户"), encoding="utf-8")
    third = runner.invoke(app, ["check", str(doc), "--fail-on", "never"])
    assert "ZJ402" in first.output and "ZJ402" not in third.output
    assert len(list(cache.rglob("*.json"))) == 2
    uncached = runner.invoke(app, ["check", str(doc), "--fail-on", "never", "--no-cache"])
    assert uncached.output == third.output
