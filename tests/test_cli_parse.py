"""`zongjie parse`: a document in any format gives its record; bad input is one sentence on stderr, exit 2."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from conftest import to_simplified, write_document
from typer.testing import CliRunner

from cli import app

runner = CliRunner()


def _parse(*args: str):
    return runner.invoke(app, ["parse", *args])


def test_parse_has_help_text():
    result = runner.invoke(app, ["parse", "--help"])
    assert result.exit_code == 0
    assert "--json" in result.output
    assert "document" in result.output.lower()


@pytest.mark.parametrize("variant", ["gb18030", "big5", "docx", "pdf", "html"])
def test_parse_json_in_every_format(tmp_path, variant):
    path = write_document(tmp_path, variant)
    result = _parse(str(path), "--json")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    doc = record["doc"]
    assert doc["id"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc["path"] == str(path)
    headings = [to_simplified(s["heading"]) for s in record["sections"]]
    assert "基本情况" in headings and "下半年工作计划" in headings


def test_parse_text_output(tmp_path):
    result = _parse(str(write_document(tmp_path, "utf-8")))
    assert result.exit_code == 0, result.stderr
    assert "一、基本情况" in result.stdout


def _evil_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../evil.txt", "一、越界".encode())
        archive.writestr("ok.txt", "一、党建工作".encode())


def _docx_without_body(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")


BAD_INPUT = [  # name, file name, content (bytes, builder or None for a missing file), words of the message
    ("empty", "empty.txt", b"", "file is empty"),
    ("whitespace", "blank.txt", "\u3000\r\n  \n".encode(), "file is empty"),
    ("png", "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    ("undecodable", "bad.txt", b"\x80\xff\xfe\x80\xff" * 9, "cannot decode"),
    ("corrupt-docx", "report.docx", bytes(range(7, 200)), "corrupt .docx: not a zip archive"),
    ("docx-no-body", "report2.docx", _docx_without_body, "corrupt .docx"),
    ("corrupt-pdf", "report.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "corrupt .pdf"),
    ("zip-path-escape", "bundle.zip", _evil_zip, "unsafe member name (escapes the archive): ../evil.txt"),
    ("unsupported", "table.xls", b"\xd0\xcf\x11\xe0", "unsupported file type '.xls'"),
    ("missing", "nowhere.txt", None, "no such file"),
]


@pytest.mark.parametrize("name, filename, content, message", BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_bad_input_is_one_sentence_and_exit_2(tmp_path, name, filename, content, message, as_json):
    path = tmp_path / filename
    if callable(content):
        content(path)
    elif content is not None:
        path.write_bytes(content)
    result = _parse(str(path), *(["--json"] if as_json else []))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"zongjie: {path}")
    assert message in lines[0]
    assert "Traceback" not in result.stderr
    assert isinstance(result.exception, SystemExit)  # a clean exit with status 2, not a crash


def test_folder_is_refused_with_a_hint(tmp_path):
    result = _parse(str(tmp_path))
    assert result.exit_code == 2
    assert "is a folder" in result.stderr and "zongjie extract" in result.stderr
