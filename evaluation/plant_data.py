"""The planted phrasings (evaluation/plants/*.toml) and their fixed dev/test split.

Every flag kind has many phrasings of its error in the genre's own style, and ``traps.toml`` has
look-alikes that must stay quiet. The phrasings were split at random ONCE into a dev half, which
the checks may be tuned on, and a held-out test half, planted only into the test documents at
scoring time. The split is recorded in ``plants/split.toml`` (with its seed) and never redrawn:
``python -m evaluation.plant_data --assign`` only places phrasings added later, each by a hash of
its id, so adding phrasings moves no existing one.
"""

from __future__ import annotations

import hashlib
import random
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from evaluation.plant_shapes import SHAPES, Scale

PLANTS = Path(__file__).parent / "plants"
SPLIT_FILE = PLANTS / "split.toml"
SPLIT_SEED = 20261206
SPLITS = ("dev", "test")


@dataclass(frozen=True)
class Phrasing:
    id: str
    kind: str  # the flag name it must raise, or "trap"
    shape: str
    sentences: tuple[str, ...]
    near: str | None = None  # for a trap: the check it resembles


@cache
def phrasings() -> tuple[Phrasing, ...]:
    """Every phrasing of every file, validated (known shape, slots the shape fills)."""
    out: list[Phrasing] = []
    for path in sorted(PLANTS.glob("*.toml")):
        if path == SPLIT_FILE:
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in data["phrasing"]:
            p = Phrasing(entry["id"], data["kind"], entry["shape"], tuple(entry["sentences"]), entry.get("near"))
            if p.shape not in SHAPES:
                raise ValueError(f"{path.name}: {p.id}: unknown shape {p.shape}")
            values = SHAPES[p.shape](random.Random(0), Scale())
            for s in p.sentences:
                s.format(**values)  # KeyError names a slot the shape does not fill
            out.append(p)
    ids = [p.id for p in out]
    if len(ids) != len(set(ids)):
        raise ValueError("phrasing ids must be unique")
    return tuple(out)


def _read_split() -> dict[str, list[str]]:
    if not SPLIT_FILE.is_file():
        return {s: [] for s in SPLITS}
    data = tomllib.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    return {s: list(data.get(s, [])) for s in SPLITS}


def split_phrasings(split: str) -> dict[str, list[Phrasing]]:
    """The phrasings of ``split`` ("dev" or "test") by kind. Fails on a phrasing not yet assigned."""
    assigned = _read_split()
    unassigned = [p.id for p in phrasings() if not any(p.id in assigned[s] for s in SPLITS)]
    if unassigned:
        raise ValueError(f"phrasings not in {SPLIT_FILE.name}: {unassigned}; run python -m evaluation.plant_data --assign")
    mine = set(assigned[split])
    by_kind: dict[str, list[Phrasing]] = defaultdict(list)
    for p in phrasings():
        if p.id in mine:
            by_kind[p.kind].append(p)
    return dict(by_kind)


def draw_split(items: list[Phrasing], seed: int = SPLIT_SEED) -> dict[str, list[str]]:
    """Half of each kind's phrasings to dev, half to test (an odd one out goes to test)."""
    rng = random.Random(seed)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for p in items:
        by_kind[p.kind].append(p.id)
    split: dict[str, list[str]] = {s: [] for s in SPLITS}
    for kind in sorted(by_kind):
        ids = sorted(by_kind[kind])
        rng.shuffle(ids)
        half = len(ids) // 2
        split["dev"] += sorted(ids[:half])
        split["test"] += sorted(ids[half:])
    return split


def _late_split(pid: str) -> str:
    return SPLITS[int(hashlib.sha256(f"{SPLIT_SEED}:{pid}".encode()).hexdigest(), 16) % 2]


def assign() -> dict[str, list[str]]:
    """Write split.toml: drawn once when absent; later only new phrasings are placed."""
    current = _read_split()
    if not any(current.values()):
        current = draw_split(list(phrasings()))
    else:
        for p in phrasings():
            if not any(p.id in current[s] for s in SPLITS):
                current[_late_split(p.id)].append(p.id)
    lines = [
        "# The fixed split of the planted phrasings (evaluation/plant_data.py). Drawn once at random",
        f"# with seed {SPLIT_SEED}, half of each kind to each side; phrasings added later are placed",
        "# by a hash of their id. Tune checks on dev only; test phrasings are planted only into the",
        "# test documents, by `python -m evaluation.check_bench --split test`.",
        f"seed = {SPLIT_SEED}",
    ]
    for s in SPLITS:
        lines.append(f"{s} = [")
        lines += [f'  "{pid}",' for pid in current[s]]
        lines.append("]")
    SPLIT_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return current


if __name__ == "__main__":
    if "--assign" in sys.argv[1:]:
        result = assign()
        print(", ".join(f"{s}: {len(ids)}" for s, ids in result.items()))
    else:
        counts = defaultdict(lambda: [0, 0])
        for s_index, s in enumerate(SPLITS):
            for kind, items in split_phrasings(s).items():
                counts[kind][s_index] = len(items)
        for kind, (d, t) in sorted(counts.items()):
            print(f"{kind:24} dev {d:3d}  test {t:3d}")
