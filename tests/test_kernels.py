"""The optional C kernels (nlp/kernels.py): ZONGJIE_PURE_PYTHON keeps every module on its Python form."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("nlp.activities.crf_decode", "nlp.activities.word_marks", "nlp.activities.word_scan", "nlp.categories.grams", "nlp.categories.weights", "nlp.text.sentences", "nlp.text.tokens")


def _compiled_in_a_fresh_process(pure: bool) -> dict[str, bool]:
    script = (
        "import importlib, json\n"
        f"print(json.dumps({{m: importlib.import_module(m).COMPILED is not None for m in {MODULES!r}}}))"
    )
    env = {k: v for k, v in os.environ.items() if k != "ZONGJIE_PURE_PYTHON"}
    if pure:
        env["ZONGJIE_PURE_PYTHON"] = "1"
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    import json

    return json.loads(out.stdout)


def test_pure_python_in_the_environment_keeps_every_python_form() -> None:
    assert _compiled_in_a_fresh_process(pure=True) == dict.fromkeys(MODULES, False)


def test_a_kernel_is_used_exactly_where_it_was_built() -> None:
    built = {
        "nlp.activities.crf_decode": "nlp/activities/_crf",
        "nlp.activities.word_marks": "nlp/activities/_marks",
        "nlp.activities.word_scan": "nlp/activities/_scan",
        "nlp.categories.grams": "nlp/categories/_grams",
        "nlp.categories.weights": "nlp/categories/_totals",
        "nlp.text.sentences": "nlp/text/_sentences",
        "nlp.text.tokens": "nlp/text/_tokens",
    }
    expected = {m: any(ROOT.glob(stem + ".*.so")) or any(ROOT.glob(stem + ".*.pyd")) for m, stem in built.items()}
    assert _compiled_in_a_fresh_process(pure=False) == expected
