"""The checks: importing this package registers every rule (ZJ1xx–ZJ5xx).

``check_document`` runs the selected document rules on one ``Parse`` and returns its flags
in text order. Rule families live one per module; the surface and cross-document families
are imported when present so that a partial checkout still checks what it can.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from nlp.checks import arithmetic, consistency, rates  # noqa: F401  (register rules)
from nlp.checks.registry import RULES, Finding, Rule, rule, run_document_rules, selected
from nlp.records import Flag, Parse

for _optional in ("surface", "corpus"):
    try:
        importlib.import_module(f"nlp.checks.{_optional}")
    except ModuleNotFoundError as _exc:  # the family is not written yet
        if _exc.name != f"nlp.checks.{_optional}":
            raise

__all__ = ["RULES", "Finding", "Rule", "check_document", "rule", "selected"]


def check_document(parse: Parse, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> tuple[Flag, ...]:
    """Every flag the selected document rules raise on ``parse``, ordered by position then code."""
    flags = run_document_rules(parse, selected(select, ignore))
    return tuple(sorted(flags, key=lambda f: (f.start, f.end, f.code)))
