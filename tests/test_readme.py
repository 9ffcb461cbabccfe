"""The README is what a user acts on: its commands' options exist, its doctest examples run as
shown, and its links to its own sections land."""

from __future__ import annotations

import doctest
import re
import textwrap
from pathlib import Path

import pytest
from typer.main import get_command

from cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = get_command(app).commands


def _table_rows() -> list[tuple[str, list[str]]]:
    """(command, options) for each row of the Commands table: `| `zongjie NAME … --opt …` | … |`."""
    rows = []
    for cell in re.findall(r"^\| `zongjie ([^|]*(?:\\\|[^|]*)*)` \|", README, re.M):
        words = cell.split()
        name = words[0] if not words[0].startswith("--") else None
        rows.append((name, re.findall(r"(?<![\w-])--[a-z][a-z-]*", cell)))
    return rows


TABLE = _table_rows()


def test_the_commands_table_is_found():
    assert {name for name, _ in TABLE} >= {"parse", "check", "extract", "export", "evaluate", "train", "compare"}


@pytest.mark.parametrize(("name", "options"), TABLE, ids=[f"{n}:{' '.join(o)}" for n, o in TABLE])
def test_every_documented_option_exists(name, options):
    if name is None:  # `zongjie --version`
        params = get_command(app).params
    else:
        assert name in COMMANDS, f"the README documents `zongjie {name}`, which does not exist"
        params = COMMANDS[name].params
    known = {opt for p in params for opt in (*p.opts, *p.secondary_opts)}
    missing = [o for o in options if o not in known]
    assert not missing, f"`zongjie {name or ''}` has no option {', '.join(missing)}"


DOCTESTS = [textwrap.dedent(block) for block in re.findall(r"```python\n(.*?)```", README, re.S) if ">>>" in block]


@pytest.mark.parametrize("block", DOCTESTS, ids=[f"doctest{i}" for i in range(len(DOCTESTS))])
def test_readme_doctest_runs_as_shown(block):
    test = doctest.DocTestParser().get_doctest(block, {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0 and runner.tries > 0


def _slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_to_own_sections_resolve():
    anchors = {_slug(h) for h in re.findall(r"^#+ (.+)$", README, re.M)}
    links = re.findall(r"\]\(#([^)]+)\)", README)
    assert links
    assert [link for link in links if link not in anchors] == []
