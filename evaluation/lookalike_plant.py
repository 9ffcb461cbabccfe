"""Look-alike traps planted into the long reports: how often a number that is not a figure is taken
as one in host documents nobody tuned on (tenth session, ACC10 step 1).

    python -m evaluation.lookalike_plant            # the rates, per half of the phrasings
    python -m evaluation.lookalike_plant -v         # also every trap of the tune half that failed

The phrasings (evaluation/lookalike_long/traps.toml, written for this benchmark) each hold numbers
that are not figures and, in some, figures; their slots are drawn with a fixed seed. ``ROUNDS``
copies of every report of ``corpus/long/`` get ``PER_COPY`` traps each, inserted after a 。 of the
report (``evaluation.plant_errors``' own placing), and the copy is parsed by the whole pipeline.
Inside each planted sentence a fact overlapping one of its expected figures is a hit, any other
fact a *look-alike taken*, an expected figure no fact overlaps a miss.

The phrasings are split in two halves by a hash of their id: ``tune`` (read its failures when
fixing a rule) and ``held`` (figures only). Reported per half: traps with a look-alike taken / traps,
and look-alikes taken / facts in the planted sentences (as ``zongjie evaluate``'s line).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation.lookalike_long import long_dir
from evaluation.plant_errors import Edit, _apply, _sentence_ends

TRAPS = Path(__file__).resolve().parent / "lookalike_long" / "traps.toml"
SEED = 20261207
ROUNDS = 3
PER_COPY = 8
_CN = "零一二三四五六七八九"


@dataclass(frozen=True)
class Trap:
    id: str
    sentence: str
    figures: tuple[str, ...]

    @property
    def half(self) -> str:
        return "tune" if hashlib.sha1(self.id.encode()).digest()[0] % 2 == 0 else "held"


def load_traps(path: Path = TRAPS) -> list[Trap]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Trap(t["id"], t["sentence"], tuple(t["figures"])) for t in data["trap"]]


def slots(rng: random.Random) -> dict[str, object]:
    """One drawing of every slot of the phrasings."""
    y, hh = rng.randrange(2016, 2026), rng.randrange(8, 12)
    a1 = rng.randrange(6, 13)
    return {
        "n": rng.randrange(2, 100), "n3": rng.randrange(100, 1000), "e": rng.randrange(1, 7),
        "y": y, "y2": y + 2, "m": rng.randrange(1, 13), "d": rng.randrange(1, 29), "k": rng.randrange(1, 13),
        "cn": _CN[rng.randrange(2, 10)], "cnk": "十" + _CN[rng.randrange(1, 10)],
        "hh": hh, "hh2": hh + 8, "hh3": rng.randrange(2, 6), "mm": rng.choice(["05", "15", "30", "45"]),
        "phone": f"1{rng.choice('3578')}{rng.randrange(10**8, 10**9)}",
        "tel": f"0{rng.randrange(100, 1000)}-{rng.randrange(10**6 * 2, 10**7)}",
        "hot": rng.choice(["12345", "12319", "96110", "12349"]),
        "room": rng.choice([101, 102, 201, 203, 305, 1208]), "bld": rng.randrange(1, 31), "u": rng.randrange(1, 7),
        "age": rng.choice([60, 65, 70, 80]), "a1": a1, "a2": a1 + rng.randrange(3, 7),
        "v": rng.choice(["2.0", "3.0", "4.0", "5.1"]), "id": rng.randrange(100000, 1000000),
        "doc": rng.randrange(1, 200), "pct": rng.randrange(90, 100),
    }  # fmt: skip


@dataclass(frozen=True)
class Planted:
    trap: Trap
    span: tuple[int, int]  # the sentence in the copy's original text
    figures: tuple[tuple[int, int], ...]  # the expected figures in it


def plant_copy(text: str, ends: list[int], traps: Sequence[Trap], rng: random.Random) -> tuple[str, list[Planted]]:
    """``text`` with ``traps`` inserted after sentence ends at least 40 characters apart."""
    rng.shuffle(ends)
    chosen: list[int] = []
    for pos in ends:
        if len(chosen) == len(traps):
            break
        if all(abs(pos - t) > 40 for t in chosen):
            chosen.append(pos)
    edits, filled = [], []
    for i, (pos, trap) in enumerate(zip(sorted(chosen), traps, strict=False)):
        values = slots(rng)
        sentence = trap.sentence.format(**values)
        filled.append((trap, sentence, [f.format(**values) for f in trap.figures]))
        edits.append(Edit(pos, pos, sentence, "lookalike", ((0, len(sentence)),), "insert", trap.id, i))
    new_text, plants = _apply(text, edits)
    out = []
    for (trap, _sentence, figures), plant in zip(filled, plants, strict=True):
        start, end = plant.spans[0]
        spans, cursor = [], end
        for fig in reversed(figures):  # from the right: a figure follows any date or code in its sentence
            at = new_text.rfind(fig, start, cursor)
            spans.append((at, at + len(fig)))
            cursor = at
        out.append(Planted(trap, (start, end), tuple(reversed(spans))))
    return new_text, out


def run(seed: int = SEED, rounds: int = ROUNDS) -> list[tuple[Planted, list[str], int]]:
    """Every planted trap with the look-alikes taken in it (their text) and its missed figures."""
    from corpus.readers import read_path
    from evaluation.check_bench import _raw
    from nlp.pipeline import parse_raw

    traps = load_traps()
    rng = random.Random(seed)
    results = []
    for path in sorted(long_dir().glob("L*.txt")):
        original = parse_raw(read_path(path))
        for _ in range(rounds):
            ends = _sentence_ends(original, 0)
            text, planted = plant_copy(original.original, ends, rng.sample(traps, PER_COPY), rng)
            parse = parse_raw(_raw(text, str(path)))
            for p in planted:
                facts = [f for f in parse.facts if f.start < p.span[1] and p.span[0] < f.end]
                taken = [f.text for f in facts if not any(f.start < b and a < f.end for a, b in p.figures)]
                missed = sum(not any(f.start < b and a < f.end for f in facts) for a, b in p.figures)
                results.append((p, taken, missed))
    return results


def summary(results: Sequence[tuple[Planted, list[str], int]], half: str) -> dict:
    rows = [r for r in results if r[0].trap.half == half]
    taken = sum(len(t) for _, t, _ in rows)
    figures = sum(len(p.figures) for p, _, _ in rows)
    missed = sum(m for _, _, m in rows)
    facts = taken + figures - missed
    return {
        "traps": len(rows),
        "with a look-alike taken": sum(bool(t) for _, t, _ in rows),
        "trap rate": round(sum(bool(t) for _, t, _ in rows) / len(rows), 3) if rows else None,
        "look-alikes taken / facts": f"{taken}/{facts} = {100 * taken / facts:.1f} %" if facts else None,
        "figures missed": f"{missed}/{figures}",
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evaluation.lookalike_plant", description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list the failed traps of the tune half")
    ap.add_argument("--rounds", type=int, default=ROUNDS)
    args = ap.parse_args(argv)
    results = run(rounds=args.rounds)
    for half in ("tune", "held"):
        print(half, summary(results, half))
    both = summary(results, "tune"), summary(results, "held")
    print("all", {"traps": both[0]["traps"] + both[1]["traps"]})
    if args.verbose:
        failed: Counter = Counter()
        for p, taken, missed in results:
            if p.trap.half == "tune" and (taken or missed):
                failed[(p.trap.id, tuple(taken), missed)] += 1
        for (tid, taken, missed), n in sorted(failed.items()):
            print(f"  {tid:32} taken {list(taken)} missed {missed} ×{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
