"""``prepare_process``: the models loaded before the first document and frozen out of the garbage
collector's reach in processes the library owns (pool workers), with the same records as without."""

from __future__ import annotations

import dataclasses
import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

import nlp
import nlp.pipeline
from nlp.records import Parse

ROOT = Path(__file__).resolve().parents[1]

TEXT = "幸福社区2024年工作总结\n一、党建引领\n社区现有党员38名，全年开展志愿服务活动15次，慰问困难老人22户。\n"

_CHILD = """
import gc, json, sys
sys.path.insert(0, {root!r})
from nlp import pipeline
if {prepared!r}:
    pipeline.prepare_process()
frozen = gc.get_freeze_count()
count, asked = gc.get_freeze_count, []
gc.get_freeze_count = lambda: asked.append(1) or count()
record = pipeline.parse_text({text!r}).to_dict()
gc.get_freeze_count = count
print(json.dumps({{"frozen": frozen, "asked": len(asked), "after": count(), "record": record}}, ensure_ascii=False, default=str))
"""


def _run(prepared: bool) -> dict:
    script = _CHILD.format(root=str(ROOT), prepared=prepared, text=TEXT)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def test_a_prepared_process_has_its_models_frozen_and_parses_the_same():
    plain, prepared = _run(False), _run(True)
    assert plain["frozen"] == 0
    assert prepared["frozen"] > 10_000  # the loaded models and vocabularies, tens of thousands of objects
    assert prepared["record"] == plain["record"]
    assert prepared["record"]["facts"]


def test_a_prepared_process_parses_without_counting_its_frozen_objects():
    """Counting the frozen objects walks all of them (milliseconds a document): a prepared process
    knows they are there, and its parse leaves them frozen."""
    plain, prepared = _run(False), _run(True)
    assert plain["asked"] >= 1 and plain["after"] == 0
    assert prepared["asked"] == 0
    assert prepared["after"] > 10_000


def test_workers_whose_preparation_fails_still_parse_every_document(tmp_path, monkeypatch):
    def broken(disable=()):
        raise RuntimeError("a model could not be read")

    monkeypatch.setattr(nlp.pipeline, "prepare_process", broken)  # the forked workers inherit it
    for i, count in enumerate((38, 45)):
        (tmp_path / f"{i}.txt").write_text(TEXT.replace("38", str(count)), encoding="utf-8")
    results = list(nlp.pipe([tmp_path], workers=2))
    assert [type(r) for r in results] == [Parse, Parse]
    assert [r.facts[0].value for r in results] == [38, 45]


class _Cycle:
    """An object in a reference cycle, noting when the collector frees it."""

    freed: list[str] = []

    def __init__(self, name: str) -> None:
        self.name, self.me = name, self

    def __del__(self) -> None:
        _Cycle.freed.append(self.name)


def _noting_the_freeze(monkeypatch) -> dict[str, int]:
    """Every stage notes the collector's freeze count as it starts, in the dict returned."""
    seen: dict[str, int] = {}

    def noting(stage):
        def run(parse, raw):
            seen[stage.name] = gc.get_freeze_count()
            return stage.run(parse, raw)

        return dataclasses.replace(stage, run=run)

    monkeypatch.setattr(nlp.pipeline, "STAGES", tuple(map(noting, nlp.pipeline.STAGES)))
    return seen


def test_a_parse_sets_the_older_objects_aside_and_hands_them_back(monkeypatch):
    """During a parse the objects made before it are frozen, and what each stage made is frozen
    before the next (the collector's full collections walk only the running stage's objects);
    afterwards nothing is left frozen and a cycle made before the parse is collected as before."""
    seen = _noting_the_freeze(monkeypatch)
    _Cycle.freed.clear()
    _Cycle("before")
    assert gc.get_freeze_count() == 0
    parse = nlp.pipeline.parse_text(TEXT)
    assert seen["outline"] > 1000  # the models and every object made before the parse
    assert seen["facts"] > seen["outline"]  # and what the outline and meta stages made
    assert gc.get_freeze_count() == 0
    assert parse.sections and parse.facts
    gc.collect()
    assert "before" in _Cycle.freed


def test_a_process_that_froze_its_own_objects_keeps_them_frozen():
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        nlp.pipeline.parse_text(TEXT)
        assert gc.get_freeze_count() == before
    finally:
        gc.unfreeze()


def _noting_the_threshold(monkeypatch, seen: dict[str, int], failing: str | None = None) -> None:
    def wrapped(stage):
        def run(parse, raw):
            seen[stage.name] = gc.get_threshold()[0]
            if stage.name == failing:
                raise RuntimeError("a stage that fails")
            return stage.run(parse, raw)

        return dataclasses.replace(stage, run=run)

    monkeypatch.setattr(nlp.pipeline, "STAGES", tuple(map(wrapped, nlp.pipeline.STAGES)))


def test_a_parse_makes_young_collections_rarer_and_restores_the_callers_thresholds(monkeypatch):
    from nlp.collector import PARSE_YOUNG_THRESHOLD

    seen: dict[str, int] = {}
    _noting_the_threshold(monkeypatch, seen)
    before = gc.get_threshold()
    gc.set_threshold(900, 11, 12)
    try:
        parse = nlp.pipeline.parse_text(TEXT)
        assert set(seen.values()) == {PARSE_YOUNG_THRESHOLD}
        assert gc.get_threshold() == (900, 11, 12)
        assert parse.facts
        gc.set_threshold(50_000, 11, 12)  # a caller's own higher threshold is kept
        nlp.pipeline.parse_text(TEXT)
        assert set(seen.values()) == {50_000}
        assert gc.get_threshold() == (50_000, 11, 12)
    finally:
        gc.set_threshold(*before)


def test_the_thresholds_are_restored_when_a_stage_fails(monkeypatch):
    from nlp.collector import PARSE_YOUNG_THRESHOLD

    seen: dict[str, int] = {}
    _noting_the_threshold(monkeypatch, seen, failing="facts")
    before = gc.get_threshold()
    with pytest.raises(RuntimeError, match="a stage that fails"):
        nlp.pipeline.parse_text(TEXT)
    assert seen["facts"] == PARSE_YOUNG_THRESHOLD
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_parse_beside_another_threads_parse_sets_nothing_aside(monkeypatch):
    """While another thread's parse runs, a parse freezes nothing (those objects are not its own)
    and gives the same record as alone; afterwards nothing is frozen and the thresholds are back."""
    from nlp.collector import fewer_young_collections

    alone = nlp.pipeline.parse_text(TEXT).to_dict()
    thresholds = gc.get_threshold()
    seen = _noting_the_freeze(monkeypatch)
    with fewer_young_collections():  # what another thread's parse holds while it runs
        beside = nlp.pipeline.parse_text(TEXT).to_dict()
    assert set(seen.values()) == {0}
    assert beside == alone
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds


def test_parses_in_threads_give_the_records_of_parses_one_after_another():
    from concurrent.futures import ThreadPoolExecutor

    texts = [TEXT.replace("38", str(n)) for n in range(30, 38)]
    one_by_one = [nlp.pipeline.parse_text(text).to_dict() for text in texts]
    thresholds = gc.get_threshold()
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = [parse.to_dict() for parse in pool.map(nlp.pipeline.parse_text, texts)]
    assert threaded == one_by_one
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds
