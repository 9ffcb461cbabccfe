"""The planted phrasings (evaluation/plants/{dev,test}/*.toml) and their fixed dev/test split.

Every flag kind has many phrasings of its error in the genre's own style, and ``traps.toml`` has
look-alikes that must stay quiet. The phrasings were split at random ONCE into a dev half, which
the checks may be tuned on, and a held-out test half, planted only into the test documents at
scoring time. Where a phrasing's file lies IS its split: ``plants/dev/<kind>.toml`` holds the dev
half, ``plants/test/<kind>.toml`` the test half, so tuning on dev never shows a test phrasing.

``plants/split.toml`` keeps only what placing them needs: the seed, and the ids of the initial
draw per kind (``draw_split`` over them gives back which side each is on, which the tests hold the
folders to). A phrasing added later is not in that table: its side is drawn by a hash of its id
(``late_split``), so adding phrasings moves no existing one. Write it into ``plants/dev/<kind>.toml``
and run ``python -m evaluation.plant_data --assign``, which moves it into ``plants/test/`` when the
hash says so; the loader refuses a phrasing that lies on the wrong side.
"""

from __future__ import annotations

import hashlib
import random
import re
import sys
import tomllib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from evaluation.plant_shapes import SHAPES, Scale

PLANTS = Path(__file__).parent / "plants"
SPLIT_NAME = "split.toml"
SPLIT_SEED = 20261206
SPLITS = ("dev", "test")
_BLOCK = re.compile(r"(?m)^(?=\[\[phrasing\]\]\s*$)")
HALF_NOTE = {
    "dev": "# The dev half (evaluation/plant_data.py): tune the checks on these phrasings only.\n",
    "test": "# The held-out test half (evaluation/plant_data.py): planted only into the test documents by\n"
    "# `check_bench --split test`; never read these to write or tune a check.\n",
}


@dataclass(frozen=True)
class Phrasing:
    id: str
    kind: str  # the flag name it must raise, or "trap"
    shape: str
    sentences: tuple[str, ...]
    near: str | None = None  # for a trap: the check it resembles


def _read_file(path: Path) -> list[Phrasing]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for entry in data.get("phrasing", []):
        p = Phrasing(entry["id"], data["kind"], entry["shape"], tuple(entry["sentences"]), entry.get("near"))
        if p.shape not in SHAPES:
            raise ValueError(f"{path.name}: {p.id}: unknown shape {p.shape}")
        values = SHAPES[p.shape](random.Random(0), Scale())
        for s in p.sentences:
            s.format(**values)  # KeyError names a slot the shape does not fill
        out.append(p)
    return out


@cache
def load_half(split: str, root: Path = PLANTS) -> tuple[Phrasing, ...]:
    """The phrasings whose files lie in ``root/split``, validated (known shape, slots the shape
    fills), in file order; reads no file of the other half."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    out = [p for path in sorted((root / split).glob("*.toml")) for p in _read_file(path)]
    ids = [p.id for p in out]
    if len(ids) != len(set(ids)):
        raise ValueError(f"phrasing ids must be unique in plants/{split}/")
    return tuple(out)


@cache
def phrasings(root: Path = PLANTS) -> tuple[Phrasing, ...]:
    """Every phrasing of both halves (dev first). Fails on an id found in both."""
    both = set(p.id for p in load_half("dev", root)) & set(p.id for p in load_half("test", root))
    if both:
        raise ValueError(f"phrasing ids in both plants/dev/ and plants/test/: {sorted(both)}")
    return load_half("dev", root) + load_half("test", root)


@cache
def drawn(root: Path = PLANTS) -> dict[str, tuple[str, ...]]:
    """The ids of the initial draw, per kind (``[drawn]`` of split.toml)."""
    data = tomllib.loads((root / SPLIT_NAME).read_text(encoding="utf-8"))
    if data.get("seed") != SPLIT_SEED:
        raise ValueError(f"{SPLIT_NAME}: seed {data.get('seed')} is not {SPLIT_SEED}")
    return {kind: tuple(ids) for kind, ids in data["drawn"].items()}


def draw_split(by_kind: Mapping[str, Sequence[str]], seed: int = SPLIT_SEED) -> dict[str, list[str]]:
    """Half of each kind's ids to dev, half to test (an odd one out goes to test)."""
    rng = random.Random(seed)
    split: dict[str, list[str]] = {s: [] for s in SPLITS}
    for kind in sorted(by_kind):
        ids = sorted(by_kind[kind])
        rng.shuffle(ids)
        half = len(ids) // 2
        split["dev"] += sorted(ids[:half])
        split["test"] += sorted(ids[half:])
    return split


def late_split(pid: str) -> str:
    """The side of a phrasing added after the initial draw: a hash of its id."""
    return SPLITS[int(hashlib.sha256(f"{SPLIT_SEED}:{pid}".encode()).hexdigest(), 16) % 2]


@cache
def _initial_side(root: Path = PLANTS) -> dict[str, str]:
    return {pid: s for s, ids in draw_split(drawn(root)).items() for pid in ids}


def side_of(pid: str, root: Path = PLANTS) -> str:
    """Where phrasing ``pid`` belongs: its side in the initial draw, else the hash of its id."""
    return _initial_side(root).get(pid) or late_split(pid)


def split_phrasings(split: str, root: Path = PLANTS) -> dict[str, list[Phrasing]]:
    """The phrasings of ``split`` ("dev" or "test") by kind. Fails on one that lies on the wrong side."""
    wrong = [p.id for p in load_half(split, root) if side_of(p.id, root) != split]
    if wrong:
        raise ValueError(
            f"phrasings in plants/{split}/ that belong to the other side: {wrong}; "
            "run python -m evaluation.plant_data --assign"
        )
    by_kind: dict[str, list[Phrasing]] = defaultdict(list)
    for p in load_half(split, root):
        by_kind[p.kind].append(p)
    return dict(by_kind)


def _split_blocks(text: str) -> tuple[str, list[str]]:
    """A plants file as its header (comments, ``kind``) and one text block per ``[[phrasing]]``."""
    header, *blocks = _BLOCK.split(text)
    return header, [b.rstrip("\n") + "\n" for b in blocks]


def _join_blocks(header: str, blocks: list[str]) -> str:
    return header.rstrip("\n") + "\n" + "".join("\n" + b for b in blocks)


def assign(root: Path = PLANTS) -> list[tuple[str, str]]:
    """Move every phrasing that lies on the wrong side into the same-named file of the other half
    (made from this file's header when absent), its text kept as written. Returns (id, new side)."""
    moved: list[tuple[str, str]] = []
    incoming: dict[Path, list[str]] = defaultdict(list)
    headers: dict[Path, str] = {}
    for split in SPLITS:
        for path in sorted((root / split).glob("*.toml")):
            header, blocks = _split_blocks(path.read_text(encoding="utf-8"))
            keep = []
            for block in blocks:
                pid = tomllib.loads(block)["phrasing"][0]["id"]
                target = side_of(pid, root)
                if target == split:
                    keep.append(block)
                else:
                    incoming[root / target / path.name].append(block)
                    own_note = HALF_NOTE[target] + header.removeprefix(HALF_NOTE[split])
                    headers.setdefault(root / target / path.name, own_note)
                    moved.append((pid, target))
            if len(keep) != len(blocks):
                path.write_text(_join_blocks(header, keep), encoding="utf-8")
    for path, blocks in incoming.items():
        if path.is_file():
            header, present = _split_blocks(path.read_text(encoding="utf-8"))
        else:
            header, present = headers[path], []
        path.parent.mkdir(exist_ok=True)
        path.write_text(_join_blocks(header, present + blocks), encoding="utf-8")
    for fn in (load_half, phrasings):
        fn.cache_clear()
    return moved


if __name__ == "__main__":
    if "--assign" in sys.argv[1:]:
        for pid, side in assign():
            print(f"moved {pid} to plants/{side}/")
        print(", ".join(f"{s}: {len(load_half(s))}" for s in SPLITS))
    else:
        counts = defaultdict(lambda: [0, 0])
        for s_index, s in enumerate(SPLITS):
            for kind, items in split_phrasings(s).items():
                counts[kind][s_index] = len(items)
        for kind, (d, t) in sorted(counts.items()):
            print(f"{kind:24} dev {d:3d}  test {t:3d}")
