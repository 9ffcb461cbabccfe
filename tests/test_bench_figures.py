"""evaluation/bench_figures.py runs on any documents and reports every part (no time is asserted)."""

from evaluation import bench_figures

DOCUMENT = "幸福社区2023年工作总结\n一、基本情况\n社区现有党员41名，其中女党员16名。全年开展活动6次，走访困难户30户。\n"


def test_reports_every_stage_and_part(tmp_path, capsys):
    path = tmp_path / "report.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    stages = bench_figures.stage_times([path], repeat=1)
    assert set(stages) == {"normalize", "figures", "Text", "facts", "segmenting"}
    assert 0 < stages["segmenting"] <= stages["facts"]  # the facts stage segments the clauses it reads
    parts = bench_figures.facts_parts([path], repeat=1)
    assert set(parts) == {"look-alike filter", "subjects", "planned", "resolution", "records"}
    bench_figures.main([str(path), "--repeat", "1"])
    assert "figures" in capsys.readouterr().out
