"""The dask engine on a LocalCluster gives the local engine's tables."""

from __future__ import annotations

import pytest
from dataset_helpers import assert_same_tables, copy_fixtures

from nlp.dataset import extract, load

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


def test_dask_engine_equals_local_engine(tmp_path):
    archive = copy_fixtures(tmp_path / "archive")
    (archive / "empty.txt").write_bytes(b"")
    local = tmp_path / "local.duckdb"
    extract([archive], local, jobs=1)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        remote = tmp_path / "dask.duckdb"
        summary = extract([archive], remote, engine="dask", scheduler=cluster.scheduler_address)
        assert summary.added == 6 and len(summary.errors) == 1
        assert_same_tables(load(remote), load(local))
        again = extract([archive], remote, engine="dask", scheduler=cluster.scheduler_address)
        assert again.added == 0 and again.skipped == 6


def test_unreachable_scheduler_is_one_clear_error(tmp_path, monkeypatch):
    from nlp.dataset import dask_engine
    from nlp.errors import ZongjieError

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")

    archive = copy_fixtures(tmp_path / "archive")
    with pytest.raises(ZongjieError, match="cannot reach the dask scheduler"):
        extract([archive], tmp_path / "d.duckdb", engine="dask", scheduler="tcp://127.0.0.1:9")


def test_a_failed_task_costs_only_its_document():
    import hashlib
    from datetime import datetime

    from dataset_helpers import FIXTURES, work_that_raises

    from nlp.dataset.dask_engine import run_dask
    from nlp.dataset.inputs import Held

    texts = [(FIXTURES / f).read_bytes() for f in ("masked_summary.txt", "untitled_report.txt")]
    datas = [texts[0], texts[1] + "\n系统崩溃测试。".encode(), texts[1]]
    held = [Held(hashlib.sha256(d).hexdigest(), f"{i}.txt", f"{i}.txt", d, {}, i) for i, d in enumerate(datas)]
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        outcomes = list(run_dask(held, cluster.scheduler_address, 1, datetime(2024, 1, 1), work=work_that_raises))
    assert [o.path for o in outcomes] == ["0.txt", "1.txt", "2.txt"]
    assert [o.error is None for o in outcomes] == [True, False, True]
    assert outcomes[1].error[1] == "the dask task parsing it failed (RuntimeError)"
    assert outcomes[0].rows["facts"].num_rows + outcomes[2].rows["facts"].num_rows > 0
