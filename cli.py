"""zongjie's command line: each command parses options, calls the library once, formats, sets the exit code."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from nlp.errors import ZongjieError
from nlp.output import formats

app = typer.Typer(
    help="Turn Chinese community work summaries (工作总结/报告/计划) into structured, checkable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _show_version(value: bool) -> None:
    if value:
        from nlp import __version__

        typer.echo(f"zongjie {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Turn Chinese community work summaries (工作总结/报告/计划) into structured, checkable data."""


def _evaluation_missing(what: str = "`zongjie evaluate`") -> typer.Exit:
    return _fail(f"{what} runs from a source checkout: the evaluation/ folder is not installed.")


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"zongjie: {message}", err=True)
    return typer.Exit(code)


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A document: .txt/.md (any Chinese encoding), .docx, .pdf, .html.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the SPEC section 3 record as JSON.")] = False,
    html_out: Annotated[
        Path | None,
        typer.Option("--html", help="Also write a review page: the text with every fact, activity and flag marked."),
    ] = None,
) -> None:
    """Parse one document and show its outline, facts and flags."""
    from nlp.pipeline import parse_file as parse_document

    try:
        result = parse_document(file)
    except ZongjieError as exc:
        raise _fail(str(exc)) from None
    if html_out is not None:
        from nlp.output.review_html import write_review

        try:
            write_review(result, html_out)
        except OSError as exc:
            raise _fail(f"{html_out}: cannot write the review page ({exc.strerror or exc}).") from None
        typer.echo(f"wrote {html_out}", err=True)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(formats.render_parse(result))


@app.command()
def evaluate(
    gold_dir: Annotated[
        Path | None,
        typer.Argument(help="One folder of gold files (SPEC section 6). Default: the splits of "
                       "evaluation/gold/ (dev, and test when present), side by side."),
    ] = None,
    split: Annotated[
        str | None, typer.Option("--split", help="dev, test or all (default all): which gold of evaluation/gold/ to score.")
    ] = None,
    docs: Annotated[
        list[Path] | None,
        typer.Option("--docs", help="Folder of the documents, searched recursively; may repeat. "
                     "Default: each split's corpus folders under $ZONGJIE_SHARED or ../shared "
                     "(dev: corpus/seeds, corpus/dev, corpus/long; test: corpus/fresh); for GOLD_DIR, the gold "
                     "folder then corpus/samples."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the machine-readable report.")] = False,
    only: Annotated[
        str | None, typer.Option("--only", help="Comma-separated parts: facts,headings,meta,activities,flags.")
    ] = None,
    numerals: Annotated[bool, typer.Option("--numerals", help="Run the numerals benchmark instead.")] = False,
) -> None:
    """Score the pipeline against gold files: facts, indicators, headings, metadata, activities, flags (SPEC section 6)."""
    if numerals:
        try:
            from evaluation import numerals_bench
        except ImportError:
            raise _evaluation_missing("the numerals benchmark") from None
        result = numerals_bench.run()
        if isinstance(result, str):
            typer.echo(result)
        elif isinstance(result, dict | list):
            # a failed case shows the exact Decimal values it got: print them as written
            typer.echo(json.dumps(result, ensure_ascii=False, indent=1, default=str))
        return
    try:
        from evaluation import gold as gold_files
        from evaluation import report, scorer, splits
    except ImportError:
        raise _evaluation_missing() from None

    parts = tuple(p.strip() for p in only.split(",") if p.strip()) if only else scorer.PARTS
    unknown = [p for p in parts if p not in scorer.PARTS]
    if unknown:
        raise _fail(f"--only: unknown part(s) {', '.join(unknown)}; choose from {', '.join(scorer.PARTS)}.")
    if gold_dir is None:
        try:
            names = splits.selected(split or "all")
        except ValueError as exc:
            raise _fail(f"--split: {exc}.") from None
        try:
            reports = splits.evaluate_splits(names, docs, parts)
        except ZongjieError as exc:
            raise _fail(str(exc)) from None
        absent = [n for n, r in reports.items() if r is None]
        if len(absent) == len(reports):
            where = ", ".join(str(splits.gold_dir(n)) for n in absent)
            raise _fail(f"no gold files in {where}; give a gold folder, e.g. `zongjie evaluate GOLD_DIR --docs DIR`.")
        sys.stdout.write(report.render_splits_json(reports) if as_json else report.render_splits_text(reports))
        return
    if split is not None:
        raise _fail("give either a gold folder or --split, not both.")
    if not gold_dir.is_dir():
        raise _fail(f"{gold_dir}: not a folder of gold files.")
    paths = gold_files.gold_files(gold_dir)
    if not paths:
        raise _fail(f"{gold_dir}: holds no gold files (*.json).")
    import corpus

    folders = docs or [gold_dir, Path(corpus.__file__).parent / "samples"]
    try:
        golds = [gold_files.load_gold(p) for p in paths]
        result = scorer.evaluate(golds, folders, parts)
    except ZongjieError as exc:
        raise _fail(str(exc)) from None
    sys.stdout.write(report.render_json(result) if as_json else report.render_text(result))


_FAIL_LEVELS = {"error": ("error",), "warning": ("error", "warning"), "info": ("error", "warning", "info"), "never": ()}


def _patterns(values: list[str] | None) -> tuple[str, ...]:
    return tuple(p.strip() for v in values or () for p in v.split(",") if p.strip())


@app.command()
def check(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Documents, folders (searched recursively) and .zip archives.")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="text (path:line:col: CODE message), json or sarif (SARIF 2.1.0).")
    ] = "text",
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these rules: names or code prefixes, comma-separated.")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Skip these rules: names or code prefixes, comma-separated.")
    ] = None,
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="Exit 1 when a flag of this severity or worse is printed: "
                          "error, warning, info or never.")
    ] = "error",
    list_rules: Annotated[bool, typer.Option("--rules", help="List every rule: code, name, severity, summary.")] = False,
    explain: Annotated[
        str | None, typer.Option("--explain", help="Print what a rule checks, why, and an example (code or name).")
    ] = None,
    ignore_file: Annotated[
        Path, typer.Option("--ignore-file", help="Fingerprints of accepted findings, one per line.")
    ] = Path(".zongjie-ignore"),
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Parse every document again instead of reusing what an earlier run learned "
            "(cache: $ZONGJIE_CACHE_DIR, else $XDG_CACHE_HOME/zongjie, else ~/.cache/zongjie).",
        ),
    ] = False,
    accept: Annotated[
        bool, typer.Option("--accept", "--write-ignore", help="Accept the current findings: append their "
                           "fingerprints to the ignore file so the next run stays quiet.")
    ] = False,
) -> None:
    """Flag unsupported or inconsistent figures, like a linter: one line per flag, a closing summary."""
    from nlp.checks import RULES, selected
    from nlp.checks.cache import CheckCache
    from nlp.checks.run import check_run
    from nlp.checks.suppress import append_ignore, load_ignore

    if list_rules:
        for r in sorted(RULES.values(), key=lambda r: r.code):
            typer.echo(f"{r.code}  {r.name:<22} {r.severity.value:<8} {r.summary}")
        return
    if explain:
        found = [r for r in RULES.values() if explain.upper() == r.code or explain == r.name]
        if not found:
            raise _fail(f"--explain: no rule {explain}; `zongjie check --rules` lists them.")
        r = found[0]
        import textwrap

        typer.echo(f"{r.code} {r.name} ({r.severity.value})\n\n{textwrap.dedent(r.doc).strip()}")
        return
    if output_format not in ("text", "json", "sarif"):
        raise _fail(f"--format: {output_format!r} is not one of text, json, sarif.")
    if fail_on not in _FAIL_LEVELS:
        raise _fail(f"--fail-on: {fail_on!r} is not one of {', '.join(_FAIL_LEVELS)}.")
    if not paths:
        raise _fail("give the documents to check, e.g. `zongjie check report.txt` or `zongjie check DIR`.")
    chosen, skipped = _patterns(select), _patterns(ignore)
    for p in chosen + skipped:
        if not any(p == r.name or r.code.startswith(p.upper()) for r in RULES.values()):
            raise _fail(f"--select/--ignore: {p!r} names no rule; `zongjie check --rules` lists them.")
    if not selected(chosen, skipped):
        raise _fail("--select/--ignore leave no rule to run.")
    try:
        accepted = frozenset() if accept else load_ignore(ignore_file)
        report = check_run(paths, chosen, skipped, accepted, cache=None if no_cache else CheckCache())
    except (ZongjieError, OSError) as exc:
        raise _fail(str(exc)) from None
    for path, reason in report.errors:
        typer.echo(f"{path}: {reason}", err=True)
    if accept:
        added = append_ignore(ignore_file, ((f.fingerprint, f.flag, f.path) for f in report.findings))
        typer.echo(f"{added} 个问题已接受,写入 {ignore_file}(共 {len(report.findings)} 个)", err=True)
        raise typer.Exit(2 if report.errors else 0)
    if output_format == "json":
        sys.stdout.write(formats.render_check_json(report))
    elif output_format == "sarif":
        from nlp import __version__

        rules = sorted(RULES.values(), key=lambda r: r.code)
        sys.stdout.write(formats.render_check_sarif(report, rules, version=__version__))
    else:
        sys.stdout.write(formats.render_check_text(report))
    if report.errors:
        raise typer.Exit(2)
    if any(f.flag.severity.value in _FAIL_LEVELS[fail_on] for f in report.findings):
        raise typer.Exit(1)


@app.command()
def compare(
    dataset: Annotated[Path, typer.Argument(help="The dataset `zongjie extract` wrote (a .duckdb file or its folder).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The report: .xlsx (Excel book), .html (offline "
                                         "page with charts) or .csv (the table alone).")],
    year: Annotated[int | None, typer.Option("--year", help="Only this year.")] = None,
    period: Annotated[str | None, typer.Option("--period", help="Only this period: H1, H2, Q1-Q4 or year.")] = None,
    street: Annotated[str | None, typer.Option("--street", help="Only the communities of this street (街道).")] = None,
    indicators: Annotated[
        str | None, typer.Option("--indicators", help="Only these indicators, comma-separated ids "
                                 "(party_members,low_income_households,…).")
    ] = None,
) -> None:
    """Lay communities side by side: indicators per period, per 1,000 residents, with every figure's source."""
    from nlp.compare.report import compare_dataset
    from nlp.compare.table import Selection

    selection = Selection(year, period, street, _patterns([indicators] if indicators else None))
    try:
        result = compare_dataset(dataset, output, selection)
    except ZongjieError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"{output}: cannot write the report ({exc.strerror or exc}).") from None
    typer.echo(f"wrote {output}: {len(result.rows)} rows (community × period) × {len(result.columns)} indicators, "
               f"{len(result.flags)} flags")


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Documents, folders (searched recursively) and .zip archives.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="The dataset: a .duckdb file, or a folder for zongjie.duckdb.")],
    manifest: Annotated[
        Path | None, typer.Option(help="CSV path,community,street,district,year,period; overrides what the text says.")
    ] = None,
    jobs: Annotated[int | None, typer.Option(help="Worker processes (default: the machine's cores).", min=1)] = None,
    engine: Annotated[str, typer.Option(help="local, or dask (needs `pip install \"zongjie\\[dask]\"`).")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="The dask scheduler, e.g. tcp://host:8786 (default: a local cluster).")
    ] = None,
    refresh: Annotated[bool, typer.Option(help="Re-extract documents an older engine parsed.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing: no progress bar, no summary, no "
                                        "line per failed input (they stay in the errors table and exit status 1).")] = False,
) -> None:
    """Build the dataset (SPEC section 5) from an archive: resumable, incremental, parallel."""
    from nlp.dataset.engines import default_jobs
    from nlp.dataset.extraction import extract as run_extract
    from nlp.dataset.progress import RichProgress, render_summary

    bar = RichProgress() if not quiet and sys.stderr.isatty() else None
    try:
        summary = run_extract(
            paths, out, manifest=manifest, jobs=jobs or default_jobs(), engine=engine,
            scheduler=scheduler, refresh=refresh, progress=bar,
        )
    except ZongjieError as exc:
        raise _fail(str(exc)) from None
    if not quiet:
        typer.echo(render_summary(summary), err=True, nl=False)
    if summary.errors:
        raise typer.Exit(1)


@app.command()
def export(
    dataset: Annotated[Path, typer.Argument(help="A dataset built by `zongjie extract` (.duckdb file or folder).")],
    output_format: Annotated[str, typer.Option("--format", help="parquet, csv (UTF-8 with BOM), xlsx or jsonl.")],
    to: Annotated[
        Path | None, typer.Option("--to", help="Folder for the files (default: <name>-<format> beside a .duckdb file, zongjie-<format> inside a dataset folder).")
    ] = None,
) -> None:
    """Write the dataset's tables as files; no cell can start a spreadsheet formula."""
    from nlp.dataset.exports import export as run_export

    try:
        written = run_export(dataset, output_format, to)
    except ZongjieError as exc:
        raise _fail(str(exc)) from None
    for path in written:
        typer.echo(str(path))


@app.command()
def train(
    data: Annotated[
        Path | None,
        typer.Option(help="Folder of labelled CSV files (text,category). Default: the shipped corpus/labelled."),
    ] = None,
    out: Annotated[Path, typer.Option(help="Where to write the model and its card.")] = Path("models"),
    activities: Annotated[
        bool,
        typer.Option(
            "--activities",
            help="Retrain the activity tagger and kind classifier from the gold activities instead.",
        ),
    ] = False,
    gold: Annotated[
        list[Path] | None,
        typer.Option(help="A gold folder (may repeat). Default: the development gold (for the category model also its long-report excerpts, gold/dev/facts)."),
    ] = None,
    docs: Annotated[
        list[Path] | None,
        typer.Option(help="A folder of the gold's documents (may repeat). Default: ../shared/corpus/{seeds,dev,long}."),
    ] = None,
) -> None:
    """Retrain the work-category model from the labelled data and the gold facts' clauses into models/
    (or, with --activities, the activity model from the gold annotations)."""
    if activities:
        _train_activities(out, gold, docs)
        return
    from nlp.categories.categorize import train as train_model

    try:
        card = train_model(out, data, gold, docs)
    except ZongjieError as exc:
        raise _fail(str(exc)) from None
    typer.echo(
        f"trained on {card['examples']} examples ({card['real_clauses']} real clauses of "
        f"{card['real_documents']} documents), {len(card['classes'])} categories; wrote {out}"
    )


def _train_activities(out: Path, gold: list[Path] | None, docs: list[Path] | None) -> None:
    from nlp.activities.training import train as train_activities

    try:
        card = train_activities(out, gold, docs)
    except ZongjieError as exc:
        raise _fail(str(exc)) from None
    typer.echo(
        f"trained the activity model on {card['activities']} activities in {card['documents']} documents"
        f" ({', '.join(card['gold'])}); wrote {out}"
    )


if __name__ == "__main__":
    app()
