"""Gold annotations (SPEC section 6): load, locate in the original text, validate.

A gold file is one JSON object per document. ``load_gold`` checks its shape and
enumerations and returns a frozen ``GoldDoc``; ``validate_text`` checks every quote
against the document's decoded original text. Run as a script to check a folder:

    python -m evaluation.gold validate evaluation/gold/dev

which prints every problem as ``file: problem`` and exits 1 if there is any. Documents are found
in the split's corpus folders (``evaluation.splits``) unless ``--docs`` names others.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from nlp.errors import ZongjieError
from nlp.records import PERIODS, ActivityKind, Category, Qualifier

# The flag names fixed by SPEC section 3 (a contract, not a vocabulary).
FLAG_NAMES = (
    "sum_mismatch", "subset_exceeds_total", "rate_out_of_range", "rate_impossible", "rate_mismatch",
    "conflicting_values", "period_mismatch", "implausible_magnitude", "duplicated_unit",
    "masked_figure", "missing_figure", "unsupported_rate", "approximate_figure", "template_text",
)  # fmt: skip

_TOP_KEYS = ("doc", "title", "community", "year", "period", "headings", "facts", "activities", "flags")
_HEADING_KEYS = ("level", "label", "text")
_FACT_KEYS = (
    "quote", "number_text", "value", "low", "high", "unit", "qualifier", "subject", "category", "planned",
    "indicator", "breakdown", "scope",
)  # fmt: skip
# SPEC section 4: the indicator ids every implementation must know (the comparison's core columns).
SPEC_INDICATORS = (
    "population_total", "households_total", "population_resident", "population_floating", "party_members",
    "low_income_households", "low_income_persons", "disabled_persons", "elderly_persons", "volunteers",
    "volunteer_activities", "disputes_mediated", "mediation_success_rate", "satisfaction_rate", "patrols",
    "criminal_cases", "activities_held", "participants", "trainings", "trainees", "employed_persons",
    "unemployed_persons", "investment_yuan", "funds_disbursed_yuan", "donations_yuan", "households_visited",
    "problems_resolved_rate", "party_lessons", "theme_party_days",
)  # fmt: skip
# SPEC section 3: the dimensions of a breakdown and the values of scope.
BREAKDOWN_DIMENSIONS = ("sex", "age", "status", "area", "kind", "change")
SCOPES = ("unit", "part", "wider", "other")
_ACTIVITY_KEYS = ("quote", "name", "kind", "category", "planned")
# A partial gold file names what it annotates ("parts": ["metadata"]); the scorer's name of each part.
GOLD_PARTS = {"metadata": "meta", "headings": "headings", "facts": "facts", "activities": "activities", "flags": "flags"}
_FLAG_KEYS = ("code", "quote", "why")


class GoldError(ZongjieError):
    """A gold file is malformed or does not fit its document."""


@dataclass(frozen=True)
class GoldHeading:
    level: int
    label: str
    text: str


@dataclass(frozen=True)
class GoldFact:
    quote: str
    number_text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    subject: str | None
    category: str
    planned: bool
    indicator: str | None = None
    breakdown: dict[str, str] | None = None
    scope: str = "unit"


@dataclass(frozen=True)
class GoldActivity:
    quote: str
    name: str
    kind: str
    category: str
    planned: bool


@dataclass(frozen=True)
class GoldFlag:
    code: str
    quote: str
    why: str


@dataclass(frozen=True)
class GoldDoc:
    file: str  # the gold file, for messages
    doc: str
    title: str | None
    community: str | None
    year: int | None
    period: str | None
    headings: tuple[GoldHeading, ...] = ()
    facts: tuple[GoldFact, ...] = ()
    activities: tuple[GoldActivity, ...] = ()
    flags: tuple[GoldFlag, ...] = ()


# ---------------------------------------------------------------- shape checks


def _enum_problem(where: str, key: str, value: Any, allowed: Iterable[str]) -> list[str]:
    allowed = tuple(allowed)
    if value not in allowed:
        return [f"{where}: {key} {value!r} is not one of {', '.join(allowed)}"]
    return []


def _missing(where: str, item: Any, keys: Sequence[str]) -> list[str]:
    if not isinstance(item, dict):
        return [f"{where}: expected an object, got {type(item).__name__}"]
    return [f"{where}: missing key {k!r}" for k in keys if k not in item]


@cache
def known_indicators() -> frozenset[str]:
    """The SPEC section 4 ids and every id of nlp/resources/indicators.csv."""
    table = resources.files("nlp.resources").joinpath("indicators.csv").read_text(encoding="utf-8")
    return frozenset(SPEC_INDICATORS) | {row["id"] for row in csv.DictReader(io.StringIO(table))}


def indicator_problems(where: str, fact: dict[str, Any]) -> list[str]:
    """Problems of a fact's indicator, breakdown and scope (SPEC sections 3, 4 and 6).

    >>> indicator_problems("f", {"indicator": "party_members", "breakdown": {"sex": "女"}, "scope": "unit"})
    []
    >>> indicator_problems("f", {"indicator": None, "breakdown": {"gender": "女"}, "scope": "mine"})[1:]
    ["f: breakdown dimension 'gender' is not one of sex, age, status, area, kind, change", "f: scope 'mine' is not one of unit, part, wider, other"]
    """
    problems: list[str] = []
    indicator, breakdown = fact["indicator"], fact["breakdown"]
    if indicator is not None and (not isinstance(indicator, str) or indicator not in known_indicators()):
        problems.append(f"{where}: indicator {indicator!r} is in neither SPEC section 4 nor indicators.csv")
    if breakdown is not None:
        if not isinstance(breakdown, dict) or not breakdown:
            problems.append(f"{where}: breakdown must be null or a non-empty object {{dimension: words}}")
        else:
            if indicator is None:
                problems.append(f"{where}: a breakdown needs an indicator")
            for dim, words in breakdown.items():
                problems += _enum_problem(where, "breakdown dimension", dim, BREAKDOWN_DIMENSIONS)
                if not isinstance(words, str) or not words.strip():
                    problems.append(f"{where}: breakdown {dim!r} must name the part in words")
    problems += _enum_problem(where, "scope", fact["scope"], SCOPES)
    return problems


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def shape_problems(data: Any) -> list[str]:
    """Every structural problem of a gold object: missing keys, wrong types, bad enum values.

    >>> shape_problems({"doc": "a.txt"})[:1]
    ["missing key 'title'"]
    >>> shape_problems({"doc": "a.txt", "title": None, "community": None, "year": 2021, "period": "Q5",
    ...                 "headings": [], "facts": [], "activities": [], "flags": []})
    ["period 'Q5' is not one of H1, H2, Q1, Q2, Q3, Q4, year"]
    """
    if not isinstance(data, dict):
        return ["the gold file must hold one JSON object"]
    problems = [f"missing key {k!r}" for k in _TOP_KEYS if k not in data]
    if problems:
        return problems
    if not isinstance(data["doc"], str) or not data["doc"]:
        problems.append("doc must be a file name")
    for key in ("title", "community"):
        if data[key] is not None and not isinstance(data[key], str):
            problems.append(f"{key} must be a string or null")
    if data["year"] is not None and (not isinstance(data["year"], int) or isinstance(data["year"], bool)):
        problems.append("year must be an integer or null")
    if data["period"] is not None:
        problems += [p.removeprefix(": ") for p in _enum_problem("", "period", data["period"], PERIODS)]
    for key in ("headings", "facts", "activities", "flags"):
        if not isinstance(data[key], list):
            problems.append(f"{key} must be a list")
    if "parts" in data and (
        not isinstance(data["parts"], list) or not data["parts"] or not set(data["parts"]) <= set(GOLD_PARTS)
    ):
        problems.append(f"parts must be a non-empty list of {', '.join(GOLD_PARTS)}")
    if problems:
        return problems
    for i, h in enumerate(data["headings"]):
        where = f"headings[{i}]"
        missing = _missing(where, h, _HEADING_KEYS)
        problems += missing
        if not missing and (not isinstance(h["level"], int) or not 1 <= h["level"] <= 4):
            problems.append(f"{where}: level {h['level']!r} is not 1, 2, 3 or 4")
    for i, f in enumerate(data["facts"]):
        where = f"facts[{i}]"
        missing = _missing(where, f, _FACT_KEYS)
        problems += missing
        if missing:
            continue
        problems += _enum_problem(where, "qualifier", f["qualifier"], (q.value for q in Qualifier))
        problems += _enum_problem(where, "category", f["category"], (c.value for c in Category))
        for key in ("value", "low", "high"):
            if f[key] is not None and not _is_number(f[key]):
                problems.append(f"{where}: {key} must be a number or null")
        if not isinstance(f["planned"], bool):
            problems.append(f"{where}: planned must be true or false")
        if not isinstance(f["unit"], str):
            problems.append(f'{where}: unit must be a string ("" when there is none)')
        if f["qualifier"] == "range" and (f["low"] is None or f["high"] is None):
            problems.append(f"{where}: a range needs low and high")
        if f["qualifier"] == "masked" and f["value"] is not None:
            problems.append(f"{where}: a masked figure has value null")
        if f["qualifier"] not in ("range", "masked") and f["value"] is None:
            problems.append(f"{where}: value is null but qualifier is {f['qualifier']!r}")
        problems += indicator_problems(where, f)
    for i, a in enumerate(data["activities"]):
        where = f"activities[{i}]"
        missing = _missing(where, a, _ACTIVITY_KEYS)
        problems += missing
        if missing:
            continue
        problems += _enum_problem(where, "kind", a["kind"], (k.value for k in ActivityKind))
        problems += _enum_problem(where, "category", a["category"], (c.value for c in Category))
        if not isinstance(a["planned"], bool):
            problems.append(f"{where}: planned must be true or false")
    for i, g in enumerate(data["flags"]):
        where = f"flags[{i}]"
        missing = _missing(where, g, _FLAG_KEYS)
        problems += missing
        if not missing:
            problems += _enum_problem(where, "code", g["code"], FLAG_NAMES)
    return problems


def gold_from_dict(data: dict[str, Any], file: str = "<gold>") -> GoldDoc:
    """A ``GoldDoc`` from a gold object; raises ``GoldError`` naming the first problem."""
    problems = shape_problems(data)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise GoldError(f"{file}: {problems[0]}{more}; run `python -m evaluation.gold validate` to list them")

    def num(v: Any) -> float | None:
        return None if v is None else float(v)

    return GoldDoc(
        file=file,
        doc=data["doc"],
        title=data["title"],
        community=data["community"],
        year=data["year"],
        period=data["period"],
        headings=tuple(GoldHeading(h["level"], h["label"], h["text"]) for h in data["headings"]),
        facts=tuple(
            GoldFact(
                f["quote"],
                f["number_text"],
                num(f["value"]),
                num(f["low"]),
                num(f["high"]),
                f["unit"],
                f["qualifier"],
                f["subject"],
                f["category"],
                f["planned"],
                f["indicator"],
                None if f["breakdown"] is None else dict(f["breakdown"]),
                f["scope"],
            )  # fmt: skip
            for f in data["facts"]
        ),
        activities=tuple(
            GoldActivity(a["quote"], a["name"], a["kind"], a["category"], a["planned"])
            for a in data["activities"]
        ),
        flags=tuple(GoldFlag(g["code"], g["quote"], g["why"]) for g in data["flags"]),
    )


def declared_parts(path: Path) -> tuple[str, ...]:
    """The scorer parts a partial gold file annotates (its ``"parts"``); () for a full gold file.

    >>> import tempfile; f = Path(tempfile.mkdtemp()) / "L01.json"
    >>> _ = f.write_text('{"parts": ["metadata"]}', encoding="utf-8"); declared_parts(f)
    ('meta',)
    """
    data = read_gold_json(path)
    parts = data.get("parts") if isinstance(data, dict) else None
    return tuple(GOLD_PARTS[p] for p in parts if p in GOLD_PARTS) if isinstance(parts, list) else ()


def read_gold_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc


def load_gold(path: Path) -> GoldDoc:
    """Load and shape-check one gold file."""
    return gold_from_dict(read_gold_json(path), str(path))


def gold_files(folder: Path) -> list[Path]:
    """The gold files of a folder, sorted by name."""
    return sorted(p for p in folder.glob("*.json") if p.is_file())


# ---------------------------------------------------------------- spans in the text


def quote_span(text: str, quote: str) -> tuple[int, int] | None:
    """The span of ``quote`` when it occurs exactly once in ``text``.

    >>> quote_span("社区现有党员73名,团员12名", "党员73名")
    (4, 9)
    >>> quote_span("12名和12名", "12名") is None
    True
    """
    start = text.find(quote) if quote else -1
    if start < 0 or text.find(quote, start + 1) >= 0:
        return None
    return start, start + len(quote)


def inner_span(text: str, quote: str, part: str) -> tuple[int, int] | None:
    """The span of the first occurrence of ``part`` inside the unique ``quote``.

    >>> inner_span("共有党员73名,其中女党员30名", "其中女党员30名", "30")
    (13, 15)
    """
    span = quote_span(text, quote)
    if span is None or not part:
        return None
    offset = quote.find(part)
    if offset < 0:
        return None
    return span[0] + offset, span[0] + offset + len(part)


def text_problems(gold: GoldDoc, text: str) -> list[str]:
    """Every quote of ``gold`` that does not fit the document's original ``text``."""
    problems: list[str] = []

    def check_quote(where: str, quote: str) -> bool:
        count = text.count(quote) if quote else 0
        if count == 0:
            problems.append(f"{where}: quote {quote!r} not found in {gold.doc}")
        elif count > 1:
            problems.append(f"{where}: quote {quote!r} occurs {count} times in {gold.doc}")
        return count == 1

    for i, f in enumerate(gold.facts):
        check_quote(f"facts[{i}]", f.quote)
        if not f.number_text or f.number_text not in f.quote:
            problems.append(f"facts[{i}]: number_text {f.number_text!r} is not inside quote {f.quote!r}")
    seen: dict[tuple[int, int], int] = {}
    for i, f in enumerate(gold.facts):
        span = inner_span(text, f.quote, f.number_text)
        if span is not None and span in seen:
            problems.append(
                f"facts[{i}]: same span as facts[{seen[span]}] ({f.number_text!r} in {f.quote!r})"
            )
        elif span is not None:
            seen[span] = i
    for i, a in enumerate(gold.activities):
        check_quote(f"activities[{i}]", a.quote)
        if not a.name or a.name not in a.quote:
            problems.append(f"activities[{i}]: name {a.name!r} is not inside quote {a.quote!r}")
    for i, g in enumerate(gold.flags):
        check_quote(f"flags[{i}]", g.quote)
    return problems


# ---------------------------------------------------------------- finding documents


def find_document(name: str, folders: Sequence[Path]) -> Path | None:
    """The file called ``name``: directly under one of ``folders`` first, then anywhere below them."""
    for folder in folders:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    for folder in folders:
        if folder.is_dir():
            found = sorted(p for p in folder.rglob(Path(name).name) if p.is_file())
            if found:
                return found[0]
    return None


def read_original(path: Path) -> str:
    """The decoded original text of a document, as the pipeline sees it."""
    try:
        from corpus.readers import read_path
    except ImportError:  # readers not installed yet: plain UTF-8 text files only
        return path.read_text(encoding="utf-8-sig")
    return read_path(path).text


# ---------------------------------------------------------------- validate command


def validate_folder(
    folder: Path, docs: Sequence[Path], reader: Callable[[Path], str] = read_original
) -> list[str]:
    """Every problem of every gold file in ``folder`` as ``file: problem`` lines."""
    lines: list[str] = []
    files = gold_files(folder)
    if not files:
        return [f"{folder}: no gold files (*.json)"]
    for path in files:
        try:
            data = read_gold_json(path)
        except GoldError as exc:
            lines.append(str(exc))
            continue
        problems = shape_problems(data)
        if problems:
            lines += [f"{path.name}: {p}" for p in problems]
            continue
        gold = gold_from_dict(data, path.name)
        if Path(gold.doc).stem != path.stem:
            lines.append(f"{path.name}: doc {gold.doc!r} does not match the gold file's name")
        doc_path = find_document(gold.doc, docs)
        if doc_path is None:
            lines.append(f"{path.name}: document {gold.doc!r} not found under {', '.join(map(str, docs))}")
            continue
        try:
            text = reader(doc_path)
        except (ZongjieError, OSError, UnicodeDecodeError) as exc:
            lines.append(f"{path.name}: cannot read {doc_path}: {exc}")
            continue
        lines += [f"{path.name}: {p}" for p in text_problems(gold, text)]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    from evaluation import splits  # splits reads gold files with this module

    parser = argparse.ArgumentParser(prog="python -m evaluation.gold", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="check every gold file of a folder against its document")
    check.add_argument("folder", type=Path, help="a folder of gold files, e.g. evaluation/gold/dev")
    check.add_argument("--docs", type=Path, action="append",
                       help="folder holding the documents (searched recursively; may repeat); "
                            "default: the corpus folders of the split the folder is named after")  # fmt: skip
    args = parser.parse_args(argv)
    docs = args.docs
    if not docs:
        if args.folder.name not in splits.SPLITS:
            parser.error(f"--docs is needed: {args.folder} is not named after a split ({', '.join(splits.SPLITS)})")
        docs = splits.doc_folders(args.folder.name)
    problems = validate_folder(args.folder, docs)
    for line in problems:
        print(line)
    if not problems:
        print(f"{len(gold_files(args.folder))} gold files, no problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
