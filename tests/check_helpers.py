"""What the checker says about an invented passage under a report's title: the table-driven checker
tests (tests/test_check_*.py) read their cases through these."""

from __future__ import annotations

import functools

from nlp.checks import check_document
from nlp.checks.registry import Finding
from nlp.pipeline import parse_text
from nlp.records import Severity


@functools.cache
def flags_of(title: str, body: str) -> tuple[Finding, ...]:
    """Every flag of the document made of ``title`` and ``body`` (cached: tables repeat bodies)."""
    return tuple(check_document(parse_text(title + body)))


def loud(title: str, body: str) -> list[str]:
    """The error and warning flags of the document, as ``name: message`` lines."""
    return [f"{f.name}: {f.message}" for f in flags_of(title, body) if f.severity in (Severity.ERROR, Severity.WARNING)]
