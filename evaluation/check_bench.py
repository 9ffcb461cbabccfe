"""Benchmark of the checks: planted errors and look-alike traps in real documents, per split.

Run ``python -m evaluation.check_bench --split dev|test|both [-v]``; ``run(split)`` returns the
figures.

Two splits, kept apart so that the test figures say what a new user would see:

- **dev**: the dev phrasings (evaluation/plants/dev/) planted into the development documents
  (``../shared/corpus`` seeds, dev, long). Checks are tuned on this only.
- **test**: the held-out phrasings (evaluation/plants/test/, which nobody opens) planted into the
  test documents (``../shared/corpus/fresh``). Only this command reads them, and for the test split
  it prints figures, never text (no list of misses or false alarms), so that nobody tunes a check
  on them. A run of one split reads only that split's phrasing files.

Method. Every document is checked as it is (the *clean* run), then copies of it are made
(``ROUNDS`` × the kind groups of ``evaluation.plant_errors`` plus a group of traps), each with
plants of several kinds whose checks do not feed each other. Per flag name:

- **recall** = plants with a finding of that name overlapping one of their spans / plants;
- **precision** = true findings / (true + false alarms) over the planted copies, where a finding is
  *true* when it overlaps a plant of its own name, *collateral* (not counted) when it overlaps a
  plant of another name, *known* (not counted) when the original already had a finding of that
  name on the same text, and a *false alarm* otherwise (a finding on a trap is a false alarm);
- **trap false-alarm rate** = traps with an error- or warning-severity finding on them / traps;
- **clean errors** = error-severity findings on the unmodified documents (target 0 on dev; on
  test the issue's target is at most 1).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from corpus.readers import read_path
from evaluation.plant_data import split_phrasings
from evaluation.plant_errors import GROUPS, KINDS, TRAP_GROUP, Plant, plant, template_paragraph
from evaluation.splits import shared_root
from nlp.checks import RULES, check_document
from nlp.pipeline import parse_raw
from nlp.records import Flag, Parse, RawDoc

FOLDERS = {"dev": ("seeds", "dev", "long"), "test": ("fresh",)}
SEED = 20261123
ROUNDS = 2
_QUIET_ON_TRAPS = frozenset({"error", "warning"})


@dataclass
class _Copy:
    parse: Parse
    plants: list[Plant]
    extra: list[Plant]  # truth that is not a plant of this copy (the source of a copied template)
    known: set[tuple[str, str]]


def _corpus_flags(parses: list[Parse]) -> dict[str, tuple[Flag, ...]]:
    from nlp.checks.corpus import check_corpus

    return check_corpus(parses)


def _raw(text: str, path: str) -> RawDoc:
    return RawDoc(id=hashlib.sha256(text.encode("utf-8")).hexdigest(), path=path, text=text, encoding="utf-8")


def _overlaps(flag: Flag, spans) -> bool:
    return any(flag.start < b and a < flag.end or flag.start == flag.end == a for a, b in spans)


def corpus_dir() -> Path:
    return shared_root() / "corpus"


def _files(split: str) -> list[Path]:
    return [p for folder in FOLDERS[split] for p in sorted((corpus_dir() / folder).glob("*.txt"))]


def _planted_copies(originals: list[Parse], known: list[set], split: str, seed: int) -> list[_Copy]:
    phrasings = split_phrasings(split)
    copies: list[_Copy] = []
    for round_ in range(ROUNDS):
        for g, kinds in enumerate((*GROUPS, TRAP_GROUP)):
            group: list[_Copy] = []
            donors: list[str | None] = []
            for i, p in enumerate(originals):
                rng = random.Random(seed * 31 + i * 7 + g + 1000 * round_)
                donor = (
                    template_paragraph(originals[(i + 1) % len(originals)], rng)
                    if "template_text" in kinds
                    else None
                )
                text, plants = plant(p, kinds, rng, phrasings, donor)
                copy = parse_raw(_raw(text, f"{p.doc.path}#planted{round_}.{g}"))
                group.append(_Copy(copy, list(plants), [], known[i]))
                donors.append(donor if any(pl.name == "template_text" for pl in plants) else None)
            for i, donor in enumerate(donors):  # the copied paragraph's source is truth too
                src = group[(i + 1) % len(group)]
                at = src.parse.original.find(donor) if donor else -1
                if donor and at < 0:  # another plant landed inside the source paragraph
                    at = src.parse.original.find(donor[:30])
                if at >= 0:
                    src.extra.append(Plant("template_text", ((at, at + len(donor)),), "source"))
            corpus_flags = _corpus_flags([c.parse for c in group]) if "template_text" in kinds else {}
            for c in group:
                flags = tuple(check_document(c.parse)) + corpus_flags.get(c.parse.doc.id, ())
                c.parse = dataclasses.replace(c.parse, flags=flags)
            copies += group
    return copies


def _reads_a_plant(flag: Flag, facts: dict, plants: list[Plant], name: str) -> bool:
    """A finding away from the plants that compares a figure with a planted one (an error
    plant's stated total, or an info finding on a trap's own figure) is their side effect."""
    for pl in plants:
        on_it = _overlaps(flag, pl.area)
        if not on_it and any(any(a <= facts[i].start < b for a, b in pl.area) for i in flag.facts if i in facts):
            return True
    for pl in plants:
        if pl.name == "trap" and _overlaps(flag, pl.area):
            return flag.severity.value not in _QUIET_ON_TRAPS  # on a trap, only info is harmless
    return False


def _score_name(name: str, copies: list[_Copy]) -> dict:
    planted = detected = true = false = collateral = known_n = 0
    alarms: list[str] = []
    missed: list[str] = []
    by_phrasing: Counter = Counter()
    missed_phrasing: Counter = Counter()
    for c in copies:
        own = [pl for pl in c.plants if pl.name == name]
        found = [f for f in c.parse.flags if f.name == name]
        planted += len(own)
        for pl in own:
            by_phrasing[pl.phrasing or pl.how] += 1
            if any(_overlaps(f, pl.spans) for f in found):
                detected += 1
            else:
                missed_phrasing[pl.phrasing or pl.how] += 1
                a, b = pl.spans[-1]
                missed.append(f"{c.parse.doc.path}: [{pl.phrasing or pl.how}] {c.parse.original[a:b][:80]!r}")
        truth = own + [pl for pl in c.extra if pl.name == name]
        others = [pl for pl in c.plants if pl.name != "trap"]
        facts = {f.id: f for f in c.parse.facts}
        for f in found:
            if any(_overlaps(f, pl.spans) for pl in truth):
                true += 1
            elif any(_overlaps(f, pl.spans) for pl in others) or _reads_a_plant(f, facts, c.plants, name):
                collateral += 1
            elif (f.name, c.parse.original[f.start : f.end]) in c.known:
                known_n += 1
            else:
                false += 1
                alarms.append(f"{c.parse.doc.path}:{f.line}:{f.col}: {f.code} {f.message}")
    return {
        "code": next((r.code for r in RULES.values() if r.name == name), "—"),
        "planted": planted,
        "detected": detected,
        "recall": detected / planted if planted else None,
        "true": true,
        "false": false,
        "collateral": collateral,
        "known": known_n,
        "precision": true / (true + false) if true + false else None,
        "false_alarms": alarms,
        "missed": missed,
        "missed_by_phrasing": dict(missed_phrasing),
        "planted_by_phrasing": dict(by_phrasing),
    }


def _score_traps(copies: list[_Copy]) -> dict:
    traps = alarmed = 0
    alarms: list[str] = []
    by_near: Counter = Counter()
    for c in copies:
        facts = {f.id: f for f in c.parse.facts}

        def from_another_plant(flag: Flag, own: Plant, c: _Copy = c, facts: dict = facts) -> bool:
            """A finding that reads a figure of another plant of the copy is interference."""
            return any(
                any(a <= facts[i].start < b for a, b in other.area)
                for i in flag.facts
                if i in facts
                for other in c.plants
                if other is not own
            )

        for pl in (pl for pl in c.plants if pl.name == "trap"):
            traps += 1
            hits = [
                f
                for f in c.parse.flags
                if f.severity.value in _QUIET_ON_TRAPS
                and _overlaps(f, pl.spans)
                and (f.name, c.parse.original[f.start : f.end]) not in c.known
                and not from_another_plant(f, pl)
            ]
            if hits:
                alarmed += 1
                by_near[pl.phrasing] += 1
                alarms += [f"{c.parse.doc.path}:{f.line}:{f.col}: [{pl.phrasing}] {f.code} {f.message}" for f in hits]
    return {"planted": traps, "alarmed": alarmed, "rate": alarmed / traps if traps else None,
            "list": alarms, "by_phrasing": dict(by_near)}


def run(split: str = "dev", seed: int = SEED) -> dict:
    """Plant, check, score one split. Returns {"names", "traps", "clean", "docs"}."""
    originals = [parse_raw(read_path(p)) for p in _files(split)]
    if not originals:
        raise FileNotFoundError(f"no documents for split {split} under {corpus_dir()}: set ZONGJIE_SHARED")
    base_corpus = _corpus_flags(originals)
    known = []
    clean_errors = []
    for p in originals:
        flags = list(check_document(p)) + list(base_corpus.get(p.doc.id, ()))
        known.append({(f.name, p.original[f.start : f.end]) for f in flags})
        clean_errors += [(p.doc.path, f) for f in flags if f.severity.value == "error"]
    copies = _planted_copies(originals, known, split, seed)
    return {
        "split": split,
        "docs": len(originals),
        "names": {name: _score_name(name, copies) for name in KINDS},
        "traps": _score_traps(copies),
        "clean": {
            "errors": len(clean_errors),
            "docs_with_errors": len({path for path, _ in clean_errors}),
            "by_name": dict(Counter(f.name for _, f in clean_errors)),
            "list": [f"{path}:{f.line}:{f.col}: {f.code} {f.name} {f.message}" for path, f in clean_errors],
        },
    }


_TEXT_KEYS = frozenset({"false_alarms", "missed", "list", "missed_by_phrasing", "by_phrasing"})


def figures(result: dict) -> dict:
    """A split's figures without any text of its documents (misses, alarms, flagged lines) and
    without which phrasing was missed, so that nothing invites tuning on the held-out ones."""

    def strip(d):
        return {k: strip(v) if isinstance(v, dict) else v for k, v in d.items() if k not in _TEXT_KEYS}

    return {**strip(result), "totals": _totals(result)}


def _pct(x: float | None) -> str:
    return "  —  " if x is None else f"{x:5.3f}"


def _totals(result: dict) -> dict:
    t = Counter()
    for r in result["names"].values():
        t.update({k: r[k] for k in ("planted", "detected", "true", "false")})
    return {
        **t,
        "recall": t["detected"] / t["planted"] if t["planted"] else None,
        "precision": t["true"] / (t["true"] + t["false"]) if t["true"] + t["false"] else None,
    }


def table(results: dict[str, dict]) -> str:
    """Per flag name, each split's planted count, recall and precision side by side."""
    splits = list(results)
    head = f"{'code':6} {'name':22}" + "".join(f" | {s:>4} n   recall  prec." for s in splits)
    lines = [head, "-" * len(head)]
    for name in KINDS:
        code = results[splits[0]]["names"][name]["code"]
        row = f"{code:6} {name:22}"
        for s in splits:
            r = results[s]["names"][name]
            row += f" | {r['planted']:6d}   {_pct(r['recall'])}  {_pct(r['precision'])}"
        lines.append(row)
    row = f"{'':6} {'all':22}"
    for s in splits:
        t = _totals(results[s])
        row += f" | {t['planted']:6d}   {_pct(t['recall'])}  {_pct(t['precision'])}"
    lines += ["-" * len(head), row, ""]
    for s in splits:
        tr, clean = results[s]["traps"], results[s]["clean"]
        lines.append(
            f"{s}: {results[s]['docs']} documents; traps {tr['planted']}, with a false alarm {tr['alarmed']} "
            f"(rate {_pct(tr['rate'])}); error flags on the unmodified documents: {clean['errors']} "
            f"in {clean['docs_with_errors']} documents {clean['by_name'] or ''}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "both"), default="dev")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms (dev only)")
    ap.add_argument("--json", action="store_true", help="the figures as JSON (no text of the test split)")
    args = ap.parse_args(argv)
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    results = {s: run(s) for s in splits}
    if args.json:
        print(json.dumps({s: figures(r) for s, r in results.items()}, ensure_ascii=False, indent=1))
        return
    print(table(results))
    if args.verbose and "dev" in results:
        dev = results["dev"]
        for line in dev["clean"]["list"]:
            print("clean error " + line)
        for line in dev["traps"]["list"]:
            print("trap alarm " + line)
        for name, r in dev["names"].items():
            for line in r["false_alarms"]:
                print(f"false alarm [{name}] {line}")
            for line in r["missed"]:
                print(f"missed [{name}] {line}")


if __name__ == "__main__":
    main()
