"""The SPEC section 3 contract on every document we have: schema-valid JSON, exact offsets."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluation.shared import corpus_documents
from nlp.pipeline import parse_file, parse_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((Path(__file__).parent / "parse.schema.json").read_text(encoding="utf-8"))
DOCUMENTS = sorted((ROOT / "corpus" / "samples").glob("*.txt")) + sorted((Path(__file__).parent / "fixtures").glob("*.txt"))
DOCUMENTS += corpus_documents()  # the shared development folders, when present


@pytest.fixture(scope="module", params=DOCUMENTS, ids=lambda p: p.name)
def parsed(request):
    return parse_file(request.param)


def test_record_is_valid_against_the_spec_schema(parsed):
    jsonschema.validate(parsed.to_dict(), SCHEMA)


def test_every_span_is_an_exact_slice_of_the_original(parsed):
    text = parsed.original
    for fact in parsed.facts:
        assert text[fact.start : fact.end] == fact.text
    for activity in parsed.activities:
        assert text[activity.start : activity.end] == activity.text
    for section in parsed.sections:
        assert text[section.start : section.start + len(section.label)] == section.label
        assert 0 <= section.start < section.end <= len(text)
    for flag in parsed.flags:
        assert 0 <= flag.start <= flag.end <= len(text)


def test_ids_and_references_hold_together(parsed):
    section_ids = {s.id for s in parsed.sections}
    fact_ids = {f.id for f in parsed.facts}
    assert [f.id for f in parsed.facts] == list(range(len(parsed.facts)))
    assert all(s.parent is None or s.parent in section_ids for s in parsed.sections)
    assert all(f.section is None or f.section in section_ids for f in parsed.facts)
    assert all(set(a.facts) <= fact_ids for a in parsed.activities)
    assert all(set(f.facts) <= fact_ids for f in parsed.flags)


def test_a_fact_lies_inside_its_section(parsed):
    sections = {s.id: s for s in parsed.sections}
    for fact in parsed.facts:
        if fact.section is not None:
            section = sections[fact.section]
            assert section.start <= fact.start and fact.end <= section.end


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(list("一二三四五六七八九十百千万亿两余多约近以上下xX×*_%％元人户次名个、，。；：（）()\n 0123456789.-—社区党员开展活动计划"))
        | st.characters(),
        max_size=200,
    )
)
def test_parsing_any_string_never_raises_and_offsets_hold(text):
    result = parse_text(text + "\n")  # a newline keeps a short string from being taken for a path
    for fact in result.facts:
        assert result.original[fact.start : fact.end] == fact.text
    jsonschema.validate(result.to_dict(), SCHEMA)
