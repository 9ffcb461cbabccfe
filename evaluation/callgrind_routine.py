"""Instructions one routine executes, counted under valgrind's callgrind: the measure of a speed step
that the machine's load cannot move (what `bench_instructions` is for the whole pipeline).

    python -m evaluation.callgrind_routine SETUP.py

``SETUP.py`` is Python run once in a fresh interpreter with the checkout on ``sys.path``: it loads
what the routine needs and defines ``work()``. ``work()`` runs once as a warm-up, then once more
inside a ``functools.reduce``, and only that second call is counted (callgrind's
``--toggle-collect``). Prints the count in millions of instructions. Needs valgrind.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from evaluation.bench_instructions import callgrind_total
from evaluation.shared import ROOT


def count(setup: str, root: Path = ROOT) -> int:
    """The instructions of the second ``work()`` that ``setup`` defines."""
    script = f"import functools, sys\nsys.path.insert(0, {str(root)!r})\n{setup}\nwork()\nfunctools.reduce(lambda _, x: work(), [0], None)\n"
    return callgrind_total(script, "work()")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("setup", type=Path, help="Python file that defines work()")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 2
    print(f"{count(args.setup.read_text(encoding='utf-8')) / 1e6:.2f} M")
    return 0


if __name__ == "__main__":
    sys.exit(main())
