"""evaluation/bench_facts_ab.py compares the facts stage with another commit's in one process (no time is asserted)."""

import shutil
import subprocess
import sys

import pytest

from evaluation import bench_facts_ab
from evaluation.shared import ROOT

DOCUMENT = "幸福社区2023年工作总结\n一、基本情况\n社区现有党员41名，其中女党员16名。全年开展活动6次，走访困难户30户。\n"


def _in_a_git_checkout() -> bool:
    if shutil.which("git") is None:
        return False
    found = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True)
    return found.returncode == 0


@pytest.mark.skipif(not _in_a_git_checkout(), reason="needs git and a checkout with history")
def test_reports_the_stage_and_its_parts_for_both_sides(tmp_path, capsys):
    path = tmp_path / "report.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    times = bench_facts_ab.compare([path], "HEAD", repeat=1)
    assert set(times) == {"facts stage", *bench_facts_ab.PARTS}
    assert all(base > 0 and this > 0 for base, this in times.values())
    assert not any(name.startswith(bench_facts_ab.BASE) for name in sys.modules)  # unloaded
    bench_facts_ab.main([str(path), "--against", "HEAD", "--repeat", "1"])
    assert "facts stage" in capsys.readouterr().out
