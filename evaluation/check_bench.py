"""Benchmark of the checks: planted errors in real documents, and false alarms on clean ones.

Run ``python -m evaluation.check_bench [FOLDER...] [-v]`` for the table (folders of the corpus,
default seeds dev long; -v lists every false alarm); ``run()`` returns the figures.

Method. Every real document of the shared corpus ($ZONGJIE_SHARED or ../shared: dev, seeds, long) is checked as it is (the
*clean* run), then three copies of it are made, each with errors of several kinds planted by
``evaluation.plant_errors`` (kinds grouped so that plants do not feed each other's checks). Per
flag name:

- **recall** = planted errors with a finding of that name overlapping one of their spans / plants;
- **precision** = true findings / (true + false alarms) over the planted copies, where a finding is
  *true* when it overlaps a plant of its own name, *collateral* (not counted) when it overlaps a plant
  of another name, *known* (not counted) when the original already had a finding of that name on the
  same text, and a *false alarm* otherwise;
- **clean errors**: error-severity findings on the unplanted documents (target ≤ 1 per 20 documents;
  each one is listed so it can be read).
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from corpus.readers import read_path
from evaluation.plant_errors import GROUPS, KINDS, Plant, plant, template_paragraph
from evaluation.splits import shared_root
from nlp.checks import RULES, check_document
from nlp.pipeline import parse_raw
from nlp.records import Flag, Parse, RawDoc

CORPUS = shared_root() / "corpus"
FOLDERS = ("seeds", "dev", "long")
SEED = 20261123


@dataclass
class _Copy:
    parse: Parse
    plants: list[Plant]
    extra: list[Plant]  # truth that is not a plant of this copy (the source of a copied template)
    known: set[tuple[str, str]]


def _corpus_flags(parses: list[Parse]) -> dict[str, tuple[Flag, ...]]:
    try:
        from nlp.checks.corpus import check_corpus
    except ImportError:
        return {}
    return check_corpus(parses)


def _raw(text: str, path: str) -> RawDoc:
    return RawDoc(id=hashlib.sha256(text.encode("utf-8")).hexdigest(), path=path, text=text, encoding="utf-8")


def _overlaps(flag: Flag, spans) -> bool:
    return any(flag.start < b and a < flag.end or flag.start == flag.end == a for a, b in spans)


def _files(folders=FOLDERS) -> list[Path]:
    return [p for folder in folders for p in sorted((CORPUS / folder).glob("*.txt"))]


def run(folders=FOLDERS, seed: int = SEED) -> dict:
    """Plant, check, score. Returns {"names": {name: {...}}, "clean": {...}, "docs": int}."""
    originals = [parse_raw(read_path(p)) for p in _files(folders)]
    base_corpus = _corpus_flags(originals)
    known = []
    clean_errors = []
    for p in originals:
        flags = list(check_document(p)) + list(base_corpus.get(p.doc.id, ()))
        known.append({(f.name, p.original[f.start : f.end]) for f in flags})
        clean_errors += [(p.doc.path, f) for f in flags if f.severity.value == "error"]

    copies: list[_Copy] = []
    for g, kinds in enumerate(GROUPS):
        group: list[_Copy] = []
        donors: list[str | None] = []
        for i, p in enumerate(originals):
            rng = random.Random(seed * 31 + i * 7 + g)
            donor = (
                template_paragraph(originals[(i + 1) % len(originals)], rng)
                if "template_text" in kinds
                else None
            )
            text, plants = plant(p, kinds, rng, donor)
            copy = parse_raw(_raw(text, f"{p.doc.path}#planted{g}"))
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

    names: dict[str, dict] = {}
    for name in KINDS:
        planted = detected = true = false = collateral = known_n = 0
        alarms: list[str] = []
        missed: list[str] = []
        for c in copies:
            own = [pl for pl in c.plants if pl.name == name]
            found = [f for f in c.parse.flags if f.name == name]
            planted += len(own)
            for pl in own:
                if any(_overlaps(f, pl.spans) for f in found):
                    detected += 1
                else:
                    a, b = pl.spans[-1]
                    missed.append(f"{c.parse.doc.path}: {c.parse.original[a:b][:80]!r}")
            truth = own + [pl for pl in c.extra if pl.name == name]
            for f in found:
                if any(_overlaps(f, pl.spans) for pl in truth):
                    true += 1
                elif any(_overlaps(f, pl.spans) for pl in c.plants):
                    collateral += 1
                elif (f.name, c.parse.original[f.start : f.end]) in c.known:
                    known_n += 1
                else:
                    false += 1
                    alarms.append(f"{c.parse.doc.path}:{f.line}:{f.col}: {f.code} {f.message}")
        code = next((r.code for r in RULES.values() if r.name == name), "—")
        names[name] = {
            "code": code,
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
        }
    return {
        "docs": len(originals),
        "names": names,
        "clean": {
            "errors": len(clean_errors),
            "per_20_docs": 20 * len(clean_errors) / max(1, len(originals)),
            "list": [f"{path}:{f.line}:{f.col}: {f.code} {f.name} {f.message}" for path, f in clean_errors],
        },
    }


def _pct(x: float | None) -> str:
    return "   —  " if x is None else f"{x:6.3f}"


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    folders = tuple(a for a in argv if not a.startswith("-")) or FOLDERS
    result = run(folders)
    print(
        f"{'code':6} {'name':24} {'planted':>7} {'found':>6} {'recall':>7} {'true':>5} {'false':>6} {'coll.':>6} {'known':>6} {'precision':>9}"
    )
    totals = Counter()
    for name, r in result["names"].items():
        print(
            f"{r['code']:6} {name:24} {r['planted']:7d} {r['detected']:6d} {_pct(r['recall']):>7} "
            f"{r['true']:5d} {r['false']:6d} {r['collateral']:6d} {r['known']:6d} {_pct(r['precision']):>9}"
        )
        totals.update({k: r[k] for k in ("planted", "detected", "true", "false")})
    print(
        f"{'':6} {'all':24} {totals['planted']:7d} {totals['detected']:6d} "
        f"{_pct(totals['detected'] / max(1, totals['planted'])):>7} {totals['true']:5d} {totals['false']:6d}"
        f"{'':14} {_pct(totals['true'] / max(1, totals['true'] + totals['false'])):>9}"
    )
    clean = result["clean"]
    print(
        f"\nclean documents: {result['docs']}, error-severity flags: {clean['errors']} ({clean['per_20_docs']:.2f} per 20 documents)"
    )
    for line in clean["list"]:
        print("  " + line)
    if "-v" in argv:
        for name, r in result["names"].items():
            for line in r["false_alarms"]:
                print(f"false alarm [{name}] {line}")
            for line in r["missed"]:
                print(f"missed [{name}] {line}")


if __name__ == "__main__":
    main()
