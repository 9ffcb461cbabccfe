"""evaluation/bench_instructions: what it reads from callgrind, and how it says valgrind is missing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from evaluation import bench_instructions


def _callgrind_writing(output: str):  # noqa: ANN202
    """A stand-in for running valgrind: it writes ``output`` where callgrind would."""

    def fake_run(command: list[str], **_: object) -> subprocess.CompletedProcess[bytes]:
        out = next(arg.split("=", 1)[1] for arg in command if arg.startswith("--callgrind-out-file="))
        Path(out).write_text(output, encoding="utf-8")
        return subprocess.CompletedProcess(command, 0)

    return fake_run


def test_instructions_are_read_from_the_callgrind_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    summary = "events: Ir\nfn=x\n1 5\nsummary: 2429000000\ntotals: 2429000000\n"
    monkeypatch.setattr(bench_instructions.subprocess, "run", _callgrind_writing(summary))
    assert bench_instructions.instructions("pipeline", [Path("a.txt")], Path("b.txt")) == 2_429_000_000


def test_an_output_without_a_summary_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench_instructions.subprocess, "run", _callgrind_writing("events: Ir\n"))
    with pytest.raises(RuntimeError, match="no instruction total"):
        bench_instructions.instructions("jieba.lcut", [Path("a.txt")], Path("b.txt"))


def test_without_valgrind_it_says_so_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bench_instructions.shutil, "which", lambda _: None)
    assert bench_instructions.main([]) == 2
    assert "valgrind is not installed" in capsys.readouterr().out


def test_a_routine_is_counted_by_its_second_call_inside_the_reduce(monkeypatch: pytest.MonkeyPatch) -> None:
    from evaluation import callgrind_routine

    scripts: list[str] = []
    fake = _callgrind_writing("events: Ir\nsummary: 3160000\n")

    def recording_run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        scripts.append(command[-1])
        return fake(command, **kwargs)

    monkeypatch.setattr(bench_instructions.subprocess, "run", recording_run)
    setup = "def work():\n    return sum(range(10))\n"
    assert callgrind_routine.count(setup) == 3_160_000
    script = scripts[0]
    # the setup, then a warm-up call outside the collected reduce, then the counted one
    assert script.index(setup) < script.index("work()\nfunctools.reduce") < script.index("lambda _, x: work()")


def test_the_routine_counter_without_valgrind_exits_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from evaluation import callgrind_routine

    setup = tmp_path / "setup.py"
    setup.write_text("def work():\n    pass\n", encoding="utf-8")
    monkeypatch.setattr(callgrind_routine.shutil, "which", lambda _: None)
    assert callgrind_routine.main([str(setup)]) == 2
    assert "valgrind is not installed" in capsys.readouterr().err
