"""The Python API: parse_text and parse_file, nlp.pipe over a batch, stages by name, and the spaCy adapter."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import nlp
import nlp.pipeline
from nlp.errors import ReadError
from nlp.records import Parse

TEXT = "2023年上半年枫林社区工作总结\n一、党建工作\n社区现有党员38名,其中支委成员4名。\n开展主题党日活动6次。\n"


def test_text_and_file_give_the_same_facts(tmp_path):
    path = tmp_path / "fenglin.txt"
    path.write_text(TEXT, encoding="gb18030")
    from_text = nlp.parse_text(TEXT)
    from_file = nlp.parse_file(path)
    from_str_path = nlp.parse_file(str(path))
    from_path = nlp.parse(path)
    assert from_file.doc.encoding == "gb18030"
    assert from_text.to_dict()["facts"] == from_file.to_dict()["facts"] == from_str_path.to_dict()["facts"]
    assert from_path.to_dict() == from_file.to_dict()
    assert [f.text for f in from_file.facts] == ["38名", "4名", "6次"]
    assert from_file.doc.community == "枫林社区"


def test_a_string_is_never_guessed_to_be_a_path(tmp_path):
    path = tmp_path / "fenglin.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert nlp.parse_text(str(path)).facts == ()  # the path's characters are the text
    with pytest.raises(TypeError, match="parse_text"):
        nlp.parse(str(path))  # type: ignore[arg-type]


def test_the_package_exports_its_version_records_and_errors():
    assert nlp.__version__.count(".") >= 2
    assert nlp.Fact.__module__ == "nlp.records" and issubclass(nlp.ReadError, nlp.ZongjieError)
    assert (Path(nlp.__file__).parent / "py.typed").is_file()


def test_pipe_streams_documents_and_records_failures(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as archive:
        archive.writestr("inner/b.txt", TEXT.replace("38", "52"))
    items = list(nlp.pipe([tmp_path]))
    parsed = [i for i in items if isinstance(i, Parse)]
    failed = [i for i in items if isinstance(i, ReadError)]
    paths = sorted(p.doc.path for p in parsed)
    assert paths[0].endswith("a.txt") and paths[1].endswith("bundle.zip!inner/b.txt")
    assert [f.path.rsplit("/", 1)[-1] for f in failed] == ["empty.txt"]
    assert "empty" in failed[0].reason


def test_spacy_language_exposes_facts_and_sections():
    from nlp.output.spacy_doc import make_language

    language = make_language()
    doc = language(TEXT)
    assert [(s.text, s.label_) for s in doc.spans["facts"]] == [
        ("38名", "party_members"),
        ("4名", "party_committee_members"),
        ("6次", "theme_party_days"),
    ]
    assert doc._.zongjie.facts[0].subject == "党员"
    assert [s.label_ for s in doc.spans["sections"]] == ["level1"]
    assert "".join(t.text_with_ws for t in doc) == TEXT  # tokens cover the text exactly


def test_pipe_in_worker_processes_gives_the_same_records_in_the_same_order(tmp_path):
    for i, count in enumerate((38, 52, 63)):
        (tmp_path / f"{i}.txt").write_text(TEXT.replace("38", str(count)), encoding="utf-8")
    (tmp_path / "3.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    one = list(nlp.pipe([tmp_path], workers=1))
    two = list(nlp.pipe([tmp_path], workers=2))
    assert [type(x) for x in one] == [type(x) for x in two] == [Parse, Parse, Parse, ReadError]
    assert [x.to_dict() for x in one[:3]] == [x.to_dict() for x in two[:3]]
    assert str(one[3]) == str(two[3])


def test_stages_the_checks_do_not_need_can_be_skipped_without_changing_the_flags():
    raw = nlp.pipeline.read_text(TEXT + "全年走访困难家庭xx户,群众满意率95%。\n")
    full = nlp.pipeline.parse_raw(raw)
    lean = nlp.pipeline.parse_raw(raw, disable=["categories", "activities"])
    assert lean.activities == () and {f.category.value for f in lean.facts} == {"other"}
    assert full.activities and lean.flags == full.flags
    assert [(f.text, f.subject, f.indicator) for f in lean.facts] == [(f.text, f.subject, f.indicator) for f in full.facts]
