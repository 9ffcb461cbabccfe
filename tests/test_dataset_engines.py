"""The local engine: outcomes in input order, and a worker that dies does not end the run."""

from __future__ import annotations

import hashlib
from datetime import datetime

from dataset_helpers import FIXTURES, work_that_crashes

from nlp.dataset.engines import run_local
from nlp.dataset.inputs import Held


def _held(name: str, data: bytes, seq: int) -> Held:
    return Held(hashlib.sha256(data).hexdigest(), name, name, data, {}, seq)


def test_a_document_that_kills_its_worker_becomes_an_error_row_and_the_rest_go_on():
    texts = [(FIXTURES / f).read_bytes() for f in ("qingmiao_2022h1.txt", "masked_summary.txt", "shiqiao_2022_final.txt")]
    held = [
        _held("a.txt", texts[0], 0),
        _held("b.txt", texts[1], 1),
        _held("bad.txt", texts[1] + "\n系统崩溃测试。".encode(), 2),
        _held("c.txt", texts[2], 3),
    ]
    outcomes = list(run_local(held, 2, datetime(2024, 1, 1), work=work_that_crashes))
    assert [o.path for o in outcomes] == ["a.txt", "b.txt", "bad.txt", "c.txt"]
    assert [o.error is None for o in outcomes] == [True, True, False, True]
    assert outcomes[2].error[1].startswith("the process parsing it died")
    assert all(o.rows["documents"][0][0] == o.doc_id for o in outcomes if o.error is None)
