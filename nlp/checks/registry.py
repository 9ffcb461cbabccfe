"""The check registry: every rule registered once with a stable code, a name and a severity.

Codes are grouped by hundreds and never reused: ZJ1xx arithmetic, ZJ2xx rates, ZJ3xx consistency,
ZJ4xx surface, ZJ5xx across documents. A rule is a generator of ``Finding``s; the runner turns
findings into ``Flag`` records with line and column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from nlp.records import Flag, Parse, Severity
from nlp.text.spans import LineIndex


@dataclass(frozen=True)
class Finding:
    """What a rule found: an original-text span, a message, the facts involved."""

    start: int
    end: int
    message: str
    facts: tuple[int, ...] = ()


DocumentRule = Callable[[Parse], Iterable[Finding]]
CorpusRule = Callable[[Sequence[Parse]], Iterable[tuple[str, Finding]]]  # yields (doc id, finding)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    scope: Literal["document", "corpus"]
    check: Callable
    doc: str  # What / Why / Example

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, scope: Literal["document", "corpus"] = "document"):
    """Register a check function under a code and a name (both unique)."""

    def register(func: Callable) -> Callable:
        if code in RULES:
            raise ValueError(f"check code {code} registered twice")
        if any(r.name == name for r in RULES.values()):
            raise ValueError(f"check name {name} registered twice")
        RULES[code] = Rule(code, name, severity, scope, func, func.__doc__ or "")
        return func

    return register


def selected(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """Rules whose code or name matches ``select`` (all when empty) and not ``ignore``.

    Names match exactly; codes match by prefix (``ZJ1`` selects every arithmetic rule).
    """

    def matches(r: Rule, patterns: Sequence[str]) -> bool:
        return any(p == r.name or r.code.startswith(p.upper()) for p in patterns)

    return [
        r
        for code, r in sorted(RULES.items())
        if (not select or matches(r, select)) and not matches(r, ignore)
    ]


def to_flag(r: Rule, finding: Finding, lines: LineIndex | dict[int, tuple[int, int]]) -> Flag:
    line, col = lines[finding.start] if isinstance(lines, dict) else lines.line_col(finding.start)
    return Flag(
        name=r.name,
        code=r.code,
        severity=r.severity,
        start=finding.start,
        end=finding.end,
        line=line,
        col=col,
        message=finding.message,
        facts=finding.facts,
    )


def run_document_rules(parse: Parse, rules: Iterable[Rule]) -> Iterator[Flag]:
    found = [(r, finding) for r in rules if r.scope == "document" for finding in r.check(parse)]
    lines = line_cols(parse.original, [finding.start for _, finding in found])
    for r, finding in found:
        yield to_flag(r, finding, lines)


def line_cols(text: str, offsets: Iterable[int]) -> dict[int, tuple[int, int]]:
    """The 1-based (line, column) of each offset, as ``LineIndex.line_col`` gives it: the line
    feeds are counted from one offset to the next, so the text is read once for all the flags of
    a document and not indexed whole for a few of them.

    >>> line_cols("ab\\ncd\\n\\ne", [4, 0, 7])
    {0: (1, 1), 4: (2, 2), 7: (4, 1)}
    """
    found = {}
    line, line_start, at = 1, 0, 0
    for offset in sorted(set(offsets)):
        line += text.count("\n", at, offset)
        last_break = text.rfind("\n", at, offset)
        if last_break >= 0:
            line_start = last_break + 1
        found[offset] = (line, offset - line_start + 1)
        at = offset
    return found
