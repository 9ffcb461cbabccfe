"""Every command explains itself: `--help` works and the command has a help text."""

from __future__ import annotations

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from cli import app

COMMANDS = sorted(get_command(app).commands)


def test_the_spec_commands_of_this_round_exist():
    assert {"parse", "check", "evaluate", "train"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_text(name):
    command = get_command(app).commands[name]
    assert command.help and len(command.help.strip()) > 20
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_version_prints_the_package_version():
    from nlp import __version__

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"zongjie {__version__}"


# What a user reads in `--help` must be what the source says: rich markup would take "[dask]" for a
# style tag and print `pip install "zongjie"`, an install that lacks the engine the option needs.
HELP_PHRASES = [
    ("extract", 'pip install "zongjie[dask]"'),
    ("extract", "no line per failed input"),
    ("check", "--ignore-file"),
    ("check", "--accept"),
    ("check", "$XDG_CACHE_HOME/zongjie"),  # nlp/checks/cache.py reads it before ~/.cache
]


@pytest.mark.parametrize(("name", "phrase"), HELP_PHRASES)
def test_help_shows_the_phrase_as_written(name, phrase):
    result = CliRunner().invoke(app, [name, "--help"], terminal_width=400, env={"COLUMNS": "400"})
    assert result.exit_code == 0
    assert phrase in " ".join(result.output.split())
