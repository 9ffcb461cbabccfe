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


if __name__ == "__main__":
    app()
