"""zongjie's command line: each command parses options, calls the library once, formats, sets the exit code."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from nlp import formats
from nlp.errors import ZongjieError

app = typer.Typer(
    help="Turn Chinese community work summaries (工作总结/报告/计划) into structured, checkable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"zongjie: {message}", err=True)
    return typer.Exit(code)


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A document: .txt/.md (any Chinese encoding), .docx, .pdf, .html.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the SPEC section 3 record as JSON.")] = False,
) -> None:
    """Parse one document and show its outline, facts and flags."""
    from nlp.pipeline import parse as parse_document

    try:
        result = parse_document(file)
    except ZongjieError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(formats.render_parse(result))


@app.command()
def evaluate(
    gold_dir: Annotated[
        Path | None, typer.Argument(help="Folder of gold files (evaluation/gold/*.json, SPEC section 6).")
    ] = None,
    docs: Annotated[
        list[Path] | None,
        typer.Option("--docs", help="Folder of the documents, searched recursively; may repeat. "
                     "Default: the gold folder, then corpus/samples."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the machine-readable report.")] = False,
    only: Annotated[
        str | None, typer.Option("--only", help="Comma-separated parts: facts,headings,meta,activities,flags.")
    ] = None,
    numerals: Annotated[bool, typer.Option("--numerals", help="Run the numerals benchmark instead.")] = False,
) -> None:
    """Score the pipeline against gold files: facts, headings, metadata, activities, flags (SPEC section 6)."""
    if numerals:
        try:
            from evaluation import numerals_bench
        except ImportError:
            raise _fail("the numerals benchmark (evaluation/numerals_bench.py) is not installed yet.") from None
        result = numerals_bench.run()
        if isinstance(result, str):
            typer.echo(result)
        elif isinstance(result, dict | list):
            typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    from evaluation import gold as gold_files
    from evaluation import report, scorer

    if gold_dir is None:
        raise _fail("give the gold folder, e.g. `zongjie evaluate evaluation/gold --docs DIR`.")
    parts = tuple(p.strip() for p in only.split(",") if p.strip()) if only else scorer.PARTS
    unknown = [p for p in parts if p not in scorer.PARTS]
    if unknown:
        raise _fail(f"--only: unknown part(s) {', '.join(unknown)}; choose from {', '.join(scorer.PARTS)}.")
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


if __name__ == "__main__":
    app()
