"""Blind labels on real held-out figures: the long government reports (corpus/long/), outside the
excerpts evaluation/gold/dev/facts/ already annotates.

    python -m evaluation.comparable_blind list [--n 150] [--seed 10]   # sentence and span only
    python -m evaluation.comparable_blind score [--failures] [--json]  # labels against the pipeline
    python -m evaluation.comparable_blind list --second                # the second sample (150, seed 11)
    python -m evaluation.comparable_blind score --second [--failures]
    python -m evaluation.comparable_blind list --third                 # the third sample (comp17, seed 17)
    python -m evaluation.comparable_blind score --third [--failures]

``list`` prints a sample of candidate figures (facts the pipeline detects whose unit some SPEC
section 4 indicator is counted in), each as its id and its sentence with the figure in 【】, and
nothing the pipeline resolved, so that they can be labelled from the printed sentence alone (SPEC +
GUIDELINES; in a government's own report 全国/全省/全市 figures are the unit's). The labels live in
evaluation/contrast/long_blind_labels.tsv: ``id``, ``indicator`` (``-`` = null), ``breakdown``
(``-`` = null, else ``dim=words;dim=words``), ``scope``, ``note``.

``score`` reads the labels and the pipeline's resolution of the same figures: the triple (indicator
among the SPEC ids, else null; breakdown null-or-not and scope when an indicator is labelled) and comparable P/R/F1 as in
evaluation/comparable_contrast.py.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from evaluation import splits
from evaluation.gold import read_gold_json
from evaluation.scorer import comparable
from nlp.figures.indicators import by_id
from nlp.pipeline import parse_file

LABELS = Path(__file__).parent / "contrast" / "long_blind_labels.tsv"
# the second sample (eleventh session): figures the first left out, drawn mostly among those the pipeline
# gives a SPEC section 4 indicator (where a column is won or lost), the rest among the others
LABELS_2 = Path(__file__).parent / "contrast" / "long_blind_labels_2.tsv"
# the third sample (fourteenth session, comp17): figures neither earlier sample took, whose clause names
# something a community comparison could count (people, households, members, welfare groups, activities,
# disputes, volunteers, money, areas)
LABELS_3 = Path(__file__).parent / "contrast" / "long_blind_labels_3.tsv"
COUNTABLE_WORDS = (
    "党员 党组织 低保 特困 五保 困难 老人 老年 养老 残疾 儿童 学生 活动 纠纷 矛盾 信访 案件 巡逻 志愿 "
    "人口 居民 群众 农户 家庭 户 人次 就业 失业 培训 投资 投入 资金 补助 补贴 救助 慰问 走访 捐 "
    "满意 面积 亩 公顷 平方米"
).split()
SPEC_IDS = (
    "population_total households_total population_resident population_floating party_members "
    "low_income_households low_income_persons disabled_persons elderly_persons volunteers "
    "volunteer_activities disputes_mediated mediation_success_rate satisfaction_rate patrols "
    "criminal_cases activities_held participants trainings trainees employed_persons "
    "unemployed_persons investment_yuan funds_disbursed_yuan donations_yuan households_visited "
    "problems_resolved_rate party_lessons theme_party_days"
).split()
_STOPS = "。；;！？\n"


@dataclass(frozen=True)
class Candidate:
    id: str
    doc: str
    start: int
    end: int
    sentence: str  # the figure marked with 【】


def _long_dir() -> Path:
    return splits.shared_root() / "corpus" / "long"


@cache
def _parsed(name: str):
    return parse_file(_long_dir() / name)


def _excerpt_spans(name: str, text: str) -> list[tuple[int, int]]:
    gold = Path(__file__).parent / "gold" / "dev" / "facts" / (Path(name).stem + ".json")
    if not gold.exists():
        return []
    spans = []
    for excerpt in read_gold_json(gold).get("excerpts", []):
        at = text.find(excerpt)
        if at >= 0:
            spans.append((at, at + len(excerpt)))
    return spans


def _units() -> frozenset[str]:
    return frozenset(u for i in SPEC_IDS if (ind := by_id(i)) for u in ind.units)


def candidates() -> list[Candidate]:
    """Every candidate figure of the long reports, in document order."""
    units = _units()
    found = []
    for path in sorted(_long_dir().glob("L*.txt")):
        parse = _parsed(path.name)
        with path.open(encoding="utf-8", newline="") as handle:  # CRLF kept: offsets are the decoded original's
            text = handle.read()
        excerpts = _excerpt_spans(path.name, text)
        for fact in parse.facts:
            if text[fact.start : fact.end] != fact.text:
                raise ValueError(f"{path.name}: the text at {fact.start} is not {fact.text!r}")
            if fact.unit not in units or any(a <= fact.start < b for a, b in excerpts):
                continue
            left = max((text.rfind(c, 0, fact.start) for c in _STOPS), default=-1) + 1
            right = min((i for c in _STOPS if (i := text.find(c, fact.end)) >= 0), default=len(text))
            left, right = max(left, fact.start - 90), min(right + 1, fact.end + 60)
            sentence = text[left : fact.start] + "【" + text[fact.start : fact.end] + "】" + text[fact.end : right]
            found.append(Candidate(f"{path.stem}:{fact.start}", path.name, fact.start, fact.end, sentence.strip()))
    return found


def sample(n: int, seed: int) -> list[Candidate]:
    pool = candidates()
    chosen = random.Random(seed).sample(pool, min(n, len(pool)))
    return sorted(chosen, key=lambda c: (c.doc, c.start))


def sample_2(n_indicator: int = 90, n_other: int = 60, seed: int = 11) -> list[Candidate]:
    """The second sample: outside the first, ``n_indicator`` figures among those the pipeline gives a
    SPEC section 4 indicator and ``n_other`` among the rest, in document order (which stratum a figure
    is drawn from is not printed, so the labels are read from the sentence alone). The strata are
    the pipeline's at the commit that drew the sample (2a9b5f8): the sample itself is the ids of
    long_blind_labels_2.tsv, which ``score --second`` reads; ``list --second`` at a later commit
    draws another one."""
    first = {row["id"] for row in csv.DictReader(LABELS.open(encoding="utf-8"), delimiter="\t")}
    pool = [c for c in candidates() if c.id not in first]
    with_indicator = [c for c in pool if _fact(c.doc, c.start).indicator in SPEC_IDS]
    others = [c for c in pool if _fact(c.doc, c.start).indicator not in SPEC_IDS]
    rng = random.Random(seed)
    chosen = rng.sample(with_indicator, min(n_indicator, len(with_indicator))) + rng.sample(others, min(n_other, len(others)))
    return sorted(chosen, key=lambda c: (c.doc, c.start))


def _clause(c: Candidate) -> str:
    """The figure's clause as printed: from the last comma or stop before it to a few characters after."""
    at = c.sentence.index("【")
    left = max(c.sentence.rfind(p, 0, at) for p in "，,。；;：:") + 1
    return c.sentence[left : c.sentence.index("】") + 8]


def sample_3(n_indicator: int = 30, n_other: int = 130, seed: int = 17) -> list[Candidate]:
    """The third sample: outside the first two, every figure (up to ``n_indicator``) the pipeline gives a
    SPEC section 4 indicator and ``n_other`` among the rest whose clause names one of
    COUNTABLE_WORDS, in document order (the stratum is not printed). Drawn at the commit that added it;
    ``score --third`` reads the ids of long_blind_labels_3.tsv."""
    earlier = {row["id"] for path in (LABELS, LABELS_2)
               for row in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t")}
    pool = [c for c in candidates() if c.id not in earlier]
    with_indicator = [c for c in pool if _fact(c.doc, c.start).indicator in SPEC_IDS]
    others = [c for c in pool if _fact(c.doc, c.start).indicator not in SPEC_IDS
              and any(w in _clause(c) for w in COUNTABLE_WORDS)]
    rng = random.Random(seed)
    chosen = rng.sample(with_indicator, min(n_indicator, len(with_indicator))) + rng.sample(others, min(n_other, len(others)))
    return sorted(chosen, key=lambda c: (c.doc, c.start))


def _fact(doc: str, start: int):
    """The pipeline's fact at ``start`` of ``doc``, None when it no longer detects one there."""
    return next((f for f in _parsed(doc).facts if f.start == start), None)


def _read_breakdown(cell: str) -> dict[str, str] | None:
    if cell in ("", "-"):
        return None
    return dict(part.split("=", 1) for part in cell.split(";"))


def score(failures: bool, labels: Path = LABELS) -> dict:
    rows = list(csv.DictReader(labels.open(encoding="utf-8"), delimiter="\t"))
    right = expected_n = predicted_n = matched = 0
    wrong: list = []
    missing: list[str] = []
    for row in rows:
        doc, start = row["id"].split(":")
        fact = _fact(doc + ".txt", int(start))
        if fact is None:  # a later detection change moved or dropped the figure: reported, not scored
            missing.append(row["id"])
            continue
        indicator = None if row["indicator"] == "-" else row["indicator"]
        breakdown = _read_breakdown(row["breakdown"])
        scope = row["scope"]
        # the labels name SPEC section 4 ids only (as the indicators score of SPEC section 6 counts)
        got = (fact.indicator if fact.indicator in SPEC_IDS else None, fact.breakdown, fact.scope.value)
        ok = got[0] == indicator and (indicator is None or ((got[1] is None) == (breakdown is None) and got[2] == scope))
        right += ok
        gold_col = indicator if comparable(indicator, breakdown, scope) else None
        pred_col = fact.indicator if comparable(fact.indicator, fact.breakdown, fact.scope.value) else None
        expected_n += gold_col is not None
        predicted_n += pred_col is not None
        matched += gold_col is not None and gold_col == pred_col
        if not ok:
            wrong.append((row["id"], row.get("note", ""), (indicator, breakdown, scope), got))
    p = matched / predicted_n if predicted_n else 1.0
    r = matched / expected_n if expected_n else 1.0
    scored = len(rows) - len(missing)
    summary = {
        "labelled": len(rows),
        "missing": missing,
        "triple": round(right / scored, 3) if scored else 0.0,
        "comparable": {"gold": expected_n, "predicted": predicted_n, "matched": matched, "p": round(p, 3),
                       "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0},
    }
    if failures:
        summary["failures"] = wrong
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    listing = sub.add_parser("list", help="print a sample of candidates: id and sentence only")
    listing.add_argument("--n", type=int, default=150)
    listing.add_argument("--seed", type=int, default=10)
    listing.add_argument("--second", action="store_true", help="the second sample (long_blind_labels_2.tsv)")
    listing.add_argument("--third", action="store_true", help="the third sample (long_blind_labels_3.tsv)")
    scoring = sub.add_parser("score", help="the labels against the pipeline")
    scoring.add_argument("--failures", action="store_true")
    scoring.add_argument("--json", action="store_true")
    scoring.add_argument("--second", action="store_true", help="score the second sample's labels")
    scoring.add_argument("--third", action="store_true", help="score the third sample's labels")
    args = parser.parse_args(argv)
    if args.command == "list":
        chosen = sample_3() if args.third else sample_2() if args.second else sample(args.n, args.seed)
        for c in chosen:
            print(f"{c.id}\t{c.sentence}")
        return 0
    summary = score(args.failures, LABELS_3 if args.third else LABELS_2 if args.second else LABELS)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    comp = summary["comparable"]
    if summary["missing"]:
        print(f"not detected any more (not scored): {', '.join(summary['missing'])}")
    print(f"labelled {summary['labelled']}  triple {summary['triple']:.3f}  comparable P {comp['p']:.3f} "
          f"R {comp['r']:.3f} F1 {comp['f1']:.3f} ({comp['matched']}/{comp['gold']} gold, {comp['predicted']} pred)")
    for fid, note, want, got in summary.get("failures", []):
        print(f"- {fid} {note}\n    labelled {want}  got {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
