"""evaluation/bench_instructions: what it reads from callgrind, and how it says valgrind is missing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from evaluation import bench_instructions


def test_instructions_are_read_from_the_callgrind_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_run(command: list[str], **_: object) -> subprocess.CompletedProcess[bytes]:
        out = next(arg.split("=", 1)[1] for arg in command if arg.startswith("--callgrind-out-file="))
        Path(out).write_text("events: Ir\nfn=x\n1 5\nsummary: 2429000000\ntotals: 2429000000\n", encoding="utf-8")
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(bench_instructions.subprocess, "run", fake_run)
    assert bench_instructions.instructions("pipeline", [Path("a.txt")], Path("b.txt")) == 2_429_000_000


def test_an_output_without_a_summary_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_run(command: list[str], **_: object) -> subprocess.CompletedProcess[bytes]:
        out = next(arg.split("=", 1)[1] for arg in command if arg.startswith("--callgrind-out-file="))
        Path(out).write_text("events: Ir\n", encoding="utf-8")
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(bench_instructions.subprocess, "run", fake_run)
    with pytest.raises(RuntimeError, match="no instruction total"):
        bench_instructions.instructions("jieba.lcut", [Path("a.txt")], Path("b.txt"))


def test_without_valgrind_it_says_so_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bench_instructions.shutil, "which", lambda _: None)
    assert bench_instructions.main([]) == 2
    assert "valgrind is not installed" in capsys.readouterr().out
